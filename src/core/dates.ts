/**
 * Calendar days as the archive stores them (`YYYY-MM-DD`, no time zone), and the arithmetic ingest
 * and the site both do on them. Everything is UTC, so no result depends on the build machine's
 * time zone; UTC has no daylight-saving jumps, so a day is always `DAY_MS`.
 */

/** Milliseconds in a UTC day. */
const DAY_MS = 86_400_000;

const pad2 = (n: number) => String(n).padStart(2, '0');
const ISO_DAY = /^(\d{4})-(\d{2})-(\d{2})$/;

/** Zero-pads and joins a calendar date. */
export function toIsoDate(year: number, month: number, day: number): string {
  return `${String(year).padStart(4, '0')}-${pad2(month)}-${pad2(day)}`;
}

/** True when the day exists in that month of that year (leap years included). */
export function isValidDate(year: number, month: number, day: number): boolean {
  if (month < 1 || month > 12 || day < 1) return false;
  // Day 0 of the next month is the last day of this one.
  const last = new Date(Date.UTC(year, month, 0)).getUTCDate();
  return day <= last;
}

/** The `YYYY-MM-DD` day of a UTC instant in milliseconds. */
function isoDayOf(ms: number): string {
  return new Date(ms).toISOString().slice(0, 10);
}

/** A `YYYY-MM-DD` day as UTC milliseconds; throws a `RangeError` on anything else (`2024-02-30`, `May 29`). */
function parseIsoDay(iso: string): number {
  const m = ISO_DAY.exec(iso);
  const ms = m ? Date.UTC(Number(m[1]), Number(m[2]) - 1, Number(m[3])) : NaN;
  // Date.UTC rolls `2024-13-01` over to 2025-01-01; the round trip catches it.
  if (!m || Number.isNaN(ms) || isoDayOf(ms) !== iso) {
    throw new RangeError(`expected a date as YYYY-MM-DD, found "${iso}"`);
  }
  return ms;
}

/** A `YYYY-MM-DD` day as a `Date` at UTC midnight (throws like `parseIsoDay`). */
export function utcDate(iso: string): Date {
  return new Date(parseIsoDay(iso));
}

/** `YYYY-MM-DD` plus `days` (negative to go back). */
export function addDays(iso: string, days: number): string {
  return isoDayOf(parseIsoDay(iso) + days * DAY_MS);
}

/** Whole days between two `YYYY-MM-DD` days, either order; `NaN` (never a throw) when one is not a date. */
export function daysApart(a: string, b: string): number {
  return Math.abs(Date.parse(`${a}T00:00:00Z`) - Date.parse(`${b}T00:00:00Z`)) / DAY_MS;
}

/**
 * The ISO 8601 week of a date: `{ week: '2025-W01', start: '2024-12-30' }` (weeks start on
 * Monday; week 1 holds the year's first Thursday, so its year can differ from the date's).
 */
export function isoWeek(date: string): { week: string; start: string } {
  const ms = parseIsoDay(date);
  const monday = ms - ((new Date(ms).getUTCDay() + 6) % 7) * DAY_MS;
  const year = new Date(monday + 3 * DAY_MS).getUTCFullYear();
  const jan4 = Date.UTC(year, 0, 4);
  const week1 = jan4 - ((new Date(jan4).getUTCDay() + 6) % 7) * DAY_MS;
  const week = 1 + Math.round((monday - week1) / (7 * DAY_MS));
  return { week: `${year}-W${pad2(week)}`, start: isoDayOf(monday) };
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
  for (let ms = parseIsoDay(starts[0]!); ms <= parseIsoDay(starts.at(-1)!); ms += 7 * DAY_MS) {
    const start = isoDayOf(ms);
    out.push({ week: isoWeek(start).week, start, count: counts.get(start) ?? 0 });
  }
  return out;
}

/** Counts dates per calendar month (`YYYY-MM`), first to last month, empty months included with 0. */
export function countByMonth(dates: readonly string[]): Array<{ month: string; count: number }> {
  if (dates.length === 0) return [];
  const counts = new Map<string, number>();
  for (const d of dates) {
    parseIsoDay(d);
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
