/**
 * The weekdays the API had no papers for, as ingest copied them from `empty-days.txt` into the
 * papers folder (ingest/io.ts `writeEmptyDaysCopy`): the coverage calendar shows them as "no
 * digest expected". Read once per build; no file (no such day, or papers written without ingest)
 * is none. Ingest validated the lines already, so a line that is not a day cannot occur here.
 */
import { readFileSync } from 'node:fs';
import path from 'node:path';
import { config } from '../../config.ts';
import { EMPTY_DAYS_FILE, parseEmptyDays } from '../../core/empty-days.ts';

let days: ReadonlySet<string> | undefined;

/** The days of `<papers folder>/empty-days.txt`. */
export function emptyDays(): ReadonlySet<string> {
  if (days) return days;
  let text = '';
  try {
    text = readFileSync(path.join(config().papersDir, EMPTY_DAYS_FILE), 'utf8');
  } catch (err) {
    if ((err as NodeJS.ErrnoException).code !== 'ENOENT') throw err;
  }
  days = new Set(parseEmptyDays(text).days);
  return days;
}
