import { describe, expect, it } from 'vitest';
import { chunkOf, parseWordShards, serialiseWordShards, shardsHolding, wordShardTable } from './word-shards.ts';

/** Prefix → mask, the way a test reads it. */
const asObject = (table: [string, bigint][]) => Object.fromEntries(table.map(([p, m]) => [p, Number(m)]));

describe('wordShardTable', () => {
  it('lists every prefix some shard has no word for, with the shards that have one', () => {
    // Shard 0 (newest) has "rynnbrain"; shard 1 only "rynnec": "rynn" is in both, "rynnb…" only in 0.
    const table = asObject(
      wordShardTable([
        ['rynnbrain', 'model'],
        ['rynnec', 'model'],
      ]),
    );
    expect(table).toEqual({ rynnb: 1, rynnbr: 1, rynnbra: 1, rynnbrai: 1, rynnbrain: 1, rynne: 2, rynnec: 2 });
    // Prefixes every shard extends are left out: the search needs nothing for them.
    expect(table.r).toBeUndefined();
    expect(table.model).toBeUndefined();
  });

  it('gives a prefix the shards of all its extensions, not only of the word itself', () => {
    const table = asObject(wordShardTable([['abc'], ['abd'], ['x']]));
    expect(table).toMatchObject({ a: 3, ab: 3, abc: 1, abd: 2, x: 4 });
  });

  it('handles more shards than a 32-bit mask', () => {
    const shards = Array.from({ length: 40 }, (_, i) => (i === 39 ? ['rare'] : ['common']));
    const [[prefix, mask]] = wordShardTable(shards).filter(([p]) => p === 'rare');
    expect([prefix, mask]).toEqual(['rare', 1n << 39n]);
  });
});

describe('serialiseWordShards / parseWordShards', () => {
  it('round-trips, front-coded, cut into chunks named by their first prefix', () => {
    const table = wordShardTable([Array.from({ length: 300 }, (_, i) => `word${i}x`), Array.from({ length: 300 }, (_, i) => `other${i}y`)]);
    const { chunks, from } = serialiseWordShards(table, 500);
    expect(chunks.length).toBeGreaterThan(3);
    expect(from).toHaveLength(chunks.length);
    const parsed = chunks.map((text, i) => parseWordShards(text, `chunk ${i}`));
    expect(parsed.map((m) => [...m.keys()][0])).toEqual(from);
    expect(new Map(parsed.flatMap((m) => [...m]))).toEqual(new Map(table));
    // Every prefix is found in the chunk `chunkOf` names.
    for (const [prefix, mask] of table) expect(parsed[chunkOf({ file: '', from }, prefix)]!.get(prefix)).toBe(mask);
  });

  it('shares at most 35 characters with the previous line (one base-36 digit)', () => {
    const long = 'a'.repeat(50);
    const table = wordShardTable([[`${long}b`, `${long}c`], ['z']]);
    const { chunks } = serialiseWordShards(table);
    expect(parseWordShards(chunks.join(''), 'x')).toEqual(new Map(table));
  });

  it('names the file and line of a malformed line', () => {
    expect(() => parseWordShards('0abc 1\n9x 1\n', 'search/words-x_0.txt')).toThrow('search/words-x_0.txt:2');
    expect(() => parseWordShards('0abc\n', 'f')).toThrow('f:1');
  });

  it('refuses a word with white space (a line could not hold it)', () => {
    expect(() => serialiseWordShards([['a b', 1n]])).toThrow('white space');
  });
});

describe('chunkOf', () => {
  it('finds the last chunk starting at or before the term, -1 before the first', () => {
    const index = { file: '', from: ['b', 'g', 'p'] };
    expect(chunkOf(index, 'a')).toBe(-1);
    expect(chunkOf(index, 'b')).toBe(0);
    expect(chunkOf(index, 'gz')).toBe(1);
    expect(chunkOf(index, 'zzz')).toBe(2);
    expect(chunkOf({ file: '', from: [] }, 'a')).toBe(-1);
  });
});

describe('shardsHolding', () => {
  it('keeps the shards that hold every word the table names', () => {
    expect(shardsHolding([undefined, undefined], 3)).toEqual([0, 1, 2]);
    expect(shardsHolding([0b101n, undefined], 3)).toEqual([0, 2]);
    expect(shardsHolding([0b101n, 0b110n], 3)).toEqual([2]);
    expect(shardsHolding([0b001n, 0b010n], 3)).toEqual([]);
  });
});
