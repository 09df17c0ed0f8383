/**
 * Assigns taxonomy topics to papers, with human-readable reasons. Pure: the caller reads
 * `content/topics.yaml` (via `parseTopics`) and compiles it once with `compileTopics`.
 *
 * Why a token index rather than regular expressions: one regex per topic (or per phrase) over
 * 9,877 abstracts measured 3.5–9 s here, and a single combined regex cannot report two topics'
 * overlapping phrases (`diffusion` inside `diffusion language model`). Tokenizing each text once and
 * looking rules up by their first word does it in a small fraction of that.
 */
import type { TopicMatch } from '../schemas/paper.ts';
import type { Topic } from '../schemas/topic.ts';
import { wordTokens } from './phrases.ts';
import { normHash, Tokens } from './token-scan.ts';

/** At most this many topics per paper, the strongest first. */
export const MAX_TOPICS_PER_PAPER = 4;

// Scoring. A title mention or a matching machine keyword reaches the threshold alone; in the
// abstract an ordinary phrase needs two mentions and a strong phrase one.
const TITLE_POINTS = 3;
const KEYWORD_POINTS = 2;
const STRONG_BONUS = 1;
const THRESHOLD = 2;
// Without a title mention, a topic under half as strong as the paper's strongest is a passing
// mention ("… with applications to autonomous driving"), not what the paper is about.
const RELATIVE_CUTOFF = 0.5;

type RuleKind = 'phrase' | 'strong' | 'title' | 'exclude' | 'keyword';

/** One word of a compiled phrase: a folded word, or an acronym that must match as written. */
interface PatternWord {
  norm: string;
  /** `normHash(norm)`: compared first, so most mismatches cost one number comparison. */
  hash: number;
  acronym: string | null;
}

interface Rule {
  topic: number;
  kind: RuleKind;
  /** The phrase as written in the taxonomy, quoted in reasons. */
  text: string;
  words: PatternWord[];
}

/** The rules whose first word folds to `norm`, longest first (see `scan`). */
interface RuleGroup {
  norm: string;
  hash: number;
  rules: Rule[];
}

/**
 * Rules by the `normHash` of their first word, then by the word itself (two words of one hash
 * are two groups). A token's first word is then compared once, not once per rule: `video`
 * starts some thirty rules and occurs a quarter of a million times in the corpus.
 */
interface RuleIndex {
  groups: ReadonlyMap<number, readonly RuleGroup[]>;
  /**
   * 1 at `hash & FIRST_MASK` of every first word: three tokens in four start no rule, and this
   * turns most of them away before the map lookup, which was a fifth of `scan`'s time.
   */
  first: Uint8Array;
}

const FIRST_MASK = 0xffff;

function ruleIndex(groups: ReadonlyMap<number, readonly RuleGroup[]>): RuleIndex {
  const first = new Uint8Array(FIRST_MASK + 1);
  for (const hash of groups.keys()) first[hash & FIRST_MASK] = 1;
  return { groups, first };
}

/** A taxonomy ready for `assignTopics`: every rule indexed by its first word. */
export interface CompiledTopics {
  /** Topic slugs in taxonomy order (the tie-break when scores are equal). */
  readonly slugs: readonly string[];
  /** Title/abstract rules (phrases, strong, title-only, exclusions). */
  readonly textRules: RuleIndex;
  /** Rules matched inside machine keywords. */
  readonly keywordRules: RuleIndex;
}

/** What `assignTopics` reads from a paper. */
export interface TopicInput {
  title: string;
  abstract: string;
  /** The API's `ai_keywords`; empty when no capture had them. */
  keywords: readonly string[];
}

/** Compiles a validated taxonomy once; reuse the result for every paper. */
export function compileTopics(topics: readonly Topic[]): CompiledTopics {
  const textRules = new Map<number, RuleGroup[]>();
  const keywordRules = new Map<number, RuleGroup[]>();
  topics.forEach((topic, i) => {
    // A spelling listed twice (or `pre-training` next to `pretraining`) would double-count.
    const seen = new Set<string>();
    const add = (index: Map<number, RuleGroup[]>, kind: RuleKind, phrases: readonly string[]) => {
      for (const text of phrases) {
        for (const variant of spellings(text)) {
          const words = compilePhrase(variant);
          const key = `${kind === 'exclude' || kind === 'keyword' ? kind : 'text'}:${words.map((w) => w.acronym ?? w.norm).join(' ')}`;
          if (words.length === 0 || seen.has(key)) continue;
          seen.add(key);
          const { norm, hash } = words[0]!;
          const groups = index.get(hash) ?? [];
          let group = groups.find((g) => g.norm === norm);
          if (!group) groups.push((group = { norm, hash, rules: [] }));
          group.rules.push({ topic: i, kind, text, words });
          index.set(hash, groups);
        }
      }
    };
    // Strong before ordinary before title-only: on a duplicate, the first listing wins.
    add(textRules, 'strong', topic.strong_phrases);
    add(textRules, 'phrase', topic.phrases);
    add(textRules, 'title', topic.title_phrases);
    add(textRules, 'exclude', topic.exclude);
    add(keywordRules, 'keyword', topic.keywords);
  });
  // Longest first: see `scan` (a stable sort, so rules of one length keep their order).
  for (const index of [textRules, keywordRules]) {
    for (const groups of index.values()) for (const { rules } of groups) rules.sort((a, b) => b.words.length - a.words.length);
  }
  return { slugs: topics.map((t) => t.slug), textRules: ruleIndex(textRules), keywordRules: ruleIndex(keywordRules) };
}

/** A rule's spellings: as written and, when hyphenated, closed up (`fine-tuning` → `finetuning`). */
function spellings(text: string): string[] {
  const closed = text.replace(/(?<=[\p{L}\p{N}])[-\u2010\u2011](?=[\p{L}\p{N}])/gu, '');
  return closed === text ? [text] : [text, closed];
}

/** All-capital words of two or more letters (`RAG`, `KV`, `GPT4`) match case-sensitively. */
const ACRONYM = /^(?=(?:[^A-Z]*[A-Z]){2})[A-Z0-9]+$/;

function compilePhrase(text: string): PatternWord[] {
  return wordTokens(text).map(({ raw, norm }) => ({ norm, hash: normHash(norm), acronym: ACRONYM.test(raw) ? raw : null }));
}

function wordMatches(p: PatternWord, tokens: Tokens, k: number): boolean {
  return p.acronym === null ? tokens.normIs(k, p.norm, p.hash) : tokens.rawIs(k, p.acronym, true);
}

/**
 * Calls `visit` for every rule occurrence in `tokens`. A phrase lying wholly inside a longer match
 * (of any topic) is not counted again, so `visual question answering` is not also
 * `question answering` and `KV cache compression` is one mention, not two; phrases that merely
 * overlap (`human video` and `video generation`) both count. A topic's exclusions work the same
 * way for that topic alone: its phrases inside `dynamic programming` are not counted.
 */
function scan(tokens: Tokens, index: RuleIndex, skip: RuleKind | null, visit: (rule: Rule) => void): void {
  let coveredUntil = 0; // end of the furthest-reaching match so far
  let excludedUntil: Map<number, number> | null = null; // per topic, allocated on first exclusion
  const hashes = tokens.hash;
  const first = index.first;
  for (let i = 0; i < tokens.count; i++) {
    const hash = hashes[i]!;
    if (first[hash & FIRST_MASK] === 0) continue;
    const groups = index.groups.get(hash);
    if (!groups) continue;
    const candidates = groups.find((g) => tokens.normIs(i, g.norm, g.hash))?.rules;
    if (!candidates) continue;
    let longest = 0;
    for (const rule of candidates) {
      const end = i + rule.words.length;
      if (rule.kind === skip) continue;
      if (rule.kind === 'exclude') {
        if (matchesAt(rule.words, tokens, i)) {
          excludedUntil ??= new Map();
          excludedUntil.set(rule.topic, Math.max(excludedUntil.get(rule.topic) ?? 0, end));
        }
        continue;
      }
      if (end <= coveredUntil || rule.words.length < longest || end <= (excludedUntil?.get(rule.topic) ?? 0)) continue;
      if (!matchesAt(rule.words, tokens, i)) continue;
      longest = rule.words.length;
      visit(rule);
    }
    coveredUntil = Math.max(coveredUntil, i + longest);
  }
}

/** The rule's `words` are at `start`, whose token `scan` already knows folds to the first word's `norm`. */
function matchesAt(words: readonly PatternWord[], tokens: Tokens, start: number): boolean {
  if (start + words.length > tokens.count) return false;
  // The first word needs checking again only as an acronym, which must match as written.
  for (let k = words[0]!.acronym === null ? 1 : 0; k < words.length; k++) if (!wordMatches(words[k]!, tokens, start + k)) return false;
  return true;
}

/** One buffer for every text: `assignTopics` scans one text to the end before it reads the next. */
const tokens = new Tokens();

/** Evidence gathered for one topic of one paper. */
interface Evidence {
  /** Phrases seen in the title, in order of first appearance. */
  title: Set<string>;
  /** Phrase → mentions in the abstract. */
  abstract: Map<string, { n: number; strong: boolean }>;
  /** The paper's keywords that matched, as the paper wrote them. */
  keywords: string[];
}

/**
 * Assigns topics to one paper: at most `MAX_TOPICS_PER_PAPER`, strongest first (ties in taxonomy
 * order), each with reasons such as `title mentions "speculative decoding"`,
 * `abstract mentions "KV cache" (3×)` or `keyword "RLHF"`. Deterministic.
 */
export function assignTopics(paper: TopicInput, compiled: CompiledTopics): TopicMatch[] {
  const evidence = new Map<number, Evidence>();
  const of = (topic: number): Evidence => {
    let e = evidence.get(topic);
    if (!e) evidence.set(topic, (e = { title: new Set(), abstract: new Map(), keywords: [] }));
    return e;
  };

  scan(tokens.read(paper.title), compiled.textRules, null, (rule) => of(rule.topic).title.add(rule.text));
  scan(tokens.read(paper.abstract), compiled.textRules, 'title', (rule) => {
    const e = of(rule.topic);
    const seen = e.abstract.get(rule.text);
    if (seen) seen.n++;
    else e.abstract.set(rule.text, { n: 1, strong: rule.kind === 'strong' });
  });
  for (const keyword of paper.keywords) {
    const topics = new Set<number>();
    scan(tokens.read(keyword), compiled.keywordRules, null, (rule) => topics.add(rule.topic));
    for (const topic of topics) {
      const e = of(topic);
      if (!e.keywords.includes(keyword)) e.keywords.push(keyword);
    }
  }

  const scored: { topic: number; score: number; e: Evidence }[] = [];
  for (const [topic, e] of evidence) {
    let score = TITLE_POINTS * e.title.size + KEYWORD_POINTS * e.keywords.length;
    for (const { n, strong } of e.abstract.values()) score += n + (strong ? STRONG_BONUS : 0);
    if (score >= THRESHOLD) scored.push({ topic, score, e });
  }
  const best = Math.max(0, ...scored.map((s) => s.score));
  return scored
    .filter((s) => s.e.title.size > 0 || s.score >= best * RELATIVE_CUTOFF)
    .sort((a, b) => b.score - a.score || a.topic - b.topic)
    .slice(0, MAX_TOPICS_PER_PAPER)
    .map(({ topic, e }) => ({ slug: compiled.slugs[topic]!, reasons: reasonsFor(e) }));
}

function reasonsFor(e: Evidence): string[] {
  const reasons = [...e.title].map((p) => `title mentions "${p}"`);
  const abstract = [...e.abstract].sort((a, b) => b[1].n - a[1].n); // stable: ties keep text order
  for (const [p, { n }] of abstract) reasons.push(`abstract mentions "${p}"${n > 1 ? ` (${n}×)` : ''}`);
  for (const k of e.keywords) reasons.push(`keyword "${k}"`);
  return reasons;
}
