/** The address of a day on the `api/daily_papers` endpoint. Pure. */

/** True for an `http:` or `https:` URL, the only kind `--api` accepts. */
export function isHttpUrl(text: string): boolean {
  try {
    const url = new URL(text);
    return url.protocol === 'http:' || url.protocol === 'https:';
  } catch {
    return false;
  }
}

/** `<base>?date=YYYY-MM-DD` (a base that has a query keeps it: `…&date=…`). */
export function dayUrl(base: string, day: string): string {
  const url = new URL(base);
  url.searchParams.set('date', day);
  return url.toString();
}

/**
 * The address recorded in a saved digest: without user name, password, fragment or query other
 * than `date=`, so a token put in `--api` never lands in a committed file.
 */
export function publicSource(base: string, day: string): string {
  const url = new URL(base);
  return `${url.origin}${url.pathname}?date=${day}`;
}
