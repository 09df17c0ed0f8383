/**
 * The file a fetched day is saved as: the API's entries, unchanged, inside the
 * `{date, capturedAt, source, count, data}` wrapper the API reader already reads (one of the
 * three real shapes of an API day, SOURCES.md). Pure.
 *
 * Why not the bare list: two captures of one day must say which is newer, and the list alone
 * cannot. Ingest takes a capture's time from the latest `…At` timestamp the file holds
 * (`latestTimestamp` in src/ingest/formats/api.ts), and the API's own timestamps do not move when
 * upvotes do, so a refetch would tie with the first capture and the larger count, not the newer,
 * would win. `capturedAt`, the moment the response arrived, is later than every timestamp the API
 * sent, so the newest capture's counts win, as the ledger of captures intends.
 *
 * Pretty-printed (2 spaces), like the recorded days in the corpus: each entry starts on its own
 * line, so ingest's `file:line` messages point at one paper, and a digest reads in a diff.
 */

/** Where and when a day was captured. */
export interface CaptureMeta {
  /** The digest day, `YYYY-MM-DD` (the request's `date=`). */
  day: string;
  /** When the response arrived, an ISO 8601 UTC instant (`2026-08-22T06:17:03.120Z`). */
  capturedAt: string;
  /** The address it came from, as `publicSource` shows it. */
  source: string;
}

/** The text of a saved day: the wrapper around `entries`, pretty-printed, ending with a newline. */
export function digestText(entries: readonly unknown[], meta: CaptureMeta): string {
  return `${JSON.stringify({ date: meta.day, capturedAt: meta.capturedAt, source: meta.source, count: entries.length, data: entries }, null, 2)}\n`;
}

/**
 * The entries a saved API day holds (the bare list, or the wrapper's `data`), or null when the
 * text is not one (a plain-text capture, a damaged file): such a file is never "the same".
 */
export function savedEntries(text: string): unknown[] | null {
  try {
    const value: unknown = JSON.parse(text);
    if (Array.isArray(value)) return value;
    if (typeof value === 'object' && value !== null && Array.isArray((value as { data?: unknown }).data))
      return (value as { data: unknown[] }).data;
  } catch {
    // Not JSON, or not whole: not the same as anything fetched.
  }
  return null;
}

/** True when two lists of entries are the same data (same values, key order included, as the API sends them). */
export function sameEntries(a: readonly unknown[], b: readonly unknown[]): boolean {
  return a.length === b.length && JSON.stringify(a) === JSON.stringify(b);
}
