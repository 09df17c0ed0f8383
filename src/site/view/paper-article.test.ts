import { describe, expect, it } from 'vitest';
import { paperArticleEndHtml, paperArticleHtml } from './paper-article.ts';
import { bibtexFor } from './bibtex.ts';
import { testPaper } from '../../../tests/support/builders.ts';

const HOSTILE = `<script>alert("x")</script> & 'y'\u2028`;

describe('paperArticleHtml', () => {
  it('writes title, authors, organisation, date, counts, abstract paragraphs, topics and keywords', () => {
    const paper = testPaper({
      title: 'A paper',
      authors: ['Ada', 'Alan'],
      org: { name: 'Kyutai', slug: 'kyutai' },
      upvotes: 1,
      comments: 3,
      abstract: 'First.\n\nSecond.',
      keywords: ['LLM', 'decoding'],
    });
    const topics = [{ slug: 'speculative-decoding', name: 'Speculative decoding', reasons: ['title mentions "Medusa"'] }];
    expect(paperArticleHtml(paper, { topics, orgPage: 'orgs/kyutai/' })).toBe(
      '<h1>A paper</h1><p>Ada, Alan</p><p class="org">Organisation: <a href="/orgs/kyutai/">Kyutai</a> <span>(kyutai)</span></p>' +
        '<ul><li>Published <time datetime="2025-01-01">Jan 1, 2025</time></li><li>1 upvote</li><li>3 comments</li></ul>' +
        '<section data-abstract><h2>Abstract</h2><div class="prose"><p>First.</p><p>Second.</p></div></section>' +
        '<section><h2>Topics</h2><ul class="topics"><li><a href="/topics/speculative-decoding/">Speculative decoding</a>' +
        '<span>Why: title "Medusa"</span></li></ul></section>' +
        '<section data-keywords><h2>Keywords</h2><ul class="tags"><li>LLM</li><li>decoding</li></ul></section>',
    );
  });

  it('writes the author count, an organisation without page, no counts and the no-abstract line', () => {
    const paper = testPaper({ authorCount: 7, org: { name: 'Lab', slug: 'lab' }, abstract: '' });
    expect(paperArticleHtml(paper, { topics: [], orgPage: null })).toBe(
      '<h1>A paper</h1><p>7 authors</p><p class="org">Organisation: <span>Lab</span> <span>(lab)</span></p>' +
        '<ul><li>Published <time datetime="2025-01-01">Jan 1, 2025</time></li></ul>' +
        '<section data-abstract><h2>Abstract</h2><p class="none">No abstract was captured for this paper.</p></section>',
    );
  });

  it('names the capture of each shown value only when there were several captures', () => {
    const paper = testPaper({
      authors: ['Ada'],
      upvotes: 20,
      appearances: [
        { digest: '2026-01-08', format: 'plaintext', upvotes: 5 },
        { digest: '2026-01-08', format: 'api', upvotes: 20, capturedAt: '2026-01-10T09:00:00Z' },
      ],
      sources: { upvotes: 1, comments: null, authors: 1, org: null },
    });
    const html = paperArticleHtml(paper, { topics: [], orgPage: null });
    expect(html).toContain('<p title="from the API capture of 2026-01-10 (digest 2026-01-08)">Ada</p>');
    expect(html).toContain('<li title="from the API capture of 2026-01-10 (digest 2026-01-08)">20 upvotes</li>');
    const once = testPaper({ authors: ['Ada'], sources: { upvotes: null, comments: null, authors: 0, org: null } });
    expect(paperArticleHtml(once, { topics: [], orgPage: null })).toContain('<p>Ada</p>');
  });

  it('escapes hostile text as Astro escapes text and attributes, and puts links under the base path', () => {
    const paper = testPaper({
      title: HOSTILE,
      authors: [HOSTILE],
      org: { name: HOSTILE, slug: `s"&<` },
      // paragraphs() trims each paragraph, U+2028 included: it stays inside one.
      abstract: `${HOSTILE}.`,
      keywords: [HOSTILE],
    });
    const topics = [{ slug: 't', name: HOSTILE, reasons: [`title "${HOSTILE}"`] }];
    const text = '&lt;script&gt;alert(&quot;x&quot;)&lt;/script&gt; &amp; &#39;y&#39;\u2028';
    // Titles, abstracts and reasons: element content only (`escapeText`), as richHtml and topic-list.ts write them.
    const content = `&lt;script&gt;alert("x")&lt;/script&gt; &amp; 'y'\u2028`;
    expect(paperArticleHtml(paper, { topics, orgPage: 'orgs/s/', base: '/a&"b/' })).toBe(
      `<h1>${content}</h1><p>${text}</p><p class="org">Organisation: <a href="/a&amp;&quot;b/orgs/s/">${text}</a> <span>(s&quot;&amp;&lt;)</span></p>` +
        '<ul><li>Published <time datetime="2025-01-01">Jan 1, 2025</time></li></ul>' +
        `<section data-abstract><h2>Abstract</h2><div class="prose"><p>${content}.</p></div></section>` +
        `<section><h2>Topics</h2><ul class="topics"><li><a href="/a&amp;&quot;b/topics/t/">${text}</a><span>Why: title "${content}"</span></li></ul></section>` +
        `<section data-keywords><h2>Keywords</h2><ul class="tags"><li>${text}</li></ul></section>`,
    );
  });
});

describe('paperArticleEndHtml', () => {
  it('writes the outbound links, "Seen in" and the BibTeX entry of an arXiv paper', () => {
    const paper = testPaper({ arxiv: '2401.10774', github: 'https://github.com/a/b?x=1&y="2"', title: `Medusa & "heads"` });
    const bibtex = bibtexFor(paper)
      .replace(/&/g, '&amp;')
      .replace(/</g, '&lt;')
      .replace(/>/g, '&gt;')
      .replace(/"/g, '&quot;')
      .replace(/'/g, '&#39;');
    expect(bibtex).toContain('&amp;');
    expect(paperArticleEndHtml(paper, '/shelf/')).toBe(
      '<section><h2>Links</h2><ul class="links">' +
        '<li><a href="https://github.com/a/b?x=1&amp;y=&quot;2&quot;">Code: github.com/a/b?x=1&amp;y=&quot;2&quot;</a></li>' +
        '<li><a href="https://arxiv.org/abs/2401.10774">arXiv: 2401.10774</a></li>' +
        '<li><a href="https://arxiv.org/pdf/2401.10774">PDF (arXiv)</a></li>' +
        '<li><a href="https://huggingface.co/papers/2401.10774">Hugging Face paper page</a></li></ul></section>' +
        '<section data-seen><h2>Seen in</h2><p>Digest <a href="/shelf/digests/2026-01-08/">2026-01-08</a>, unknown capture</p></section>' +
        `<section class="cite"><h2>Cite (BibTeX)</h2><pre id="bibtex">${bibtex}</pre></section>`,
    );
  });

  it('writes only "Seen in" for a paper without links or arXiv id', () => {
    expect(paperArticleEndHtml(testPaper({}))).toBe(
      '<section data-seen><h2>Seen in</h2><p>Digest <a href="/digests/2026-01-08/">2026-01-08</a>, unknown capture</p></section>',
    );
  });
});
