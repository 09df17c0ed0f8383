/** The order of a paper's captures, shared by the paper page ("Seen in") and `archive.jsonl`. */
import type { Appearance } from '../schemas/paper.ts';
import { compareStrings } from './compare.ts';

/** When a capture was made, as comparable text: its capture instant, else its digest day. */
export const capturedWhen = (a: Appearance): string => a.capturedAt ?? a.digest;

/** The captures in the order they were made (capture time, else digest day; input order on ties). */
export function capturesInOrder(appearances: readonly Appearance[]): Appearance[] {
  return appearances
    .map((a, i) => ({ a, i }))
    .sort((x, y) => compareStrings(capturedWhen(x.a), capturedWhen(y.a)) || x.i - y.i)
    .map((x) => x.a);
}
