/**
 * The days `npm run fetch` asks for: `YYYY-MM-DD` strings in UTC, the days of a range, and
 * "today". Pure; "today" is always passed in, so tests and the CLI agree on it. The calendar
 * arithmetic is core/dates.ts.
 */
import { addDays, isValidDate } from '../core/dates.ts';

const DAY = /^(\d{4})-(\d{2})-(\d{2})$/;

/** True when `text` is a `YYYY-MM-DD` day that exists (leap years included). */
export function isDay(text: string): boolean {
  const m = DAY.exec(text);
  return m !== null && isValidDate(Number(m[1]), Number(m[2]), Number(m[3]));
}

/** The UTC day of an instant: the day the API's `date=` means (its days are UTC days). */
export function utcDay(instant: Date): string {
  return instant.toISOString().slice(0, 10);
}

/** Every day from `first` to `last`, both included, in order; empty when `first` is after `last`. */
export function daysFromTo(first: string, last: string): string[] {
  const days: string[] = [];
  for (let day = first; day <= last; day = addDays(day, 1)) days.push(day);
  return days;
}
