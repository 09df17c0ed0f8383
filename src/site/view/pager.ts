/**
 * The pager of a paper list (topic and organisation pages, both newest first) as an HTML string:
 * a link to the newer and the older papers and a window of pages, as the pure model gives them
 * (`numberedPager` in pagination.ts, `topicPager` in topic-pages.ts). Links go through `href()` so
 * they honour the base path; the current page is marked with `aria-current`.
 *
 * Why a string and not a component: it is on each of the ~1,300 list pages (more at scale) with
 * a template per link, for markup that is all class lists and a few numbers (issue 9 build time).
 * The markup is byte for byte what the Pagination component wrote: attributes escaped by
 * `escapeAttribute` (Astro's attribute escaping), text by `escapeHtml`. Pure.
 */
import { escapeAttribute, escapeHtml } from '../../core/escape.ts';
import { href } from './links.ts';
import type { Pager } from './pagination.ts';

const ITEM = 'inline-block min-w-9 rounded border px-2 py-1 text-center no-underline';
const LINK = `${ITEM} border-zinc-300 dark:border-zinc-700`;
const IDLE = `${ITEM} border-transparent text-zinc-600 dark:text-zinc-400`;
const CURRENT = `${ITEM} border-zinc-900 bg-zinc-900 text-white dark:border-zinc-100 dark:bg-zinc-100 dark:text-zinc-900`;

/** The `<nav>` as HTML (for `set:html`), or '' for a list of one page. `label` names the landmark; `base` defaults to the site's. */
export function pagerHtml(pager: Pager, label = 'Pages', base?: string): string {
  if (pager.links.length <= 1) return '';
  const link = (path: string) => escapeAttribute(href(path, base));
  const newerText = '←<span class="hidden sm:inline"> Newer</span>';
  const olderText = '<span class="hidden sm:inline">Older </span>→';
  const newer = pager.newer
    ? `<a href="${link(pager.newer)}" rel="prev" aria-label="Newer papers" class="${LINK}">${newerText}</a>`
    : `<span class="${IDLE}" aria-hidden="true">${newerText}</span>`;
  const older = pager.older
    ? `<a href="${link(pager.older)}" rel="next" aria-label="Older papers" class="${LINK}">${olderText}</a>`
    : `<span class="${IDLE}" aria-hidden="true">${olderText}</span>`;
  const pages = pager.links
    .map((p) =>
      p === null
        ? '<li aria-hidden="true" class="px-1">…</li>'
        : `<li><a href="${link(p.path)}"${p.current ? ' aria-current="page"' : ''} aria-label="${escapeAttribute(p.label)}" class="${p.current ? CURRENT : LINK}">${escapeHtml(p.text)}</a></li>`,
    )
    .join('');
  return (
    `<nav aria-label="${escapeAttribute(label)}" class="mt-8 print:hidden" data-pagination><ul class="flex flex-wrap items-center gap-2 text-sm">` +
    `<li>${newer}</li>${pages}<li>${older}</li></ul></nav>`
  );
}
