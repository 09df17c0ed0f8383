/**
 * Which shards hold a query word, so the search over every shard answers as one index would.
 *
 * Why: Pagefind matches a query word `t` by every index word starting with `t`; when an index has
 * none, it falls back to its longest word that `t` starts with (`find_word_extensions` in
 * pagefind_web's search.rs), and when it has neither, it leaves `t` out of the query. One index
 * over every paper has the word, so it never falls back; a shard without it does, and the merged
 * answer gained papers that do not hold the word ("RynnBrain" found RynnEC papers through "rynn").
 * The build lists, for every string `p` that begins some index word, the shards having a word
 * that begins with `p` — only where that is not every shard (`wordShardTable`); the browser looks
 * its query words up there and leaves the other shards out of the search (src/client/search/engine.ts),
 * as one index would find no paper of theirs. Pure: unit-tested.
 *
 * Format (hand-written: the lookup is one exact key in a sorted list, cut into chunks the browser
 * fetches one at a time, named in `search/index.json`): one line per prefix, sorted, front-coded
 * — one base-36 digit (characters shared with the previous line of the chunk, at most 35), the
 * rest of the prefix, a space, then the shards holding it as a base-36 bit mask (bit 0 = the newest).
 */

/** The chunks of the table, as `search/index.json` names them. */
export interface WordShardsIndex {
  /** Chunk `i` is `<file><i>.txt`, base-relative. */
  file: string;
  /** The first prefix of each chunk, in order. */
  from: string[];
}

/** Raw characters per chunk: ~2 kB gzip, so a query word costs about a fragment's bytes. */
const CHUNK_CHARS = 6000;

/** Most characters a line shares with the previous one (one base-36 digit). */
const MAX_SHARED = 35;

/**
 * Prefix → the shards (bit mask, bit `i` = shard `i`) that hold a word beginning with it, for every
 * prefix of every word of `shards` (each shard's index words) that some shard lacks, sorted.
 */
export function wordShardTable(shards: readonly Iterable<string>[]): [string, bigint][] {
  const all = (1n << BigInt(shards.length)) - 1n;
  const exact = new Map<string, bigint>();
  for (const [i, words] of shards.entries()) {
    const bit = 1n << BigInt(i);
    for (const word of words) exact.set(word, (exact.get(word) ?? 0n) | bit);
  }
  // One walk over the words in order, as down a trie: `open[d]` gathers the shards of every word
  // under the current word's prefix of length d + 1, and is written out when the walk leaves it
  // (a map of every prefix took 11 s at 50,000 papers, this well under one).
  const table: [string, bigint][] = [];
  const open: bigint[] = [];
  let path = '';
  const close = (depth: number): void => {
    while (open.length > depth) {
      const mask = open.pop()!;
      if (mask !== all) table.push([path.slice(0, open.length + 1), mask]);
      if (open.length) open[open.length - 1]! |= mask;
    }
  };
  for (const word of [...exact.keys()].sort()) {
    let shared = 0;
    while (shared < path.length && shared < word.length && path[shared] === word[shared]) shared++;
    close(shared);
    while (open.length < word.length) open.push(0n);
    open[word.length - 1]! |= exact.get(word)!;
    path = word;
  }
  close(0);
  return table.sort(([a], [b]) => (a < b ? -1 : 1));
}

/** `table` cut into chunks of about `chunkChars` characters, front-coded; `from` names each chunk's first prefix. */
export function serialiseWordShards(table: readonly [string, bigint][], chunkChars = CHUNK_CHARS): { chunks: string[]; from: string[] } {
  const chunks: string[] = [];
  const from: string[] = [];
  let lines: string[] = [];
  let size = 0;
  let previous = '';
  for (const [prefix, mask] of table) {
    if (/\s/.test(prefix)) throw new Error(`index word with white space: ${JSON.stringify(prefix)}`);
    if (size >= chunkChars) {
      chunks.push(`${lines.join('\n')}\n`);
      lines = [];
      size = 0;
    }
    if (lines.length === 0) {
      from.push(prefix);
      previous = '';
    }
    let shared = 0;
    while (shared < MAX_SHARED && shared < previous.length && shared < prefix.length && previous[shared] === prefix[shared]) shared++;
    const line = `${shared.toString(36)}${prefix.slice(shared)} ${mask.toString(36)}`;
    lines.push(line);
    size += line.length + 1;
    previous = prefix;
  }
  if (lines.length) chunks.push(`${lines.join('\n')}\n`);
  return { chunks, from };
}

/** Parses one chunk: prefix → shard mask. A malformed line throws, naming the file. */
export function parseWordShards(text: string, name: string): Map<string, bigint> {
  const table = new Map<string, bigint>();
  let previous = '';
  for (const [i, line] of text.split('\n').entries()) {
    if (!line) continue;
    const match = /^([0-9a-z])(\S*) ([0-9a-z]+)$/.exec(line);
    const shared = match ? parseInt(match[1]!, 36) : NaN;
    if (!match || shared > previous.length) throw new Error(`${name}:${i + 1}: malformed line "${line.slice(0, 60)}"`);
    previous = previous.slice(0, shared) + match[2]!;
    table.set(
      previous,
      [...match[3]!].reduce((mask, digit) => mask * 36n + BigInt(parseInt(digit, 36)), 0n),
    );
  }
  return table;
}

/** The chunk of `index` that would hold `term`, or -1 (before the first: no shard lacks it). */
export function chunkOf(index: WordShardsIndex, term: string): number {
  let low = 0;
  let high = index.from.length - 1;
  let found = -1;
  while (low <= high) {
    const mid = (low + high) >> 1;
    if (index.from[mid]! <= term) {
      found = mid;
      low = mid + 1;
    } else high = mid - 1;
  }
  return found;
}

/**
 * The shards (indexes, newest first) a search of `terms` may take papers from, given each term's
 * mask (undefined: the term is not in the table, so every shard has it or none has). A shard
 * lacking any term would fall back to a shorter word or drop the term; one index would take no
 * paper of it. `count` is the number of shards.
 */
export function shardsHolding(masks: readonly (bigint | undefined)[], count: number): number[] {
  let holding = (1n << BigInt(count)) - 1n;
  for (const mask of masks) if (mask !== undefined) holding &= mask;
  return Array.from({ length: count }, (_, i) => i).filter((i) => holding & (1n << BigInt(i)));
}
