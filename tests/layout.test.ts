/**
 * The README's Layout section is the map a newcomer reads first: every folder of src/, scripts/ and
 * tests/ must be in it, and every path it names must exist.
 */
import { existsSync, readdirSync, readFileSync } from 'node:fs';
import path from 'node:path';
import { describe, expect, it } from 'vitest';
import { repoRoot } from './support/repo.ts';

const readme = readFileSync(path.join(repoRoot, 'README.md'), 'utf8');
const section = readme.slice(readme.indexOf('## Layout'), readme.indexOf('\n## ', readme.indexOf('## Layout') + 1));
const tree = /```\n([\s\S]*?)```/.exec(section)![1]!;
/** The paths the tree names: the first word of each line, and each `a/, b/` list before the description. */
const named = tree
  .split('\n')
  .filter((line) => /^\S/.test(line))
  .flatMap((line) => line.split(/\s{2,}/)[0]!.split(/,\s*/))
  .map((p) => p.trim())
  .filter(Boolean);

/** Folders below `dir`, `fixtures/` folders (test data beside their tests) not descended into. */
function folders(dir: string): string[] {
  return readdirSync(path.join(repoRoot, dir), { withFileTypes: true })
    .filter((e) => e.isDirectory() && e.name !== 'fixtures')
    .flatMap((e) => [`${dir}/${e.name}/`, ...folders(`${dir}/${e.name}`)]);
}

describe('README layout', () => {
  it('names only paths that exist (but the generated content/papers/)', () => {
    expect(named.length).toBeGreaterThan(20);
    for (const p of named.filter((p) => p !== 'content/papers/')) expect(existsSync(path.join(repoRoot, p)), p).toBe(true);
  });

  it('names every folder of src/, scripts/ and tests/ (itself, or a folder inside it)', () => {
    // Route folders and the kinds of tests are described by their parent's line.
    const coversChildren = ['src/pages/', 'tests/', 'tests/support/'];
    const missing = ['src/', 'scripts/', 'tests/', ...['src', 'scripts', 'tests'].flatMap(folders)].filter(
      (f) => !named.some((p) => p === f || p.startsWith(f) || (coversChildren.includes(p) && f.startsWith(p))),
    );
    expect(missing).toEqual([]);
  });

  it('names every source file of src/core/, src/site/ and src/ingest/ (by name, without .ts)', () => {
    const files = ['src/core', 'src/site/data', 'src/site/view', 'src/ingest', 'src/ingest/formats'].flatMap((dir) =>
      readdirSync(path.join(repoRoot, dir)).filter((f) => f.endsWith('.ts') && !f.endsWith('.test.ts')),
    );
    const unnamed = files.map((f) => f.replace(/\.ts$/, '')).filter((name) => !new RegExp(`\\b${name}\\b`).test(tree));
    expect(unnamed).toEqual([]);
  });
});
