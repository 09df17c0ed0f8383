/**
 * "Previous / next" links between the papers of a digest (every paper page) or between digest
 * days. No wrapper per link: global.css puts "next" in the second column (issue 9).
 *
 * Why a string and not a component: it is on every paper page, and an Astro component instance
 * and a template per expression cost more than its markup (issue 9's build-time profile). The
 * markup is byte for byte what the NeighbourNav component wrote: text escaped by `escapeHtml`
 * (Astro's `{…}` escaping), attributes by `escapeAttribute`. Pure.
 */
import { escapeAttribute, escapeHtml } from '../../core/escape.ts';

/** A neighbour: where it is (already under the base) and what it is called (plain text). */
interface NeighbourLink {
  href: string;
  label: string;
}

/** What the navigation shows. */
export interface NeighbourNavOptions {
  /** Accessible name of the navigation landmark. */
  label: string;
  previous: NeighbourLink | null;
  next: NeighbourLink | null;
  previousText?: string;
  nextText?: string;
}

/** The `<nav>` as HTML (for `set:html`), or '' when there is neither neighbour. */
export function neighbourNavHtml({ label, previous, next, previousText = 'Previous', nextText = 'Next' }: NeighbourNavOptions): string {
  if (!previous && !next) return '';
  const link = (to: NeighbourLink, rel: string, text: string) =>
    `<a href="${escapeAttribute(to.href)}" rel="${rel}"><span>${text}</span><span>${escapeHtml(to.label)}</span></a>`;
  return (
    `<nav aria-label="${escapeAttribute(label)}" class="pn">` +
    (previous ? link(previous, 'prev', `← ${escapeHtml(previousText)}`) : '') +
    (next ? link(next, 'next', `${escapeHtml(nextText)} →`) : '') +
    '</nav>'
  );
}
