/** Tokenizing and n-gram counting (the engine behind `npm run topics -- suggest`). */
import { describe, expect, it } from 'vitest';
import { countPhrases, foldWord, wordTokens } from './phrases.ts';

describe('wordTokens', () => {
  it('splits words, joins across hyphens, and keeps other symbols as their own tokens', () => {
    expect(wordTokens('KV-cache, pass@k (2×) naïve Überblick').map((t) => t.raw)).toEqual([
      'KV',
      'cache',
      ',',
      'pass',
      '@',
      'k',
      '(',
      '2',
      '×',
      ')',
      'naïve',
      'Überblick',
    ]);
  });

  it('lower-cases and folds plurals in `norm`, keeping `raw` as written', () => {
    expect(wordTokens('LLMs Policies')).toEqual([
      { raw: 'LLMs', norm: 'llm' },
      { raw: 'Policies', norm: 'policy' },
    ]);
  });
});

describe('foldWord', () => {
  it.each([
    ['agents', 'agent'],
    ['policies', 'policy'],
    ['caches', 'cache'],
    ['rls', 'rl'],
    ['process', 'process'],
    ['corpus', 'corpus'],
    ['analysis', 'analysis'],
    ['is', 'is'],
  ])('%s → %s', (word, folded) => expect(foldWord(word)).toBe(folded));
});

describe('countPhrases', () => {
  const docs = [
    'We study speculative decoding. Speculative decoding is fast.',
    'Speculative Decoding with draft models and the KV cache.',
    'A KV cache, compressed; of the KV caches we keep half.',
    'Nothing to see here.',
  ];

  it('counts documents, not occurrences, and merges plural and case variants', () => {
    const counts = countPhrases(docs);
    expect(counts.find((c) => c.phrase === 'speculative decoding')).toEqual({ phrase: 'speculative decoding', docs: 2 });
    expect(counts.find((c) => c.phrase === 'kv cache')).toEqual({ phrase: 'kv cache', docs: 2 });
  });

  it('skips phrases that start or end with a stopword, or run across punctuation', () => {
    const phrases = countPhrases(docs, { minDocs: 1 }).map((c) => c.phrase);
    expect(phrases).not.toContain('we study');
    expect(phrases).not.toContain('decoding is');
    expect(phrases).not.toContain('decoding speculative'); // across the full stop
    expect(phrases).not.toContain('cache compressed'); // across the comma
    expect(phrases).toContain('draft models');
  });

  it('honours minDocs and sizes, and sorts by documents then alphabetically', () => {
    const counts = countPhrases(docs, { sizes: [2], minDocs: 2 });
    expect(counts).toEqual([
      { phrase: 'kv cache', docs: 2 },
      { phrase: 'speculative decoding', docs: 2 },
    ]);
    expect(countPhrases(docs, { sizes: [3], minDocs: 2 })).toEqual([]);
  });

  it('leaves out a phrase seen only inside a longer counted phrase, but not one seen on its own too', () => {
    const counts = countPhrases(['Large language models help.', 'Large language models hurt.', 'Small language models.']);
    expect(counts).toEqual([
      { phrase: 'language models', docs: 3 },
      { phrase: 'large language models', docs: 2 },
    ]);
  });

  it('keeps interior stopwords (chain of thought) and the most common spelling', () => {
    const counts = countPhrases(['Chain of thought helps.', 'chain of thought again', 'Chain-of-Thought!'], { sizes: [3] });
    expect(counts).toEqual([{ phrase: 'chain of thought', docs: 3 }]);
  });
});
