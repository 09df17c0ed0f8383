/**
 * Calendar dates as digests show them (`Dec 15, 2023`, `Jan 8`) and the year inference the
 * plain-text format needs. Pure; dates are plain `YYYY-MM-DD` strings (no time zones involved;
 * the calendar arithmetic is core/dates.ts).
 */
import { addDays, isValidDate, toIsoDate } from '../core/dates.ts';

/** A month and day as a card or header showed it; `year` is null when the capture omitted it. */
export interface MonthDay {
  month: number;
  day: number;
  year: number | null;
}

const MONTHS: Readonly<Record<string, number>> = {
  jan: 1,
  january: 1,
  feb: 2,
  february: 2,
  mar: 3,
  march: 3,
  apr: 4,
  april: 4,
  may: 5,
  jun: 6,
  june: 6,
  jul: 7,
  july: 7,
  aug: 8,
  august: 8,
  sep: 9,
  sept: 9,
  september: 9,
  oct: 10,
  october: 10,
  nov: 11,
  november: 11,
  dec: 12,
  december: 12,
};

/** `Mon D` or `Mon D, YYYY` (full month names and `Sept` accepted, an abbreviation dot allowed). */
const MONTH_DAY = /^([A-Za-z]{3,9})\.? +(\d{1,2})(?:, *(\d{4}))?$/;

/**
 * Parses `Jan 8`, `Dec 15, 2023` or `September 3, 2024`. Returns null for anything else,
 * including impossible days (`Feb 30`); a year-less `Feb 29` is accepted (its year is not known yet).
 */
export function parseMonthDay(text: string): MonthDay | null {
  const m = MONTH_DAY.exec(text.trim());
  if (!m) return null;
  const month = MONTHS[m[1]!.toLowerCase()];
  if (month === undefined) return null;
  const day = Number(m[2]);
  const year = m[3] === undefined ? null : Number(m[3]);
  if (!isValidDate(year ?? 2024, month, day)) return null;
  return { month, day, year };
}

/**
 * The `YYYY-MM-DD` a file name starts with (`2026-01-08.txt`, `2026-01-08-evening.md`), as written:
 * a name that says `2026-02-30` or `0026-01-08` meant a day, so it is kept (and its cards are
 * refused by `implausibleDate`) rather than silently replaced by another source of the day.
 */
export function digestFromFileName(fileName: string): string | null {
  const base = fileName.split(/[\\/]/).pop() ?? '';
  return /^(\d{4}-\d{2}-\d{2})(?!\d)/.exec(base)?.[1] ?? null;
}

/**
 * The plausible days, for digests and papers alike: from 1991 (arXiv began in August 1991) to the
 * end of 2050. The bounds are fixed, not "today + 1 year", so the same digests give the same site
 * whatever day it is built; the upper one only has to catch slips (`9999-12-30`, `2206-01-08`)
 * before they reach the site's date charts, and is to be moved when the archive nears it.
 */
const FIRST_DAY = '1991-01-01';
const LAST_DAY = '2050-12-31';

/** True for a `YYYY-MM-DD` day that exists and lies from `FIRST_DAY` to `LAST_DAY`. */
export function isPlausibleDay(iso: string): boolean {
  const m = /^(\d{4})-(\d{2})-(\d{2})$/.exec(iso);
  return m !== null && isValidDate(Number(m[1]), Number(m[2]), Number(m[3])) && iso >= FIRST_DAY && iso <= LAST_DAY;
}

/**
 * Why a card's days are implausible, or null when they are fine: the digest day must be a real,
 * plausible day; the publication date too, and no later than the day after the digest day (a paper
 * cannot be listed before it exists; one day of slack for pages that show dates in local time).
 */
export function implausibleDate(digest: string, published: string | null): string | null {
  const range = `from ${FIRST_DAY} to ${LAST_DAY}`;
  if (!isPlausibleDay(digest)) return `expected a digest day that exists, ${range}, found ${JSON.stringify(digest)}`;
  if (published === null) return null;
  if (!isPlausibleDay(published)) return `expected a publication date ${range}, found ${JSON.stringify(published)}`;
  if (published > addDays(digest, 1))
    return `expected a publication date on or before the day after the digest day ${digest}, found ${JSON.stringify(published)}`;
  return null;
}

/**
 * Resolves a year-less date against the digest day: the digest's year, or the year before when
 * that would put the date after the digest (a `Dec 30` card in a `2026-01-08` digest is 2025).
 * Dates with a year are returned as they are.
 */
export function resolveDate(date: MonthDay, digest: string): string | null {
  if (date.year !== null) {
    return isValidDate(date.year, date.month, date.day) ? toIsoDate(date.year, date.month, date.day) : null;
  }
  const digestYear = Number(digest.slice(0, 4));
  for (const year of [digestYear, digestYear - 1]) {
    const iso = toIsoDate(year, date.month, date.day);
    if (iso <= digest && isValidDate(year, date.month, date.day)) return iso;
  }
  // Only a year-less Feb 29 in a non-leap pair of years gets here.
  return null;
}

/**
 * The digest day from a header date such as `Jan 8`: the year that puts it on or after `newest`
 * (the newest card date that carried a year) and as close to it as possible. Null when the
 * header has no year and no card carried one.
 */
export function digestFromHeader(header: MonthDay, newest: string | null): string | null {
  if (header.year !== null) return resolveDate(header, '9999-12-31');
  if (newest === null) return null;
  for (let year = Number(newest.slice(0, 4)); year <= Number(newest.slice(0, 4)) + 4; year++) {
    if (!isValidDate(year, header.month, header.day)) continue;
    const iso = toIsoDate(year, header.month, header.day);
    if (iso >= newest) return iso;
  }
  return null;
}

/**
 * A capture time as a comparable UTC instant (`2026-06-29T16:31:22.135Z`), from the ISO forms
 * captures write: `2026-10-02`, `2026-10-02T09:15`, `2026-06-29T16:31:22.135762458+00:00`. A time
 * without a zone is read as UTC, so the result never depends on the machine's time zone. Null for
 * anything else.
 */
export function captureInstant(text: string | null | undefined): string | null {
  if (typeof text !== 'string') return null;
  const m = /^(\d{4}-\d{2}-\d{2})(?:[T ](\d{2}:\d{2})(?::(\d{2})(?:\.(\d+))?)?)?\s*(Z|[+-]\d{2}:?\d{2})?$/i.exec(text.trim());
  if (!m) return null;
  const [, day, hm = '00:00', sec = '00', frac = '', zone = 'Z'] = m;
  const iso = `${day}T${hm}:${sec}.${(frac + '000').slice(0, 3)}${zone.toUpperCase() === 'Z' ? 'Z' : zone.length === 5 ? `${zone.slice(0, 3)}:${zone.slice(3)}` : zone}`;
  const ms = Date.parse(iso);
  return Number.isNaN(ms) ? null : new Date(ms).toISOString();
}
