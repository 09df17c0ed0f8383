import { describe, expect, it } from 'vitest';
import fc from 'fast-check';
import { topicListPages, topicListSummary, topicPager, topicPageTitle } from './topic-pages.ts';

/** Papers 1..n counted from the oldest, newest first (what the shelf hands a topic). */
const papers = (n: number) => Array.from({ length: n }, (_, i) => n - i);
const fields = (p: ReturnType<typeof topicListPages<number>>[number]) => {
  const { items: _, ...rest } = p;
  return rest;
};

describe('topicListPages', () => {
  it('gives a topic of one page its front page only', () => {
    expect(topicListPages(papers(3), 5)).toEqual([
      { page: 'front', items: [3, 2, 1], top: 3, total: 3, newer: null, older: null, window: ['front'] },
    ]);
    expect(topicListPages(papers(5), 5).map((p) => p.page)).toEqual(['front']);
    expect(topicListPages([], 5)).toEqual([{ page: 'front', items: [], top: 0, total: 0, newer: null, older: null, window: ['front'] }]);
  });

  it('shows the newest on the front page and numbers full pages from the oldest', () => {
    const pages = topicListPages(papers(12), 5);
    expect(pages.map((p) => [p.page, p.items])).toEqual([
      ['front', [12, 11, 10, 9, 8]],
      [1, [5, 4, 3, 2, 1]],
      [2, [10, 9, 8, 7, 6]],
      [3, [12, 11]],
    ]);
    expect(pages.map(fields)).toEqual([
      { page: 'front', top: 12, total: 12, newer: null, older: 2, window: ['front', 3, 2, 1] },
      { page: 1, top: 5, total: null, newer: 2, older: null, window: ['front', 2, 1] },
      { page: 2, top: 10, total: null, newer: 3, older: 1, window: ['front', 3, 2, 1] },
      { page: 3, top: 12, total: null, newer: 'front', older: 2, window: ['front', 3, 2, 1] },
    ]);
  });

  it('keeps every page below the newest numbered one exactly as it was when papers arrive', () => {
    fc.assert(
      fc.property(fc.integer({ min: 0, max: 400 }), fc.integer({ min: 1, max: 120 }), fc.integer({ min: 1, max: 20 }), (n, more, size) => {
        const before = topicListPages(papers(n), size);
        const after = new Map(topicListPages(papers(n + more), size).map((p) => [p.page, p]));
        const last = Math.max(...before.map((p) => (p.page === 'front' ? 0 : p.page)));
        for (const page of before) if (page.page !== 'front' && page.page < last) expect(after.get(page.page)).toEqual(page);
      }),
    );
  });

  it('holds every paper on exactly one numbered page, and the newest ones on the front page', () => {
    fc.assert(
      fc.property(fc.integer({ min: 0, max: 400 }), fc.integer({ min: 1, max: 20 }), (n, size) => {
        const pages = topicListPages(papers(n), size);
        const [front, ...numbered] = pages;
        expect(front!.items).toEqual(papers(n).slice(0, size));
        if (n > size) expect(numbered.flatMap((p) => p.items).sort((a, b) => a - b)).toEqual(papers(n).reverse());
        else expect(numbered).toEqual([]);
        for (const page of pages) {
          // The list counts down from `top`, and each paper here is its own position.
          expect(page.items).toEqual(papers(page.top).slice(0, page.items.length));
          if (page.page !== 'front' && page.page < numbered.length) expect(page.items.length).toBe(size);
          // Newer and older are pages that exist, and the window holds the current page and both.
          const exists = (ref: unknown) => ref === null || pages.some((p) => p.page === ref);
          expect(exists(page.newer) && exists(page.older)).toBe(true);
          for (const ref of [page.page, page.newer, page.older]) if (ref !== null) expect(page.window).toContain(ref);
        }
      }),
    );
  });
});

describe('topicPager', () => {
  it('links the front page as Newest and page n under the topic, current one marked', () => {
    const [, , second] = topicListPages(papers(120), 50);
    expect(topicPager('topics/agents/', second!)).toEqual({
      newer: 'topics/agents/3/',
      older: 'topics/agents/1/',
      links: [
        { text: 'Newest', label: 'Newest papers', path: 'topics/agents/', current: false },
        { text: '3', label: 'Page 3', path: 'topics/agents/3/', current: false },
        { text: '2', label: 'Page 2', path: 'topics/agents/2/', current: true },
        { text: '1', label: 'Page 1', path: 'topics/agents/1/', current: false },
      ],
    });
    const pages = topicListPages(papers(1000), 50);
    expect(topicPager('topics/agents/', pages[10]!).links.map((l) => l?.text ?? null)).toEqual(['Newest', '11', '10', '9', null, '1']);
    expect(topicPager('topics/agents/', pages[0]!).links.map((l) => l?.text ?? null)).toEqual(['Newest', '20', '19', null, '1']);
    expect(topicPager('topics/agents/', pages[3]!).links.map((l) => l?.text ?? null)).toEqual(['Newest', '4', '3', '2', '1']);
  });
});

describe('topic page text', () => {
  it('names the page in the title and says what the list holds', () => {
    expect(topicPageTitle('Agents', 'front')).toBe('Agents');
    expect(topicPageTitle('Agents', 24)).toBe('Agents (page 24)');
    const pages = topicListPages(papers(1234), 50);
    expect(topicListSummary(pages[0]!)).toBe(
      '1,234 papers, newest first; the newest 50 here, older ones on pages numbered from the oldest.',
    );
    expect(topicListSummary(pages[24]!)).toBe('Papers 1,151–1,200, counted from the oldest; newest first.');
    expect(topicListSummary(topicListPages(papers(1), 50)[0]!)).toBe('1 paper, newest first.');
  });
});
