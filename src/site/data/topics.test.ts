import { describe, expect, it } from 'vitest';
import { archiveMonths, groupByTopic, monthlyCounts, monthlyMedianUpvotes, paperTopics } from './topics.ts';
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

describe('monthlyMedianUpvotes', () => {
  it('gives the median newest upvote count of the papers first seen each month, 0 for a month without counts', () => {
    const papers = [
      testPaper({ id: 'a', digests: ['2026-01-05'], upvotes: 3 }),
      testPaper({ id: 'b', digests: ['2026-01-20'], upvotes: 10 }),
      testPaper({ id: 'c', digests: ['2026-01-21'], upvotes: 4 }),
      testPaper({ id: 'd', digests: ['2026-03-01'], upvotes: 7 }),
      testPaper({ id: 'e', digests: ['2026-03-02'], upvotes: 8 }),
      testPaper({ id: 'f', digests: ['2026-03-03'], upvotes: null }),
    ];
    expect(monthlyMedianUpvotes(papers, ['2026-01', '2026-02', '2026-03'])).toEqual([
      { label: '2026-01', count: 4 },
      { label: '2026-02', count: 0 },
      { label: '2026-03', count: 7.5 },
    ]);
  });
});
