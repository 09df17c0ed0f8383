import { describe, expect, it } from 'vitest';
import { relatedPapersHtml } from './related-papers.ts';
import { testPaper } from '../../../tests/support/builders.ts';

describe('relatedPapersHtml', () => {
  it('writes each paper as its linked title, byline and date, in order', () => {
    const papers = [
      testPaper({ id: 'one', title: 'One', org: { name: 'Org', slug: 'org' }, published: '2024-04-18' }),
      testPaper({ id: 'two', title: 'Two', authorCount: 7 }),
    ];
    expect(relatedPapersHtml(papers)).toBe(
      '<section data-related><h2>Related papers</h2><ol><li><a href="/papers/one/">One</a><span>Org · Apr 18, 2024</span></li>' +
        '<li><a href="/papers/two/">Two</a><span>7 authors · Jan 1, 2025</span></li></ol></section>',
    );
  });

  it('writes nothing without related papers', () => {
    expect(relatedPapersHtml([])).toBe('');
  });

  it('escapes hostile titles and bylines, and puts links under the base path', () => {
    const paper = testPaper({
      id: 'x',
      title: `<script>alert("t")</script> & 'q'\u2028`,
      authors: [`O'Brien & "Co" <img src=x onerror=alert(1)>`],
    });
    expect(relatedPapersHtml([paper], '/a&"b/')).toBe(
      '<section data-related><h2>Related papers</h2><ol><li><a href="/a&amp;&quot;b/papers/x/">' +
        `&lt;script&gt;alert("t")&lt;/script&gt; &amp; 'q'\u2028</a>` +
        '<span>O&#39;Brien &amp; &quot;Co&quot; &lt;img src=x onerror=alert(1)&gt; · Jan 1, 2025</span></li></ol></section>',
    );
  });
});
