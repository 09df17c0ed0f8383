/**
 * A paper's capture history, for its page: the provenance rows ("Seen in"), the upvote sparkline,
 * and which capture each shown value came from. Pure: a `Paper` in, plain data or an SVG string out.
 *
 * Hand-written like charts.ts: one polyline from a few numbers needs no chart library.
 */
import type { Appearance, Paper } from '../../schemas/paper.ts';
import { escapeXml } from '../../core/escape.ts';
import { capturedWhen, capturesInOrder } from '../../core/captures.ts';

/** How the page names each capture format. */
export const FORMAT_LABELS: Record<NonNullable<Appearance['format']>, string> = {
  plaintext: 'plain text',
  markdown: 'markdown',
  textbrowser: 'text browser',
  api: 'API',
  counts: 'counts',
};

const when = capturedWhen;

/** The day a capture was made (`YYYY-MM-DD`). */
export const captureDay = (a: Appearance): string => when(a).slice(0, 10);

/**
 * Which capture a shown value came from (`paper.sources`), as a tooltip: `from the API capture
 * of 2026-01-10 (digest 2026-01-08)`. Null when no capture showed it.
 */
export function sourceOf(paper: Pick<Paper, 'appearances' | 'sources'>, field: keyof Paper['sources']): string | null {
  const i = paper.sources[field];
  const a = i === null ? undefined : paper.appearances[i];
  if (!a) return null;
  const day = captureDay(a);
  return `from the ${a.format ? FORMAT_LABELS[a.format] : ''} capture of ${day}${day === a.digest ? '' : ` (digest ${a.digest})`}`.replace(
    'the  ',
    'the ',
  );
}

/** The upvote counts of the captures that showed one, in capture order. */
export function upvoteHistory(paper: Pick<Paper, 'appearances'>): Array<{ day: string; at: string; upvotes: number }> {
  return capturesInOrder(paper.appearances).flatMap((a) =>
    a.upvotes === null ? [] : [{ day: captureDay(a), at: when(a), upvotes: a.upvotes }],
  );
}

const num = (n: number): string => String(Math.round(n * 10) / 10);
const ms = (at: string): number => Date.parse(at.length === 10 ? `${at}T00:00:00Z` : at);

/**
 * The upvote sparkline as an inline SVG, or null with fewer than two captures showing upvotes.
 * x follows capture time (captures at one instant share an x), y the count from 0 to the maximum;
 * `currentColor` follows the text colour (dark mode included). The accessible name lists every
 * point, so the SVG's data is all in its text alternative.
 */
export function upvoteSparkline(paper: Pick<Paper, 'appearances'>, width = 160, height = 32): string | null {
  const points = upvoteHistory(paper);
  if (points.length < 2) return null;
  const t0 = ms(points[0]!.at);
  const span = ms(points.at(-1)!.at) - t0;
  const max = Math.max(1, ...points.map((p) => p.upvotes));
  const pad = 3;
  const xy = points.map((p, i) => {
    // Every capture at one instant: spread evenly instead of stacking on one x.
    const x = span > 0 ? ((ms(p.at) - t0) / span) * (width - 2 * pad) : (i / (points.length - 1)) * (width - 2 * pad);
    return `${num(x + pad)},${num(height - pad - (p.upvotes / max) * (height - 2 * pad))}`;
  });
  const label = escapeXml(`Upvotes by capture: ${points.map((p) => `${p.upvotes} on ${p.day}`).join(', ')}.`);
  return (
    `<svg viewBox="0 0 ${width} ${height}" width="${width}" height="${height}" role="img" aria-label="${label}" fill="currentColor">` +
    `<polyline points="${xy.join(' ')}" fill="none" stroke="currentColor" stroke-width="1.5"/>` +
    // A dot per capture, so captures made at nearly one time stay countable.
    xy.map((p) => `<circle cx="${p.split(',')[0]}" cy="${p.split(',')[1]}" r="2"/>`).join('') +
    '</svg>'
  );
}
