/**
 * Build-time settings read from the environment, in one place so the ingest CLI, Astro and
 * the tests agree on them.
 */

/** Where ingest reads digests when given no path (`PAPERSHELF_DIGESTS`, for test builds). */
export function digestsDir(): string {
  return process.env.PAPERSHELF_DIGESTS || './content/digests';
}

/** Where ingest writes paper entries and Astro reads them (`PAPERSHELF_PAPERS`, for test builds). */
export function papersDir(): string {
  return process.env.PAPERSHELF_PAPERS || './content/papers';
}

/** Where hand-written notes live (`content/notes/<paper-id>.mdx`); `PAPERSHELF_NOTES` for test builds. */
export function notesDir(): string {
  return process.env.PAPERSHELF_NOTES || './content/notes';
}

/** The topic taxonomy file; `PAPERSHELF_TOPICS` for test builds. */
export function topicsFile(): string {
  return process.env.PAPERSHELF_TOPICS || './content/topics.yaml';
}

/** Base path for GitHub Pages project sites: `/repo-name`, or `/`. Always starts and ends with `/`. */
export function basePath(env: string | undefined = process.env.BASE): string {
  const trimmed = (env ?? '').trim().replace(/^\/+|\/+$/g, '');
  return trimmed ? `/${trimmed}/` : '/';
}

/** Absolute site URL for canonical links and feeds (`SITE`). */
export function siteUrl(env: string | undefined = process.env.SITE): string {
  return (env && env.trim()) || 'http://localhost:4321';
}
