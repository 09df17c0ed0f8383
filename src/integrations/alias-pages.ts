/**
 * URL paths of `/papers/<alias>/` pages (redirects and shared-slug pages), read from the ingested
 * entries, so the sitemap lists only canonical pages. Read once, on first use, at build time.
 */
import { readdirSync, readFileSync, existsSync } from 'node:fs';
import path from 'node:path';
import { joinBase, paperPath } from '../core/paths.ts';

/** Every alias page path, with base (e.g. `/repo/papers/old-slug/`). */
export function aliasPaths(papersDir: string, base: string): Set<string> {
  const paths = new Set<string>();
  if (!existsSync(papersDir)) return paths;
  for (const name of readdirSync(papersDir)) {
    if (!name.endsWith('.json')) continue;
    const { aliases } = JSON.parse(readFileSync(path.join(papersDir, name), 'utf8')) as { aliases?: string[] };
    for (const alias of aliases ?? []) paths.add(joinBase(base, paperPath(alias)));
  }
  return paths;
}
