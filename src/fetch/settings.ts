/**
 * The environment `npm run fetch` reads, in one place (to move into src/config.ts with the
 * other settings when src/lib/config.ts does).
 */

/** The real endpoint. */
export const DEFAULT_API = 'https://huggingface.co/api/daily_papers';

/** The endpoint's base: `PAPERSHELF_API` (a mirror, a test server), else the real one. */
export function apiBase(env: NodeJS.ProcessEnv = process.env): string {
  return env.PAPERSHELF_API?.trim() || DEFAULT_API;
}

/** Where digests are saved: `PAPERSHELF_DIGESTS`, else `content/digests` (ingest's default input too). */
export function digestsFolder(env: NodeJS.ProcessEnv = process.env): string {
  return env.PAPERSHELF_DIGESTS || './content/digests';
}
