/**
 * Words and phrases of paper text: the tokenizer topic matching is built on, and the n-gram
 * counting behind `npm run topics -- suggest`. Pure.
 */
import { compareStrings, mostFrequent } from '../core/compare.ts';

/** A word (or a lone symbol such as `@` or `.`) of a text, as phrase matching sees it. */
export interface Token {
  /** As written; acronym rules (`RAG`) compare against this. */
  raw: string;
  /** Lower-cased and plural-folded (`Agents` → `agent`); ordinary rules compare against this. */
  norm: string;
}

/**
 * Folds a lower-case word to a crude singular so `agent`/`agents` and `policy`/`policies` meet.
 * Applied to rules and text alike, so an odd stem (`series` → `sery`) still matches itself; a
 * real stemmer would over-merge words (`generation`/`generative`) that topics must keep apart.
 */
export function foldWord(word: string): string {
  const n = word.length;
  if (n < 3 || word.charCodeAt(n - 1) !== 0x73 /* s */) return word; // `RLs` → `rl`, but not `is`
  if (n > 4 && word.endsWith('ies')) return `${word.slice(0, -3)}y`;
  const before = word[n - 2];
  return before === 's' || before === 'u' || before === 'i' ? word : word.slice(0, -1); // keep -ss, -us, -is
}

/** A letter, digit or mark outside ASCII (tested one UTF-16 unit at a time). */
export const NON_ASCII_WORD_CHAR = /[\p{L}\p{N}\p{M}]/u;

/** The character at `i` is part of a word: a letter, digit or mark. */
export function isWordChar(text: string, i: number): boolean {
  const c = text.charCodeAt(i);
  if (c < 128) return (c >= 97 && c <= 122) || (c >= 65 && c <= 90) || (c >= 48 && c <= 57);
  return NON_ASCII_WORD_CHAR.test(text[i]!);
}

/** Hyphens join words without being tokens, so `KV-cache` and `KV cache` tokenize alike. */
export function isJoinerOrSpace(c: number): boolean {
  return c === 0x2d || c === 0x2010 || c === 0x2011 || c <= 0x20 || c === 0xa0;
}

/**
 * Splits text into tokens: words are runs of letters/digits; every other symbol except hyphens
 * and spaces is a token of its own, so a phrase never runs across a full stop or a comma.
 * Hand-written scanner: a Unicode-class regex measured about twice as slow on the corpus, and
 * tokenizing dominates topic assignment.
 */
export function wordTokens(text: string): Token[] {
  const tokens: Token[] = [];
  const n = text.length;
  let i = 0;
  while (i < n) {
    if (isWordChar(text, i)) {
      let j = i + 1;
      while (j < n && isWordChar(text, j)) j++;
      const raw = text.slice(i, j);
      tokens.push({ raw, norm: foldWord(raw.toLowerCase()) });
      i = j;
    } else {
      if (!isJoinerOrSpace(text.charCodeAt(i))) tokens.push({ raw: text[i]!, norm: text[i]! });
      i++;
    }
  }
  return tokens;
}

/** True for a run of letters/digits (not a symbol token). */
function isWord(token: Token): boolean {
  return isWordChar(token.raw, 0);
}

// Function words plus research boilerplate: a suggested phrase neither starts nor ends with one.
// Hand-written because the project has no stopword package and this list is tuned for abstracts.
const STOPWORDS = new Set(
  `a about above across after again against all also although among an and any are as at be because been
  before being below between both but by can could did do does doing down during each either et etc even
  every few for from further had has have having here how however i if in into is it its itself just
  least less many may more most much must my no nor not of off often on once only or other our out over
  own per rather same several should since so some such than that the their them then there these they
  this those though through thus to too under until up upon us very via was we well were what when where
  whether which while who whom whose why will with within without would yet you your
  able across based better new novel propose proposed proposes present presents show shows shown paper
  work works method methods approach approaches result results existing using use used uses via first
  significantly significant state art extensive experiments experiment demonstrate demonstrates achieve
  achieves achieving outperform outperforms performance improve improves improved improving code available
  introduce introduces key various different specific including enables enable`
    .split(/\s+/)
    .filter(Boolean),
);

/** Options for `countPhrases`. */
export interface PhraseCountOptions {
  /** N-gram lengths to count, in words. Default `[2, 3]`. */
  sizes?: readonly number[];
  /** Drop phrases found in fewer documents than this. Default 2. */
  minDocs?: number;
}

/** A phrase and the number of documents it occurs in. */
export interface PhraseCount {
  /** The phrase in its most common written form, lower-cased. */
  phrase: string;
  /** Number of documents containing it at least once. */
  docs: number;
}

/**
 * Counts word n-grams by document frequency. An n-gram does not cross punctuation, does not start
 * or end with a stopword, and skips one-letter words and bare numbers; plural variants count as
 * one phrase, and a phrase found only inside a longer counted one is left out. Sorted by `docs`
 * descending, then alphabetically (deterministic).
 */
export function countPhrases(docs: Iterable<string>, options: PhraseCountOptions = {}): PhraseCount[] {
  const sizes = options.sizes ?? [2, 3];
  const minDocs = options.minDocs ?? 2;
  const docFreq = new Map<string, number>();
  const surfaces = new Map<string, Map<string, number>>();

  for (const doc of docs) {
    const tokens = wordTokens(doc);
    const seen = new Set<string>();
    for (let start = 0; start < tokens.length; start++) {
      if (!isCandidateEdge(tokens[start]!)) continue;
      for (const size of sizes) {
        const end = start + size; // exclusive
        if (end > tokens.length) continue;
        const gram = tokens.slice(start, end);
        if (!gram.every(isCandidateWord) || !isCandidateEdge(gram[size - 1]!)) continue;
        const key = gram.map((t) => t.norm).join(' ');
        const surface = gram.map((t) => t.raw.toLowerCase()).join(' ');
        const forms = surfaces.get(key) ?? new Map<string, number>();
        forms.set(surface, (forms.get(surface) ?? 0) + 1);
        surfaces.set(key, forms);
        if (!seen.has(key)) {
          seen.add(key);
          docFreq.set(key, (docFreq.get(key) ?? 0) + 1);
        }
      }
    }
  }

  // A phrase that only ever occurs inside one longer phrase ("large language" in "large language
  // models") adds nothing: drop it when the longer one is in as many documents.
  const subsumed = new Set<string>();
  for (const [key, n] of docFreq) {
    const words = key.split(' ');
    for (let len = 1; len < words.length; len++) {
      for (const part of [words.slice(0, len).join(' '), words.slice(words.length - len).join(' ')]) {
        if (docFreq.get(part) === n) subsumed.add(part);
      }
    }
  }
  const counts: PhraseCount[] = [];
  for (const [key, n] of docFreq) {
    if (n < minDocs || subsumed.has(key)) continue;
    counts.push({ phrase: mostFrequent(surfaces.get(key)!)!, docs: n });
  }
  return counts.sort((a, b) => b.docs - a.docs || compareStrings(a.phrase, b.phrase));
}

function isCandidateWord(t: Token): boolean {
  return isWord(t) && t.raw.length > 1 && !/^\d+$/.test(t.raw);
}

function isCandidateEdge(t: Token): boolean {
  return isCandidateWord(t) && !STOPWORDS.has(t.raw.toLowerCase());
}
