/**
 * Structured data for paper pages: a schema.org `ScholarlyArticle`, serialised so it is safe
 * inside a `<script type="application/ld+json">` element.
 */
import type { Paper } from '../../schemas/paper.ts';
import { arxivAbsUrl } from '../../core/urls.ts';

/** A JSON-LD object; only JSON values. */
export type JsonLd = Record<string, unknown>;

/**
 * The `ScholarlyArticle` for a paper; `url` is its absolute canonical URL. Lean on purpose (issue 9:
 * it is repeated on every paper page): what the page shows in plain HTML (abstract, keywords) is not
 * repeated here, nor are fields that would only copy another (`@id` = `url`, `name` = `headline`).
 */
export function scholarlyArticle(paper: Paper, url: string): JsonLd {
  const article: JsonLd = {
    '@context': 'https://schema.org',
    '@type': 'ScholarlyArticle',
    url,
    headline: paper.title,
    datePublished: paper.published,
  };
  if (paper.authors?.length) article.author = paper.authors.map((name) => ({ '@type': 'Person', name }));
  if (paper.org) article.sourceOrganization = { '@type': 'Organization', name: paper.org.name };
  if (paper.arxiv) article.identifier = `arXiv:${paper.arxiv}`;
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
