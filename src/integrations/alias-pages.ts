/**
 * URL paths of `/papers/<alias>/` pages (redirects and shared-slug pages), read from the ingested
 * entries, so the sitemap lists only canonical pages. Read once, on first use, at build time.
 */
import { existsSync } from 'node:fs';
import { joinBase, paperPath } from '../core/paths.ts';
import { readPaperEntries } from './papers-folder.ts';

/** Every alias page path, with base (e.g. `/repo/papers/old-slug/`). */
export function aliasPaths(papersDir: string, base: string): Set<string> {
  const paths = new Set<string>();
  if (!existsSync(papersDir)) return paths;
  for (const aliases of readPaperEntries(papersDir, (entry) => entry.aliases)) {
    for (const alias of aliases ?? []) paths.add(joinBase(base, paperPath(alias)));
  }
  return paths;
}
