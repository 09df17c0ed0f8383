import { describe, expect, it } from 'vitest';
import { homeData, risers, topUpvoted } from './home.ts';
import { testPaper } from '../../../tests/support/builders.ts';

describe('topUpvoted', () => {
  const p = (id: string, upvotes: number | null, digests: string[], published = '2026-01-01') =>
    testPaper({ id, upvotes, digests, published });

  it('ranks papers of the 7 digest days up to the newest by upvotes, skipping unknown counts', () => {
    const papers = [
      p('old', 999, ['2025-12-31']), // 8 days before: outside the week
      p('edge', 5, ['2026-01-01']), // exactly 6 days before: inside
      p('top', 50, ['2025-12-01', '2026-01-05']), // an older paper seen again this week
      p('unknown', null, ['2026-01-07']),
      p('zero', 0, ['2026-01-07']),
    ];
    expect(topUpvoted(papers, '2026-01-07').map((x) => x.id)).toEqual(['top', 'edge', 'zero']);
  });

  it('breaks ties by newer publication, then id, and honours the limit', () => {
    const papers = [
      p('b', 3, ['2026-01-07'], '2025-01-01'),
      p('a', 3, ['2026-01-07'], '2025-01-01'),
      p('c', 3, ['2026-01-07'], '2025-06-01'),
    ];
    expect(topUpvoted(papers, '2026-01-07').map((x) => x.id)).toEqual(['c', 'a', 'b']);
    expect(topUpvoted(papers, '2026-01-07', 7, 2)).toHaveLength(2);
  });

  it('is empty when no paper of the week has upvotes', () => {
    expect(topUpvoted([p('x', null, ['2026-01-07'])], '2026-01-07')).toEqual([]);
  });
});

describe('risers', () => {
  const captured = (id: string, counts: Array<[string, number]>) =>
    testPaper({ id, appearances: counts.map(([day, upvotes]) => ({ digest: '2026-01-02', upvotes, capturedAt: `${day}T06:00:00.000Z` })) });

  it('ranks papers by upvotes gained between their first and latest capture in the last 14 days of the archive', () => {
    const papers = [
      captured('steady', [
        ['2026-01-20', 8],
        ['2026-01-25', 8],
      ]),
      captured('small', [
        ['2026-01-20', 1],
        ['2026-01-30', 4],
      ]),
      // Its first capture is before the window: only the gain from 2026-01-17 on counts.
      captured('old', [
        ['2026-01-02', 0],
        ['2026-01-18', 50],
        ['2026-01-30', 60],
      ]),
      captured('big', [
        ['2026-01-21', 10],
        ['2026-01-24', 25],
        ['2026-01-30', 40],
      ]),
      captured('once', [['2026-01-30', 99]]),
    ];
    expect(risers(papers).map((r) => [r.paper.id, r.from.upvotes, r.to.upvotes, r.from.day, r.to.day])).toEqual([
      ['big', 10, 40, '2026-01-21', '2026-01-30'],
      ['old', 50, 60, '2026-01-18', '2026-01-30'],
      ['small', 1, 4, '2026-01-20', '2026-01-30'],
    ]);
    expect(risers(papers, 14, 1)).toHaveLength(1);
    expect(risers([])).toEqual([]);
  });
});

describe('homeData activity chart', () => {
  const shelf = (days: string[]) => ({
    papers: days.map((d, i) => testPaper({ id: `p${i}`, digests: [d] })),
    digests: [],
    orgs: [],
    topics: [],
  });

  it('counts papers per week over three years (the real corpus spans ~120 weeks)', () => {
    const { activity } = homeData(shelf(['2024-05-06', '2026-08-21']));
    expect(activity.period).toBe('week');
    expect(activity.points.length).toBeLessThanOrEqual(160);
    expect(activity.points[0]).toEqual({ label: 'week of 2024-05-06', count: 1 });
  });

  it('counts papers per month over a longer span, so the chart stays ≤ 160 bars (50,000 papers: 2015-03 to 2026-08)', () => {
    const { activity } = homeData(shelf(['2015-03-20', '2026-08-21', '2026-08-20']));
    expect(activity.period).toBe('month');
    expect(activity.points).toHaveLength(138);
    expect(activity.points.at(-1)).toEqual({ label: '2026-08', count: 2 });
  });
});
