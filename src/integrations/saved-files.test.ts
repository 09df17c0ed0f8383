import { createHash } from 'node:crypto';
import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { afterEach, describe, expect, it } from 'vitest';
import { writeTree } from '../../tests/support/temp-dir.ts';
import { listSavedFiles, listSavedFilesInWorker } from './saved-files.ts';

let dir: string | undefined;
afterEach(() => {
  if (dir) rmSync(dir, { recursive: true, force: true });
  dir = undefined;
});

/** A small built site: pages, index files, assets, and files a saved copy leaves out. */
function site(): string {
  dir = mkdtempSync(path.join(tmpdir(), 'saved-files-'));
  const files: Record<string, string> = {
    'index.html': '<h1>home</h1>',
    'papers/a/index.html': '<h1>a</h1>',
    'papers/b/index.html': '<h1>b</h1>',
    'pagefind/pagefind-entry.json': '{}',
    'pagefind/older-x/fragment/f.pf_fragment': 'frag',
    'katex/katex.min.css': '.k{}',
    '_astro/x.js': 'js',
    'search/index.json': '{"state":"s"}',
    'favicon.svg': '<svg/>',
    // Left out: the manifest's own parts, root files that are not pages, a page-less folder's file.
    'offline/files-0.txt': 'x',
    'offline/index.html': '<h1>offline</h1>',
    'archive.jsonl': '{}',
    'sw.js': 'sw',
    'papers/a/feed.xml': '<rss/>',
  };
  return writeTree(dir, files);
}

const sha8 = (text: string) => createHash('sha1').update(text).digest('hex').slice(0, 8);

describe('listSavedFiles', () => {
  it('lists every page under its directory URL and the index and assets, each with its size and SHA-1 prefix, and nothing else', () => {
    const files = listSavedFiles(site()).sort((a, b) => (a.path < b.path ? -1 : 1));
    expect(files.map((f) => f.path)).toEqual([
      '',
      '_astro/x.js',
      'favicon.svg',
      'katex/katex.min.css',
      'pagefind/older-x/fragment/f.pf_fragment',
      'pagefind/pagefind-entry.json',
      'papers/a/',
      'papers/b/',
      'search/index.json',
    ]);
    expect(files.find((f) => f.path === 'papers/a/')).toEqual({ path: 'papers/a/', bytes: 10, hash: sha8('<h1>a</h1>') });
  });

  it('gives the same list from its worker thread, and rejects with the cause when the folder is missing', async () => {
    const out = site();
    expect(await listSavedFilesInWorker(out)).toEqual(listSavedFiles(out));
    await expect(listSavedFilesInWorker(path.join(out, 'missing'))).rejects.toThrow(/ENOENT/);
  });
});
