/** A temporary papers folder for the tests of the build's readers of `content/papers/`. */
import { mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { onTestFinished } from 'vitest';
import { serializePaper } from '../../src/ingest/io.ts';
import type { Paper } from '../../src/schemas/paper.ts';

/**
 * A new folder holding each of `papers` as `<id>.json`, written as ingest writes it, and each of
 * `others` (file name → text) beside them; removed when the calling test finishes.
 */
export function papersFolder(papers: readonly Paper[], others: Record<string, string> = {}): string {
  const dir = mkdtempSync(path.join(tmpdir(), 'papershelf-papers-'));
  onTestFinished(() => rmSync(dir, { recursive: true, force: true }));
  for (const paper of papers) writeFileSync(path.join(dir, `${paper.id}.json`), serializePaper(paper));
  for (const [name, text] of Object.entries(others)) writeFileSync(path.join(dir, name), text);
  return dir;
}
