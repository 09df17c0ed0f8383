import { existsSync, mkdirSync, readdirSync, rmSync, symlinkSync, unlinkSync, utimesSync, writeFileSync } from 'node:fs';
import path from 'node:path';
import { describe, expect, it } from 'vitest';
import { tempDir, writeTree } from '../../tests/support/temp-dir.ts';
import {
  listFiles,
  listFilesInWorker,
  MANIFEST_FILE,
  moveBack,
  outputFilesOf,
  readOutputFiles,
  removeFiles,
  staleFiles,
  topLevelNames,
} from './kept-pages.ts';

/** A manifest of Astro's incremental build, as Astro 7 writes it. */
function manifest(files: string[]): unknown {
  return {
    version: 1,
    configHash: 'c',
    lockfileHash: 'l',
    keyDigest: 'k',
    routes: {
      'src/pages/papers/[id].astro': {
        dependencyHash: 'd',
        paths: Object.fromEntries(files.map((f) => [`/${f}`, { cacheKey: 'x', outputFile: f }])),
      },
    },
  };
}

describe('outputFilesOf', () => {
  it("lists every path's output file, also decoded when Astro percent-encoded it", () => {
    expect([...outputFilesOf(manifest(['papers/a/index.html', 'topics/%C3%A9t%C3%A9/index.html']))!].sort()).toEqual(
      ['papers/a/index.html', 'topics/%C3%A9t%C3%A9/index.html', 'topics/été/index.html'].sort(),
    );
  });

  it('refuses a manifest of another shape, so nothing is held back on a guess', () => {
    expect(outputFilesOf(null)).toBeNull();
    expect(outputFilesOf({ version: 2, routes: {} })).toBeNull();
    expect(outputFilesOf({ version: 1, routes: { r: { paths: { '/a/': { cacheKey: 'x' } } } } })).toBeNull();
    expect(outputFilesOf({ version: 1, routes: { r: { paths: [] } } })).toBeNull();
    expect(outputFilesOf({ version: 1, routes: {} })).toEqual(new Set());
  });

  it('reads the manifest from the cache folder, and gives null when there is none or it is not JSON', () => {
    const cache = tempDir('kept-pages-manifest');
    expect(readOutputFiles(cache)).toBeNull();
    writeFileSync(path.join(cache, MANIFEST_FILE), '{');
    expect(readOutputFiles(cache)).toBeNull();
    writeFileSync(path.join(cache, MANIFEST_FILE), JSON.stringify(manifest(['index.html'])));
    expect(readOutputFiles(cache)).toEqual(new Set(['index.html']));
  });
});

describe('topLevelNames', () => {
  it('names the first segment of each file once, never a path that climbs out', () => {
    expect([...topLevelNames(['papers/a/index.html', 'papers/b/index.html', 'index.html', '../etc/passwd', '/abs'])].sort()).toEqual(
      ['index.html', 'papers'].sort(),
    );
  });
});

describe('moveBack', () => {
  it('moves each held entry into the output folder unless the build already wrote that name', () => {
    const root = tempDir('kept-pages-move');
    const held = path.join(root, 'held');
    const out = path.join(root, 'dist');
    writeTree(held, { 'papers/a/index.html': 'old a', '_astro/x.js': 'old js', 'index.html': 'old home' });
    writeTree(out, { '_astro/y.js': 'new js' });
    expect(moveBack(held, out).sort()).toEqual(['index.html', 'papers']);
    expect(readdirSync(out).sort()).toEqual(['_astro', 'index.html', 'papers']);
    expect(readdirSync(path.join(out, '_astro'))).toEqual(['y.js']);
    expect(readdirSync(held)).toEqual(['_astro']);
  });
});

describe('listFiles', () => {
  it("lists the files (not folders) under the named entries, '/'-separated, links as files and never followed", async () => {
    const out = tempDir('kept-pages-list');
    writeTree(out, {
      'papers/a/index.html': 'a',
      'papers/b/c/index.html': 'c',
      'index.html': 'home',
      'topics/t/feed.xml': 'f',
      'other/x.html': 'x',
    });
    mkdirSync(path.join(out, 'papers/empty'));
    symlinkSync(path.join(out, 'other'), path.join(out, 'papers/link'));
    const files = ['index.html', 'papers/a/index.html', 'papers/b/c/index.html', 'papers/link', 'topics/t/feed.xml'];
    expect(listFiles(out, ['papers', 'topics', 'index.html', 'missing']).sort()).toEqual(files);
    expect((await listFilesInWorker(out, ['papers', 'topics', 'index.html', 'missing'])).sort()).toEqual(files);
  });
});

describe('staleFiles and removeFiles', () => {
  /** An output folder whose files were all written at `old` (epoch ms), before a build that started at `old + 1000`. */
  function output(): { out: string; since: number } {
    const out = tempDir('kept-pages-stale');
    const files = {
      'papers/kept/index.html': 'kept',
      'papers/rendered/index.html': 'rendered',
      'papers/gone/index.html': 'gone',
      'topics/x/feed.xml': 'feed',
      'topics/x/2/index.html': 'gone too',
      'digests/d/index.html': 'not moved back',
    };
    writeTree(out, files);
    const old = Date.now() - 60_000;
    for (const f of Object.keys(files)) utimesSync(path.join(out, f), old / 1000, old / 1000);
    return { out, since: old + 1000 };
  }

  it('finds files neither listed in the new manifest nor written since the build started', () => {
    const { out, since } = output();
    // Written again by this build (a page rendered again, an endpoint without a cache key).
    writeFileSync(path.join(out, 'papers/rendered/index.html'), 'new');
    writeFileSync(path.join(out, 'topics/x/feed.xml'), 'new feed');
    const listed = new Set(['papers/kept/index.html', 'papers/rendered/index.html']);
    expect(staleFiles(out, listFiles(out, ['papers', 'topics', 'missing']), listed, since).sort()).toEqual([
      'papers/gone/index.html',
      'topics/x/2/index.html',
    ]);
  });

  it('skips a listed file gone since the listing, or now a folder, instead of failing on it', () => {
    const { out, since } = output();
    const files = listFiles(out, ['papers', 'topics']);
    unlinkSync(path.join(out, 'papers/gone/index.html'));
    rmSync(path.join(out, 'topics/x/2/index.html'));
    mkdirSync(path.join(out, 'topics/x/2/index.html'));
    utimesSync(path.join(out, 'topics/x/2/index.html'), (since - 1000) / 1000, (since - 1000) / 1000);
    expect(staleFiles(out, files, new Set(['papers/kept/index.html']), since).sort()).toEqual([
      'papers/rendered/index.html',
      'topics/x/feed.xml',
    ]);
  });

  it('deletes them and the folders that leaves empty, nothing else', () => {
    const { out } = output();
    removeFiles(out, ['papers/gone/index.html', 'topics/x/2/index.html']);
    expect(existsSync(path.join(out, 'papers/gone'))).toBe(false);
    expect(existsSync(path.join(out, 'topics/x/2'))).toBe(false);
    expect(readdirSync(path.join(out, 'topics/x'))).toEqual(['feed.xml']);
    expect(readdirSync(path.join(out, 'papers')).sort()).toEqual(['kept', 'rendered']);
    mkdirSync(path.join(out, 'empty-before'));
    removeFiles(out, []);
    expect(existsSync(path.join(out, 'empty-before'))).toBe(true);
  });
});
