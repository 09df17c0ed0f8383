import { describe, expect, it } from 'vitest';
import fc from 'fast-check';
import { numberedPager, pagePath, pageWindow, withGaps } from './pagination.ts';

describe('pagePath', () => {
  it('keeps page 1 at the list path and numbers the rest', () => {
    expect(pagePath('topics/agents/', 1)).toBe('topics/agents/');
    expect(pagePath('topics/agents', 3)).toBe('topics/agents/3/');
  });
});

describe('withGaps', () => {
  it('marks skips of two or more pages and fills a skip of one, in either direction', () => {
    expect(withGaps([1, 3, 4, 9])).toEqual([1, 2, 3, 4, null, 9]);
    expect(withGaps([9, 4, 3, 1])).toEqual([9, null, 4, 3, 2, 1]);
    expect(withGaps([7])).toEqual([7]);
    expect(withGaps([])).toEqual([]);
  });
});

describe('pageWindow', () => {
  it('shows first, last, the current page and its neighbours with gaps', () => {
    expect(pageWindow(1, 1)).toEqual([1]);
    expect(pageWindow(1, 3)).toEqual([1, 2, 3]);
    expect(pageWindow(10, 20)).toEqual([1, null, 9, 10, 11, null, 20]);
    // A gap of exactly one page shows the page: "1 2 3 4" rather than "1 … 3 4".
    expect(pageWindow(4, 5)).toEqual([1, 2, 3, 4, 5]);
  });

  it('is ascending, contains 1, last and current, and never has two gaps in a row', () => {
    fc.assert(
      fc.property(fc.integer({ min: 1, max: 500 }), fc.integer({ min: 0, max: 499 }), (last, c) => {
        const current = 1 + (c % last);
        const w = pageWindow(current, last);
        const nums = w.filter((n): n is number => n !== null);
        expect(nums).toEqual([...new Set(nums)].sort((a, b) => a - b));
        for (const n of [1, last, current]) expect(nums).toContain(n);
        w.forEach((n, i) => {
          if (n === null) {
            expect(w[i - 1]).not.toBeNull();
            // A gap stands for at least two missing pages.
            expect((w[i + 1] as number) - (w[i - 1] as number)).toBeGreaterThan(2);
          }
        });
        expect(w.length).toBeLessThanOrEqual(7);
      }),
    );
  });
});

describe('numberedPager', () => {
  it('links the newer page before, the older after, and marks the current one', () => {
    expect(numberedPager('orgs/nvidia/', 2, 3)).toEqual({
      newer: 'orgs/nvidia/',
      older: 'orgs/nvidia/3/',
      links: [
        { text: '1', label: 'Page 1', path: 'orgs/nvidia/', current: false },
        { text: '2', label: 'Page 2', path: 'orgs/nvidia/2/', current: true },
        { text: '3', label: 'Page 3', path: 'orgs/nvidia/3/', current: false },
      ],
    });
    expect(numberedPager('orgs/nvidia/', 1, 1)).toEqual({
      newer: null,
      older: null,
      links: [{ text: '1', label: 'Page 1', path: 'orgs/nvidia/', current: true }],
    });
  });
});
