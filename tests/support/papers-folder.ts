/** A temporary papers folder for the tests of the build's readers of `content/papers/`. */
import { writeFileSync } from 'node:fs';
import path from 'node:path';
import { serializePaper } from '../../src/ingest/io.ts';
import type { Paper } from '../../src/schemas/paper.ts';
import { tempDir } from './temp-dir.ts';

/**
 * A new folder holding each of `papers` as `<id>.json`, written as ingest writes it, and each of
 * `others` (file name → text) beside them; removed when the calling test finishes.
 */
export function papersFolder(papers: readonly Paper[], others: Record<string, string> = {}): string {
  const dir = tempDir('papers');
  for (const paper of papers) writeFileSync(path.join(dir, `${paper.id}.json`), serializePaper(paper));
  for (const [name, text] of Object.entries(others)) writeFileSync(path.join(dir, name), text);
  return dir;
}
