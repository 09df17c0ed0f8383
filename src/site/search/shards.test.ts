import { describe, expect, it } from 'vitest';
import { orderResults, parseSortData, isOneIndex, planShards, serialiseSortData, sortKey } from './shards.ts';

const range = (n: number) => Array.from({ length: n }, (_, i) => i);

describe('planShards', () => {
  it('keeps an archive under 1.5 shards as one index', () => {
    expect(planShards(range(14), 10)).toEqual([range(14)]);
    expect(planShards([], 10)).toEqual([[]]);
  });

  it('counts shards from the oldest, newest first, a small remainder joining the newest full shard', () => {
    const shards = planShards(range(34), 10);
    expect(shards.map((s) => [s[0], s.at(-1)])).toEqual([
      [20, 33],
      [10, 19],
      [0, 9],
    ]);
    // A remainder of half a shard or more is a shard of its own.
    expect(planShards(range(35), 10).map((s) => s.length)).toEqual([5, 10, 10, 10]);
    // One more paper changes only the newest shard.
    expect(planShards(range(36), 10).slice(1)).toEqual(planShards(range(35), 10).slice(1));
  });
});

describe('sort data', () => {
  const rows = [
    { key: 'b1', date: '2025-01-02', upvotes: 5 },
    { key: 'a1', date: '2025-01-02', upvotes: 0 },
    { key: 'c1', date: '2024-12-31', upvotes: 120 },
  ];

  it('writes each date once and round-trips', () => {
    const text = serialiseSortData(rows);
    expect(text).toBe('2025-01-02\na1 0\nb1 5\n2024-12-31\nc1 120\n');
    expect([...parseSortData(text, 'x')].sort()).toEqual(rows.map((r) => [r.key, { date: r.date, upvotes: r.upvotes }]).sort());
  });

  it('refuses a malformed line, naming the file and line', () => {
    expect(() => parseSortData('a1 3\n', 'search/sort-x.txt')).toThrow('search/sort-x.txt:1');
    expect(() => parseSortData('2025-01-02\na1 many\n', 'f')).toThrow('f:2');
  });

  it('keys by the result id without its language prefix', () => {
    expect(sortKey('en_48bc9d8')).toBe('48bc9d8');
  });
});

describe('orderResults', () => {
  const values = parseSortData('2025-01-03\nnew 1\n2025-01-02\nmid 50\ntie 50\n2024-01-01\nold 900\n', 't');
  const results = [
    { id: 'en_mid', score: 1 },
    { id: 'en_old', score: 9 },
    { id: 'en_gone', score: 99 },
    { id: 'en_tie', score: 5 },
    { id: 'en_new', score: 0.1 },
  ];

  it('sorts newest first, ties by relevance, unknown ids last', () => {
    expect(orderResults(results, 'newest', values).map((r) => r.id)).toEqual(['en_new', 'en_tie', 'en_mid', 'en_old', 'en_gone']);
  });

  it('sorts most upvoted first, ties by date then relevance', () => {
    expect(orderResults(results, 'upvotes', values).map((r) => r.id)).toEqual(['en_old', 'en_tie', 'en_mid', 'en_new', 'en_gone']);
  });
});

describe('isOneIndex', () => {
  it('agrees with planShards on whether an archive is one index (the build starts such an index before content sync)', () => {
    for (const size of [4, 10, 7]) {
      for (let n = 0; n <= size * 3; n++) {
        expect(isOneIndex(n, size), `${n} papers, shards of ${size}`).toBe(
          planShards(
            Array.from({ length: n }, (_, i) => i),
            size,
          ).length === 1,
        );
      }
    }
  });
});
