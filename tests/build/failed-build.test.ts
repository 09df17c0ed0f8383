/**
 * A build that fails after the search index has started (src/integrations/pagefind.ts indexes in
 * a worker from `astro:build:start`, into a staging folder) must leave nothing behind: Astro has
 * no failure hook, so the folder goes when the process exits.
 */
import { expect, it } from 'vitest';
import { mkdirSync, mkdtempSync, readdirSync, writeFileSync } from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { run } from '../support/run.ts';
import { renderApi } from '../support/render-digests.ts';
import { testCard } from '../support/builders.ts';

it('a build that fails while rendering leaves no search-index staging folder', async () => {
  const root = mkdtempSync(path.join(os.tmpdir(), 'papershelf-failed-build-'));
  const digests = path.join(root, 'digests');
  const notes = path.join(root, 'notes');
  const tmp = path.join(root, 'tmp');
  for (const dir of [digests, notes, tmp]) mkdirSync(dir);
  writeFileSync(
    path.join(digests, '2026-01-08.json'),
    renderApi('2026-01-08', [testCard({ title: 'Sparse Attention for Long Documents', arxiv: '2601.00001', published: '2026-01-02' })]),
  );
  const ingest = await run('npx', ['tsx', 'scripts/ingest.ts', digests, '--out', path.join(root, 'papers'), '--no-ledger', '--quiet']);
  expect(ingest.code, ingest.output).toBe(0);
  // The note compiles (the notes check passes at build start), but the module it imports does not exist:
  // the build fails in Vite's bundling, after the indexing worker has started.
  writeFileSync(path.join(notes, '2601.00001.mdx'), "import Missing from './missing.astro';\n\n<Missing />\n");

  const build = await run('npx', ['astro', 'build'], {
    PAPERSHELF_PAPERS: path.join(root, 'papers'),
    PAPERSHELF_NOTES: notes,
    PAPERSHELF_OUT: path.join(root, 'dist'),
    PAPERSHELF_CACHE: path.join(root, 'cache'),
    TMPDIR: tmp,
  });
  expect(build.code, build.output).not.toBe(0);
  expect(build.output).toMatch(/missing\.astro/);
  expect(readdirSync(tmp).filter((name) => name.startsWith('papershelf-pagefind-'))).toEqual([]);
});
