/**
 * The search index split by time, so the first query loads a bounded `pf_meta` at any archive
 * size: Pagefind's meta holds a row per page (~6.5 B), loaded whole on init. The newest papers
 * form the primary index (`pagefind/`, searched first); older ones form shards merged right after
 * (src/client/search/engine.ts). Also the sort data (date and upvotes per result) that replaces
 * Pagefind's sort keys, which would add ~2 B per page per key to every meta, and `search/index.json`,
 * the one unhashed file that names every shard of a deploy. Pure: unit-tested.
 */
import type { WordShardsIndex } from './word-shards.ts';

/** `search/index.json`: the index of one deploy, every other file it names is named by content. */
export interface SearchIndex {
  /** Changes when any shard changes: names the vocabulary, so it always matches the index. */
  state: string;
  /** The "Did you mean" vocabulary of every shard, base-relative. */
  vocab: string;
  /** Newest first; the first is the primary bundle (`pagefind/`), the rest are merged into it. */
  shards: SearchShard[];
  /** With several shards: which shards hold which words (src/site/search/word-shards.ts). */
  words?: WordShardsIndex;
}

/** One Pagefind bundle of the split index. */
export interface SearchShard {
  /** Base-relative bundle folder, ending in `/`. */
  bundle: string;
  /** Pagefind's index hash (`languages.en.hash`): also the merged bundle's cache tag. */
  hash: string;
  /** Papers in it. */
  papers: number;
  /** Base-relative sort data file (`search/sort-<hash>.txt`). */
  sort: string;
}

/**
 * `items` (oldest first) cut into shards of `size`, newest shard first. Shards are counted from
 * the oldest, so a new day changes only the newest shard (a saved copy updates only it); a
 * remainder smaller than half a shard joins the shard before it, so the primary index never holds
 * only a handful of papers. An archive under 1.5 × `size` is one shard (`planIndex` may still set
 * its newest papers apart).
 */
export function planShards<T>(items: readonly T[], size: number): T[][] {
  const shards: T[][] = [];
  for (let i = 0; i < items.length; i += size) shards.push(items.slice(i, i + size));
  const last = shards.at(-1);
  if (shards.length > 1 && last && last.length < size / 2) {
    shards.pop();
    shards[shards.length - 1]!.push(...last);
  }
  if (shards.length === 0) shards.push([]);
  return shards.reverse();
}

/**
 * The most shards `planShards` may give for `planIndex` to cut its newest again: with the newest
 * papers apart, a query word then fetches at most five index chunks (one per shard that holds it),
 * as at 50,000 papers in shards of 10,000, the size issue 8's 300 kB for a complete answer was
 * measured at. Past it, another shard would cost every query ~25–30 kB a word more.
 */
export const MAX_SHARDS_FOR_RECENT = 4;

/**
 * The search index's shards, newest first: `planShards`, then, while that gives at most
 * `MAX_SHARDS_FOR_RECENT`, its newest shard cut again into blocks of `recent` papers by the same
 * rule (counted from its oldest; a remainder under half a block joins the block before), the
 * newest block alone and the rest together. A new day then changes only the newest block, so a
 * rebuild indexes ~`recent` papers instead of a whole shard (the others come from the cache), and a
 * saved copy fetches only that block's index files (and the word lists, named by the index's state);
 * the rest changes once per `recent` papers. The
 * cost: one more index chunk per query word, within the bound above. `recent` 0, or a newest shard
 * under 1.5 × `recent`, leaves `planShards`'s plan as it is.
 */
export function planIndex<T>(items: readonly T[], size: number, recent: number): T[][] {
  const shards = planShards(items, size);
  if (recent <= 0 || shards.length > MAX_SHARDS_FOR_RECENT) return shards;
  const newest = shards[0]!;
  const blocks = planShards(newest, recent);
  if (blocks.length === 1) return shards;
  const block = blocks[0]!;
  return [block, newest.slice(0, newest.length - block.length), ...shards.slice(1)];
}

/** Whether `papers` papers make one shard for `planShards` with `size`: under 1.5 × `size`. */
export function isOneIndex(papers: number, size: number): boolean {
  return papers < size * 1.5;
}

/** One result's sort values. */
export interface SortValues {
  /** `YYYY-MM-DD`. */
  date: string;
  upvotes: number;
}

const DATE_LINE = /^\d{4}-\d{2}-\d{2}$/;

/**
 * The sort data of one shard: `key` is the result id Pagefind gives without loading the
 * fragment (the page hash, `en_` left out). Grouped under date lines, so a date is written once
 * per day: `2026-08-21\n48bc9d8 12\n8b8c703 0\n…`.
 */
export function serialiseSortData(rows: readonly (SortValues & { key: string })[]): string {
  const sorted = [...rows].sort((a, b) => (a.date === b.date ? (a.key < b.key ? -1 : 1) : a.date < b.date ? 1 : -1));
  const lines: string[] = [];
  let date = '';
  for (const row of sorted) {
    if (row.date !== date) lines.push((date = row.date));
    lines.push(`${row.key} ${row.upvotes}`);
  }
  return `${lines.join('\n')}\n`;
}

/** The page hash Pagefind uses as result id, as the sort data keys it. */
export const sortKey = (id: string): string => id.replace(/^en_/, '');

/** Parses sort data into `into` (key → values); a malformed line throws, naming the file. */
export function parseSortData(text: string, name: string, into = new Map<string, SortValues>()): Map<string, SortValues> {
  let date = '';
  for (const [i, line] of text.split('\n').entries()) {
    if (!line) continue;
    if (DATE_LINE.test(line)) {
      date = line;
      continue;
    }
    const match = /^(\w+) (\d+)$/.exec(line);
    if (!match || !date) throw new Error(`${name}:${i + 1}: expected "key upvotes" after a date line, found "${line.slice(0, 60)}"`);
    into.set(match[1]!, { date, upvotes: Number(match[2]) });
  }
  return into;
}

/** Something with a Pagefind result id and score. */
interface Scored {
  id: string;
  score: number;
}

/**
 * `results` in `sort` order: newest (date, then relevance) or most upvoted (upvotes, then date,
 * then relevance). Results missing from `values` keep their relevance order after the others.
 */
export function orderResults<T extends Scored>(
  results: readonly T[],
  sort: 'newest' | 'upvotes',
  values: ReadonlyMap<string, SortValues>,
): T[] {
  const rows = results.map((result) => ({ result, v: values.get(sortKey(result.id)) }));
  rows.sort((a, b) => {
    if (!a.v || !b.v) return a.v ? -1 : b.v ? 1 : b.result.score - a.result.score;
    if (sort === 'upvotes' && a.v.upvotes !== b.v.upvotes) return b.v.upvotes - a.v.upvotes;
    if (a.v.date !== b.v.date) return a.v.date < b.v.date ? 1 : -1;
    return b.result.score - a.result.score;
  });
  return rows.map((row) => row.result);
}
