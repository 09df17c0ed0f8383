import { describe, expect, it } from 'vitest';
import { misspell } from './misspell.ts';
import { seededRandom } from '../../tests/support/random.ts';

/** Optimal-string-alignment distance (tiny, for the test only). */
function osa(a: string, b: string): number {
  const d = Array.from({ length: a.length + 1 }, (_, i) => Array.from({ length: b.length + 1 }, (_, j) => (i === 0 ? j : j === 0 ? i : 0)));
  for (let i = 1; i <= a.length; i++)
    for (let j = 1; j <= b.length; j++) {
      d[i]![j] = Math.min(d[i - 1]![j]! + 1, d[i]![j - 1]! + 1, d[i - 1]![j - 1]! + (a[i - 1] === b[j - 1] ? 0 : 1));
      if (i > 1 && j > 1 && a[i - 1] === b[j - 2] && a[i - 2] === b[j - 1]) d[i]![j] = Math.min(d[i]![j]!, d[i - 2]![j - 2]! + 1);
    }
  return d[a.length]![b.length]!;
}

describe('misspell', () => {
  it('makes exactly one edit in each word longer than five letters and leaves the rest alone', () => {
    const random = seededRandom(7);
    const title = 'Medusa: Simple LLM Inference Acceleration Framework with Multiple Decoding Heads';
    for (let n = 0; n < 50; n++) {
      const typo = misspell(title, random);
      const a = title.split(/(\s+)/);
      const b = typo.split(/(\s+)/);
      expect(b).toHaveLength(a.length);
      for (const [i, word] of a.entries()) {
        const letters = word.match(/\p{L}+/gu)?.[0] ?? '';
        expect(osa(word, b[i]!), `${word} → ${b[i]}`).toBe(letters.length > 5 ? 1 : 0);
      }
    }
  });

  it('is reproducible from the seed', () => {
    expect(misspell('Speculative decoding everywhere', seededRandom(1))).toBe(misspell('Speculative decoding everywhere', seededRandom(1)));
  });
});
