import { existsSync, readFileSync, readdirSync, statSync } from 'node:fs';
import path from 'node:path';
import { describe, expect, it } from 'vitest';
import { tempDir, writeTree } from '../../tests/support/temp-dir.ts';
import { placeTree } from './place-tree.ts';

/** Every file under `dir` with its text, by relative path. */
function read(dir: string): Record<string, string> {
  const out: Record<string, string> = {};
  for (const name of readdirSync(dir, { recursive: true, encoding: 'utf8' }).sort()) {
    const file = path.join(dir, name);
    if (statSync(file).isFile()) out[name] = readFileSync(file, 'utf8');
  }
  return out;
}

describe('placeTree', () => {
  it('links: the same files at the new place, hard-linked, the source untouched', () => {
    const root = tempDir('place-tree');
    const files = { 'entry.json': '{}', 'fragment/a.pf_fragment': 'a', 'fragment/deep/b': 'b' };
    const from = writeTree(path.join(root, 'from'), files);
    placeTree(from, path.join(root, 'to'), 'link');
    expect(read(path.join(root, 'to'))).toEqual(files);
    expect(read(from)).toEqual(files);
    expect(statSync(path.join(root, 'to', 'fragment', 'deep', 'b')).ino).toBe(statSync(path.join(from, 'fragment', 'deep', 'b')).ino);
  });

  it('moves into a folder that already has some of the folders, keeping what it held', () => {
    const root = tempDir('place-tree');
    const from = writeTree(path.join(root, 'staging'), { 'search/index.json': '[]', 'pagefind/wasm': 'w', 'pagefind/index/x': 'x' });
    const to = writeTree(path.join(root, 'dist'), { 'search/index.html': '<p>search</p>', 'index.html': '<p>home</p>' });
    placeTree(from, to, 'move');
    expect(read(to)).toEqual({
      'index.html': '<p>home</p>',
      'pagefind/index/x': 'x',
      'pagefind/wasm': 'w',
      'search/index.html': '<p>search</p>',
      'search/index.json': '[]',
    });
    expect(read(from)).toEqual({});
  });

  it('replaces a file of the same name when moving, and fails rather than link over one', () => {
    const root = tempDir('place-tree');
    const to = writeTree(path.join(root, 'to'), { 'a.txt': 'old' });
    placeTree(writeTree(path.join(root, 'from'), { 'a.txt': 'new' }), to, 'move');
    expect(readFileSync(path.join(to, 'a.txt'), 'utf8')).toBe('new');
    const other = writeTree(path.join(root, 'other'), { 'a.txt': 'other' });
    expect(() => placeTree(other, to, 'link')).toThrow(/EEXIST/);
    expect(existsSync(path.join(other, 'a.txt'))).toBe(true);
  });
});
