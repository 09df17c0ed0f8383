/**
 * Small charts rendered at build time as inline SVG strings: a sparkline (a topic's papers per
 * month) and a bar chart (papers per week). No JS, `currentColor` so they follow the text colour
 * in dark mode, and an accessible name summarising the data for screen readers.
 *
 * Hand-written: chart libraries (d3, Chart.js, …) draw in the browser or need a DOM; two
 * shapes from a list of counts are a few lines of arithmetic. Counting dates per week or month
 * is core/dates.ts.
 */
import { escapeXml } from '../../core/escape.ts';

/** One bar or point: its label (a month, an ISO week…) and its count. */
export interface ChartPoint {
  label: string;
  count: number;
}

/** Options shared by both charts. */
export interface ChartOptions {
  /** What the chart shows, e.g. `Papers per week`; starts the accessible name and the `<title>`. */
  title: string;
  /** Width and height of the viewBox (the SVG scales to its CSS box). Defaults depend on the chart. */
  width?: number;
  height?: number;
  /** The counted thing, for the summary: `papers` by default. */
  unit?: string;
  /** Extra `class` on the `<svg>` element. */
  className?: string;
}

/** Two decimals are plenty for a viewBox a few hundred units wide, and keep the markup short. */
const num = (n: number) => String(Math.round(n * 100) / 100);
/** One decimal for a sparkline's points: a tenth of a 120-unit line is under a pixel wherever it is drawn. */
const num1 = (n: number) => String(Math.round(n * 10) / 10);

/**
 * One sentence describing the data, for `aria-label` and `<title>`:
 * `Papers per week: 42 papers from 2024-W01 to 2024-W10; most in 2024-W03 (12); latest 4.`
 */
export function chartSummary(points: readonly ChartPoint[], title: string, unit = 'papers'): string {
  if (points.length === 0) return `${title}: no data.`;
  const total = points.reduce((sum, p) => sum + p.count, 0);
  // The first of equal maxima, so the summary is stable.
  const peak = points.reduce((best, p) => (p.count > best.count ? p : best));
  const first = points[0]!;
  const last = points.at(-1)!;
  const span = points.length === 1 ? `in ${first.label}` : `from ${first.label} to ${last.label}`;
  const fmt = (n: number) => n.toLocaleString('en-US');
  return `${title}: ${fmt(total)} ${unit} ${span}; most in ${peak.label} (${fmt(peak.count)}); latest ${fmt(last.count)}.`;
}

/** The `<svg>` wrapper: `role="img"`, accessible name, `<title>`, viewBox. */
function svg(width: number, height: number, summary: string, className: string | undefined, body: string): string {
  const label = escapeXml(summary);
  const cls = className ? ` class="${escapeXml(className)}"` : '';
  return (
    `<svg xmlns="http://www.w3.org/2000/svg" viewBox="0 0 ${num(width)} ${num(height)}" width="${num(width)}" ` +
    `height="${num(height)}"${cls} role="img" aria-label="${label}"><title>${label}</title>${body}</svg>`
  );
}

/**
 * A sparkline (line plus a faint area) of counts, e.g. a topic's papers per month. Returns an
 * SVG string safe to inline with `set:html` (every label is escaped).
 */
export function sparklineSvg(points: readonly ChartPoint[], options: ChartOptions): string {
  const { width = 120, height = 24, unit, className } = options;
  const summary = chartSummary(points, options.title, unit);
  if (points.length === 0) return svg(width, height, summary, className, '');
  const pad = 2;
  const max = Math.max(...points.map((p) => p.count));
  const x = (i: number) => (points.length === 1 ? width / 2 : pad + (i * (width - 2 * pad)) / (points.length - 1));
  // All-zero data draws a flat line on the baseline instead of dividing by zero.
  const y = (count: number) => height - pad - (max > 0 ? (count / max) * (height - 2 * pad) : 0);
  const coords = points.map((p, i) => `${num1(x(i))},${num1(y(p.count))}`);
  const last = points.length - 1;
  const dot = `<circle cx="${num(x(last))}" cy="${num(y(points[last]!.count))}" r="1.5" fill="currentColor"/>`;
  if (points.length === 1) return svg(width, height, summary, className, dot);
  const baseline = num(height - pad);
  const area = `<polygon points="${num1(x(0))},${baseline} ${coords.join(' ')} ${num1(x(last))},${baseline}" fill="currentColor" fill-opacity="0.15"/>`;
  const line =
    `<polyline points="${coords.join(' ')}" fill="none" stroke="currentColor" stroke-width="1.5" ` +
    `stroke-linejoin="round" stroke-linecap="round" vector-effect="non-scaling-stroke"/>`;
  return svg(width, height, summary, className, area + line + dot);
}

/**
 * A bar chart of counts, e.g. papers per week (chart-periods.ts bounds the number of bars). Each bar carries a `<title>` (`2024-W03: 12`)
 * that browsers show on hover; no JS. Returns an SVG string safe to inline with `set:html`.
 */
export function barChartSvg(points: readonly ChartPoint[], options: ChartOptions): string {
  const { width = 600, height = 120, unit, className } = options;
  const summary = chartSummary(points, options.title, unit);
  if (points.length === 0) return svg(width, height, summary, className, '');
  const max = Math.max(...points.map((p) => p.count));
  const slot = width / points.length;
  const gap = slot > 4 ? slot * 0.2 : 0;
  const bars = points
    .map((p, i) => {
      if (p.count <= 0 || max <= 0) return '';
      const h = (p.count / max) * (height - 1);
      return (
        `<rect x="${num(i * slot + gap / 2)}" y="${num(height - 1 - h)}" width="${num(slot - gap)}" height="${num(h)}">` +
        `<title>${escapeXml(`${p.label}: ${p.count}`)}</title></rect>`
      );
    })
    .join('');
  const axis = `<line x1="0" y1="${num(height - 0.5)}" x2="${num(width)}" y2="${num(height - 0.5)}" stroke="currentColor" stroke-opacity="0.4"/>`;
  // One fill on the group, not on each of up to 160 bars.
  return svg(width, height, summary, className, `<g fill="currentColor">${bars}</g>` + axis);
}
