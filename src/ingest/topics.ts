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
import { wordTokens, type Token } from './phrases.ts';

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
  acronym: string | null;
}

interface Rule {
  topic: number;
  kind: RuleKind;
  /** The phrase as written in the taxonomy, quoted in reasons. */
  text: string;
  words: PatternWord[];
}

type RuleIndex = ReadonlyMap<string, readonly Rule[]>;

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
  const textRules = new Map<string, Rule[]>();
  const keywordRules = new Map<string, Rule[]>();
  topics.forEach((topic, i) => {
    // A spelling listed twice (or `pre-training` next to `pretraining`) would double-count.
    const seen = new Set<string>();
    const add = (index: Map<string, Rule[]>, kind: RuleKind, phrases: readonly string[]) => {
      for (const text of phrases) {
        for (const variant of spellings(text)) {
          const words = compilePhrase(variant);
          const key = `${kind === 'exclude' || kind === 'keyword' ? kind : 'text'}:${words.map((w) => w.acronym ?? w.norm).join(' ')}`;
          if (words.length === 0 || seen.has(key)) continue;
          seen.add(key);
          const list = index.get(words[0]!.norm) ?? [];
          list.push({ topic: i, kind, text, words });
          index.set(words[0]!.norm, list);
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
  // Longest first: see `scan`.
  for (const index of [textRules, keywordRules]) {
    for (const list of index.values()) list.sort((a, b) => b.words.length - a.words.length);
  }
  return { slugs: topics.map((t) => t.slug), textRules, keywordRules };
}

/** A rule's spellings: as written and, when hyphenated, closed up (`fine-tuning` → `finetuning`). */
function spellings(text: string): string[] {
  const closed = text.replace(/(?<=[\p{L}\p{N}])[-\u2010\u2011](?=[\p{L}\p{N}])/gu, '');
  return closed === text ? [text] : [text, closed];
}

/** All-capital words of two or more letters (`RAG`, `KV`, `GPT4`) match case-sensitively. */
const ACRONYM = /^(?=(?:[^A-Z]*[A-Z]){2})[A-Z0-9]+$/;

function compilePhrase(text: string): PatternWord[] {
  return wordTokens(text).map(({ raw, norm }) => ({ norm, acronym: ACRONYM.test(raw) ? raw : null }));
}

function wordMatches(p: PatternWord, t: Token): boolean {
  if (p.acronym === null) return p.norm === t.norm;
  return t.raw === p.acronym || t.raw === `${p.acronym}s`;
}

/**
 * Calls `visit` for every rule occurrence in `tokens`. A phrase lying wholly inside a longer match
 * (of any topic) is not counted again, so `visual question answering` is not also
 * `question answering` and `KV cache compression` is one mention, not two; phrases that merely
 * overlap (`human video` and `video generation`) both count. A topic's exclusions work the same
 * way for that topic alone: its phrases inside `dynamic programming` are not counted.
 */
function scan(tokens: readonly Token[], index: RuleIndex, skip: RuleKind | null, visit: (rule: Rule) => void): void {
  let coveredUntil = 0; // end of the furthest-reaching match so far
  let excludedUntil: Map<number, number> | null = null; // per topic, allocated on first exclusion
  for (let i = 0; i < tokens.length; i++) {
    const candidates = index.get(tokens[i]!.norm);
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

function matchesAt(words: readonly PatternWord[], tokens: readonly Token[], start: number): boolean {
  if (start + words.length > tokens.length) return false;
  for (let k = 0; k < words.length; k++) if (!wordMatches(words[k]!, tokens[start + k]!)) return false;
  return true;
}

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

  scan(wordTokens(paper.title), compiled.textRules, null, (rule) => of(rule.topic).title.add(rule.text));
  scan(wordTokens(paper.abstract), compiled.textRules, 'title', (rule) => {
    const e = of(rule.topic);
    const seen = e.abstract.get(rule.text);
    if (seen) seen.n++;
    else e.abstract.set(rule.text, { n: 1, strong: rule.kind === 'strong' });
  });
  for (const keyword of paper.keywords) {
    const topics = new Set<number>();
    scan(wordTokens(keyword), compiled.keywordRules, null, (rule) => topics.add(rule.topic));
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
