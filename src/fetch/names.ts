/**
 * Names of saved digests. A day's first capture is `YYYY-MM-DD.json`; a later capture of the same
 * day is saved beside it as `YYYY-MM-DD.2.json`, `YYYY-MM-DD.3.json`, … Ingest takes a file's
 * digest day from the `YYYY-MM-DD` its name starts with (`digestFromFileName` in
 * src/ingest/dates.ts: the date, then anything but a digit), so every capture counts for its day;
 * which capture is newest is read from inside the file (`capturedAt`, see digest.ts), never from
 * the name. Pure.
 */

/** The extensions ingest reads as digests; a file with another one is not a saved day. */
const DIGEST_EXTENSIONS: readonly string[] = ['.json', '.md', '.txt'];

/** The name of a day's `n`th capture (1 for the first): `2026-01-08.json`, `2026-01-08.2.json`. */
export function captureName(day: string, n: number): string {
  return n <= 1 ? `${day}.json` : `${day}.${n}.json`;
}

/** The name of a run's `n`th counts file of `day`: `counts/2026-12-01.jsonl`, `counts/2026-12-01.2.jsonl`. */
export function countsName(day: string, n: number): string {
  return n <= 1 ? `counts/${day}.jsonl` : `counts/${day}.${n}.jsonl`;
}

/**
 * The digest day a file name gives, as ingest reads it: the `YYYY-MM-DD` the base name starts
 * with, not followed by a digit; null for a name that gives none, a hidden file, or a file ingest
 * would not read as a digest (`counts/…jsonl`, `notes.pdf`).
 */
export function dayOfName(fileName: string): string | null {
  const base = fileName.split(/[\\/]/).pop() ?? '';
  if (base.startsWith('.')) return null;
  if (!DIGEST_EXTENSIONS.some((ext) => base.toLowerCase().endsWith(ext))) return null;
  return /^(\d{4}-\d{2}-\d{2})(?!\d)/.exec(base)?.[1] ?? null;
}

/** The saved digests of each day among `fileNames` (paths relative to the digests folder), days and names sorted. */
export function savedDays(fileNames: readonly string[]): Map<string, string[]> {
  const byDay = new Map<string, string[]>();
  for (const name of fileNames) {
    const day = dayOfName(name);
    if (day !== null) byDay.set(day, [...(byDay.get(day) ?? []), name]);
  }
  return new Map([...byDay].sort(([a], [b]) => (a < b ? -1 : 1)).map(([day, names]) => [day, names.sort()]));
}
