import { existsSync, mkdirSync, readdirSync, rmSync, writeFileSync } from 'node:fs';
import path from 'node:path';
import { describe, expect, it } from 'vitest';
import { tempDir } from '../../tests/support/temp-dir.ts';
import { moveOldOutput } from './old-output.ts';

function site(): { outDir: string; cacheDir: string } {
  const root = tempDir('old-output');
  const outDir = path.join(root, 'dist');
  mkdirSync(path.join(outDir, 'papers', 'a'), { recursive: true });
  writeFileSync(path.join(outDir, 'papers', 'a', 'index.html'), '<p>a</p>');
  writeFileSync(path.join(outDir, 'index.html'), '<p>home</p>');
  mkdirSync(path.join(outDir, '.git'));
  return { outDir, cacheDir: path.join(root, 'cache') };
}

describe('moveOldOutput', () => {
  it('moves every entry but .git into one folder in the cache, and names it for deletion', () => {
    const { outDir, cacheDir } = site();
    const { doomed, held } = moveOldOutput(outDir, cacheDir, 1);
    expect(held).toBeNull();
    expect(readdirSync(outDir)).toEqual(['.git']);
    expect(doomed).toEqual([path.join(cacheDir, `old-output-${process.pid}-1`)]);
    expect(readdirSync(doomed[0]!).sort()).toEqual(['index.html', 'papers']);
    expect(existsSync(path.join(doomed[0]!, 'papers', 'a', 'index.html'))).toBe(true);
  });

  it('names what a stopped build left in the cache too, and nothing else there', () => {
    const { outDir, cacheDir } = site();
    mkdirSync(path.join(cacheDir, 'old-output-12-34'), { recursive: true });
    mkdirSync(path.join(cacheDir, 'old-pages-12-34'), { recursive: true });
    mkdirSync(path.join(cacheDir, 'search-shards'));
    writeFileSync(path.join(cacheDir, 'data-store.json'), '{}');
    const { doomed } = moveOldOutput(outDir, cacheDir, 2);
    expect(doomed.sort()).toEqual(
      [
        path.join(cacheDir, 'old-output-12-34'),
        path.join(cacheDir, 'old-pages-12-34'),
        path.join(cacheDir, `old-output-${process.pid}-2`),
      ].sort(),
    );
  });

  it('does nothing for a first build (no output yet) or an empty output folder', () => {
    const { outDir, cacheDir } = site();
    rmSync(outDir, { recursive: true });
    expect(moveOldOutput(outDir, cacheDir)).toEqual({ doomed: [], held: null });
    mkdirSync(outDir);
    expect(moveOldOutput(outDir, cacheDir, 3, new Set(['papers']))).toEqual({ doomed: [], held: null });
    expect(readdirSync(cacheDir)).toEqual([]);
  });

  it('holds the named entries apart, not for deletion, and moves the rest to be deleted', () => {
    const { outDir, cacheDir } = site();
    writeFileSync(path.join(outDir, 'archive.jsonl'), '{}');
    const { doomed, held } = moveOldOutput(outDir, cacheDir, 4, new Set(['papers', 'index.html', 'gone']));
    expect(held).toBe(path.join(cacheDir, `old-pages-${process.pid}-4`));
    expect(readdirSync(held!).sort()).toEqual(['index.html', 'papers']);
    expect(doomed).toEqual([path.join(cacheDir, `old-output-${process.pid}-4`)]);
    expect(readdirSync(doomed[0]!)).toEqual(['archive.jsonl']);
    expect(readdirSync(outDir)).toEqual(['.git']);
  });
});
