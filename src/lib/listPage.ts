/** Text shared by the paginated list pages (topics, organisations). */
import type { Page } from 'astro';
import { plural } from './format.ts';

/** `Agents` on page 1, `Agents (page 2 of 3)` after: page titles stay unique. */
export function pageTitle(name: string, page: Pick<Page, 'currentPage' | 'lastPage'>): string {
  return page.currentPage > 1 ? `${name} (page ${page.currentPage} of ${page.lastPage})` : name;
}

/** `120 papers, newest first; showing 51–100.` (the range only when there are several pages). */
export function listSummary(page: Pick<Page, 'total' | 'start' | 'end' | 'lastPage'>): string {
  const head = `${plural(page.total, 'paper')}, newest first`;
  return page.lastPage > 1 ? `${head}; showing ${page.start + 1}–${page.end + 1}.` : `${head}.`;
}
