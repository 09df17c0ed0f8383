/**
 * Scale corpus for issue 9: the real corpus (`papers.jsonl`, 9,877 papers over 580 digest days)
 * replicated as many times as a size needs, each copy shifted back in time by a whole number of
 * weeks (so digest days never collide and keep their weekdays), with titles, arXiv ids and
 * abstracts varied so every copy is a set of distinct papers, written as daily digests in the
 * real formats (plain-text copies and/or `api/daily_papers` JSON). Deterministic: the same seed
 * gives the same bytes, and a smaller size is a prefix of a larger one (its newest days).
 *
 * Copy 0 is the corpus itself, unchanged; `--papers 9877` (or `corpus`) is exactly the corpus.
 * Sizes are met with the newest days first, copy after copy (copy k lies just before copy k-1 in
 * time), the last day cut to size, so a 1,000-paper archive is the corpus's last ~6 weeks.
 *
 * Usage: npx tsx scripts/bench/scale-corpus.ts --papers 50000 --out /tmp/x [--format txt|json|both]
 *          [--seed 9] [--hold-out 1 --hold-out-dir /tmp/x-next] [--corpus papers.jsonl]
 */
import { mkdir, writeFile } from 'node:fs/promises';
import path from 'node:path';
import { fileURLToPath } from 'node:url';
import { parseArgs } from 'node:util';
import { corpusCard, readCorpusFile, renderApi, renderPlaintext, seededRandom, type CardRecord, type CorpusPaper } from './repo-imports.ts';
import { config } from '../../src/config.ts';

/** One digest day of the scaled archive. */
export interface ScaledDay {
  /** `YYYY-MM-DD`. */
  day: string;
  /** Which copy of the corpus the day belongs to (0 = the corpus itself). */
  copy: number;
  cards: CardRecord[];
}

/** What `scaleCorpus` produced. */
export interface ScaledCorpus {
  /** Digest days, oldest first. */
  days: ScaledDay[];
  /** Distinct papers over all days. */
  papers: number;
  /** Copies of the corpus used (the last one possibly in part). */
  copies: number;
  /** Days each copy is shifted back from the one after it (a multiple of 7). */
  shiftDays: number;
}

const DAY_MS = 86_400_000;

const toDay = (iso: string): number => Date.parse(`${iso}T00:00:00Z`) / DAY_MS;
const fromDay = (day: number): string => new Date(day * DAY_MS).toISOString().slice(0, 10);
/** `iso` moved back by `days`. */
export const shiftIso = (iso: string, days: number): string => fromDay(toDay(iso) - days);

/**
 * Word groups a copy may swap one for another. Chosen so a varied title or abstract still reads
 * like a paper's (no meaning-bearing nouns of the field), and no group word occurs inside math.
 */
const TITLE_GROUPS = [
  ['Efficient', 'Fast', 'Lightweight'],
  ['Improving', 'Enhancing', 'Boosting'],
  ['Robust', 'Reliable', 'Stable'],
  ['Framework', 'Approach', 'Method'],
  ['Generation', 'Synthesis'],
  ['Understanding', 'Comprehension'],
  ['Unified', 'General', 'Universal'],
  ['Scalable', 'Extensible'],
  ['via', 'with', 'through'],
  ['Evaluating', 'Assessing', 'Measuring'],
  ['Dynamic', 'Adaptive'],
  ['Rethinking', 'Revisiting'],
  ['Simple', 'Minimal'],
  ['Towards', 'Toward'],
  ['Benchmark', 'Testbed'],
  ['Agents', 'Assistants'],
];
const ABSTRACT_GROUPS = [
  ['propose', 'present', 'introduce'],
  ['novel', 'new'],
  ['significantly', 'substantially', 'markedly'],
  ['demonstrate', 'show'],
  ['outperforms', 'surpasses'],
  ['Furthermore', 'Moreover', 'In addition'],
  ['leverage', 'exploit'],
  ['approach', 'method'],
  ['achieves', 'attains'],
  ['However', 'Yet'],
  ['crucial', 'essential', 'critical'],
  ['improves', 'enhances'],
];

/** A case-aware swap table: word (as written) → its group, for one regex pass. */
function swapper(groups: string[][]): { re: RegExp; article: RegExp; group: Map<string, string[]> } {
  const group = new Map<string, string[]>();
  for (const g of groups) for (const w of g) group.set(w, g);
  const words = [...group.keys()].sort((a, b) => b.length - a.length).map((w) => w.replace(/[.*+?^${}()|[\]\\]/g, '\\$&'));
  const alternation = words.join('|');
  return { re: new RegExp(`\\b(${alternation})\\b`, 'g'), article: new RegExp(`\\b([Aa])n? (?=(?:${alternation})\\b)`, 'g'), group };
}
const TITLE_SWAP = swapper(TITLE_GROUPS);
const ABSTRACT_SWAP = swapper(ABSTRACT_GROUPS);

/** Swaps group words in `text` (outside `$…$` math) with probability `p` each, seeded. */
function swapWords(text: string, table: ReturnType<typeof swapper>, random: () => number, p: number): string {
  const swapped = text
    .split(/(\$[^$]*\$)/)
    .map((part, i) =>
      i % 2 === 1
        ? part
        : part.replace(table.re, (word) => {
            const g = table.group.get(word)!;
            if (random() >= p) return word;
            const others = g.filter((w) => w !== word);
            return others[Math.floor(random() * others.length)]!;
          }),
    )
    .join('');
  // "an Efficient" → "a Fast": the article follows the word that replaced its noun's adjective.
  return swapped.replace(table.article, (match: string, a: string, offset: number, all: string) =>
    /^(?![Uu]ni)[aeiouAEIOU]/.test(all.slice(offset + match.length)) ? `${a}n ` : `${a} `,
  );
}

/** The key ingest would consider "the same title": letters and digits only, case and accents folded. */
export const titleKey = (title: string): string =>
  title.normalize('NFKD').replace(/\p{M}/gu, '').toLowerCase().replace(/[^\p{L}\p{N}]+/gu, '');

const SUFFIXES = [' Revisited', ' at Scale', ' in Practice', ': An Empirical Study', ' for Everyone', ' Made Simple'];

/**
 * The title of `title` in copy `copy` (≥ 1): group words swapped, a one-word name before a colon
 * versioned (`ConvLLaVA:` → `ConvLLaVA-3:`), and a suffix when that still collides with `taken`.
 */
function varyTitle(title: string, copy: number, random: () => number, taken: Set<string>): string {
  let t = swapWords(title, TITLE_SWAP, random, 0.7);
  const colon = /^([^\s:$]{2,40}):\s/.exec(t);
  if (colon) t = `${colon[1]}-${copy + 1}${t.slice(colon[1]!.length)}`;
  for (let i = 0; taken.has(titleKey(t)); i++) {
    const base = i < SUFFIXES.length ? t + SUFFIXES[(copy + i) % SUFFIXES.length] : `${t} ${copy + 1}.${i}`;
    if (!taken.has(titleKey(base))) t = base;
  }
  taken.add(titleKey(t));
  return t;
}

/**
 * An arXiv id plausible for a paper published on `published`: that month's `YYMM`, the original
 * sequence number (bumped past ids already used). Four-digit numbers before 2015, as arXiv had.
 */
function varyArxiv(original: string, published: string, used: Set<string>): string {
  const yymm = published.slice(2, 4) + published.slice(5, 7);
  const digits = Number(yymm) < 1501 ? 4 : 5;
  let n = Number(/\.(\d+)/.exec(original)?.[1] ?? '1') % 10 ** digits;
  for (;;) {
    const id = `${yymm}.${String(n).padStart(digits, '0')}`;
    if (!used.has(id)) {
      used.add(id);
      return id;
    }
    n = (n + 1) % 10 ** digits;
  }
}

/**
 * Copy `copy` of the corpus: every paper shifted back `copy × shift` days, varied (copy 0 is the
 * corpus as it is). `taken` and `usedIds` carry title keys and arXiv ids across copies.
 */
function copyOf(corpus: readonly CorpusPaper[], copy: number, shift: number, seed: number, taken: Set<string>, usedIds: Set<string>): Array<{ card: CardRecord; days: string[] }> {
  const random = seededRandom(seed * 1_000_003 + copy);
  return corpus.map((p) => {
    const card = corpusCard(p);
    const days = p.digest_dates.map((d) => shiftIso(d, copy * shift));
    if (copy === 0) {
      taken.add(titleKey(card.title));
      usedIds.add(card.arxiv!);
      return { card, days };
    }
    const published = shiftIso(p.published, copy * shift);
    return {
      card: {
        ...card,
        published,
        title: varyTitle(card.title, copy, random, taken),
        abstract: swapWords(card.abstract, ABSTRACT_SWAP, random, 0.5),
        arxiv: varyArxiv(card.arxiv!, published, usedIds),
      },
      days,
    };
  });
}

/**
 * `count` distinct papers: the corpus's newest digest days first, then the copies' (each shifted
 * back by the corpus's whole time span, rounded up to weeks), the last day cut to size.
 */
export function scaleCorpus(corpus: readonly CorpusPaper[], count: number, seed = 9): ScaledCorpus {
  if (!(Number.isInteger(count) && count >= 1)) throw new Error(`expected a whole number of papers ≥ 1, found ${count}`);
  let first = Infinity;
  let last = -Infinity;
  for (const p of corpus) {
    first = Math.min(first, toDay(p.published), ...p.digest_dates.map(toDay));
    last = Math.max(last, ...p.digest_dates.map(toDay));
  }
  // A whole number of weeks longer than the corpus's span: copies never share a day, weekdays stay.
  const shift = Math.ceil((last - first + 2) / 7) * 7;
  const copies = Math.ceil(count / corpus.length);
  if (fromDay(first - (copies - 1) * shift) < '2008-01-01') throw new Error(`${count} papers would reach back before 2008 (arXiv ids change form): too many copies`);
  const taken = new Set<string>();
  const usedIds = new Set<string>();
  const days: ScaledDay[] = [];
  const seen = new Set<CardRecord>();
  for (let copy = 0; copy < copies && seen.size < count; copy++) {
    const byDay = new Map<string, CardRecord[]>();
    for (const { card, days: ds } of copyOf(corpus, copy, shift, seed, taken, usedIds)) for (const d of ds) byDay.set(d, [...(byDay.get(d) ?? []), card]);
    for (const day of [...byDay.keys()].sort().reverse()) {
      if (seen.size >= count) break;
      const cards: CardRecord[] = [];
      for (const card of byDay.get(day)!) {
        if (!seen.has(card)) {
          if (seen.size >= count) break;
          seen.add(card);
        }
        cards.push(card);
      }
      days.push({ day, copy, cards });
    }
  }
  days.sort((a, b) => (a.day < b.day ? -1 : 1));
  return { days, papers: seen.size, copies, shiftDays: shift };
}

/** Digest formats the generator writes. */
export type DigestFormat = 'txt' | 'json';

/** Writes `days` into `dir` as `<day>.txt` (plain-text copies) and/or `<day>.json` (API lists). */
export async function writeDigests(dir: string, days: readonly ScaledDay[], formats: readonly DigestFormat[]): Promise<void> {
  await mkdir(dir, { recursive: true });
  for (const format of formats) {
    const target = formats.length > 1 ? path.join(dir, format) : dir;
    await mkdir(target, { recursive: true });
    // Sequential writes in small batches: hundreds of files, no need to flood the thread pool.
    for (let i = 0; i < days.length; i += 64) {
      await Promise.all(
        days.slice(i, i + 64).map(({ day, cards }) =>
          writeFile(path.join(target, `${day}.${format}`), format === 'txt' ? renderPlaintext(day, cards) : renderApi(day, cards, 'list')),
        ),
      );
    }
  }
}

/** The corpus file: `$PAPERSHELF_CORPUS/papers.jsonl`, else `../shared/corpus` beside the repo. */
export function defaultCorpusFile(): string {
  return path.join(config().corpusDir, 'papers.jsonl');
}

async function main(): Promise<number> {
  const { values } = parseArgs({
    options: {
      papers: { type: 'string', default: 'corpus' },
      out: { type: 'string' },
      format: { type: 'string', default: 'txt' },
      seed: { type: 'string', default: '9' },
      corpus: { type: 'string' },
      'hold-out': { type: 'string', default: '0' },
      'hold-out-dir': { type: 'string' },
    },
  });
  const corpus = readCorpusFile(values.corpus ?? defaultCorpusFile());
  const count = values.papers === 'corpus' ? corpus.length : Number(values.papers);
  const formats: DigestFormat[] = values.format === 'both' ? ['txt', 'json'] : values.format === 'json' ? ['json'] : values.format === 'txt' ? ['txt'] : [];
  const holdOut = Number(values['hold-out']);
  if (!values.out || !formats.length || !(Number.isInteger(holdOut) && holdOut >= 0) || (holdOut > 0 && !values['hold-out-dir'])) {
    process.stderr.write('usage: scale-corpus.ts --papers N|corpus --out DIR [--format txt|json|both] [--seed S] [--hold-out K --hold-out-dir DIR2]\n');
    return 2;
  }
  const scaled = scaleCorpus(corpus, count, Number(values.seed));
  // The newest `holdOut` days go to a folder of their own: "one more digest" for rebuild timing.
  const kept = scaled.days.slice(0, scaled.days.length - holdOut);
  const held = scaled.days.slice(scaled.days.length - holdOut);
  await writeDigests(values.out, kept, formats);
  if (held.length) await writeDigests(values['hold-out-dir']!, held, formats);
  const summary = {
    papers: scaled.papers,
    copies: scaled.copies,
    shiftDays: scaled.shiftDays,
    days: kept.length,
    firstDay: kept[0]?.day,
    lastDay: kept.at(-1)?.day,
    heldOut: held.map((d) => ({ day: d.day, cards: d.cards.length })),
    formats,
    out: values.out,
  };
  process.stdout.write(JSON.stringify(summary) + '\n');
  return 0;
}

if (process.argv[1] && path.resolve(process.argv[1]) === fileURLToPath(import.meta.url)) process.exitCode = await main();
