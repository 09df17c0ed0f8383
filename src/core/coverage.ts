/**
 * Coverage of the archive: which days have a digest, which weekdays lack one. Hugging Face
 * publishes daily papers on weekdays only (the API returns an empty list on Saturdays and
 * Sundays), so a weekday without a digest between the first and last saved day is a gap someone
 * can fill with `npm run fetch -- --date YYYY-MM-DD`; a weekend is not. Holidays cannot be told
 * from gaps without asking the API: they count as missing until a fetch finds them empty and
 * records them in `empty-days.txt` (empty-days.ts); then no digest is expected for them either.
 */
import { addDays, utcDate } from './dates.ts';

/** True for Saturday and Sunday (UTC, as digest days are). */
export const isWeekend = (day: string): boolean => {
  const d = utcDate(day).getUTCDay();
  return d === 0 || d === 6;
};

/**
 * Weekdays from the first to the last of `days` that are not in `days`, ascending; a day in
 * `emptyDays` (the API had no papers for it) is not missing.
 */
export function missingWeekdays(days: Iterable<string>, emptyDays: ReadonlySet<string> = new Set()): string[] {
  const have = new Set(days);
  const sorted = [...have].sort();
  const missing: string[] = [];
  if (sorted.length === 0) return missing;
  for (let d = sorted[0]!; d <= sorted.at(-1)!; d = addDays(d, 1)) if (!have.has(d) && !isWeekend(d) && !emptyDays.has(d)) missing.push(d);
  return missing;
}

/** The command that would save a missing day. */
export const fetchLine = (day: string): string => `npm run fetch -- --date ${day}`;
