import { describe, expect, it } from 'vitest';
import { wordTokens } from './phrases.ts';
import { normHash, Tokens } from './token-scan.ts';

/** The tokens `Tokens` read, as `wordTokens` gives them, checked through `normIs` and `rawIs`. */
function asWordTokens(text: string): Array<{ raw: string; norm: string }> {
  const tokens = new Tokens().read(text);
  const reference = wordTokens(text);
  return Array.from({ length: tokens.count }, (_, k) => {
    const raw = text.slice(tokens.start[k], tokens.end[k]);
    // The reference norm when the token is at the same place, so a wrong norm shows as a difference.
    const norm = reference[k]?.norm ?? '';
    return { raw: tokens.rawIs(k, raw, false) ? raw : `!${raw}`, norm: tokens.normIs(k, norm, normHash(norm)) ? norm : `!${norm}` };
  });
}

const CASES = [
  'KV-cache, pass@k (2×) naïve Überblick',
  'LLMs Policies series status analysis is gas cities ties RLs RAGs bus Agents',
  'STUDIES Studies sTuDiEs ies xies abcies',
  'Σοφίας ΑΣ-Β İstanbul straße ﬁne émigrés CAFÉS',
  'emoji 😀 and lone \ud800 surrogate, tabs\tand\u00a0nbsp, en\u2011dash\u2010words',
  '',
  '   ',
  '-.-',
  'GPT-4.5 o1-like R1-style LLM-as-a-judge 3D 2Ds',
];

describe('Tokens', () => {
  for (const text of CASES) {
    it(`reads ${JSON.stringify(text)} as wordTokens does`, () => {
      expect(asWordTokens(text)).toEqual(wordTokens(text).map(({ raw, norm }) => ({ raw, norm })));
    });
  }

  it('grows past its first size and is reused from text to text', () => {
    const long = Array.from({ length: 700 }, (_, i) => `Word${i} studies ü${i}s`).join(', ');
    const tokens = new Tokens();
    tokens.read(long);
    expect(tokens.count).toBe(wordTokens(long).length);
    expect(asWordTokens(long)).toEqual(wordTokens(long).map(({ raw, norm }) => ({ raw, norm })));
    // A shorter text after a longer one with non-ASCII words: no norm of the old text is left.
    tokens.read('plain words only');
    expect(tokens.count).toBe(3);
    expect(tokens.normIs(2, 'only', normHash('only'))).toBe(true);
    expect(tokens.normIs(1, 'word', normHash('word'))).toBe(true);
  });

  it('compares acronyms as written, with or without a plural s', () => {
    const tokens = new Tokens().read('RAG RAGs rag RAGS RAGe');
    expect([0, 1, 2, 3, 4].map((k) => tokens.rawIs(k, 'RAG', true))).toEqual([true, true, false, false, false]);
    expect(tokens.rawIs(1, 'RAG', false)).toBe(false);
  });

  it('compares the letters, not only the hash (two words may share one)', () => {
    const tokens = new Tokens().read('policy');
    expect(tokens.normIs(0, 'policy', normHash('policy'))).toBe(true);
    expect(tokens.normIs(0, 'policx', normHash('policy'))).toBe(false);
    expect(tokens.normIs(0, 'polic', normHash('policy'))).toBe(false);
  });
});
