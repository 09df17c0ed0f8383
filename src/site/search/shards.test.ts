import { describe, expect, it } from 'vitest';
import {
  MAX_SHARDS_FOR_RECENT,
  orderResults,
  parseSortData,
  isOneIndex,
  planIndex,
  planShards,
  serialiseSortData,
  sortKey,
} from './shards.ts';

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

describe('planIndex', () => {
  it('sets the newest block of a one-shard archive apart, the rest of the shard its older shard', () => {
    // 97 papers, shards of 100 (one), blocks of 20: 20 × 4 from the oldest, then 17 (≥ 10, a block of its own).
    const shards = planIndex(range(97), 100, 20);
    expect(shards.map((s) => [s[0], s.at(-1)])).toEqual([
      [80, 96],
      [0, 79],
    ]);
    // A remainder under half a block joins the block before: the newest part is never a handful.
    expect(planIndex(range(105), 1000, 20).map((s) => s.length)).toEqual([25, 80]);
  });

  it('changes only the newest part for each new paper until a block is full, and then the older part once', () => {
    const older = (n: number) => planIndex(range(n), 100, 20)[1];
    const changes: number[] = [];
    for (let n = 41; n <= 99; n++) if (JSON.stringify(older(n)) !== JSON.stringify(older(n - 1))) changes.push(n);
    // The older part grows by one block when the newest reaches a block and a half (planShards' rule).
    expect(changes).toEqual([50, 70, 90]);
    for (let n = 41; n <= 99; n++) {
      const [newest, rest] = planIndex(range(n), 100, 20);
      expect(newest!.length).toBeGreaterThanOrEqual(10);
      expect(newest!.length).toBeLessThan(30);
      expect([...rest!, ...newest!]).toEqual(range(n));
    }
  });

  it('keeps every paper once, in order, across shards and the newest part', () => {
    for (const n of [0, 1, 29, 30, 31, 149, 150, 151, 420, 455]) {
      const shards = planIndex(range(n), 100, 20);
      expect([...shards].reverse().flat(), `${n} papers`).toEqual(range(n));
    }
  });

  it('leaves the shards as they are without a newest part to set apart, or past the shard bound', () => {
    expect(planIndex(range(97), 100, 0)).toEqual(planShards(range(97), 100));
    expect(planIndex(range(29), 100, 20)).toEqual([range(29)]);
    // Four shards: the newest set apart makes five, as many as 50,000 papers in shards of 10,000.
    expect(planShards(range(420), 100)).toHaveLength(MAX_SHARDS_FOR_RECENT);
    expect(planIndex(range(420), 100, 20)).toHaveLength(MAX_SHARDS_FOR_RECENT + 1);
    expect(planIndex(range(420), 100, 20).slice(2)).toEqual(planShards(range(420), 100).slice(1));
    // Five shards already: none more.
    expect(planIndex(range(455), 100, 20)).toEqual(planShards(range(455), 100));
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
