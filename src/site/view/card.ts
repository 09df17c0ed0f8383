/**
 * A paper in a list (digest, topic and organisation pages, the home page): linked title, byline
 * (the organisation links to its page), date, digest, counts and the abstract's start. Formulas in
 * the title and excerpt are rendered, so a page of cards passes `cardsNeedMath(papers)` to the Base
 * layout. No classes: every card sits in an `ol.list`, which global.css styles by place (issue 9:
 * ~26 bytes on each of ~180,000 listing entries at 50,000 papers).
 *
 * Why a string and not a component: a listing has up to a page of cards and the site ~33,000 of
 * them; an Astro component per card, and a template per field, cost more than the card's text
 * (issue 9's build-time profile). The markup is byte for byte what the PaperCard component wrote:
 * text escaped by `escapeHtml` (Astro's `{…}` escaping), attributes by `escapeAttribute`.
 */
import type { Paper } from '../../schemas/paper.ts';
import { escapeAttribute, escapeHtml } from '../../core/escape.ts';
import { digestPath, paperPath } from '../../core/paths.ts';
import { href } from './links.ts';
import { byline, formatDate, plural } from './format.ts';
import { cardSummary, richHtml } from './rich-text.ts';

/** How a card is shown. */
export interface CardOptions {
  /** The paper's organisation page (site path without base), when it has an organisation. */
  orgPage: string | null;
  /** Show "digest <date>" (off on a digest's own page). */
  showDigest?: boolean;
  /** Heading level of the title, so cards nest under the page's headings. */
  level?: 2 | 3;
}

/** One card as HTML (for `set:html`). */
export function paperCardHtml(paper: Paper, { orgPage, showDigest = true, level = 2 }: CardOptions): string {
  const link = (path: string, text: string) => `<a href="${escapeAttribute(href(path))}">${text}</a>`;
  // The separator dot trails each item (global.css), so a wrapped line never starts with one; a time is one item.
  let facts = '';
  if (paper.org && orgPage) facts += `<span>${link(orgPage, escapeHtml(paper.org.name))}</span>`;
  const by = paper.org ? '' : byline(paper);
  if (by) facts += `<span>${escapeHtml(by)}</span>`;
  facts += `<time datetime="${escapeAttribute(paper.published)}">${escapeHtml(formatDate(paper.published))}</time>`;
  const lastDigest = paper.digests.at(-1);
  if (showDigest && lastDigest) facts += `<span>digest ${link(digestPath(lastDigest), escapeHtml(lastDigest))}</span>`;
  if (paper.upvotes !== null) facts += `<span>${escapeHtml(plural(paper.upvotes, 'upvote'))}</span>`;
  if (paper.comments !== null) facts += `<span>${escapeHtml(plural(paper.comments, 'comment'))}</span>`;
  const summary = cardSummary(paper);
  const title = link(paperPath(paper.id), richHtml(paper.title, { linkify: false }));
  return `<article><h${level}>${title}</h${level}><p>${facts}</p>${summary ? `<p>${richHtml(summary, { linkify: false })}</p>` : ''}</article>`;
}
