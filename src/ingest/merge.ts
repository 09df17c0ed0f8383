/**
 * Merging: one paper per real paper, whichever captures and formats showed it. Two entries are the
 * same paper when they share an arXiv id, or (when at least one has none) the same normalised
 * title and publication dates a day apart at most. Two papers that only share a title stay two.
 *
 * The result does not depend on the order of the input files beyond the (file, line) order the
 * pipeline already sorts by.
 */
import type { Conflict, Org, Paper } from '../schemas/paper.ts';
import type { NormalizedEntry } from './normalize.ts';
import type { Problem } from './types.ts';
import { quote } from './messages.ts';
import { compareStrings } from '../core/compare.ts';
import { daysApart } from '../core/dates.ts';
import { BoundedMemo } from './bounded-memo.ts';

/** A merged paper before it gets its id, aliases and topics: the paper schema's fields, plus provenance. */
export type MergedPaper = Omit<Paper, 'id' | 'aliases' | 'topics'> & {
  /** True when some capture showed the paper without an arXiv id (its slug URL may exist). */
  seenWithoutId: boolean;
  /** The entries merged into this paper, in input order (counts lines last, in capture order). */
  entries: NormalizedEntry[];
};

const isCounts = (e: NormalizedEntry): boolean => e.format === 'counts';

/**
 * The matching key of a title: case, accents, spacing and punctuation ignored, so
 * `Foo: A  Bar` and `foo - a bar` match. A title with no letters or digits at all (`!!! ???`,
 * `🚀🔥`) would key to nothing and merge with every other such title: it keys to its own
 * characters instead (spacing ignored), which no lettered title's key can equal.
 */
export function titleKey(title: string): string {
  // Grouping and ids key every capture's title several times; Unicode folding is the costly part.
  return titleKeys.get(title, foldTitle);
}

/** Keys already computed, by title. */
const titleKeys = new BoundedMemo<string>(100_000);

/**
 * Records `key` as the `titleKey` of `title`, worked out by another thread (parallel.ts) while it
 * read the title's file, so the merge on this thread does not fold it again.
 */
export function rememberTitleKey(title: string, key: string): void {
  titleKeys.set(title, key);
}

function foldTitle(title: string): string {
  const folded = title.normalize('NFKD').replace(/\p{M}/gu, '').toLowerCase();
  const key = folded.replace(/[^\p{L}\p{N}]+/gu, '');
  return key !== '' ? key : folded.replace(/\s+/g, '');
}

const byInput = (a: NormalizedEntry, b: NormalizedEntry): number => compareStrings(a.file, b.file) || a.line - b.line;

/** A group's matching key: normalised title and publication date. */
const keyOf = (e: NormalizedEntry): string => `${titleKey(e.title)}|${e.published}`;

/**
 * Id-less dated captures of one title whose dates chain within a day of each other: one paper
 * seen twice (a re-capture, or a page showing the date in another time zone). Clusters only grow
 * as digests are added, so two captures once in one paper stay in one paper.
 */
function dayClusters(entries: readonly NormalizedEntry[]): NormalizedEntry[][] {
  const byTitle = new Map<string, NormalizedEntry[]>();
  for (const e of entries) byTitle.set(titleKey(e.title), [...(byTitle.get(titleKey(e.title)) ?? []), e]);
  const clusters: NormalizedEntry[][] = [];
  for (const list of byTitle.values()) {
    const byDate = [...list].sort((a, b) => compareStrings(a.published, b.published) || byInput(a, b));
    let current: NormalizedEntry[] = [];
    for (const e of byDate) {
      if (current.length && daysApart(current.at(-1)!.published, e.published) > 1) {
        clusters.push(current);
        current = [];
      }
      current.push(e);
    }
    if (current.length) clusters.push(current);
  }
  return clusters;
}

/**
 * Groups entries that are the same paper; groups come out in order of their first entry.
 *
 * Id-less captures of one title dated within a day of each other are one paper (`dayClusters`).
 * Entries whose capture showed no publication date (`publishedFromDigest`, trending cards) have
 * only a stand-in date, so they join by title alone: the group of a dated paper with the same
 * normalised title (the one published last on or before the entry's digest day, else the
 * earliest), or, when no dated capture has that title, one group per title.
 */
function groupEntries(entries: readonly NormalizedEntry[]): NormalizedEntry[][] {
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
  const arxivByTitle = new Map<string, Array<{ published: string; arxiv: string }>>();
  for (const [arxiv, group] of [...byArxiv].sort(([a], [b]) => compareStrings(a, b))) {
    for (const e of group) {
      if (e.publishedFromDigest) continue;
      // With several candidates the smallest id wins, so the choice does not depend on input order.
      if (!arxivByKey.has(keyOf(e))) arxivByKey.set(keyOf(e), arxiv);
      const t = titleKey(e.title);
      arxivByTitle.set(t, [...(arxivByTitle.get(t) ?? []), { published: e.published, arxiv }]);
    }
  }
  /**
   * Pages show the arXiv date in the capturing browser's time zone, the API in UTC: a paper
   * published late in the evening is a day apart in the two. A cluster of id-less captures
   * therefore joins the identified paper of its title that one of them matches exactly (the
   * smallest id), else one dated a day either side of one of them (the nearest, then the smallest id).
   */
  const arxivOf = (cluster: readonly NormalizedEntry[]): string | undefined => {
    const exact = cluster.flatMap((e) => arxivByKey.get(keyOf(e)) ?? []).sort(compareStrings);
    if (exact.length) return exact[0];
    const near = cluster
      .flatMap((e) => (arxivByTitle.get(titleKey(e.title)) ?? []).map((c) => ({ ...c, gap: daysApart(c.published, e.published) })))
      .filter((c) => c.gap <= 1)
      .sort((a, b) => a.gap - b.gap || compareStrings(a.arxiv, b.arxiv));
    return near[0]?.arxiv;
  };
  const byTitle: NormalizedEntry[][] = [];
  const undated: NormalizedEntry[] = [];
  const dated: NormalizedEntry[] = [];
  for (const e of sorted) {
    if (e.arxiv !== null) continue;
    (e.publishedFromDigest ? undated : dated).push(e);
  }
  for (const cluster of dayClusters(dated)) {
    const arxiv = arxivOf(cluster);
    if (arxiv !== undefined) byArxiv.get(arxiv)!.push(...cluster);
    else byTitle.push(cluster);
  }
  const groups = [...byArxiv.values(), ...byTitle];
  joinUndated(undated, groups);
  return groups.map((g) => g.sort(byInput)).sort((a, b) => byInput(a[0]!, b[0]!));
}

/** Puts each undated entry into the dated group of the same title it most likely belongs to (see `groupEntries`). */
function joinUndated(undated: readonly NormalizedEntry[], groups: NormalizedEntry[][]): void {
  if (undated.length === 0) return;
  const dated = new Map<string, Array<{ group: NormalizedEntry[]; published: string; first: NormalizedEntry }>>();
  for (const group of groups) {
    const first = [...group].sort(byInput)[0]!;
    for (const e of group) {
      if (e.publishedFromDigest) continue;
      const key = titleKey(e.title);
      const list = dated.get(key) ?? [];
      if (!list.some((c) => c.group === group && c.published === e.published)) list.push({ group, published: e.published, first });
      dated.set(key, list);
    }
  }
  const byTitle = new Map<string, NormalizedEntry[]>();
  for (const e of undated) {
    const candidates = dated.get(titleKey(e.title)) ?? [];
    // Latest date on or before the digest, else the earliest; input order only breaks exact ties.
    const order = (a: (typeof candidates)[number], b: (typeof candidates)[number]): number =>
      compareStrings(a.published, b.published) || byInput(a.first, b.first);
    const before = candidates.filter((c) => c.published <= e.digest).sort(order);
    const pick = before.at(-1) ?? [...candidates].sort(order)[0];
    if (pick) {
      pick.group.push(e);
      continue;
    }
    const key = titleKey(e.title);
    const group = byTitle.get(key);
    if (group) group.push(e);
    else {
      const fresh = [e];
      byTitle.set(key, fresh);
      groups.push(fresh);
    }
  }
}

/**
 * The value the newest capture showed (`pick` null = the capture did not show one): from the latest
 * digest day that showed a value; among that day's captures, the one saved last when every one of
 * them says when it was saved (`capturedAt`), else, or on a tie, the largest value by `order`.
 * File names and input order play no part, so renaming or reordering files changes nothing.
 */
function newest<T>(entries: readonly NormalizedEntry[], pick: (e: NormalizedEntry) => T | null, order: (a: T, b: T) => number): T | null {
  return newestFrom(entries, pick, order)?.v ?? null;
}

/** `newest`, with the entry that showed the value. */
function newestFrom<T>(
  entries: readonly NormalizedEntry[],
  pick: (e: NormalizedEntry) => T | null,
  order: (a: T, b: T) => number,
): { e: NormalizedEntry; v: T } | null {
  const shown = entries.flatMap((e) => {
    const v = pick(e);
    return v === null ? [] : [{ e, v }];
  });
  if (shown.length === 0) return null;
  const day = shown.reduce((d, s) => (s.e.digest > d ? s.e.digest : d), shown[0]!.e.digest);
  let pool = shown.filter((s) => s.e.digest === day);
  if (pool.every((s) => s.e.capturedAt !== null)) {
    const last = pool.reduce((t, s) => (s.e.capturedAt! > t ? s.e.capturedAt! : t), pool[0]!.e.capturedAt!);
    pool = pool.filter((s) => s.e.capturedAt === last);
  }
  return pool.reduce((best, s) => (order(s.v, best.v) > 0 ? s : best), pool[0]!);
}

const byNumber = (a: number, b: number): number => a - b;
const byOrg = (a: Org, b: Org): number => compareStrings(a.slug, b.slug) || compareStrings(a.name, b.name);

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

/**
 * A paper's captures before their fields are merged: what ids.ts and the pipeline's checks read of
 * a paper (its entries, arXiv id and title, the same as its `MergedPaper`'s), without merging the
 * rest, which the pipeline leaves to the threads that build the papers (parallel.ts).
 */
export interface PaperCaptures {
  /** The cards in input order, then the counts lines in capture order (`MergedPaper.entries`). */
  entries: NormalizedEntry[];
  arxiv: string | null;
  title: string;
}

/** A group's cards (in input order), its entries and the fields `PaperCaptures` names, as `mergeGroup` sees them. */
export function capturesOf(
  group: readonly NormalizedEntry[],
  counts: readonly NormalizedEntry[] = [],
): PaperCaptures & { cards: NormalizedEntry[] } {
  const cards = [...group].sort(byInput);
  // Counts lines only re-read upvotes and comments: every other field comes from the cards.
  const entries = [...cards, ...[...counts].sort((a, b) => compareStrings(a.capturedAt ?? '', b.capturedAt ?? '') || byInput(a, b))];
  const title = richest(
    cards,
    (e) => e.title,
    (t) => t.length,
  )!;
  return { cards, entries, arxiv: first(cards, (e) => e.arxiv), title };
}

/**
 * Merges one group, keeping the richest value of each field: full author names over a count, the
 * longest title and abstract, the newest upvote and comment counts, organisation and author count
 * (`newest`), every digest day and every appearance with its own counts.
 */
export function mergeGroup(group: readonly NormalizedEntry[], counts: readonly NormalizedEntry[] = []): MergedPaper {
  const { cards, entries, title } = capturesOf(group, counts);
  const org = newestFrom(cards, (e) => e.org, byOrg);
  const upvotes = newestFrom(entries, (e) => e.upvotes, byNumber);
  const comments = newestFrom(entries, (e) => e.comments, byNumber);
  const index = (e: NormalizedEntry | undefined): number | null => (e ? entries.indexOf(e) : null);
  const authors = richest(
    cards,
    (e) => e.authors,
    (a) => a.length,
  );
  const github = first(cards, (e) => e.github);
  const project = first(cards, (e) => e.project);
  const links = [...new Set(cards.flatMap((e) => e.links))].filter((l) => l !== github && l !== project);
  return {
    title,
    abstract:
      richest(
        cards,
        (e) => e.abstract,
        (t) => t.length,
      ) ?? '',
    published: publishedOf(cards),
    authors,
    authorCount: authors?.length ?? newest(cards, (e) => e.authorCount, byNumber),
    org: org?.v ?? null,
    upvotes: upvotes?.v ?? null,
    comments: comments?.v ?? null,
    arxiv: first(cards, (e) => e.arxiv),
    github,
    project,
    links,
    keywords:
      richest(
        cards,
        (e) => e.keywords,
        (k) => k.length,
      ) ?? [],
    digests: [...new Set(cards.map((e) => e.digest))].sort(),
    appearances: entries.map((e) => {
      const at = isCounts(e) ? countedIn(cards, e) : e;
      return {
        digest: at.digest,
        file: e.file,
        line: e.line,
        rank: at.rank,
        upvotes: e.upvotes,
        comments: e.comments,
        format: e.format ?? null,
        capturedAt: e.capturedAt,
      };
    }),
    conflicts: conflictsOf(cards, title, org?.v ?? null),
    sources: {
      upvotes: index(upvotes?.e),
      comments: index(comments?.e),
      org: index(org?.e),
      authors: authors === null ? null : index(cards.find((e) => e.authors === authors)),
    },
    seenWithoutId: entries.some((e) => e.arxiv === null),
    entries,
  };
}

/**
 * The card a counts line refreshes: the paper's latest capture on or before the line's capture
 * day, else its earliest. Its digest day and rank place the counts row (provenance links there).
 */
function countedIn(cards: readonly NormalizedEntry[], line: NormalizedEntry): NormalizedEntry {
  const before = cards.filter((c) => c.digest <= line.digest);
  const pool = before.length ? before : [cards[0]!];
  return pool.reduce((best, c) => (c.digest > best.digest || (c.digest === best.digest && c.rank < best.rank) ? c : best), pool[0]!);
}

/**
 * Values other captures showed for a field the page shows one value of: another title (beyond
 * case, punctuation, accents or LaTeX formatting, as `titleDisagreements`), another organisation,
 * another author count (when no capture listed the names). Each older value once, with the first
 * digest day that showed it, so the page can say "earlier captures said …".
 */
function conflictsOf(cards: readonly NormalizedEntry[], title: string, org: Org | null): Conflict[] {
  const found = new Map<string, Conflict>();
  const note = (field: Conflict['field'], value: string, digest: string): void => {
    const key = `${field}\u0000${value}`;
    const held = found.get(key);
    if (!held || digest < held.digest) found.set(key, { field, value, digest });
  };
  const shown = shownTitleKey(title);
  for (const e of cards) {
    if (shownTitleKey(e.title) !== shown) note('title', e.title, e.digest);
    if (org && e.org && e.org.slug !== org.slug) note('org', e.org.name, e.digest);
  }
  const counts = new Set(cards.flatMap((e) => (e.authors === null && e.authorCount !== null ? [e.authorCount] : [])));
  if (cards.every((e) => e.authors === null) && counts.size > 1) {
    const current = newest(cards, (e) => e.authorCount, byNumber);
    for (const e of cards) if (e.authorCount !== null && e.authorCount !== current) note('authorCount', String(e.authorCount), e.digest);
  }
  return [...found.values()].sort(
    (a, b) => compareStrings(a.field, b.field) || compareStrings(a.digest, b.digest) || compareStrings(a.value, b.value),
  );
}

/**
 * The publication date: what the API said (full author names mark an API capture; it gives the
 * UTC date the corpus and arXiv use), else the commonest date the dated captures showed, else the
 * digest-day stand-in of undated ones. Ties (a page showing the date a day off, in its browser's
 * time zone) go to the date of the earliest digest that showed one, so a later capture cannot
 * move a paper's date by disagreeing once; then to the earliest date.
 */
function publishedOf(entries: readonly NormalizedEntry[]): string {
  const dated = entries.filter((e) => !e.publishedFromDigest);
  const api = dated.filter((e) => e.authors !== null);
  const pool = api.length ? api : dated.length ? dated : entries;
  const seen = new Map<string, { n: number; first: string }>();
  for (const e of pool) {
    const s = seen.get(e.published);
    seen.set(e.published, { n: (s?.n ?? 0) + 1, first: s && s.first < e.digest ? s.first : e.digest });
  }
  return [...seen].sort(([a, x], [b, y]) => y.n - x.n || compareStrings(x.first, y.first) || compareStrings(a, b))[0]![0];
}

/** LaTeX commands whose argument is the text itself (`\\textit{Trans-LoRA}`): a page shows only the argument. */
const FORMATTING = /\\(?:text[a-z]*|math[a-z]*|emph|bold[a-z]*|mbox|hbox|operatorname)\b/g;

/**
 * The key two captures of one arXiv id share when they show one title: `titleKey` without LaTeX
 * formatting commands, so an API title and the page's agree (`$\\textit{Trans-LoRA}$: …` and
 * `Trans-LoRA: …`, the only kind of difference between the corpus's titles and their plain forms).
 */
function shownTitleKey(title: string): string {
  return titleKey(title.replace(FORMATTING, ' '));
}

/**
 * Warnings for captures that give a known arXiv id with another title. One id is one paper (the
 * merge joins them, and keeps the longest title), so a revised title is read as such; but the
 * title the other captures showed then disappears from the page, and a capture giving the wrong
 * id (or a hostile one) would retitle another paper: never without a word. Each capture whose
 * title differs from the one of the earliest digest day (then file and line), beyond case,
 * punctuation, accents or LaTeX formatting, is named with both titles.
 */
export function titleDisagreements(entries: readonly NormalizedEntry[]): Problem[] {
  const first = new Map<string, NormalizedEntry>();
  const earlier = (a: NormalizedEntry, b: NormalizedEntry): boolean => a.digest < b.digest || (a.digest === b.digest && byInput(a, b) < 0);
  for (const e of entries) {
    if (e.arxiv === null) continue;
    const held = first.get(e.arxiv);
    if (held === undefined || earlier(e, held)) first.set(e.arxiv, e);
  }
  const problems: Problem[] = [];
  for (const e of entries) {
    const ref = e.arxiv === null ? undefined : first.get(e.arxiv);
    if (ref === undefined || ref === e || shownTitleKey(ref.title) === shownTitleKey(e.title)) continue;
    problems.push({
      file: e.file,
      line: e.line,
      severity: 'warning',
      message:
        `expected arXiv ${e.arxiv} to keep the title ${quote(ref.title)} of ${ref.file}:${ref.line}, found ${quote(e.title)} ` +
        '(one paper under two titles: its page shows the longer; if they are two papers, one capture gives the wrong id)',
    });
  }
  return problems;
}

/**
 * Groups and merges entries: one `MergedPaper` per real paper. `counts` (lines of counts files)
 * join the paper of their arXiv id; a line for an id no card has joins nothing (the pipeline
 * reports it, `unmatchedCounts`).
 */
export function mergeEntries(entries: readonly NormalizedEntry[], counts: readonly NormalizedEntry[] = []): MergedPaper[] {
  return paperGroups(entries, counts).map(({ cards, counts }) => mergeGroup(cards, counts));
}

/**
 * The groups `mergeEntries` merges, unmerged: each paper's cards and the counts lines that join it
 * (`mergeGroup(cards, counts)` is its `MergedPaper`).
 */
export function paperGroups(
  entries: readonly NormalizedEntry[],
  counts: readonly NormalizedEntry[] = [],
): Array<{ cards: NormalizedEntry[]; counts: NormalizedEntry[] }> {
  const byArxiv = new Map<string, NormalizedEntry[]>();
  for (const c of counts) if (c.arxiv !== null) byArxiv.set(c.arxiv, [...(byArxiv.get(c.arxiv) ?? []), c]);
  return groupEntries(entries).map((group) => {
    const arxiv = group.find((e) => e.arxiv !== null)?.arxiv;
    return { cards: group, counts: arxiv ? (byArxiv.get(arxiv) ?? []) : [] };
  });
}

/** Counts lines whose arXiv id no merged paper has: each is an error, never a paper of its own. */
export function unmatchedCounts(merged: ReadonlyArray<Pick<MergedPaper, 'arxiv'>>, counts: readonly NormalizedEntry[]): Problem[] {
  const known = new Set(merged.map((m) => m.arxiv));
  return counts
    .filter((c) => !known.has(c.arxiv))
    .map((c) => ({
      file: c.file,
      line: c.line,
      severity: 'error' as const,
      message: `expected the arXiv id of a paper some digest shows, found ${quote(c.arxiv ?? '')} in no digest (a counts line only updates a paper's counts; save the day's digest first)`,
    }));
}
