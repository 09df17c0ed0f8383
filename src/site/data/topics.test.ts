import { describe, expect, it } from 'vitest';
import { archiveMonths, groupByTopic, medianUpvotes, monthlyCounts, paperTopics, topicTrends } from './topics.ts';
import { testPaper } from '../../../tests/support/builders.ts';

const taxonomy = [
  { slug: 'agents', name: 'Agents', description: 'Agents.' },
  { slug: 'empty', name: 'Empty', description: 'Nobody.' },
];

describe('groupByTopic', () => {
  it('gives every topic a group, papers in the given order, and ignores unknown slugs', () => {
    const p1 = testPaper({
      id: 'p1',
      topics: [
        { slug: 'agents', reasons: ['x'] },
        { slug: 'gone', reasons: [] },
      ],
    });
    const p2 = testPaper({ id: 'p2', topics: [{ slug: 'agents', reasons: ['y'] }] });
    const groups = groupByTopic(taxonomy, [p2, p1]);
    expect(groups.map((g) => [g.topic.slug, g.papers.map((p) => p.id)])).toEqual([
      ['agents', ['p2', 'p1']],
      ['empty', []],
    ]);
  });
});

describe('paperTopics', () => {
  it('attaches names and reasons, in the paper order, dropping topics not in the taxonomy', () => {
    const bySlug = new Map(taxonomy.map((t) => [t.slug, t]));
    const out = paperTopics(
      [
        { slug: 'gone', reasons: ['r0'] },
        { slug: 'empty', reasons: ['r1'] },
        { slug: 'agents', reasons: ['r2', 'r3'] },
      ],
      bySlug,
    );
    expect(out.map((t) => [t.slug, t.name, t.reasons])).toEqual([
      ['empty', 'Empty', ['r1']],
      ['agents', 'Agents', ['r2', 'r3']],
    ]);
  });
});

describe('monthly trend', () => {
  const papers = [
    testPaper({ id: 'a', digests: ['2025-11-03', '2026-01-02'] }),
    testPaper({ id: 'b', digests: ['2025-11-20'] }),
    testPaper({ id: 'c', digests: ['2026-01-31'] }),
  ];

  it('spans the archive month by month, empty months included', () => {
    expect(archiveMonths(papers)).toEqual(['2025-11', '2025-12', '2026-01']);
  });

  it('counts each paper once, in the month of its first digest, over the shared months', () => {
    const months = archiveMonths(papers);
    expect(monthlyCounts(papers, months)).toEqual([
      { label: '2025-11', count: 2 },
      { label: '2025-12', count: 0 },
      { label: '2026-01', count: 1 },
    ]);
    expect(monthlyCounts([papers[2]!], months).map((m) => m.count)).toEqual([0, 0, 1]);
  });
});

describe('medianUpvotes', () => {
  it('gives the median newest upvote count of the papers first seen each month, 0 for a month without counts', () => {
    const papers = [
      testPaper({ id: 'a', digests: ['2026-01-05'], upvotes: 3 }),
      testPaper({ id: 'b', digests: ['2026-01-20'], upvotes: 10 }),
      testPaper({ id: 'c', digests: ['2026-01-21'], upvotes: 4 }),
      testPaper({ id: 'd', digests: ['2026-03-01'], upvotes: 7 }),
      testPaper({ id: 'e', digests: ['2026-03-02'], upvotes: 8 }),
      testPaper({ id: 'f', digests: ['2026-03-03'], upvotes: null }),
    ];
    expect(medianUpvotes(papers, ['2026-01', '2026-02', '2026-03'])).toEqual([
      { label: '2026-01', count: 4 },
      { label: '2026-02', count: 0 },
      { label: '2026-03', count: 7.5 },
    ]);
  });

  it("takes a quarter's median over its papers, not over its months' medians", () => {
    const papers = [
      testPaper({ id: 'a', digests: ['2026-01-05'], upvotes: 1 }),
      testPaper({ id: 'b', digests: ['2026-01-06'], upvotes: 2 }),
      testPaper({ id: 'c', digests: ['2026-01-07'], upvotes: 3 }),
      testPaper({ id: 'd', digests: ['2026-02-01'], upvotes: 100 }),
      testPaper({ id: 'e', digests: ['2026-04-01'], upvotes: 5 }),
    ];
    // Months' medians 2 and 100 would give 51; the quarter's four papers give (2 + 3) / 2.
    expect(medianUpvotes(papers, ['2026-01', '2026-02', '2026-03', '2026-04', '2026-05'], 'quarter')).toEqual([
      { label: '2026-Q1', count: 2.5 },
      { label: '2026-Q2', count: 5 },
    ]);
  });
});

describe('topicTrends', () => {
  const months = (from: number, to: number) =>
    Array.from({ length: (to - from + 1) * 12 }, (_, i) => `${from + Math.floor(i / 12)}-${String((i % 12) + 1).padStart(2, '0')}`);

  it("keeps a point per month over the real corpus's span (2024-05 to 2026-08)", () => {
    const span = months(2024, 2026).slice(4, 32);
    const { series, upvotes } = topicTrends([testPaper({ id: 'a', digests: ['2025-03-02'], upvotes: 9 })], span, 60);
    expect(series.period).toBe('month');
    expect(series.points).toHaveLength(28);
    expect(upvotes.map((u) => u.label)).toEqual(series.points.map((p) => p.label));
    expect(upvotes.find((u) => u.label === '2025-03')).toEqual({ label: '2025-03', count: 9 });
  });

  it('bounds both charts over a long span (50,000 papers: 2015-03 to 2026-08) to the same coarser periods', () => {
    const span = months(2015, 2026).slice(2, 140);
    const papers = [
      testPaper({ id: 'a', digests: ['2015-03-20'], upvotes: 4 }),
      testPaper({ id: 'b', digests: ['2026-08-21'], upvotes: 10 }),
      testPaper({ id: 'c', digests: ['2026-07-01'], upvotes: 20 }),
    ];
    const { series, upvotes } = topicTrends(papers, span, 60);
    expect(series.period).toBe('quarter');
    expect(series.points.length).toBeLessThanOrEqual(60);
    expect(series.points.at(-1)).toEqual({ label: '2026-Q3', count: 2 });
    expect(series.points.reduce((n, p) => n + p.count, 0)).toBe(3);
    expect(upvotes.map((u) => u.label)).toEqual(series.points.map((p) => p.label));
    expect(upvotes.at(-1)).toEqual({ label: '2026-Q3', count: 15 });
    expect(upvotes[0]).toEqual({ label: '2015-Q1', count: 4 });
  });
});
