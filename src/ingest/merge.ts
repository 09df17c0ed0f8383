/**
 * Merging: one paper per real paper, whichever captures and formats showed it. Two entries are the
 * same paper when they share an arXiv id, or (when at least one has none) the same normalised
 * title and the same publication date. Two papers that only share a title stay two.
 *
 * The result does not depend on the order of the input files beyond the (file, line) order the
 * pipeline already sorts by.
 */
import type { Appearance, Org } from '../schemas/paper.ts';
import type { NormalizedEntry } from './normalize.ts';

/** A merged paper before it gets its id, aliases and topics. */
export interface MergedPaper {
  title: string;
  abstract: string;
  published: string | null;
  authors: string[] | null;
  authorCount: number | null;
  org: Org | null;
  upvotes: number | null;
  comments: number | null;
  arxiv: string | null;
  github: string | null;
  project: string | null;
  links: string[];
  keywords: string[];
  digests: string[];
  appearances: Appearance[];
  /** True when some capture showed the paper without an arXiv id (its slug URL may exist). */
  seenWithoutId: boolean;
  /** The entries merged into this paper, in input order. */
  entries: NormalizedEntry[];
}

/**
 * The matching key of a title: case, accents, spacing and punctuation ignored, so
 * `Foo: A  Bar` and `foo - a bar` match.
 */
export function titleKey(title: string): string {
  return title
    .normalize('NFKD')
    .replace(/\p{M}/gu, '')
    .toLowerCase()
    .replace(/[^\p{L}\p{N}]+/gu, '');
}

const byInput = (a: NormalizedEntry, b: NormalizedEntry): number =>
  compare(a.file, b.file) || a.line - b.line;

/** Latest capture first: by digest day, then input order. */
const byRecency = (a: NormalizedEntry, b: NormalizedEntry): number =>
  compare(b.digest, a.digest) || -byInput(a, b);

function compare(a: string, b: string): number {
  return a < b ? -1 : a > b ? 1 : 0;
}

/** Groups entries that are the same paper; groups come out in order of their first entry. */
export function groupEntries(entries: readonly NormalizedEntry[]): NormalizedEntry[][] {
  const sorted = [...entries].sort(byInput);
  const byArxiv = new Map<string, NormalizedEntry[]>();
  for (const e of sorted) {
    if (e.arxiv === null) continue;
    const group = byArxiv.get(e.arxiv) ?? [];
    group.push(e);
    byArxiv.set(e.arxiv, group);
  }
  // Title + date of every identified capture, so an unidentified one can join its group.
  const arxivByKey = new Map<string, string>();
  for (const [arxiv, group] of [...byArxiv].sort(([a], [b]) => compare(a, b))) {
    for (const e of group) {
      const key = `${titleKey(e.title)}|${e.published}`;
      // With several candidates the smallest id wins, so the choice does not depend on input order.
      if (!arxivByKey.has(key)) arxivByKey.set(key, arxiv);
    }
  }
  const byTitle = new Map<string, NormalizedEntry[]>();
  for (const e of sorted) {
    if (e.arxiv !== null) continue;
    const key = `${titleKey(e.title)}|${e.published}`;
    const arxiv = arxivByKey.get(key);
    if (arxiv !== undefined) {
      byArxiv.get(arxiv)!.push(e);
      continue;
    }
    const group = byTitle.get(key) ?? [];
    group.push(e);
    byTitle.set(key, group);
  }
  return [...byArxiv.values(), ...byTitle.values()]
    .map((g) => g.sort(byInput))
    .sort((a, b) => byInput(a[0]!, b[0]!));
}

/** The first value `pick` gives, in the given order of entries, that is not null. */
function first<T>(entries: readonly NormalizedEntry[], pick: (e: NormalizedEntry) => T | null): T | null {
  for (const e of entries) {
    const v = pick(e);
    if (v !== null) return v;
  }
  return null;
}

/** The longest value (by `size`), the earliest in input order on ties. */
function richest<T>(entries: readonly NormalizedEntry[], pick: (e: NormalizedEntry) => T | null, size: (v: T) => number): T | null {
  let best: T | null = null;
  for (const e of entries) {
    const v = pick(e);
    if (v !== null && (best === null || size(v) > size(best))) best = v;
  }
  return best;
}

/** The most frequent value, the smallest on ties. */
function commonest(values: readonly string[]): string | null {
  const counts = new Map<string, number>();
  for (const v of values) counts.set(v, (counts.get(v) ?? 0) + 1);
  let best: string | null = null;
  for (const [v, n] of counts) {
    const bn = best === null ? -1 : counts.get(best)!;
    if (n > bn || (n === bn && v < best!)) best = v;
  }
  return best;
}

/**
 * Merges one group, keeping the richest value of each field: full author names over a count, the
 * longest title and abstract, the newest upvote and comment counts (from the latest digest that
 * showed one), every digest day and every appearance with its own counts.
 */
export function mergeGroup(group: readonly NormalizedEntry[]): MergedPaper {
  const entries = [...group].sort(byInput);
  const recent = [...group].sort(byRecency);
  const authors = richest(entries, (e) => e.authors, (a) => a.length);
  const github = first(entries, (e) => e.github);
  const project = first(entries, (e) => e.project);
  const links = [...new Set(entries.flatMap((e) => e.links))].filter((l) => l !== github && l !== project);
  return {
    title: richest(entries, (e) => e.title, (t) => t.length)!,
    abstract: richest(entries, (e) => e.abstract, (t) => t.length) ?? '',
    published: commonest(entries.flatMap((e) => (e.published === null ? [] : [e.published]))),
    authors,
    authorCount: authors?.length ?? first(recent, (e) => e.authorCount),
    org: first(recent, (e) => e.org),
    upvotes: first(recent, (e) => e.upvotes),
    comments: first(recent, (e) => e.comments),
    arxiv: first(entries, (e) => e.arxiv),
    github,
    project,
    links,
    keywords: richest(entries, (e) => e.keywords, (k) => k.length) ?? [],
    digests: [...new Set(entries.map((e) => e.digest))].sort(),
    appearances: entries.map((e) => ({
      digest: e.digest,
      file: e.file,
      line: e.line,
      rank: e.rank,
      upvotes: e.upvotes,
      comments: e.comments,
    })),
    seenWithoutId: entries.some((e) => e.arxiv === null),
    entries,
  };
}

/** Groups and merges entries: one `MergedPaper` per real paper. */
export function mergeEntries(entries: readonly NormalizedEntry[]): MergedPaper[] {
  return groupEntries(entries).map(mergeGroup);
}
