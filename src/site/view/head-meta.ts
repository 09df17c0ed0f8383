/**
 * What link previews and reference managers read from a page's head, as name/content pairs and as
 * the `<meta>` elements the pages write (`metaTagsHtml`): Open Graph for chat apps
 * and social sites (Twitter/X reads the `og:` tags too, so it gets only `twitter:card`), and
 * Highwire Press `citation_*` tags for Zotero, Mendeley and Google Scholar. Pure.
 */
import type { Paper } from '../../schemas/paper.ts';
import { parseArxivId } from '../../schemas/arxiv.ts';
import { arxivPdfUrl } from '../../core/urls.ts';
import { plainText } from './rich-text.ts';
import { escapeAttribute } from '../../core/escape.ts';

/** The site's name in titles, `og:site_name` and feeds. */
export const SITE_NAME = 'Papershelf';

/** The one preview image (1200×630, kept in `public/`), relative to the site's base. */
export const SITE_IMAGE = 'og-image.png';

/** One `<meta>`: `property` for Open Graph (RDFa), `name` for the rest. */
export interface MetaTag {
  attr: 'property' | 'name';
  key: string;
  content: string;
}

/** What a page tells a link preview beyond its `<title>`, meta description and canonical link. */
export interface PreviewInput {
  /** The page title without the site name. */
  title: string;
  /** Absolute URL of the preview image. */
  image: string;
  /** For a paper page: its publication day, `YYYY-MM-DD` (makes it an `og:type` article). */
  published?: string;
}

/**
 * Open Graph and Twitter card tags for one page. Only what the page's other head elements do not
 * already say (issue 9: these repeat on 50,000 paper pages): no `og:description`, which would copy
 * the meta description that Facebook, LinkedIn, Slack, Discord, iMessage and X fall back to, and
 * no `og:url`, which would copy the canonical link (the page is fetched at its canonical URL, which
 * Open Graph readers take when `og:url` is absent). `og:title` stays: it differs from `<title>`
 * (no site name) and X reads no `<title>`.
 */
export function previewTags(page: PreviewInput): MetaTag[] {
  const og = (key: string, content: string): MetaTag => ({ attr: 'property', key, content });
  return [
    og('og:type', page.published ? 'article' : 'website'),
    og('og:title', page.title),
    og('og:site_name', SITE_NAME),
    og('og:image', page.image),
    ...(page.published ? [og('article:published_time', page.published)] : []),
    { attr: 'name', key: 'twitter:card', content: 'summary_large_image' },
  ];
}

/**
 * Highwire Press tags for a paper page (the set Google Scholar's inclusion guidelines name):
 * title, one `citation_author` per known author, the date as `YYYY/MM/DD` (Scholar's form),
 * and the arXiv id and PDF when there is a valid one.
 *
 * These tags are the page's one machine-readable author list (issue 9: each byte here is paid on
 * every one of 50,000 pages): Scholar requires `citation_author` and reads nothing else, and Zotero
 * and Mendeley read the same tags, so the JSON-LD (jsonld.ts) does not list the authors again. No
 * `citation_abstract_html_url`: Scholar does not require it, and it would only repeat the page's
 * own URL, which the canonical link and `og:url` already give.
 */
export function citationTags(paper: Pick<Paper, 'title' | 'authors' | 'published' | 'arxiv'>): MetaTag[] {
  const tag = (key: string, content: string): MetaTag => ({ attr: 'name', key, content });
  const arxiv = parseArxivId(paper.arxiv);
  const authors = (paper.authors ?? []).map((a) => a.trim().replace(/\s+/g, ' ')).filter(Boolean);
  return [
    tag('citation_title', plainText(paper.title).replace(/\s+/g, ' ').trim()),
    ...authors.map((a) => tag('citation_author', a)),
    tag('citation_publication_date', paper.published.replaceAll('-', '/')),
    ...(arxiv ? [tag('citation_arxiv_id', arxiv), tag('citation_pdf_url', arxivPdfUrl(arxiv))] : []),
  ];
}

/**
 * Tags as `<meta>` elements, byte for byte what Astro writes for `<meta name={key} content={content} />`
 * (values escaped as Astro escapes attributes; an empty content is a bare `content`). One string
 * instead of a component and a template per tag: they are in the head of every page, a paper's with
 * one per author (issue 9's build-time profile).
 */
export function metaTagsHtml(tags: readonly MetaTag[]): string {
  let html = '';
  for (const t of tags) {
    const content = t.content === '' ? ' content' : ` content="${escapeAttribute(t.content)}"`;
    html += `<meta ${t.attr}="${escapeAttribute(t.key)}"${content}>`;
  }
  return html;
}
