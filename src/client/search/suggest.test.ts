import { describe, expect, it } from 'vitest';
import { correctWord, looksMisspelt, parseVocab, resolve } from './suggest.ts';
import { serialiseVocabulary } from '../../site/search/vocabulary.ts';

// Document frequencies shaped like the real archive's: common words in many papers, names in one or two.
const vocab = parseVocab(
  serialiseVocabulary(
    new Map([
      ['latent', 400],
      ['agent', 900],
      ['speculative', 150],
      ['decoding', 600],
      ['rynnbrain', 2],
      ['weight', 200],
      ['eight', 20],
      ['quantization', 300],
      ['diffusion', 1500],
    ]),
  ),
);

describe('correctWord', () => {
  it('fixes a dropped, doubled or swapped letter, and keeps known words and short ones as typed', () => {
    expect(correctWord('specultive', vocab)).toBe('speculative');
    expect(correctWord('decodding', vocab)).toBe('decoding');
    expect(correctWord('Decodnig', vocab)).toBe('decoding');
    expect(correctWord('RynnBrian', vocab)).toBe('rynnbrain');
    expect(correctWord('decoding', vocab)).toBeNull();
    expect(correctWord('llm', vocab)).toBeNull();
    expect(correctWord('12345', vocab)).toBeNull();
  });

  it('prefers a dropped letter over a changed one even when the changed one is more common', () => {
    // "atent": "latent" (a letter dropped) rather than "agent" (a letter changed), though "agent" is in more papers.
    expect(correctWord('atent', vocab)).toBe('latent');
  });

  it('reaches distance 2 for long words only', () => {
    expect(correctWord('quantizatoin', vocab)).toBe('quantization');
    expect(correctWord('quanitzatoin', vocab)).toBe('quantization');
    expect(correctWord('wieghy', vocab)).toBeNull();
  });
});

describe('resolve', () => {
  /** A fake index: these queries find papers, anything else nothing. */
  const found = new Set(['speculative decoding', 'weight diffusion']);
  const count = async (q: string) => (found.has(q.toLowerCase()) ? 3 : 0);

  it('corrects unknown words and keeps the rest as typed', async () => {
    await expect(resolve('specultive decodnig', vocab, count)).resolves.toBe('speculative decoding');
  });

  it('swaps a real word for a more frequent neighbour when the corrected query still finds nothing', async () => {
    // "eight" is a word, but "eight diffusion" finds nothing and "weight diffusion" does.
    await expect(resolve('eight diffusion', vocab, count)).resolves.toBe('weight diffusion');
  });

  it('offers nothing for a query that finds papers as typed', async () => {
    await expect(resolve('Speculative decoding', vocab, count)).resolves.toBeNull();
  });
});

describe('looksMisspelt', () => {
  it('flags a long query word the results never contain (a Pagefind prefix match), and nothing else', () => {
    expect(looksMisspelt('RynnBrian', ['RynnEC: a model', 'text'])).toBe(true);
    expect(looksMisspelt('RynnBrain', ['RynnBrain: embodied', ''])).toBe(false);
    expect(looksMisspelt('llm fast', ['nothing here'])).toBe(false);
  });
});
