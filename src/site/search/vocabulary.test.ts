import { describe, expect, it } from 'vitest';
import { countVocabulary, minDocumentFrequency, serialiseVocabulary, vocabTokens } from './vocabulary.ts';
import { parseVocab } from '../../client/search/suggest.ts';

const paper = (title: string, abstract: string) => ({ title, abstract });

describe('vocabulary', () => {
  it('normalises like a Pagefind query: accents and case folded, split on anything not a letter or digit', () => {
    expect(vocabTokens('Café-Reasoning: RynnBrain_v2 (x)')).toEqual(['cafe', 'reasoning', 'rynnbrain', 'v2', 'x']);
  });

  it('keeps every title word of five letters or more, and abstract words only when in enough papers', () => {
    const papers = [
      paper('RynnBrain: Embodied Models', 'a saptial typo and common words here'),
      paper('Other Title', 'common words again'),
      paper('Third', 'common words'),
    ];
    const counts = countVocabulary(papers);
    expect(counts.get('rynnbrain')).toBe(1);
    expect(counts.get('embodied')).toBe(1);
    expect(counts.get('common')).toBe(3);
    expect(counts.get('words')).toBe(3);
    // Seen once in an abstract: most likely a typo of the abstract itself.
    expect(counts.has('saptial')).toBe(false);
    // Shorter than five letters, or starting with a digit: never.
    expect(counts.has('here')).toBe(false);
    expect(minDocumentFrequency(100)).toBe(3);
    expect(minDocumentFrequency(50_000)).toBe(10);
  });

  it('round-trips through the client parser with buckets by frequency, front-coded and deterministic', () => {
    const counts = new Map([
      ['decoding', 300],
      ['decoder', 290],
      ['diffusion', 1],
      ['diffusions', 2],
      ['abcdefghijklmnopq', 5],
      ['abcdefghijklmnopz', 5],
    ]);
    const text = serialiseVocabulary(counts);
    expect(text.split('\n')[0]).toBe('#8');
    // Shared prefixes are capped at nine letters, so one digit always says how many.
    expect(text).toContain('\n9jklmnopz\n');
    const parsed = parseVocab(text);
    expect([...parsed.freq].sort()).toEqual([...counts].map(([w, n]) => [w, Math.floor(Math.log2(n))]).sort());
    expect(parsed.byLength[8]).toEqual(['decoding']);
    expect(serialiseVocabulary(new Map([...counts].reverse()))).toBe(text);
  });
});
