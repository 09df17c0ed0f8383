/**
 * The `<head>` elements of every page (the Base layout) from `<title>` to the feed links, as one
 * HTML string with the bytes the layout's template wrote: a dozen template expressions and two
 * fragments a page, on each of the site's ~12,000 pages (60,000 at scale), for markup that differs
 * by a title, a description and a few switches (issue 9 build time). Text is escaped by
 * `escapeHtml` (Astro's `{…}` escaping), attributes by `escapeAttribute`. Pure.
 */
import { escapeAttribute, escapeHtml } from '../../core/escape.ts';
import { KATEX_CSS } from '../../core/paths.ts';
import { href } from './links.ts';

/** What one page's head says. */
export interface PageHeadInput {
  /** The whole `<title>` (site name included). */
  title: string;
  /** The meta description (plain text). */
  description: string;
  /** The canonical URL of an indexable page; none for the 404 page. */
  canonical?: string | undefined;
  /** The link-preview `<meta>` tags as HTML (`metaTagsHtml`), or none. */
  preview?: string | undefined;
  /** False for a page that must not be indexed (the 404 page). */
  indexable: boolean;
  /** True when the page shows a KaTeX formula: only then is KaTeX's stylesheet linked. */
  math: boolean;
  /** False on paper pages (issue 9: 180 bytes on each of 50,000 pages): a feed reader is pointed at the site, a listing or /feeds/, not at one paper. */
  feeds: boolean;
  /** The site's base path (defaults to the site's). */
  base?: string;
}

/**
 * Theme before first paint (after satnaing/astro-paper's scripts/theme.ts): a stored choice wins,
 * else the system preference. Inline and minimal so there is no flash of the wrong theme; the
 * toggle, following the system live and the BibTeX copy button are in public/site.js, one small
 * file every page shares (cached once, not repeated on 50,000 pages). An arrow over the class
 * list, not a function over the element: 15 bytes shorter.
 */
const THEME_SCRIPT =
  "<script>((c,s)=>{try{s=localStorage.theme}catch{}c.add('js');c.toggle('dark',s?s=='dark':matchMedia('(prefers-color-scheme:dark)').matches)})(document.documentElement.classList)</script>";

/** The head's elements from `<title>` to the feed links (the layout adds the charset, viewport, its module script and the page's head slot). */
export function pageHeadHtml(page: PageHeadInput): string {
  const link = (path: string) => escapeAttribute(href(path, page.base));
  // An empty description is a bare `content`, as Astro writes an attribute whose value is ''.
  const description = page.description === '' ? ' content' : ` content="${escapeAttribute(page.description)}"`;
  let html = `<title>${escapeHtml(page.title)}</title><meta name="description"${description}>`;
  if (page.canonical) html += `<link rel="canonical" href="${escapeAttribute(page.canonical)}">`;
  if (page.preview) html += page.preview;
  if (!page.indexable) html += '<meta name="robots" content="noindex">';
  html += `<link rel="icon" href="${link('favicon.svg')}">`;
  if (page.math) html += `<link rel="stylesheet" href="${link(KATEX_CSS)}" data-katex-css>`;
  html += `${THEME_SCRIPT}<script src="${link('site.js')}" defer></script>`;
  if (page.feeds) {
    html +=
      `<link rel="alternate" type="application/rss+xml" title="Papershelf" href="${link('feed.xml')}">` +
      `<link rel="alternate" type="application/feed+json" title="Papershelf" href="${link('feed.json')}">`;
  }
  return html;
}
