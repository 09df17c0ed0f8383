import { describe, expect, it } from 'vitest';
import fc from 'fast-check';
import {
  adjacentDigests,
  buildDigests,
  digestYears,
  groupDigestsByMonth,
  neighbours,
  paperSiblings,
  sortPapersNewestFirst,
} from './digests.ts';
import { testPaper } from '../../../tests/support/builders.ts';

describe('buildDigests', () => {
  it('lists days newest first and keeps each day in appearance-rank order, not input order', () => {
    const a = testPaper({ id: 'a', at: [['2026-01-08', 2]] });
    const b = testPaper({
      id: 'b',
      at: [
        ['2026-01-08', 0],
        ['2026-01-09', 1],
      ],
    });
    const c = testPaper({
      id: 'c',
      at: [
        ['2026-01-08', 1],
        ['2026-01-09', 0],
      ],
    });
    const digests = buildDigests([a, b, c]);
    expect(digests.map((d) => d.date)).toEqual(['2026-01-09', '2026-01-08']);
    expect(digests[0]!.papers.map((p) => p.id)).toEqual(['c', 'b']);
    expect(digests[1]!.papers.map((p) => p.id)).toEqual(['b', 'c', 'a']);
  });

  it('uses the earliest rank when one day was captured by several files', () => {
    const a = testPaper({
      id: 'a',
      at: [
        ['2026-01-08', 5],
        ['2026-01-08', 0],
      ],
    });
    const b = testPaper({ id: 'b', at: [['2026-01-08', 1]] });
    expect(buildDigests([b, a])[0]!.papers.map((p) => p.id)).toEqual(['a', 'b']);
  });

  it('puts every paper in exactly the days it appeared in, once each', () => {
    const day = fc.constantFrom('2025-12-30', '2026-01-08', '2026-01-09', '2026-02-01');
    const papers = fc.uniqueArray(
      fc.record({
        id: fc.stringMatching(/^[a-z][a-z0-9-]{0,8}$/),
        at: fc.array(fc.tuple(day, fc.nat(50)), { minLength: 1, maxLength: 4 }),
      }),
      { selector: (p) => p.id, maxLength: 12 },
    );
    fc.assert(
      fc.property(papers, (specs) => {
        const digests = buildDigests(specs.map((s) => testPaper(s)));
        for (const spec of specs) {
          const expected = [...new Set(spec.at.map(([d]) => d))].sort();
          const found = digests
            .filter((d) => d.papers.some((p) => p.id === spec.id))
            .map((d) => d.date)
            .sort();
          expect(found).toEqual(expected);
        }
        for (const d of digests) expect(new Set(d.papers.map((p) => p.id)).size).toBe(d.papers.length);
      }),
    );
  });
});

describe('groupDigestsByMonth', () => {
  it('groups days by calendar month, newest month and day first, across a year boundary', () => {
    const days = ['2025-12-01', '2026-01-09', '2025-12-30', '2026-01-08'].map((date) => ({ date, papers: [] }));
    const months = groupDigestsByMonth(days);
    expect(months.map((m) => [m.month, m.digests.map((d) => d.date)])).toEqual([
      ['2026-01', ['2026-01-09', '2026-01-08']],
      ['2025-12', ['2025-12-30', '2025-12-01']],
    ]);
  });

  it('returns no months for no digests', () => {
    expect(groupDigestsByMonth([])).toEqual([]);
  });
});

describe('digestYears', () => {
  it('groups days by year and month, newest first, with totals and only dates and counts', () => {
    const paper = testPaper({ id: 'p' });
    const day = (date: string, n: number) => ({ date, papers: Array.from({ length: n }, () => paper) });
    const years = digestYears([day('2025-12-01', 1), day('2026-01-09', 3), day('2025-12-30', 2), day('2024-06-03', 1)]);
    expect(years).toEqual([
      { year: '2026', days: 1, papers: 3, months: [{ month: '2026-01', days: [{ date: '2026-01-09', papers: 3 }] }] },
      {
        year: '2025',
        days: 2,
        papers: 3,
        months: [
          {
            month: '2025-12',
            days: [
              { date: '2025-12-30', papers: 2 },
              { date: '2025-12-01', papers: 1 },
            ],
          },
        ],
      },
      { year: '2024', days: 1, papers: 1, months: [{ month: '2024-06', days: [{ date: '2024-06-03', papers: 1 }] }] },
    ]);
    expect(digestYears([])).toEqual([]);
  });
});

describe('sortPapersNewestFirst', () => {
  it('orders by publication date descending, then id, without mutating its input', () => {
    const input = [
      testPaper({ id: 'b', published: '2024-05-01' }),
      testPaper({ id: 'z', published: '2025-01-01' }),
      testPaper({ id: 'a', published: '2024-05-01' }),
    ];
    expect(sortPapersNewestFirst(input).map((p) => p.id)).toEqual(['z', 'a', 'b']);
    expect(input.map((p) => p.id)).toEqual(['b', 'z', 'a']);
  });
});

describe('neighbours', () => {
  const list = ['a', 'b', 'c'];
  it('gives the items on either side, null at the ends', () => {
    expect(neighbours(list, (x) => x === 'b')).toEqual({ previous: 'a', next: 'c' });
    expect(neighbours(list, (x) => x === 'a')).toEqual({ previous: null, next: 'b' });
    expect(neighbours(list, (x) => x === 'c')).toEqual({ previous: 'b', next: null });
  });
  it('gives no neighbours for an item not in the list', () => {
    expect(neighbours(list, (x) => x === 'q')).toEqual({ previous: null, next: null });
  });
});

describe('adjacentDigests', () => {
  const digests = buildDigests([
    testPaper({ id: 'a', at: [['2026-01-07', 0]] }),
    testPaper({ id: 'b', at: [['2026-01-08', 0]] }),
    testPaper({ id: 'c', at: [['2026-01-09', 0]] }),
  ]);
  it('names the older and newer day correctly in a newest-first list', () => {
    const around = adjacentDigests(digests, '2026-01-08');
    expect([around.older?.date, around.newer?.date]).toEqual(['2026-01-07', '2026-01-09']);
  });
  it('has no newer day for the latest digest and no older one for the first', () => {
    expect(adjacentDigests(digests, '2026-01-09').newer).toBeNull();
    expect(adjacentDigests(digests, '2026-01-07').older).toBeNull();
  });
});

describe('paperSiblings', () => {
  it("follows the paper's oldest digest, in that digest's rank order", () => {
    const x = testPaper({
      id: 'x',
      at: [
        ['2026-01-08', 1],
        ['2026-01-09', 0],
      ],
    });
    const early = testPaper({ id: 'early', at: [['2026-01-08', 0]] });
    const late = testPaper({ id: 'late', at: [['2026-01-08', 2]] });
    const other = testPaper({ id: 'other', at: [['2026-01-09', 1]] });
    const byDate = new Map(buildDigests([late, other, x, early]).map((d) => [d.date, d]));
    const { digest, siblings } = paperSiblings(x, byDate);
    expect(digest).toBe('2026-01-08');
    expect([siblings.previous?.id, siblings.next?.id]).toEqual(['early', 'late']);
  });
});
