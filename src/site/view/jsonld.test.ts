import { describe, expect, it } from 'vitest';
import { scholarlyArticle, serializeJsonLd } from './jsonld.ts';
import { testPaper } from '../../../tests/support/builders.ts';

describe('serializeJsonLd', () => {
  const hostile = { headline: '</script><script>alert(1)</script> & <!-- \u2028\u2029' };

  it('cannot close or comment out the script element', () => {
    const out = serializeJsonLd(hostile);
    expect(out).not.toMatch(/[<>&\u2028\u2029]/);
  });

  it('still parses back to exactly the same value', () => {
    expect(JSON.parse(serializeJsonLd(hostile))).toEqual(hostile);
  });
});

describe('scholarlyArticle', () => {
  it('describes the paper with its headline, date, org and arXiv page', () => {
    const paper = testPaper({
      title: 'T',
      authors: ['Ada Lovelace'],
      authorCount: 1,
      org: { slug: 'nvidia', name: 'NVIDIA' },
      arxiv: '2401.04558',
      github: 'https://github.com/a/b',
      published: '2024-01-09',
    });
    expect(scholarlyArticle(paper)).toEqual({
      '@context': 'https://schema.org',
      '@type': 'ScholarlyArticle',
      headline: 'T',
      datePublished: '2024-01-09',
      sourceOrganization: { '@type': 'Organization', name: 'NVIDIA' },
      sameAs: 'https://arxiv.org/abs/2401.04558',
    });
    // The code repository is not the article: it is in the page's Links, not in sameAs.
    expect(JSON.stringify(scholarlyArticle(paper))).not.toContain('github.com');
  });

  it('does not repeat what the page or its head already says (abstract, keywords, URL, authors, arXiv id)', () => {
    const ld = scholarlyArticle(
      testPaper({ abstract: 'A long abstract.', keywords: ['k'], authors: ['Ada Lovelace'], arxiv: '2401.04558' }),
    );
    // The authors' machine-readable list is the citation_author tags (head-meta.ts), once per page.
    for (const key of ['abstract', 'keywords', 'name', '@id', 'url', 'author', 'identifier']) expect(ld).not.toHaveProperty(key);
    expect(JSON.stringify(ld)).not.toContain('A long abstract.');
    expect(JSON.stringify(ld)).not.toContain('Ada Lovelace');
  });

  it('omits fields no capture gave instead of writing nulls', () => {
    const ld = scholarlyArticle(testPaper({ abstract: '', authorCount: 3, org: null, arxiv: null }));
    for (const key of ['sameAs', 'sourceOrganization']) expect(ld).not.toHaveProperty(key);
  });
});
