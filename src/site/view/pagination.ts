/**
 * Numbered list pages (`/orgs/<slug>/`, `/orgs/<slug>/2/`, …): the page size, the path of page n,
 * which page numbers a pager shows, the pager's links and the text the paginated lists share.
 * Topic pages are numbered from the oldest instead (topic-pages.ts) and share the pager. Pure.
 */
import type { Page } from 'astro';
import { plural } from './format.ts';
import { withTrailingSlash } from '../../core/paths.ts';

/** Papers per list page. */
export const PAGE_SIZE = 50;

/** The path of page `n` of a list whose first page is `first` (`topics/x/` → `topics/x/2/`). */
export function pagePath(first: string, n: number): string {
  const base = withTrailingSlash(first);
  return n <= 1 ? base : `${base}${n}/`;
}

/**
 * The page numbers a pager shows for page `current` of `last`: the first and last page, the
 * current one and its neighbours, with `null` where numbers are skipped.
 */
export function pageWindow(current: number, last: number, around = 1): Array<number | null> {
  const wanted = new Set<number>([1, last]);
  for (let n = current - around; n <= current + around; n++) if (n >= 1 && n <= last) wanted.add(n);
  return withGaps([...wanted].sort((a, b) => a - b));
}

/**
 * `sorted` (distinct page numbers, ascending or descending) with `null` where two or more pages are
 * skipped. A gap of one page shows that page instead, since an ellipsis would take the same room.
 */
export function withGaps(sorted: readonly number[]): Array<number | null> {
  const out: Array<number | null> = [];
  for (const n of sorted) {
    const prev = out.at(-1);
    const gap = typeof prev === 'number' ? Math.abs(n - prev) : 0;
    if (gap === 2) out.push((n + (prev as number)) / 2);
    else if (gap > 2) out.push(null);
    out.push(n);
  }
  return out;
}

/** One link of a pager's window. */
interface PagerLink {
  text: string;
  /** Accessible name, when the text alone would be a bare number. */
  label: string;
  /** Without base. */
  path: string;
  current: boolean;
}

/** What `pagerHtml` (pager.ts) draws: links to the newer and older page, and a window of pages (null: skipped pages). */
export interface Pager {
  newer: string | null;
  older: string | null;
  links: Array<PagerLink | null>;
}

/** The pager of page `current` of `last` of a newest-first list whose first page is `first`: page 1 is the newest. */
export function numberedPager(first: string, current: number, last: number): Pager {
  return {
    newer: current > 1 ? pagePath(first, current - 1) : null,
    older: current < last ? pagePath(first, current + 1) : null,
    links: pageWindow(current, last).map((n) =>
      n === null ? null : { text: String(n), label: `Page ${n}`, path: pagePath(first, n), current: n === current },
    ),
  };
}

/** `Agents` on page 1, `Agents (page 2 of 3)` after: page titles stay unique. */
export function pageTitle(name: string, page: Pick<Page, 'currentPage' | 'lastPage'>): string {
  return page.currentPage > 1 ? `${name} (page ${page.currentPage} of ${page.lastPage})` : name;
}

/** `120 papers, newest first; showing 51–100.` (the range only when there are several pages). */
export function listSummary(page: Pick<Page, 'total' | 'start' | 'end' | 'lastPage'>): string {
  const head = `${plural(page.total, 'paper')}, newest first`;
  return page.lastPage > 1 ? `${head}; showing ${page.start + 1}–${page.end + 1}.` : `${head}.`;
}
