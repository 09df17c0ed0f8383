/**
 * "Related papers" computed at build time from titles and abstracts.
 *
 * Comparing every pair of papers is quadratic (≈50 M cosines at 10,000 papers), so this works
 * like a small search engine instead: TF-IDF vectors, an inverted index, and for each paper a
 * query made of its few highest-weight terms. Terms that appear in too many papers are left out
 * of the index, which keeps every posting list short and the total work near-linear; the exact
 * cosine is then computed only for the best few dozen candidates.
 *
 * Hand-written rather than a library: the text-similarity packages on npm either compare all
 * pairs or pull in a full NLP stack; this needs ~150 lines and no dependency.
 */
import { compareStrings } from '../../core/compare.ts';

/** What `relatedPapers` needs to know about a paper. */
export interface RelatedDoc {
  /** Unique id (the paper id); results refer to papers by it. */
  id: string;
  title: string;
  abstract: string;
  /** Topic slugs; a shared topic counts like a shared, moderately weighted word. */
  topics?: string[];
}

/** How many related papers a paper page lists. */
const RELATED_PER_PAPER = 5;

/** The `RelatedDoc` of a paper entry: its title, abstract and topic slugs. */
export function relatedDoc(paper: { id: string; title: string; abstract: string; topics: ReadonlyArray<{ slug: string }> }): RelatedDoc {
  return { id: paper.id, title: paper.title, abstract: paper.abstract, topics: paper.topics.map((t) => t.slug) };
}

/** The related paper ids of every paper (up to `RELATED_PER_PAPER` each, best first): what a build's pages list. */
export function relatedIds(papers: ReadonlyArray<Parameters<typeof relatedDoc>[0]>): Map<string, string[]> {
  return relatedPapers(papers.map(relatedDoc), RELATED_PER_PAPER);
}

/** Tuning knobs; the defaults were checked on the 9,877-paper corpus (`scripts/bench/related.ts`, `npm run bench:related`). */
export interface RelatedOptions {
  /** How many of a paper's highest-weight terms are used to find candidates. Default 24. */
  queryTerms?: number;
  /**
   * Terms found in more papers than this are not indexed. Default: 10% of the papers, at least
   * 20 and at most 1,000, so each paper's candidate search is bounded (≤ 24 × 1,000 postings)
   * and the whole run stays linear in the number of papers. On the real corpus this finds 95%
   * of the top-5 an exact all-pairs comparison finds (2% found only 76%: field words such as
   * "distillation" or "prompt" sit in 500–1,000 of 10,000 papers).
   */
  maxDocFreq?: number;
  /** How many best partial matches get an exact cosine. Default 50. */
  candidates?: number;
  /** Matches below this cosine are dropped, so unrelated papers never appear. Default 0.08. */
  minScore?: number;
  /** A title word counts this many times an abstract word. Default 3. */
  titleWeight?: number;
}

/**
 * Words that say nothing about a paper's subject: English function words plus the boilerplate
 * of abstracts ("we propose a novel method … results show …").
 */
const STOPWORDS = new Set(
  `a about above across after again against all almost along already also although always am among an and
  another any are around as at be because been before being below between both but by can cannot could did
  do does doing done down during each either else enough especially etc even ever every few for from further
  had has have having he her here hers him his how however i if in into is it its itself just least less
  like many may me might more most much must my neither no nor not now of off often on once one only onto or
  other others otherwise our ours out over own per perhaps rather same several she should since so some such
  than that the their theirs them then there thereby therefore these they this those though through thus to
  together too toward towards under until up upon us very via was we well were what whatever when where
  whereas whether which while who whom whose why will with within without would yet you your
  abstract achieve achieves achieved achieving address addresses approach approaches based demonstrate
  demonstrates demonstrated existing experiment experimental experiments extensive furthermore introduce
  introduces introduced key leverage leverages leveraging method methods moreover new novel outperform
  outperforms outperforming paper present presents proposed propose proposes provide provides recent
  result results show shows shown significant significantly state art study studies superior use used uses
  using various work works code non available release released github https http www com org io html`.split(/\s+/),
);

const ALL_DIGITS = /^[0-9]+$/;

/** The terms a text is indexed by: lower-cased, LaTeX commands, numbers and stopwords dropped, simple plurals folded. */
export function indexTerms(text: string): string[] {
  const out: string[] = [];
  const words =
    text
      .toLowerCase()
      .replace(/\\[a-z]+/g, ' ')
      .match(/[\p{L}\p{N}]+/gu) ?? [];
  for (const word of words) {
    if (word.length < 2 || STOPWORDS.has(word) || ALL_DIGITS.test(word)) continue;
    const stem = foldPluralForIndex(word);
    if (!STOPWORDS.has(stem)) out.push(stem);
  }
  return out;
}

/**
 * Folds plurals only ("models" → "model", "policies" → "policy"): a full Porter stemmer merges
 * words that mean different things in this field ("generation"/"generative", "attention"/"attend").
 * Not ingest's `foldWord` (src/ingest/phrases.ts) on purpose: the rules differ (`keys` stays `keys`
 * here and is `key` for topics), and either change would move related-paper lists or topics.
 */
function foldPluralForIndex(word: string): string {
  if (word.length > 4 && word.endsWith('ies')) return `${word.slice(0, -3)}y`;
  if (word.length > 3 && word.endsWith('s') && !/(ss|us|is|ys)$/.test(word)) return word.slice(0, -1);
  return word;
}

/** A sparse, L2-normalised vector: term ids in first-seen order, weights aligned. */
interface Vector {
  terms: Int32Array;
  weights: Float64Array;
}

/** The tuning knobs with their defaults filled in, for `n` papers. */
function resolveOptions(options: RelatedOptions, n: number): Required<RelatedOptions> {
  return {
    queryTerms: options.queryTerms ?? 24,
    maxDocFreq: options.maxDocFreq ?? Math.min(1000, Math.max(20, Math.ceil(n * 0.1))),
    candidates: options.candidates ?? 50,
    minScore: options.minScore ?? 0.08,
    titleWeight: options.titleWeight ?? 3,
  };
}

/** The papers sorted by id: term ids, float summation order and tie-breaks then never depend on input order. */
function sortedUnique(docs: ReadonlyArray<RelatedDoc>): RelatedDoc[] {
  const sorted = [...docs].sort((a, b) => compareStrings(a.id, b.id));
  for (let i = 1; i < sorted.length; i++) {
    if (sorted[i]!.id === sorted[i - 1]!.id) throw new Error(`relatedPapers: duplicate id "${sorted[i]!.id}"`);
  }
  return sorted;
}

/** Each paper's distinct terms and their frequencies. */
interface TermCounts {
  terms: Int32Array;
  freq: Float64Array;
}

/**
 * Step 1: term frequencies per paper (in a shared scratch array, cheaper than a Map per paper), and
 * document frequencies. Topics count as terms too, prefixed `topic ` (a space never survives
 * `indexTerms`, so they cannot meet a word).
 */
function countTerms(sorted: readonly RelatedDoc[], titleWeight: number): { docFreq: number[]; counts: TermCounts[] } {
  const termIds = new Map<string, number>();
  const docFreq: number[] = [];
  const tf: number[] = [];
  const counts = sorted.map((doc) => {
    const seen: number[] = [];
    const add = (token: string, weight: number) => {
      let id = termIds.get(token);
      if (id === undefined) {
        id = docFreq.length;
        termIds.set(token, id);
        docFreq.push(0);
        tf.push(0);
      }
      if (tf[id] === 0) seen.push(id);
      tf[id]! += weight;
    };
    for (const t of indexTerms(doc.title)) add(t, titleWeight);
    for (const t of indexTerms(doc.abstract)) add(t, 1);
    for (const topic of doc.topics ?? []) add(`topic ${topic}`, 2);
    const terms = Int32Array.from(seen);
    const freq = Float64Array.from(seen, (id) => tf[id]!);
    for (const id of seen) {
      docFreq[id]! += 1;
      tf[id] = 0;
    }
    return { terms, freq };
  });
  return { docFreq, counts };
}

/** Step 2: TF-IDF vectors. Smoothed idf stays positive even for a word in every paper. */
function tfidfVectors(counts: readonly TermCounts[], docFreq: readonly number[], n: number): Vector[] {
  return counts.map(({ terms, freq }) => {
    const weights = new Float64Array(terms.length);
    let norm = 0;
    for (let i = 0; i < terms.length; i++) {
      const w = (1 + Math.log(freq[i]!)) * Math.log(1 + n / docFreq[terms[i]!]!);
      weights[i] = w;
      norm += w * w;
    }
    norm = Math.sqrt(norm) || 1;
    for (let i = 0; i < weights.length; i++) weights[i]! /= norm;
    return { terms, weights };
  });
}

/** An inverted index in CSR form: the postings of term `t` are `[start[t], start[t + 1])`. */
interface PostingIndex {
  indexable: (term: number) => boolean;
  start: Int32Array;
  postDoc: Int32Array;
  postWeight: Float64Array;
}

/**
 * Step 3: an inverted index over distinctive terms only: a term in one paper links nothing, and a
 * term in very many papers would make posting lists (and the run time) grow with n². Stored as
 * flat typed arrays (CSR): the matching loop runs millions of times on a real archive.
 */
function postingIndex(vectors: readonly Vector[], docFreq: readonly number[], maxDocFreq: number): PostingIndex {
  const indexable = (t: number) => docFreq[t]! >= 2 && docFreq[t]! <= maxDocFreq;
  const start = new Int32Array(docFreq.length + 1);
  for (let t = 0; t < docFreq.length; t++) start[t + 1] = start[t]! + (indexable(t) ? docFreq[t]! : 0);
  const postDoc = new Int32Array(start[docFreq.length]!);
  const postWeight = new Float64Array(postDoc.length);
  const fill = start.slice(0, -1);
  vectors.forEach((v, doc) => {
    v.terms.forEach((t, i) => {
      if (!indexable(t)) return;
      const at = fill[t]!++;
      postDoc[at] = doc;
      postWeight[at] = v.weights[i]!;
    });
  });
  return { indexable, start, postDoc, postWeight };
}

/** Scratch arrays `bestMatches` reuses for every paper (allocated once: n papers × n would not fit). */
interface Scratch {
  /** Partial scores per other paper. */
  acc: Float64Array;
  /** The papers `acc` holds a score for. */
  touched: Int32Array;
  /** The current paper's vector spread out densely: an exact cosine is one pass over the candidate's terms. */
  dense: Float64Array;
}

/**
 * Step 4, for one paper: partial scores over its top terms, then exact cosines for the best
 * candidates; the indices of its best matches, best first.
 */
function bestMatches(
  doc: number,
  vectors: readonly Vector[],
  index: PostingIndex,
  scratch: Scratch,
  opts: Required<RelatedOptions>,
  k: number,
): number[] {
  const { acc, touched, dense } = scratch;
  const { indexable, start, postDoc, postWeight } = index;
  const v = vectors[doc]!;
  for (let i = 0; i < v.terms.length; i++) dense[v.terms[i]!] = v.weights[i]!;
  const query = [...v.terms.keys()]
    .filter((i) => indexable(v.terms[i]!))
    .sort((a, b) => v.weights[b]! - v.weights[a]! || v.terms[a]! - v.terms[b]!)
    .slice(0, opts.queryTerms);
  let touchedCount = 0;
  for (const i of query) {
    const w = v.weights[i]!;
    const t = v.terms[i]!;
    for (let p = start[t]!; p < start[t + 1]!; p++) {
      const other = postDoc[p]!;
      if (other === doc) continue;
      if (acc[other] === 0) touched[touchedCount++] = other;
      acc[other]! += w * postWeight[p]!;
    }
  }
  const best = topByScore(touched, touchedCount, acc, opts.candidates);
  for (let i = 0; i < touchedCount; i++) acc[touched[i]!] = 0;
  const scored: Array<[other: number, score: number]> = [];
  for (const other of best) {
    const score = dot(dense, vectors[other]!);
    if (score >= opts.minScore) scored.push([other, score]);
  }
  for (let i = 0; i < v.terms.length; i++) dense[v.terms[i]!] = 0;
  // Equal scores fall back to index order, which is id order because the papers are sorted.
  scored.sort((a, b) => b[1] - a[1] || a[0] - b[0]);
  return scored.slice(0, k).map(([other]) => other);
}

/**
 * For each paper, the ids of up to `k` most similar papers, best first (cosine of TF-IDF
 * vectors, ties broken by id). A paper is never its own match, and papers that share no
 * distinctive word are never matched. Every input id is a key of the result (possibly with
 * an empty list). The result depends only on the set of papers, not on their order.
 *
 * @throws Error when two papers share an id (ids are permalinks; they must be unique).
 */
export function relatedPapers(docs: ReadonlyArray<RelatedDoc>, k = 5, options: RelatedOptions = {}): Map<string, string[]> {
  const sorted = sortedUnique(docs);
  const n = sorted.length;
  const result = new Map<string, string[]>(sorted.map((d) => [d.id, []]));
  if (n < 2 || k <= 0) return result;
  const opts = resolveOptions(options, n);
  const { docFreq, counts } = countTerms(sorted, opts.titleWeight);
  const vectors = tfidfVectors(counts, docFreq, n);
  const index = postingIndex(vectors, docFreq, opts.maxDocFreq);
  const scratch: Scratch = { acc: new Float64Array(n), touched: new Int32Array(n), dense: new Float64Array(docFreq.length) };
  for (let doc = 0; doc < n; doc++) {
    result.set(
      sorted[doc]!.id,
      bestMatches(doc, vectors, index, scratch, opts, k).map((other) => sorted[other]!.id),
    );
  }
  return result;
}

/**
 * The `limit` entries of `items[0..count)` with the highest `score`, ties to the lower index.
 * A bounded insertion list: candidates run to thousands per paper, and sorting them all for
 * each of 10,000 papers dominated the run time.
 */
function topByScore(items: Int32Array, count: number, score: Float64Array, limit: number): number[] {
  const best: number[] = [];
  if (limit <= 0) return best;
  for (let i = 0; i < count; i++) {
    const item = items[i]!;
    const s = score[item]!;
    if (best.length === limit) {
      // Most items lose to the current last place; reject them with one comparison.
      const lastScore = score[best[limit - 1]!]!;
      if (s < lastScore || (s === lastScore && item > best[limit - 1]!)) continue;
      best.pop();
    }
    let pos = best.length;
    best.push(item);
    while (pos > 0) {
      const prev = best[pos - 1]!;
      const ps = score[prev]!;
      if (ps > s || (ps === s && prev < item)) break;
      best[pos] = prev;
      pos--;
    }
    best[pos] = item;
  }
  return best;
}

/** Cosine of two normalised vectors, one of them spread out densely. */
function dot(dense: Float64Array, v: Vector): number {
  let sum = 0;
  for (let i = 0; i < v.terms.length; i++) sum += dense[v.terms[i]!]! * v.weights[i]!;
  return sum;
}
