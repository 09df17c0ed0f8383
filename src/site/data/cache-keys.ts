/**
 * `cacheKey`s for Astro's incremental build (`experimental.incrementalBuild` in astro.config.mjs):
 * a page whose key and code are unchanged since the last build is copied from Astro's cache
 * instead of rendered again, so a rebuild after one more digest day renders only the pages the
 * new day touched. A key is a hash of everything the page renders from: its props (each paper
 * by a hash of its whole entry, not just the fields shown today, so a template that starts
 * showing another field cannot be served stale data) and what the page reads itself (a note).
 * Code changes are Astro's part: it hashes each route's module graph, CSS included.
 */
import { createHash } from 'node:crypto';
import type { Paper } from '../../schemas/paper.ts';

/** Hashes of whole paper entries, once per paper per build (a paper appears on many pages). */
const paperHashes = new WeakMap<Paper, string>();

/** A hash of one paper's whole entry. */
function paperHash(paper: Paper): string {
  let hash = paperHashes.get(paper);
  if (hash === undefined) {
    hash = createHash('sha256').update(JSON.stringify(paper)).digest('base64url');
    paperHashes.set(paper, hash);
  }
  return hash;
}

/**
 * A page's cache key: a hash of `inputs` as JSON, where each paper (any object in `papers` at
 * any depth is looked up by identity) stands for its entry's hash.
 */
export function pageKey(inputs: unknown): string {
  const json = JSON.stringify(inputs, function (this: unknown, _key, value: unknown) {
    return isPaper(value) ? `paper:${paperHash(value)}` : value;
  });
  return createHash('sha256').update(json).digest('base64url');
}

/** Papers are the only values with both `appearances` and `digests` arrays. */
function isPaper(value: unknown): value is Paper {
  return (
    typeof value === 'object' && value !== null && Array.isArray((value as Paper).appearances) && Array.isArray((value as Paper).digests)
  );
}
