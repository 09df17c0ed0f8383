/**
 * One page of a paper list (topic or organisation), newest first: the cards (card.ts), then the
 * pager (pager.ts), as one HTML string with the bytes the PaperList component wrote (a component
 * and a template per card on each of the ~1,300 list pages; issue 9 build time). Pure.
 */
import type { Paper } from '../../schemas/paper.ts';
import { paperCardHtml } from './card.ts';
import { pagerHtml } from './pager.ts';
import type { Pager } from './pagination.ts';

/** What the list shows besides its papers. */
export interface PaperListOptions {
  /** The first card's number; with `countDown`, the list counts down from it (a topic numbers its papers from the oldest). */
  start: number;
  countDown?: boolean;
  pager: Pager;
  /** Accessible name of the pager, e.g. `Pages of Agents`. */
  label: string;
  /** A paper's organisation page (site path without base), or null (src/site/data/orgs.ts `paperOrgPage`). */
  orgPage: (paper: Paper) => string | null;
}

/** The `<ol>` of cards and the pager after it, as HTML (for `set:html`). */
export function paperListHtml(papers: readonly Paper[], { start, countDown = false, pager, label, orgPage }: PaperListOptions): string {
  const cards = papers.map((paper) => `<li>${paperCardHtml(paper, { orgPage: orgPage(paper) })}</li>`).join('');
  return `<ol class="mt-4 list" start="${start}"${countDown ? ' reversed' : ''}>${cards}</ol>${pagerHtml(pager, label)}`;
}
