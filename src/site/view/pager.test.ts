import { describe, expect, it } from 'vitest';
import { pagerHtml } from './pager.ts';
import { numberedPager } from './pagination.ts';

const ITEM = 'inline-block min-w-9 rounded border px-2 py-1 text-center no-underline';
const LINK = `${ITEM} border-zinc-300 dark:border-zinc-700`;
const IDLE = `${ITEM} border-transparent text-zinc-600 dark:text-zinc-400`;
const CURRENT = `${ITEM} border-zinc-900 bg-zinc-900 text-white dark:border-zinc-100 dark:bg-zinc-100 dark:text-zinc-900`;

describe('pagerHtml', () => {
  it('writes the first of five pages: no newer link, the current page marked, a gap, then the older link', () => {
    expect(pagerHtml(numberedPager('orgs/x/', 1, 5), 'Pages of X')).toBe(
      '<nav aria-label="Pages of X" class="mt-8 print:hidden" data-pagination><ul class="flex flex-wrap items-center gap-2 text-sm">' +
        `<li><span class="${IDLE}" aria-hidden="true">←<span class="hidden sm:inline"> Newer</span></span></li>` +
        `<li><a href="/orgs/x/" aria-current="page" aria-label="Page 1" class="${CURRENT}">1</a></li>` +
        `<li><a href="/orgs/x/2/" aria-label="Page 2" class="${LINK}">2</a></li>` +
        '<li aria-hidden="true" class="px-1">…</li>' +
        `<li><a href="/orgs/x/5/" aria-label="Page 5" class="${LINK}">5</a></li>` +
        `<li><a href="/orgs/x/2/" rel="next" aria-label="Older papers" class="${LINK}"><span class="hidden sm:inline">Older </span>→</a></li></ul></nav>`,
    );
  });

  it('writes the last page with its newer link and an idle older one, under the base path', () => {
    const html = pagerHtml(numberedPager('orgs/x/', 2, 2), undefined, '/shelf/');
    expect(html).toContain('<nav aria-label="Pages" ');
    expect(html).toContain(
      `<li><a href="/shelf/orgs/x/" rel="prev" aria-label="Newer papers" class="${LINK}">←<span class="hidden sm:inline"> Newer</span></a></li>`,
    );
    expect(html).toContain(
      `<li><span class="${IDLE}" aria-hidden="true"><span class="hidden sm:inline">Older </span>→</span></li></ul></nav>`,
    );
  });

  it('writes nothing for a list of one page', () => {
    expect(pagerHtml(numberedPager('orgs/x/', 1, 1), 'Pages of X')).toBe('');
  });

  it('escapes a hostile label and link text as Astro does', () => {
    const hostile = `<script>alert("x")</script> & 'y'\u2028`;
    const html = pagerHtml(
      { newer: null, older: null, links: [{ text: hostile, label: hostile, path: 'a&"b/', current: false }, null] },
      hostile,
      '/',
    );
    expect(html).toContain(`<nav aria-label="<script>alert(&quot;x&quot;)</script> &amp; 'y'\u2028" `);
    expect(html).toContain(
      `<li><a href="/a&amp;&quot;b/" aria-label="<script>alert(&quot;x&quot;)</script> &amp; 'y'\u2028" class="${LINK}">` +
        '&lt;script&gt;alert(&quot;x&quot;)&lt;/script&gt; &amp; &#39;y&#39;\u2028</a></li>',
    );
  });
});
