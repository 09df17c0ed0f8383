import { describe, expect, it } from 'vitest';
import fc from 'fast-check';
import { addAttribute } from 'astro/runtime/server/index.js';
import { citationTags, metaTagsHtml, previewTags, type MetaTag } from './head-meta.ts';

const asObject = (tags: MetaTag[]) => tags.map((t) => [t.attr, t.key, t.content]);

describe('previewTags', () => {
  const page = { title: 'T', image: 'https://x.org/og-image.png' };

  it('makes a website preview with the card Twitter needs beyond og:, without copies of the description and canonical URL', () => {
    expect(asObject(previewTags(page))).toEqual([
      ['property', 'og:type', 'website'],
      ['property', 'og:title', 'T'],
      ['property', 'og:site_name', 'Papershelf'],
      ['property', 'og:image', 'https://x.org/og-image.png'],
      ['name', 'twitter:card', 'summary_large_image'],
    ]);
  });

  it('makes a paper an article with its published day', () => {
    const tags = previewTags({ ...page, published: '2024-01-09' });
    expect(tags.find((t) => t.key === 'og:type')!.content).toBe('article');
    expect(tags.filter((t) => t.key === 'article:published_time').map((t) => t.content)).toEqual(['2024-01-09']);
  });
});

describe('citationTags', () => {
  it('names title, each author, the date in Scholar’s form, the arXiv id and PDF (not the page’s own URL again)', () => {
    const tags = citationTags({
      title: 'Linear $\\mathcal{O}(n)$  Attention',
      authors: [' Ada  Lovelace ', 'Alan Turing', ''],
      published: '2024-01-09',
      arxiv: '2401.04558',
    });
    expect(tags.every((t) => t.attr === 'name')).toBe(true);
    expect(tags.map((t) => [t.key, t.content])).toEqual([
      ['citation_title', 'Linear \\mathcal{O}(n) Attention'],
      ['citation_author', 'Ada Lovelace'],
      ['citation_author', 'Alan Turing'],
      ['citation_publication_date', '2024/01/09'],
      ['citation_arxiv_id', '2401.04558'],
      ['citation_pdf_url', 'https://arxiv.org/pdf/2401.04558'],
    ]);
  });

  it('leaves out authors, arXiv id and PDF it does not know (or an id that is not arXiv’s)', () => {
    for (const arxiv of [null, 'not-an-id']) {
      const keys = citationTags({ title: 'T', authors: null, published: '2026-01-06', arxiv }).map((t) => t.key);
      expect(keys).toEqual(['citation_title', 'citation_publication_date']);
    }
  });
});

describe('metaTagsHtml', () => {
  it('writes each tag as Astro writes <meta name={key} content={content} />, values escaped', () => {
    const tags: MetaTag[] = [
      { attr: 'property', key: 'og:title', content: 'A "quoted" <b> & it\'s' },
      { attr: 'name', key: 'citation_author', content: '' },
    ];
    expect(metaTagsHtml(tags)).toBe(
      '<meta property="og:title" content="A &quot;quoted&quot; <b> &amp; it\'s"><meta name="citation_author" content>',
    );
  });

  it('matches Astro’s attribute rendering for any content', () => {
    fc.assert(
      fc.property(fc.constantFrom<MetaTag['attr']>('property', 'name'), fc.string({ maxLength: 30 }), (attr, content) => {
        const astro = `<meta${String(addAttribute('k&"', attr))}${String(addAttribute(content, 'content'))}>`;
        expect(metaTagsHtml([{ attr, key: 'k&"', content }])).toBe(astro);
      }),
      { numRuns: 300 },
    );
  });
});
