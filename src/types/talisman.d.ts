/** talisman ships CommonJS without types; only the bounded distance is used (src/client/search/suggest.ts). */
declare module 'talisman/metrics/damerau-levenshtein.js' {
  /** Optimal-string-alignment distance of `a` and `b`, or Infinity when it is above `max`. */
  export function limited(max: number, a: string, b: string): number;
}
