/**
 * A paper page's `<article>` content as HTML strings (search indexes the paper's entry, not this
 * page: src/site/search/records.ts). Two parts, because the hand-written note between them is an
 * MDX component that Astro renders (the page puts it in `<section data-note>`):
 * `paperArticleHtml` (title, byline, organisation, dates and counts, abstract, topics, keywords)
 * and `paperArticleEndHtml` (links, "Seen in", the BibTeX entry).
 *
 * Why strings and not components: the paper page is most of the site's pages (50,000 at scale),
 * and its components (PaperArticle, SeenIn, Cite: an `Astro` object, props, slots and a template
 * per expression each) cost more than their markup (issue 9's build-time profile). The markup is
 * byte for byte what those components wrote: text escaped by `escapeHtml` (Astro's `{…}`
 * escaping), attributes by `escapeAttribute`, titles and abstract paragraphs by `richHtml`. Pure.
 */
import type { Paper } from '../../schemas/paper.ts';
import { escapeAttribute, escapeHtml } from '../../core/escape.ts';
import { href, outboundLinks } from './links.ts';
import { formatDate, paragraphs, plural } from './format.ts';
import { sourceOf } from './history.ts';
import { richHtml } from './rich-text.ts';
import { paperTopicsHtml, type TopicWithReasons } from './topic-list.ts';
import { seenInHtml } from './seen-in.ts';
import { bibtexFor } from './bibtex.ts';

/** What the article shows besides the paper. */
export interface PaperArticleOptions {
  /** Its topics with the reasons each matched. */
  topics: readonly TopicWithReasons[];
  /** The paper's organisation page (site path without base), when it has one. */
  orgPage: string | null;
  /** The site's base path (defaults to the site's). */
  base?: string;
}

/** ` title="…"` naming the capture a shown value came from, or '' (Astro leaves out a null attribute). */
function sourceTitle(paper: Paper, field: Parameters<typeof sourceOf>[1]): string {
  // Only when there were several captures to choose from: with one, "Seen in" names it once instead
  // of four tooltips on each of 50,000 pages (issue 9).
  const source = paper.appearances.length > 1 ? sourceOf(paper, field) : null;
  if (source === null) return '';
  return source === '' ? ' title' : ` title="${escapeAttribute(source)}"`;
}

/** The article's content before the note: title to keywords. */
export function paperArticleHtml(paper: Paper, { topics, orgPage, base }: PaperArticleOptions): string {
  let html = `<h1>${richHtml(paper.title, { linkify: false })}</h1>`;
  // Who wrote it.
  const authorLine =
    paper.authors && paper.authors.length > 0 ? paper.authors.join(', ') : paper.authorCount ? plural(paper.authorCount, 'author') : null;
  if (authorLine) html += `<p${sourceTitle(paper, 'authors')}>${escapeHtml(authorLine)}</p>`;
  if (paper.org) {
    const name = escapeHtml(paper.org.name);
    const org = orgPage ? `<a href="${escapeAttribute(href(orgPage, base))}">${name}</a>` : `<span>${name}</span>`;
    html += `<p class="org"${sourceTitle(paper, 'org')}>Organisation: ${org} <span>(${escapeHtml(paper.org.slug)})</span></p>`;
  }
  // The article's one list of its own (global.css: `.paper > ul`); the byline is its plain paragraph.
  html += `<ul><li>Published <time datetime="${escapeAttribute(paper.published)}">${escapeHtml(formatDate(paper.published))}</time></li>`;
  if (paper.upvotes !== null) html += `<li${sourceTitle(paper, 'upvotes')}>${escapeHtml(plural(paper.upvotes, 'upvote'))}</li>`;
  if (paper.comments !== null) html += `<li${sourceTitle(paper, 'comments')}>${escapeHtml(plural(paper.comments, 'comment'))}</li>`;
  html += '</ul><section data-abstract><h2>Abstract</h2>';
  const body = paragraphs(paper.abstract);
  html +=
    body.length > 0
      ? `<div class="prose">${body.map((p) => `<p>${richHtml(p)}</p>`).join('')}</div>`
      : '<p class="none">No abstract was captured for this paper.</p>';
  html += '</section>';
  if (topics.length > 0) html += `<section>${paperTopicsHtml(topics, base)}</section>`;
  // The API's machine keywords (`ai_keywords`): shown because they name methods and datasets the
  // abstract may not, and indexed so search finds a paper by them.
  if (paper.keywords.length > 0) {
    html += `<section data-keywords><h2>Keywords</h2><ul class="tags">${paper.keywords.map((k) => `<li>${escapeHtml(k)}</li>`).join('')}</ul></section>`;
  }
  return html;
}

/** The article's content after the note: outbound links, "Seen in", and the BibTeX entry of an arXiv paper. */
export function paperArticleEndHtml(paper: Paper, base?: string): string {
  let html = '';
  const links = outboundLinks(paper);
  if (links.length > 0) {
    // No rel="noopener": it only matters with target="_blank", which these links do not use.
    const items = links.map((link) => `<li><a href="${escapeAttribute(link.href)}">${escapeHtml(link.label)}</a></li>`).join('');
    html += `<section><h2>Links</h2><ul class="links">${items}</ul></section>`;
  }
  html += seenInHtml(paper, base);
  // "Cite this paper", readable and selectable without JavaScript. The copy button and its status
  // line are made by public/site.js only when the Clipboard API is there (no button that cannot work).
  if (paper.arxiv) html += `<section class="cite"><h2>Cite (BibTeX)</h2><pre id="bibtex">${escapeHtml(bibtexFor(paper))}</pre></section>`;
  return html;
}
