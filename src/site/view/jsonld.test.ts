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
  it('describes the paper with authors, org, arXiv identity and date', () => {
    const paper = testPaper({
      title: 'T',
      authors: ['Ada Lovelace'],
      authorCount: 1,
      org: { slug: 'nvidia', name: 'NVIDIA' },
      arxiv: '2401.04558',
      github: 'https://github.com/a/b',
      published: '2024-01-09',
    });
    const ld = scholarlyArticle(paper, 'https://example.org/papers/2401.04558/');
    expect(ld).toMatchObject({
      '@type': 'ScholarlyArticle',
      url: 'https://example.org/papers/2401.04558/',
      headline: 'T',
      datePublished: '2024-01-09',
      author: [{ '@type': 'Person', name: 'Ada Lovelace' }],
      sourceOrganization: { name: 'NVIDIA' },
      identifier: 'arXiv:2401.04558',
      sameAs: 'https://arxiv.org/abs/2401.04558',
    });
    // The code repository is not the article: it is in the page's Links, not in sameAs.
    expect(JSON.stringify(ld)).not.toContain('github.com');
  });

  it('does not repeat what the page already shows (abstract, keywords) or copy a field into another', () => {
    const ld = scholarlyArticle(testPaper({ abstract: 'A long abstract.', keywords: ['k'] }), 'https://e.org/p/');
    for (const key of ['abstract', 'keywords', 'name', '@id']) expect(ld).not.toHaveProperty(key);
    expect(JSON.stringify(ld)).not.toContain('A long abstract.');
  });

  it('omits fields no capture gave instead of writing nulls', () => {
    const ld = scholarlyArticle(testPaper({ abstract: '', authorCount: 3 }), 'https://e.org/p/');
    for (const key of ['author', 'identifier', 'sameAs', 'sourceOrganization']) expect(ld).not.toHaveProperty(key);
  });
});
