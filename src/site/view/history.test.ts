import { describe, expect, it } from 'vitest';
import { sourceOf, upvoteSparkline } from './history.ts';
import { testPaper } from '../../../tests/support/builders.ts';

const paper = testPaper({
  upvotes: 30,
  sources: { upvotes: 2, comments: null, org: null, authors: null },
  appearances: [
    { digest: '2026-01-08', format: 'api', upvotes: 10, capturedAt: '2026-01-08T04:00:00.000Z' },
    { digest: '2026-01-08', format: 'plaintext', upvotes: 0 },
    { digest: '2026-01-08', format: 'counts', upvotes: 30, capturedAt: '2026-01-12T06:00:00.000Z' },
  ],
});

describe('upvote sparkline', () => {
  it('plots the captures in capture order, x by time and y by count, with every point in its text', () => {
    const svg = upvoteSparkline(paper, 100, 20)!;
    const points = /points="([^"]+)"/.exec(svg)![1]!.split(' ');
    // plain text (digest day, midnight), API (04:00), counts (four days on): 0, 10, 30 upvotes.
    expect(points).toEqual(['3,17', '6.7,12.3', '97,3']);
    expect(svg).toContain('aria-label="Upvotes by capture: 0 on 2026-01-08, 10 on 2026-01-08, 30 on 2026-01-12."');
  });

  it('draws nothing with fewer than two counted captures', () => {
    expect(upvoteSparkline(testPaper({ appearances: [{ digest: '2026-01-08', upvotes: 4 }, { digest: '2026-01-09' }] }))).toBeNull();
  });

  it('names the capture a value came from', () => {
    expect(sourceOf(paper, 'upvotes')).toBe('from the counts capture of 2026-01-12 (digest 2026-01-08)');
    expect(sourceOf(paper, 'comments')).toBeNull();
  });
});
