/**
 * "Did you mean": corrects a query against the archive's vocabulary (written at build time by
 * src/site/search/vocabulary.ts). The distance is talisman's bounded optimal-string-alignment
 * distance (`limited`: a swap of two letters counts 1, and it stops early past the bound). What is
 * ours, and why it is hand-written: the vocabulary format, the candidate ranking (frequency
 * bucket, a penalty for substitutions, the rarer shapes of typo) and using the index as context
 * (a corrected query must find papers). Loaded only when a query needs a correction.
 */
import { limited } from 'talisman/metrics/damerau-levenshtein.js';

/** The parsed vocabulary: word → frequency bucket, and the words by length. */
export interface Vocabulary {
  freq: Map<string, number>;
  byLength: string[][];
}

/** Parses the vocabulary file (format in src/site/search/vocabulary.ts). */
export function parseVocab(text: string): Vocabulary {
  const freq = new Map<string, number>();
  const byLength: string[][] = [];
  let bucket = 0;
  let prev = '';
  for (const line of text.split('\n')) {
    if (!line) continue;
    if (line.startsWith('#')) {
      bucket = Number(line.slice(1));
      prev = '';
      continue;
    }
    const word = prev.slice(0, line.charCodeAt(0) - 48) + line.slice(1);
    prev = word;
    freq.set(word, bucket);
    (byLength[word.length] ??= []).push(word);
  }
  return { freq, byLength };
}

/** The normalisation Pagefind applies to a query: NFKD, marks removed, lower case. */
const normalise = (word: string): string =>
  word
    .normalize('NFKD')
    .replace(/\p{M}+/gu, '')
    .toLowerCase();

/** Words shorter than this are left alone (too many neighbours, and the vocabulary has none). */
const MIN_LEN = 5;
/** A changed letter is a rarer typo than one dropped, doubled or swapped ("atent" → "latent", not "agent"). */
const SUBSTITUTION_PENALTY = 1.5;
/** Tries of single-word swaps after a corrected query still finds nothing. */
const CONTEXT_BUDGET = 8;

const correctable = (w: string) => w.length >= MIN_LEN && !/^\d+$/.test(w);
const isSubstitution = (a: string, b: string) => a.length === b.length && [...a].filter((c, i) => c !== b[i]).length === 1;

/** Vocabulary words within `max` edits of `w`, with their score (bucket − penalties). */
function candidates(w: string, vocab: Vocabulary, max: number): { word: string; score: number }[] {
  const out: { word: string; score: number }[] = [];
  for (let len = w.length - max; len <= w.length + max; len++) {
    for (const v of vocab.byLength[len] ?? []) {
      if (v === w) continue;
      const d = limited(max, w, v);
      if (d < 1 || d > max) continue;
      out.push({ word: v, score: vocab.freq.get(v)! - (isSubstitution(w, v) ? SUBSTITUTION_PENALTY : 0) - (d - 1) * 2 });
    }
  }
  // Best first; ties alphabetical, so the answer is deterministic.
  return out.sort((a, b) => b.score - a.score || (a.word < b.word ? -1 : 1));
}

/** The best correction of one word that is not in the vocabulary, or null (distance 1; 2 for long words). */
export function correctWord(word: string, vocab: Vocabulary): string | null {
  const w = normalise(word);
  if (!correctable(w) || vocab.freq.has(w)) return null;
  for (const max of w.length >= 8 ? [1, 2] : [1]) {
    const best = candidates(w, vocab, max)[0];
    if (best) return best.word;
  }
  return null;
}

/** Words of a query and the separators between them (even indices are words). */
const split = (query: string) => query.split(/([^\p{L}\p{N}]+)/u);

/**
 * True when the results shown may be Pagefind's prefix approximation of a typo: some query word of
 * five or more letters appears nowhere in the text of the results. Costs nothing: the text is loaded.
 */
export function looksMisspelt(query: string, shownText: string[]): boolean {
  const words = new Set(shownText.flatMap((t) => normalise(t).split(/[^\p{L}\p{N}]+/u)));
  return split(query).some((part, i) => i % 2 === 0 && correctable(normalise(part)) && !words.has(normalise(part)));
}

/**
 * The corrected query, or null when there is none worth offering. Unknown words are corrected
 * first; if that query still finds nothing (`count` runs a search), a typo may have made another
 * real word ("eight" for "weight"), so one word at a time is swapped for a close, more frequent
 * neighbour, at most `CONTEXT_BUDGET` tries; the first query that finds papers wins.
 */
export async function resolve(query: string, vocab: Vocabulary, count: (q: string) => Promise<number>): Promise<string | null> {
  const parts = split(query);
  let changed = false;
  for (let i = 0; i < parts.length; i += 2) {
    const fixed = correctWord(parts[i]!, vocab);
    if (fixed) {
      parts[i] = fixed;
      changed = true;
    }
  }
  const first = parts.join('');
  if ((await count(first)) > 0) return changed ? first : null;
  const tries: { i: number; word: string; gain: number }[] = [];
  for (let i = 0; i < parts.length; i += 2) {
    const w = normalise(parts[i]!);
    if (!correctable(w)) continue;
    for (const { word } of candidates(w, vocab, 1).slice(0, 2))
      tries.push({ i, word, gain: vocab.freq.get(word)! - (vocab.freq.get(w) ?? -1) });
  }
  tries.sort((a, b) => b.gain - a.gain);
  for (const t of tries.slice(0, CONTEXT_BUDGET)) {
    const next = parts.slice();
    next[t.i] = t.word;
    const q = next.join('');
    if ((await count(q)) > 0) return q;
  }
  return changed ? first : null;
}
