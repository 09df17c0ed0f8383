/**
 * The corpus tests skip on a machine without `../shared/corpus` (a contributor's laptop), but CI
 * always has it: there, a missing corpus is a failure, never a silent skip.
 */
import { existsSync } from 'node:fs';
import path from 'node:path';
import { corpusDir } from '../repo.ts';
import { config } from '../../../src/config.ts';

export default function setup() {
  const papers = path.join(corpusDir, 'papers.jsonl');
  if (existsSync(papers)) return;
  const message = `the real corpus is missing: expected ${papers} (set PAPERSHELF_CORPUS to its folder)`;
  if (config().ci) throw new Error(`${message}; CI must run the corpus tests`);
  console.warn(`[corpus] ${message}; the corpus tests are skipped`);
}
