/**
 * The build's reader of the papers folder (`content/papers/`, what ingest wrote). Here, not beside
 * ingest's writer in src/ingest/io.ts, because the site never imports from src/ingest/ (eslint).
 */
import { readdirSync, readFileSync } from 'node:fs';
import path from 'node:path';
import type { Paper } from '../schemas/paper.ts';

/**
 * Every paper entry (`<dir>/*.json`) as `pick` maps it, in listing order; other files are skipped.
 * The build's one reader of the papers folder: the entries worker (entries.ts) and the sitemap's
 * alias list (alias-pages.ts). Not
 * validated again, so `pick` should copy only the fields it needs (the rest of the parsed JSON can
 * then be collected): ingest wrote each file through `paperSchema` right before the build, and
 * Astro's content layer checks the same files with the same schema and stops the build on any it
 * rejects. Synchronous: the callers are a worker thread and a config hook with nothing to overlap.
 */
export function readPaperEntries<T>(dir: string, pick: (entry: Paper) => T): T[] {
  const prefix = path.join(dir, path.sep);
  const out: T[] = [];
  for (const name of readdirSync(dir)) {
    if (name.endsWith('.json')) out.push(pick(JSON.parse(readFileSync(prefix + name, 'utf8')) as Paper));
  }
  return out;
}
