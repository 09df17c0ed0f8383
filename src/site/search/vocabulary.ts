/**
 * The archive's own vocabulary for "Did you mean" (written next to the index at build time,
 * fetched by the browser only when a query needs a correction). Hand-written because the format is
 * ours: words of titles (every one, so rare model names are correctable) and abstracts (those in
 * enough papers to not be typos themselves), grouped by frequency bucket and front-coded, so that
 * ~15k words fit in ~45 kB gzip at 10k papers and stay under 100 kB at 50k.
 *
 * Format (parsed by src/client/search/suggest.ts `parseVocab`): a line `#<b>` starts bucket b =
 * floor(log2(papers containing the word)), most frequent bucket first; each following line is one
 * digit (letters shared with the previous word of the bucket, 0–9) then the rest of the word.
 */
import { plainText } from '../view/rich-text.ts';

/** Shortest and longest word kept (shorter words are not corrected: too many neighbours). */
const MIN_LEN = 5;
const MAX_LEN = 32;

/** Words of `text` the way Pagefind normalises a query: NFKD, marks removed, lower case, split on non-letters/digits. */
export function vocabTokens(text: string): string[] {
  return text
    .normalize('NFKD')
    .replace(/\p{M}+/gu, '')
    .toLowerCase()
    .split(/[^\p{L}\p{N}]+/u)
    .filter(Boolean);
}

/** Abstract words must be in this many papers to be kept (title words always are). */
export function minDocumentFrequency(papers: number): number {
  return Math.max(3, Math.ceil(papers / 5000));
}

/** Document frequency of each kept word over `papers` (title and abstract). */
export function countVocabulary(papers: ReadonlyArray<{ title: string; abstract: string }>): Map<string, number> {
  const df = new Map<string, number>();
  const inTitle = new Set<string>();
  for (const paper of papers) {
    const title = new Set(vocabTokens(plainText(paper.title)));
    for (const word of title) inTitle.add(word);
    for (const word of new Set([...title, ...vocabTokens(plainText(paper.abstract))])) df.set(word, (df.get(word) ?? 0) + 1);
  }
  const minDf = minDocumentFrequency(papers.length);
  const kept = new Map<string, number>();
  for (const [word, n] of df) {
    if (word.length < MIN_LEN || word.length > MAX_LEN || /^\d/.test(word) || !/\p{L}/u.test(word)) continue;
    if (inTitle.has(word) || n >= minDf) kept.set(word, n);
  }
  return kept;
}

/** `counts` as the vocabulary file (deterministic: buckets descending, words in code-point order). */
export function serialiseVocabulary(counts: ReadonlyMap<string, number>): string {
  const buckets = new Map<number, string[]>();
  for (const [word, n] of counts) {
    const b = Math.floor(Math.log2(n));
    let list = buckets.get(b);
    if (!list) buckets.set(b, (list = []));
    list.push(word);
  }
  const lines: string[] = [];
  for (const b of [...buckets.keys()].sort((x, y) => y - x)) {
    lines.push(`#${b}`);
    let prev = '';
    for (const word of buckets.get(b)!.sort((x, y) => (x < y ? -1 : x > y ? 1 : 0))) {
      let shared = 0;
      while (shared < 9 && shared < prev.length && shared < word.length && prev[shared] === word[shared]) shared++;
      lines.push(`${shared}${word.slice(shared)}`);
      prev = word;
    }
  }
  return `${lines.join('\n')}\n`;
}
