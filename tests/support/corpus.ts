/**
 * The real corpus (`../shared/corpus`, or `PAPERSHELF_CORPUS`; never copied into the repo), the one
 * reader the corpus tests and the benchmarks share: the 9,877 normalised papers, grouped by digest
 * day, and written out as digests in any format through render-digests.ts (into temporary folders
 * only).
 */
import { existsSync, readFileSync } from 'node:fs';
import { mkdir, writeFile } from 'node:fs/promises';
import path from 'node:path';
import { type CardRecord, renderApi, renderMarkdown, renderPlaintext, renderTextBrowser } from './render-digests.ts';
import { titleKey } from '../../src/ingest/merge.ts';
import { compareStrings } from '../../src/core/compare.ts';
import { corpusDir } from './repo.ts';
import { sample } from './random.ts';

/** One line of `papers.jsonl` (see SOURCES.md). */
export interface CorpusPaper {
  arxiv: string;
  title: string;
  title_plain: string;
  abstract: string;
  authors: string[];
  author_count: number;
  org: { slug: string; name: string } | null;
  published: string;
  upvotes: number;
  digest_date: string;
  digest_dates: string[];
  num_comments: number;
  github: string | null;
  keywords: string[] | null;
}

const papersFile = path.join(corpusDir, 'papers.jsonl');
export const apiDir = path.join(corpusDir, 'api');
export const capturesDir = path.join(corpusDir, 'captures');
/** True when the corpus is there (the corpus tests skip without it). */
export const hasCorpus = existsSync(papersFile);

export interface Corpus {
  papers: CorpusPaper[];
  /** Digest day → its papers, in file order. */
  byDay: Map<string, CorpusPaper[]>;
  byArxiv: Map<string, CorpusPaper>;
}

let cached: Corpus | undefined;

/** Digest day → its papers (in the given order), days ascending. */
function groupByDay(papers: readonly CorpusPaper[]): Map<string, CorpusPaper[]> {
  const byDay = new Map<string, CorpusPaper[]>();
  for (const p of papers) for (const day of p.digest_dates) byDay.set(day, [...(byDay.get(day) ?? []), p]);
  return new Map([...byDay].sort(([a], [b]) => compareStrings(a, b)));
}

/** The papers of a `papers.jsonl` file, in file order. */
export function readCorpusFile(file: string): CorpusPaper[] {
  return readFileSync(file, 'utf8')
    .split('\n')
    .filter((l) => l.trim())
    .map((l) => JSON.parse(l) as CorpusPaper);
}

/** Loads the corpus once per process (a test file, a benchmark). */
export function loadCorpus(): Corpus {
  if (cached) return cached;
  const papers = readCorpusFile(papersFile);
  cached = { papers, byDay: groupByDay(papers), byArxiv: new Map(papers.map((p) => [p.arxiv, p])) };
  return cached;
}

/** `count` corpus papers picked at random (seeded: the same subset on every machine), in corpus order. */
export function sampleCorpus(papers: readonly CorpusPaper[], count: number, seed = 7): CorpusPaper[] {
  return sample(papers, count, seed);
}

/** The key plain text identifies a paper by: normalised title and publication date. */
export const paperKey = (title: string, published: string): string => `${titleKey(title)}|${published}`;

/** A corpus paper as a card to render (the corpus tests and the scale benchmark's copies). */
export function corpusCard(p: CorpusPaper): CardRecord {
  return {
    title: p.title,
    abstract: p.abstract,
    published: p.published,
    authors: p.authors,
    authorCount: p.author_count,
    org: p.org,
    upvotes: p.upvotes,
    comments: p.num_comments,
    arxiv: p.arxiv,
    github: p.github,
    project: null,
    keywords: p.keywords ?? [],
  };
}

/** The formats a corpus day can be written in. */
export type DayFormat = 'plaintext' | 'markdown' | 'textbrowser' | 'api' | 'repr' | 'wrapper';

/** One digest day written in `format`: its file name and text. */
export function renderDay(format: DayFormat, day: string, papers: readonly CorpusPaper[]): { name: string; text: string } {
  const cards = papers.map(corpusCard);
  switch (format) {
    case 'plaintext':
      return { name: `${day}.txt`, text: renderPlaintext(day, cards) };
    case 'markdown':
      return { name: `${day}.md`, text: renderMarkdown(day, cards) };
    case 'textbrowser':
      return { name: `${day}-browser.txt`, text: renderTextBrowser(day, cards) };
    default:
      return { name: `${day}.json`, text: renderApi(day, cards, format === 'api' ? 'list' : format) };
  }
}

/**
 * Writes every digest day of `papers` (default: the whole corpus) into `dir`, in the format `pick`
 * chooses for it; returns the file names.
 */
export async function writeDays(
  dir: string,
  pick: (day: string, index: number) => DayFormat,
  papers?: readonly CorpusPaper[],
): Promise<string[]> {
  const byDay = papers ? groupByDay(papers) : loadCorpus().byDay;
  await mkdir(dir, { recursive: true });
  const days = [...byDay];
  const names: string[] = [];
  for (let i = 0; i < days.length; i += 64) {
    const batch = days.slice(i, i + 64).map(([day, list], k) => renderDay(pick(day, i + k), day, list));
    await Promise.all(batch.map((d) => writeFile(path.join(dir, d.name), d.text)));
    names.push(...batch.map((d) => d.name));
  }
  return names;
}

/** Share of `hits` in `total`, as a percentage with two decimals. */
export const pct = (hits: number, total: number): string => `${((100 * hits) / Math.max(total, 1)).toFixed(2)}%`;
