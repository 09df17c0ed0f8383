import { describe, expect, it } from 'vitest';
import { paperListHtml } from './paper-list.ts';
import { paperCardHtml } from './card.ts';
import { numberedPager } from './pagination.ts';
import { pagerHtml } from './pager.ts';
import { testPaper } from '../../../tests/support/builders.ts';

describe('paperListHtml', () => {
  const papers = [
    testPaper({ id: 'a', title: `<script>alert("a")</script>`, org: { name: 'O & "P"', slug: 'o' } }),
    testPaper({ id: 'b', title: 'B' }),
  ];
  const orgPage = (p: { org: { slug: string } | null }) => (p.org ? `orgs/${p.org.slug}/` : null);

  it('writes the cards in an ordered list from `start`, then the pager', () => {
    const pager = numberedPager('orgs/o/', 2, 3);
    expect(paperListHtml(papers, { start: 51, pager, label: 'Pages of O', orgPage })).toBe(
      `<ol class="mt-4 list" start="51"><li>${paperCardHtml(papers[0]!, { orgPage: 'orgs/o/' })}</li>` +
        `<li>${paperCardHtml(papers[1]!, { orgPage: null })}</li></ol>${pagerHtml(pager, 'Pages of O')}`,
    );
    expect(paperListHtml(papers, { start: 51, pager, label: 'Pages of O', orgPage })).toContain(
      '<h2><a href="/papers/a/">&lt;script&gt;alert("a")&lt;/script&gt;</a></h2>',
    );
  });

  it('counts down for a topic, with no pager for one page', () => {
    const html = paperListHtml(papers, {
      start: 2,
      countDown: true,
      pager: numberedPager('topics/t/', 1, 1),
      label: 'Pages of T',
      orgPage,
    });
    expect(html.startsWith('<ol class="mt-4 list" start="2" reversed><li><article>')).toBe(true);
    expect(html.endsWith('</article></li></ol>')).toBe(true);
  });
});
