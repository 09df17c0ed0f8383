/**
 * Small charts rendered at build time as inline SVG strings: a sparkline (a topic's papers per
 * month) and a bar chart (papers per week). No JS, `currentColor` so they follow the text colour
 * in dark mode, and an accessible name summarising the data for screen readers.
 *
 * Hand-written: chart libraries (d3, Chart.js, …) draw in the browser or need a DOM; two
 * shapes from a list of counts are a few lines of arithmetic.
 */

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

const DAY_MS = 86_400_000;
const pad2 = (n: number) => String(n).padStart(2, '0');
const isoDay = (ms: number) => new Date(ms).toISOString().slice(0, 10);
const DATE = /^(\d{4})-(\d{2})-(\d{2})$/;

/** A `YYYY-MM-DD` date as UTC milliseconds; throws on anything else (dates are schema-checked upstream). */
function parseDate(date: string): number {
  const m = DATE.exec(date);
  const ms = m ? Date.UTC(Number(m[1]), Number(m[2]) - 1, Number(m[3])) : NaN;
  // Date.UTC rolls `2024-13-01` over to 2025-01-01; the round trip catches it.
  if (!m || Number.isNaN(ms) || isoDay(ms) !== date) {
    throw new RangeError(`expected a date as YYYY-MM-DD, found "${date}"`);
  }
  return ms;
}

/**
 * The ISO 8601 week of a date: `{ week: '2025-W01', start: '2024-12-30' }` (weeks start on
 * Monday; week 1 holds the year's first Thursday, so its year can differ from the date's).
 */
export function isoWeek(date: string): { week: string; start: string } {
  const ms = parseDate(date);
  const monday = ms - ((new Date(ms).getUTCDay() + 6) % 7) * DAY_MS;
  const year = new Date(monday + 3 * DAY_MS).getUTCFullYear();
  const jan4 = Date.UTC(year, 0, 4);
  const week1 = jan4 - ((new Date(jan4).getUTCDay() + 6) % 7) * DAY_MS;
  const week = 1 + Math.round((monday - week1) / (7 * DAY_MS));
  return { week: `${year}-W${pad2(week)}`, start: isoDay(monday) };
}

/**
 * Counts dates per ISO week, from the first date's week to the last one's, weeks without a
 * date included with 0. `start` is the week's Monday. Empty input gives an empty list.
 */
export function countByWeek(dates: readonly string[]): Array<{ week: string; start: string; count: number }> {
  if (dates.length === 0) return [];
  const counts = new Map<string, number>();
  for (const d of dates) {
    const { start } = isoWeek(d);
    counts.set(start, (counts.get(start) ?? 0) + 1);
  }
  const starts = [...counts.keys()].sort();
  const out: Array<{ week: string; start: string; count: number }> = [];
  // UTC has no daylight-saving jumps, so stepping by 7 × 24 h always lands on the next Monday.
  for (let ms = parseDate(starts[0]!); ms <= parseDate(starts.at(-1)!); ms += 7 * DAY_MS) {
    const start = isoDay(ms);
    out.push({ week: isoWeek(start).week, start, count: counts.get(start) ?? 0 });
  }
  return out;
}

/** Counts dates per calendar month (`YYYY-MM`), first to last month, empty months included with 0. */
export function countByMonth(dates: readonly string[]): Array<{ month: string; count: number }> {
  if (dates.length === 0) return [];
  const counts = new Map<string, number>();
  for (const d of dates) {
    parseDate(d);
    const month = d.slice(0, 7);
    counts.set(month, (counts.get(month) ?? 0) + 1);
  }
  const months = [...counts.keys()].sort();
  let [year, month] = months[0]!.split('-').map(Number) as [number, number];
  const last = months.at(-1)!;
  const out: Array<{ month: string; count: number }> = [];
  for (;;) {
    const key = `${year}-${pad2(month)}`;
    out.push({ month: key, count: counts.get(key) ?? 0 });
    if (key === last) return out;
    month = month === 12 ? 1 : month + 1;
    if (month === 1) year += 1;
  }
}

/** Escapes text for SVG/HTML element content and quoted attributes. */
function escapeXml(text: string): string {
  return text.replace(/[&<>"']/g, (c) => `&#${c.charCodeAt(0)};`);
}

/** Two decimals are plenty for a viewBox a few hundred units wide, and keep the markup short. */
const num = (n: number) => String(Math.round(n * 100) / 100);

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
  const coords = points.map((p, i) => `${num(x(i))},${num(y(p.count))}`);
  const last = points.length - 1;
  const dot = `<circle cx="${num(x(last))}" cy="${num(y(points[last]!.count))}" r="1.5" fill="currentColor"/>`;
  if (points.length === 1) return svg(width, height, summary, className, dot);
  const baseline = num(height - pad);
  const area = `<polygon points="${num(x(0))},${baseline} ${coords.join(' ')} ${num(x(last))},${baseline}" fill="currentColor" fill-opacity="0.15"/>`;
  const line =
    `<polyline points="${coords.join(' ')}" fill="none" stroke="currentColor" stroke-width="1.5" ` +
    `stroke-linejoin="round" stroke-linecap="round" vector-effect="non-scaling-stroke"/>`;
  return svg(width, height, summary, className, area + line + dot);
}

/**
 * A bar chart of counts, e.g. papers per week. Each bar carries a `<title>` (`2024-W03: 12`)
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
        `<rect x="${num(i * slot + gap / 2)}" y="${num(height - 1 - h)}" width="${num(slot - gap)}" height="${num(h)}" ` +
        `fill="currentColor"><title>${escapeXml(`${p.label}: ${p.count}`)}</title></rect>`
      );
    })
    .join('');
  const axis = `<line x1="0" y1="${num(height - 0.5)}" x2="${num(width)}" y2="${num(height - 0.5)}" stroke="currentColor" stroke-opacity="0.4"/>`;
  return svg(width, height, summary, className, bars + axis);
}
