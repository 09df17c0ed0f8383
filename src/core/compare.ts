/**
 * Orderings every stage shares. Strings compare by UTF-16 code unit, never `localeCompare`: the
 * bytes of `content/papers/`, `archive.jsonl` and `dist/` must not depend on the machine's ICU data.
 * (Display orders by name, where a reader expects dictionary order, use `localeCompare(…, 'en')` on
 * purpose and say so.)
 */

/** Code-unit order of two strings: -1, 0 or 1. */
export function compareStrings(a: string, b: string): number {
  return a < b ? -1 : a > b ? 1 : 0;
}

/** How often each value occurs, in first-seen order. */
export function tally(values: Iterable<string>): Map<string, number> {
  const counts = new Map<string, number>();
  for (const v of values) counts.set(v, (counts.get(v) ?? 0) + 1);
  return counts;
}

/**
 * The value with the highest count, ties to the smallest string (or the largest with
 * `ties: 'largest'`), so the choice never depends on the order values came in; null when empty.
 */
export function mostFrequent(counts: ReadonlyMap<string, number>, ties: 'smallest' | 'largest' = 'smallest'): string | null {
  let best: string | null = null;
  let bestN = 0;
  for (const [value, n] of counts) {
    if (best === null || n > bestN || (n === bestN && (ties === 'smallest' ? value < best : value > best))) {
      best = value;
      bestN = n;
    }
  }
  return best;
}
