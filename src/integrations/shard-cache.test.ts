import { existsSync, mkdirSync, readFileSync, readdirSync, rmSync, writeFileSync } from 'node:fs';
import path from 'node:path';
import { describe, expect, it } from 'vitest';
import { tempDir } from '../../tests/support/temp-dir.ts';
import { openShardCache, shardKey } from './shard-cache.ts';

/** A small bundle: an entry file and a nested data file. */
function bundleAt(dir: string, text: string): string {
  mkdirSync(path.join(dir, 'fragment'), { recursive: true });
  writeFileSync(path.join(dir, 'pagefind-entry.json'), `{"text":"${text}"}`);
  writeFileSync(path.join(dir, 'fragment', 'en_1.pf_fragment'), text);
  return dir;
}

describe('shardKey', () => {
  const records = [
    { url: '/papers/a/', content: 'Sparse attention', meta: { title: 'A' } },
    { url: '/papers/b/', content: 'Robot grasping', meta: { title: 'B' } },
  ];
  it('changes with any record, their order, the Pagefind version and what the build keeps of the bundle', () => {
    const key = shardKey(records, 'older', '1.6.0');
    expect(shardKey(structuredClone(records), 'older', '1.6.0')).toBe(key);
    expect(shardKey([records[0]!, { ...records[1]!, meta: { title: 'B2' } }], 'older', '1.6.0')).not.toBe(key);
    expect(shardKey([...records].reverse(), 'older', '1.6.0')).not.toBe(key);
    expect(shardKey(records, 'older', '1.7.0')).not.toBe(key);
    expect(shardKey(records, 'primary', '1.6.0')).not.toBe(key);
    expect(key).toMatch(/^[\w-]{32}$/);
  });

  it("reads the installed Pagefind's version when given none", () => {
    const installed = JSON.parse(readFileSync('node_modules/pagefind/package.json', 'utf8')).version as string;
    expect(shardKey(records, 'older')).toBe(shardKey(records, 'older', installed));
  });
});

/** A new cache folder, a work folder beside it, and the cache opened on the first. */
function fresh(): { cacheDir: string; work: string; cache: ReturnType<typeof openShardCache> } {
  const cacheDir = tempDir('shard-cache');
  return { cacheDir, work: tempDir('shard-cache'), cache: openShardCache(cacheDir) };
}

describe('openShardCache', () => {
  it('gives back a saved bundle file for file, and nothing for a key never saved', () => {
    const { cacheDir, work, cache } = fresh();
    cache.save('k1', bundleAt(path.join(work, 'written'), 'one'));
    expect(cache.restore('k2', path.join(work, 'missing'))).toBe(false);
    expect(existsSync(path.join(work, 'missing'))).toBe(false);

    const next = openShardCache(cacheDir);
    expect(next.restore('k1', path.join(work, 'restored'))).toBe(true);
    expect(readFileSync(path.join(work, 'restored', 'pagefind-entry.json'), 'utf8')).toBe('{"text":"one"}');
    expect(readFileSync(path.join(work, 'restored', 'fragment', 'en_1.pf_fragment'), 'utf8')).toBe('one');
  });

  it('keeps only the bundles the last build restored or saved, and no half-saved one', () => {
    const { cacheDir, work, cache: first } = fresh();
    first.save('old', bundleAt(path.join(work, 'a'), 'a'));
    first.save('kept', bundleAt(path.join(work, 'b'), 'b'));
    first.prune();
    const second = openShardCache(cacheDir);
    expect(second.restore('kept', path.join(work, 'b2'))).toBe(true);
    second.save('new', bundleAt(path.join(work, 'c'), 'c'));
    second.prune();
    expect(readdirSync(path.join(cacheDir, 'search-shards')).sort()).toEqual(['kept', 'new']);
  });

  it('a restored bundle deleted from the site leaves the cached copy whole', () => {
    const { cacheDir, work, cache } = fresh();
    cache.save('k', bundleAt(path.join(work, 'written'), 'data'));
    expect(cache.restore('k', path.join(work, 'site'))).toBe(true);
    // Astro empties dist/ at the next build; the build renames and deletes inside the bundle.
    rmSync(path.join(work, 'site'), { recursive: true });
    rmSync(path.join(work, 'written'), { recursive: true });
    expect(openShardCache(cacheDir).restore('k', path.join(work, 'again'))).toBe(true);
    expect(readFileSync(path.join(work, 'again', 'fragment', 'en_1.pf_fragment'), 'utf8')).toBe('data');
  });
});
