/**
 * A cache of written search shards, so a rebuild indexes only the shards whose records changed.
 * Shards are counted from the oldest (src/site/search/shards.ts), so one more digest day changes
 * only the newest shard: at 50,000 papers a rebuild re-indexes ~10,000 papers instead of every
 * one (Pagefind has no incremental mode; indexing was ~240 s of a 50k build, beside the pages).
 *
 * A shard's key is a hash of everything its bundle is made from: its records as Pagefind gets
 * them, the Pagefind version, and what the build keeps of the bundle. Bundles are kept under
 * `<cacheDir>/search-shards/<key>/`, beside Astro's own cache, and the folders this build did not
 * use are removed at its end, so the cache holds one archive's shards, not every one it ever had.
 */
import { createHash } from 'node:crypto';
import { existsSync, readFileSync, readdirSync, renameSync, rmSync } from 'node:fs';
import { findPackageJSON } from 'node:module';
import path from 'node:path';
import { placeTree } from './place-tree.ts';

/** The Pagefind version that writes the bundles (its binary is the same version). */
function pagefindVersion(): string {
  const file = findPackageJSON('pagefind', import.meta.url);
  if (!file) throw new Error('pagefind/package.json not found');
  return (JSON.parse(readFileSync(file, 'utf8')) as { version: string }).version;
}

/**
 * The cache key of a shard: a hash of the Pagefind version, `layout` (what the build keeps of the
 * bundle, e.g. which files an older shard drops) and its records, in order, as JSON.
 */
export function shardKey(records: readonly unknown[], layout: string, version = pagefindVersion()): string {
  const hash = createHash('sha256').update(`pagefind ${version}\n${layout}\n`);
  for (const record of records) hash.update(JSON.stringify(record)).update('\n');
  return hash.digest('base64url').slice(0, 32);
}

/** The cache of written shards in `cacheDir`. */
export interface ShardCache {
  /** Copies the bundle cached under `key` to `bundle` (a new folder); false when there is none. */
  restore(key: string, bundle: string): boolean;
  /** Keeps a copy of the finished `bundle` under `key`. */
  save(key: string, bundle: string): void;
  /** Removes every cached bundle that was neither restored nor saved since the cache was opened. */
  prune(): void;
}

/** Opens the shard cache under `<cacheDir>/search-shards/`. */
export function openShardCache(cacheDir: string): ShardCache {
  const root = path.join(cacheDir, 'search-shards');
  const used = new Set<string>();
  return {
    // Best effort, both ways: a cache that cannot be read or written (another build pruning the
    // same folder, a full disk) costs an indexing, never the build.
    restore(key, bundle) {
      const cached = path.join(root, key);
      if (!existsSync(cached)) return false;
      try {
        // Hard links: a shard is ~10,000 files the build never changes in place.
        placeTree(cached, bundle, 'link');
      } catch {
        rmSync(bundle, { recursive: true, force: true });
        return false;
      }
      used.add(key);
      return true;
    },
    save(key, bundle) {
      // Written beside and renamed, so a build stopped halfway never leaves half a bundle under its key.
      const partial = path.join(root, `${key}.partial-${process.pid}`);
      try {
        rmSync(partial, { recursive: true, force: true });
        placeTree(bundle, partial, 'link');
        rmSync(path.join(root, key), { recursive: true, force: true });
        renameSync(partial, path.join(root, key));
        used.add(key);
      } catch {
        rmSync(partial, { recursive: true, force: true });
      }
    },
    prune() {
      if (!existsSync(root)) return;
      for (const name of readdirSync(root)) if (!used.has(name)) rmSync(path.join(root, name), { recursive: true, force: true });
    },
  };
}
