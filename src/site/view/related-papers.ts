/**
 * A paper page's "Related papers": up to five similar papers (computed once per build; see
 * src/site/data/related.ts), each its linked title, byline and date.
 *
 * Why a string and not a component: it is on every paper page, and an Astro component instance
 * and a template per expression cost more than its markup (issue 9's build-time profile). The
 * markup is byte for byte what the RelatedPapers component wrote: titles by `richHtml`, the byline
 * line by `escapeHtml` (Astro's `{…}` escaping), the link by `escapeAttribute`. Pure.
 */
import type { Paper } from '../../schemas/paper.ts';
import { escapeAttribute, escapeHtml } from '../../core/escape.ts';
import { paperPath } from '../../core/paths.ts';
import { href } from './links.ts';
import { byline, formatDate } from './format.ts';
import { richHtml } from './rich-text.ts';

/** The section as HTML (for `set:html`), or '' when there are no related papers. `base` defaults to the site's. */
export function relatedPapersHtml(papers: readonly Paper[], base?: string): string {
  if (papers.length === 0) return '';
  const items = papers
    .map(
      (p) =>
        `<li><a href="${escapeAttribute(href(paperPath(p.id), base))}">${richHtml(p.title, { linkify: false })}</a>` +
        `<span>${escapeHtml([byline(p), formatDate(p.published)].filter(Boolean).join(' · '))}</span></li>`,
    )
    .join('');
  return `<section data-related><h2>Related papers</h2><ol>${items}</ol></section>`;
}
