import { describe, expect, it } from 'vitest';
import { topUpvoted } from './home.ts';
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
