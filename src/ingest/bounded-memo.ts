/**
 * A memo of a pure function's answers by string key, emptied when it holds `limit` of them, so a
 * long-lived process (a test run, a worker thread reused across ingests) does not grow without end.
 * Ingest keys titles with it (merge.ts, ids.ts): folding and slugging a title is the costly part of
 * grouping and ids, and every capture of a paper asks for the same title several times.
 */
export class BoundedMemo<V> {
  private readonly values = new Map<string, V>();
  private readonly limit: number;

  constructor(limit: number) {
    this.limit = limit;
  }

  /** The value kept for `key`, or `make(key)`'s, kept for the next call. */
  get(key: string, make: (key: string) => V): V {
    let value = this.values.get(key);
    if (value === undefined) this.set(key, (value = make(key)));
    return value;
  }

  /** Keeps `value` as the answer for `key` (worked out elsewhere, e.g. by another thread). */
  set(key: string, value: V): void {
    if (this.values.size >= this.limit) this.values.clear();
    this.values.set(key, value);
  }
}
