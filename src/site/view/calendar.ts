/**
 * The coverage calendar of `/digests/`: one build-time SVG per year, a column per week (Monday
 * first) and a cell per day, like a contribution graph. A day is a saved digest (shaded by its
 * paper count), a weekend with none (Hugging Face publishes none), a weekday the API had no papers
 * for (`empty-days.txt`: a holiday, drawn like a weekend), or a missing weekday (outlined).
 *
 * Hand-written like charts.ts: a grid of squares is arithmetic, and one `<path>` per shade keeps
 * 600 days to a few kilobytes (a `<rect>` per day would be five times that). `currentColor` and
 * opacity follow the text colour, so dark mode needs nothing more.
 */
import { addDays, utcDate } from '../../core/dates.ts';
import { isWeekend } from '../../core/coverage.ts';
import { escapeXml } from '../../core/escape.ts';

/** What one day of the calendar shows. */
type DayKind = 'digest' | 'weekend' | 'empty' | 'missing';

/** A day between the first and last digest day. */
export interface CalendarDay {
  day: string;
  kind: DayKind;
  /** Papers in the day's digest (0 unless `digest`). */
  papers: number;
  /** Shade 1–4 for a digest day (paper count quartile over the archive), 0 otherwise. */
  level: number;
}

/** One year of the calendar. */
export interface CalendarYear {
  year: string;
  days: CalendarDay[];
  /** The SVG. */
  svg: string;
}

const CELL = 11;
const LEFT = 28;
const TOP = 14;
const MONTHS = ['Jan', 'Feb', 'Mar', 'Apr', 'May', 'Jun', 'Jul', 'Aug', 'Sep', 'Oct', 'Nov', 'Dec'];

/**
 * Every day from the first to the last digest day, each with its kind and shade. A weekday in
 * `emptyDays` without a digest is `empty` (no digest expected); with one, it is a digest day.
 */
export function calendarDays(papersPerDay: ReadonlyMap<string, number>, emptyDays: ReadonlySet<string> = new Set()): CalendarDay[] {
  const days = [...papersPerDay.keys()].sort();
  if (days.length === 0) return [];
  const counts = [...papersPerDay.values()].sort((a, b) => a - b);
  const quartile = (q: number): number => counts[Math.min(counts.length - 1, Math.floor(q * counts.length))]!;
  const cuts = [quartile(0.25), quartile(0.5), quartile(0.75)];
  const out: CalendarDay[] = [];
  for (let day = days[0]!; day <= days.at(-1)!; day = addDays(day, 1)) {
    const papers = papersPerDay.get(day) ?? 0;
    if (papersPerDay.has(day)) out.push({ day, kind: 'digest', papers, level: 1 + cuts.filter((c) => papers > c).length });
    else out.push({ day, kind: isWeekend(day) ? 'weekend' : emptyDays.has(day) ? 'empty' : 'missing', papers: 0, level: 0 });
  }
  return out;
}

/** Row (0 = Monday) and column (week of the year, weeks starting on Monday) of a day. */
function cellOf(day: string): { row: number; col: number } {
  const date = utcDate(day);
  const row = (date.getUTCDay() + 6) % 7;
  const jan1 = utcDate(`${day.slice(0, 4)}-01-01`);
  const offset = (jan1.getUTCDay() + 6) % 7;
  const dayOfYear = Math.round((date.getTime() - jan1.getTime()) / 86_400_000);
  return { row, col: Math.floor((dayOfYear + offset) / 7) };
}

/** One square as a path segment. */
const square = (day: string, inset = 0): string => {
  const { row, col } = cellOf(day);
  const size = CELL - 2 - 2 * inset;
  return `M${LEFT + col * CELL + inset} ${TOP + row * CELL + inset}h${size}v${size}h-${size}z`;
};

/** The year's SVG: month labels, Mon/Wed/Fri labels, one path per shade, missing days outlined. */
function yearSvg(year: string, days: readonly CalendarDay[]): string {
  const shades = [1, 2, 3, 4].map((level) => days.filter((d) => d.kind === 'digest' && d.level === level).map((d) => square(d.day)));
  const weekend = days.filter((d) => d.kind === 'weekend').map((d) => square(d.day));
  const empty = days.filter((d) => d.kind === 'empty').map((d) => square(d.day));
  const missing = days.filter((d) => d.kind === 'missing').map((d) => square(d.day, 0.75));
  const cols = cellOf(`${year}-12-31`).col + 1;
  const width = LEFT + cols * CELL;
  const height = TOP + 7 * CELL;
  const months = MONTHS.map(
    (m, i) => `<text x="${LEFT + cellOf(`${year}-${String(i + 1).padStart(2, '0')}-01`).col * CELL}" y="10">${m}</text>`,
  );
  const rows = ['Mon', 'Wed', 'Fri'].map((d, i) => `<text x="0" y="${TOP + i * 2 * CELL + 8}">${d}</text>`);
  const saved = days.filter((d) => d.kind === 'digest');
  const label = escapeXml(
    `${year}: ${saved.length} digest days (${saved.reduce((n, d) => n + d.papers, 0)} papers), ` +
      `${missing.length} missing weekday${missing.length === 1 ? '' : 's'}, ${weekend.length} weekend days without a digest` +
      (empty.length ? `, ${empty.length} weekday${empty.length === 1 ? '' : 's'} with no digest (the API had none).` : '.'),
  );
  const path = (d: string[], attrs: string): string => (d.length ? `<path d="${d.join('')}" ${attrs}/>` : '');
  return (
    `<svg viewBox="0 0 ${width} ${height}" width="${width}" height="${height}" class="h-auto max-w-full" role="img" aria-label="${label}" font-size="9" fill="currentColor">` +
    months.join('') +
    rows.join('') +
    // A weekday the API had no papers for looks like a weekend: neither expects a digest.
    path([...weekend, ...empty], 'opacity=".15"') +
    // The cells take the accent colour; the labels keep the figure's text colour.
    '<g class="text-sky-600 dark:text-sky-400">' +
    shades.map((d, i) => path(d, `opacity="${[0.35, 0.55, 0.75, 1][i]}"`)).join('') +
    '</g>' +
    path(missing, 'fill="none" stroke="#ef4444" stroke-width="1.5"') +
    '</svg>'
  );
}

/** The calendar, newest year first; `emptyDays` as `calendarDays` takes them. */
export function coverageCalendar(papersPerDay: ReadonlyMap<string, number>, emptyDays: ReadonlySet<string> = new Set()): CalendarYear[] {
  const byYear = new Map<string, CalendarDay[]>();
  for (const d of calendarDays(papersPerDay, emptyDays)) byYear.set(d.day.slice(0, 4), [...(byYear.get(d.day.slice(0, 4)) ?? []), d]);
  return [...byYear].sort(([a], [b]) => b.localeCompare(a)).map(([year, days]) => ({ year, days, svg: yearSvg(year, days) }));
}
