/**
 * A paper page's "Seen in" section: every capture of the paper (digest day, format, the counts it
 * showed; one line when there was one capture), the upvote sparkline when two or more captures
 * showed upvotes, and the values other captures disagreed on. No class lists: `[data-seen]` in
 * global.css styles it, and it is on every paper page (issue 9).
 *
 * Why a string and not a component: one Astro component per paper page (its `Astro` object, props
 * and a template per expression) cost more than the section's few bytes (issue 9's build-time
 * profile). The markup is byte for byte what the SeenIn component wrote: text escaped by
 * `escapeHtml` (Astro's `{…}` escaping), attributes by `escapeAttribute`. Pure.
 */
import type { Paper } from '../../schemas/paper.ts';
import { escapeAttribute, escapeHtml } from '../../core/escape.ts';
import { digestPath } from '../../core/paths.ts';
import { capturesInOrder } from '../../core/captures.ts';
import { href } from './links.ts';
import { FORMAT_LABELS, captureDay, upvoteSparkline } from './history.ts';

const FIELD = { title: 'the title', org: 'the organisation', authorCount: 'the author count' } as const;

/** The section as HTML (for `set:html`), `<section data-seen>` included. `base` defaults to the site's. */
export function seenInHtml(paper: Pick<Paper, 'appearances' | 'conflicts'>, base?: string): string {
  const rows = capturesInOrder(paper.appearances);
  const digestLink = (day: string) => `<a href="${escapeAttribute(href(digestPath(day), base))}">${escapeHtml(day)}</a>`;
  // No aria-labelledby: the section is no landmark worth its bytes on every page; its h2 names it in the outline.
  let html = '<section data-seen><h2>Seen in</h2>';
  // Seen once (nearly every paper: 99.96% of the real corpus): one line, not a one-row table. Its
  // counts are the ones the page already shows, so the line names the digest and the capture only
  // (issue 9: ~430 bytes less on each of 50,000 pages).
  const once = rows.length === 1 && paper.conflicts.length === 0 ? rows[0]! : null;
  if (once) {
    const day = captureDay(once);
    const label = `${once.format ? FORMAT_LABELS[once.format] : 'unknown'} capture${day === once.digest ? '' : ` of ${day}`}`;
    html += `<p>Digest ${digestLink(once.digest)}, ${escapeHtml(label)}</p>`;
  }
  const spark = upvoteSparkline(paper);
  if (spark) {
    const counts = rows.flatMap((a) => (a.upvotes === null ? [] : [a.upvotes]));
    // The SVG is escapeXml'd markup from history.ts, written as it is (the component's `set:html`).
    html += `<p data-sparkline><span>${spark}</span><span aria-hidden="true">${counts[0]} → ${counts.at(-1)} upvotes</span></p>`;
  }
  if (!once) html += captureTable(rows, digestLink);
  for (const c of paper.conflicts) {
    html += `<p data-conflict>The capture of ${escapeHtml(c.digest)} showed ${FIELD[c.field]} “${escapeHtml(c.value)}”.</p>`;
  }
  return `${html}</section>`;
}

/** One row per capture; explicit thead/tbody because html-validate's prefer-tbody (the e2e gate) wants every row in a section. */
function captureTable(rows: ReturnType<typeof capturesInOrder>, digestLink: (day: string) => string): string {
  // Count columns only when some capture showed a count: no column of dashes on every page of a capture that had none.
  const showCounts = rows.some((a) => a.upvotes !== null || a.comments !== null);
  let html = `<table><thead><tr><th>Digest</th><th>Format</th>${showCounts ? '<th>Upvotes</th><th>Comments</th>' : ''}</tr></thead><tbody>`;
  for (const a of rows) {
    const day = captureDay(a);
    const later = day !== a.digest;
    // Only a cell that names a later capture day may wrap (at its comma), so phones fit four columns.
    html += `<tr><td>${digestLink(a.digest)}</td><td${later ? ' class="wr"' : ''}>${escapeHtml(a.format ? FORMAT_LABELS[a.format] : '?')}${later ? escapeHtml(`, ${day}`) : ''}</td>`;
    if (showCounts) html += `<td>${escapeHtml(String(a.upvotes ?? '–'))}</td><td>${escapeHtml(String(a.comments ?? '–'))}</td>`;
    html += '</tr>';
  }
  return `${html}</tbody></table>`;
}
