/**
 * Structured data for paper pages: a schema.org `ScholarlyArticle`, serialised so it is safe
 * inside a `<script type="application/ld+json">` element.
 */
import type { Paper } from '../../schemas/paper.ts';
import { arxivAbsUrl } from '../../core/urls.ts';

/** A JSON-LD object; only JSON values. */
export type JsonLd = Record<string, unknown>;

/**
 * The `ScholarlyArticle` for a paper. Lean on purpose (issue 9: it is repeated on every paper
 * page, 50,000 times): what the page shows in plain HTML (abstract, keywords) is not repeated here,
 * nor are fields that would only copy another or the head: no `url`/`@id` (the page's own URL: the
 * canonical link), no `name` (= `headline`), no `identifier` (the arXiv id is in `sameAs`'s URL
 * and `citation_arxiv_id`), and no `author`: the authors' one machine-readable list is the
 * `citation_author` tags (head-meta.ts), which Google Scholar, Zotero and Mendeley read; search
 * engines read the visible byline, and a second full list here cost ~35 bytes per author per page.
 * What stays is what no other tag says in schema.org terms: the type, headline, date, organisation
 * and the arXiv page as the same article elsewhere.
 */
export function scholarlyArticle(paper: Paper): JsonLd {
  const article: JsonLd = {
    '@context': 'https://schema.org',
    '@type': 'ScholarlyArticle',
    headline: paper.title,
    datePublished: paper.published,
  };
  if (paper.org) article.sourceOrganization = { '@type': 'Organization', name: paper.org.name };
  // sameAs names the same article elsewhere (its arXiv page); a code repository or project page is
  // another thing, shown in the page's Links.
  if (paper.arxiv) article.sameAs = arxivAbsUrl(paper.arxiv);
  return article;
}

/** Characters that could end the script element or break older JS parsers, as JSON escapes. */
const UNSAFE: Record<string, string> = {
  '<': '\\u003c',
  '>': '\\u003e',
  '&': '\\u0026',
  '\u2028': '\\u2028',
  '\u2029': '\\u2029',
};

/**
 * `JSON.stringify` with `<`, `>`, `&`, U+2028 and U+2029 escaped: a title containing
 * `</script>` cannot close the element, and the result still parses to the same value.
 */
export function serializeJsonLd(value: JsonLd): string {
  return JSON.stringify(value).replace(/[<>&\u2028\u2029]/g, (c) => UNSAFE[c] ?? c);
}
