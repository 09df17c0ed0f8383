import { describe, expect, it } from 'vitest';
import { paperCardHtml } from './card.ts';
import { testPaper } from '../../../tests/support/builders.ts';

describe('paperCardHtml', () => {
  it('writes an organisation paper: linked title, org link, date, digest, counts and the abstract start', () => {
    const paper = testPaper({
      id: 'first-card',
      title: 'Fast & <safe> "agents"',
      abstract: 'It works & <scales>.',
      org: { name: `O'Brien & "Co"`, slug: 'obrien' },
      upvotes: 1,
      comments: 12,
      digests: ['2025-01-02', '2025-01-03'],
    });
    expect(paperCardHtml(paper, { orgPage: 'orgs/obrien/' })).toBe(
      '<article><h2><a href="/papers/first-card/">Fast &amp; &lt;safe&gt; "agents"</a></h2><p>' +
        '<span><a href="/orgs/obrien/">O&#39;Brien &amp; &quot;Co&quot;</a></span><time datetime="2025-01-01">Jan 1, 2025</time>' +
        '<span>digest <a href="/digests/2025-01-03/">2025-01-03</a></span><span>1 upvote</span><span>12 comments</span></p>' +
        '<p>It works &amp; &lt;scales&gt;.</p></article>',
    );
  });

  it('writes the byline of a paper without organisation, without digest or counts, at level 3', () => {
    const paper = testPaper({ id: 'second-card', authors: [`Ada "A" Lovelace`, 'B'], abstract: '' });
    expect(paperCardHtml(paper, { orgPage: null, showDigest: false, level: 3 })).toBe(
      '<article><h3><a href="/papers/second-card/">A paper</a></h3><p><span>Ada &quot;A&quot; Lovelace, B</span>' +
        '<time datetime="2025-01-01">Jan 1, 2025</time></p></article>',
    );
  });
});
