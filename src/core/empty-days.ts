/**
 * `content/digests/empty-days.txt`: the weekdays the `api/daily_papers` endpoint answered with an
 * empty list (holidays), one `YYYY-MM-DD` a line, sorted, unique, under a `#` comment header.
 * `npm run fetch` adds to it; ingest reads it (and copies what it read, as the same format, into the
 * papers folder for the site), and the coverage calendar shows those days as "no digest expected"
 * instead of missing. Weekends are not recorded: they are never expected to have a digest.
 * Pure: parsing and serialising; fetch/io.ts and ingest/io.ts touch the file.
 */
import { isValidDate } from './dates.ts';

/** The file's name, in the digests folder (and in the papers folder, as ingest's copy for the site). */
export const EMPTY_DAYS_FILE = 'empty-days.txt';

/** The header a new file gets: what the file is, for someone who opens it. */
const HEADER =
  '# Weekdays the api/daily_papers endpoint answered with an empty list (holidays): no digest is expected.\n' +
  '# Written by npm run fetch; read by npm run ingest (the coverage calendar at /digests/). One YYYY-MM-DD a line.\n';

const DAY = /^(\d{4})-(\d{2})-(\d{2})$/;

/** The file as read: its days (sorted, unique), its comment lines, and lines that are not days. */
export interface EmptyDays {
  days: string[];
  /** `#` lines, in order, kept when fetch rewrites the file. */
  comments: string[];
  /** Lines that are neither blank, a comment nor a day: 1-based line and the trimmed text. */
  invalid: Array<{ line: number; found: string }>;
}

/** Parses the file's text; blank lines and `#` comments are not days. */
export function parseEmptyDays(text: string): EmptyDays {
  const days = new Set<string>();
  const comments: string[] = [];
  const invalid: EmptyDays['invalid'] = [];
  text
    .replace(/^\uFEFF/, '')
    .split(/\r\n|\r|\n/)
    .forEach((raw, i) => {
      const line = raw.trim();
      if (line === '') return;
      if (line.startsWith('#')) return void comments.push(line);
      const m = DAY.exec(line);
      if (m && isValidDate(Number(m[1]), Number(m[2]), Number(m[3]))) days.add(line);
      else invalid.push({ line: i + 1, found: line });
    });
  return { days: [...days].sort(), comments, invalid };
}

/** The file's text: the comment lines (the header for a new file), then the days sorted and unique. */
export function emptyDaysText(days: Iterable<string>, comments: readonly string[] = []): string {
  const head = comments.length ? comments.map((c) => `${c}\n`).join('') : HEADER;
  return (
    head +
    [...new Set(days)]
      .sort()
      .map((d) => `${d}\n`)
      .join('')
  );
}

/**
 * The file's next text with `added` recorded, or null when there is nothing to write: every day
 * is listed already (so a second run leaves the file byte for byte), or the file has a line that
 * is not a day (rewriting it would drop that line; the caller warns instead).
 */
export function nextEmptyDays(current: string | null, added: Iterable<string>): string | null {
  const parsed = parseEmptyDays(current ?? '');
  if (parsed.invalid.length > 0) return null;
  const known = new Set(parsed.days);
  const fresh = [...added].filter((d) => !known.has(d));
  if (fresh.length === 0) return null;
  return emptyDaysText([...parsed.days, ...fresh], parsed.comments);
}
