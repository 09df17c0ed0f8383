/**
 * Pure derivations over papers: the digest days with their papers in original order, digests
 * grouped by month, newest-first paper order, and neighbours in a list. No I/O here, so every
 * rule is unit-tested without building the site.
 */
import type { Paper } from '../../schemas/paper.ts';
import { compareStrings } from '../../core/compare.ts';

/** One digest day and its papers, in the order the digest showed them. */
export interface Digest {
  /** The digest day, `YYYY-MM-DD`. */
  date: string;
  papers: Paper[];
}

/** Digest days of one calendar month. */
export interface DigestMonth {
  /** `YYYY-MM`. */
  month: string;
  /** Days of the month, newest first. */
  digests: Digest[];
}

/** Neighbours of an item in an ordered list; `null` at either end. */
export interface Neighbours<T> {
  previous: T | null;
  next: T | null;
}

/**
 * The smallest appearance rank of a paper in one digest day. A day captured by several files
 * gives a paper several ranks; the earliest position is where a reader first saw it.
 */
function rankIn(paper: Paper, date: string): number {
  let best = Number.POSITIVE_INFINITY;
  for (const a of paper.appearances) if (a.digest === date && a.rank < best) best = a.rank;
  return best;
}

/**
 * Groups papers into digest days, newest day first; each day's papers are in appearance-rank
 * order (ties, e.g. two files of the same day, broken by id so the order is stable).
 */
export function buildDigests(papers: readonly Paper[]): Digest[] {
  const days = new Map<string, Paper[]>();
  for (const paper of papers) {
    // A paper's days are its `digests`, plus any appearance day in case the two ever disagree.
    const dates = new Set([...paper.digests, ...paper.appearances.map((a) => a.digest)]);
    for (const date of dates) {
      const list = days.get(date);
      if (list) list.push(paper);
      else days.set(date, [paper]);
    }
  }
  return [...days.entries()]
    .sort(([a], [b]) => compareStrings(b, a))
    .map(([date, list]) => ({
      date,
      papers: list
        .map((paper) => ({ paper, rank: rankIn(paper, date) }))
        .sort((x, y) => x.rank - y.rank || compareStrings(x.paper.id, y.paper.id))
        .map(({ paper }) => paper),
    }));
}

/** Groups newest-first digests by calendar month, keeping newest-first order in both levels. */
export function groupDigestsByMonth(digests: readonly Digest[]): DigestMonth[] {
  const months: DigestMonth[] = [];
  const sorted = [...digests].sort((a, b) => compareStrings(b.date, a.date));
  for (const digest of sorted) {
    const month = digest.date.slice(0, 7);
    const last = months.at(-1);
    if (last && last.month === month) last.digests.push(digest);
    else months.push({ month, digests: [digest] });
  }
  return months;
}

/** A digest day as the digest indexes list it: its date and how many papers it has. */
interface DayCount {
  date: string;
  papers: number;
}

/** One year of digest days (`/digests/<year>/`): totals and its days by month, newest first. */
export interface DigestYear {
  /** `YYYY`. */
  year: string;
  days: number;
  papers: number;
  months: Array<{ month: string; days: DayCount[] }>;
}

/**
 * Digest days grouped by year, newest year first, each by month (newest first). Only dates and
 * counts: a year page renders from these, so its cache key does not change when a paper's text or
 * upvotes do.
 */
export function digestYears(digests: readonly Digest[]): DigestYear[] {
  const years: DigestYear[] = [];
  for (const { month, digests: list } of groupDigestsByMonth(digests)) {
    const days = list.map((d) => ({ date: d.date, papers: d.papers.length }));
    const papers = days.reduce((n, d) => n + d.papers, 0);
    const year = years.at(-1);
    if (year && year.year === month.slice(0, 4)) {
      year.months.push({ month, days });
      year.days += days.length;
      year.papers += papers;
    } else years.push({ year: month.slice(0, 4), days: days.length, papers, months: [{ month, days }] });
  }
  return years;
}

/** Papers newest publication first; same-day papers by id so builds are byte-stable. */
export function sortPapersNewestFirst(papers: readonly Paper[]): Paper[] {
  return [...papers].sort((a, b) => compareStrings(b.published, a.published) || compareStrings(a.id, b.id));
}

/** The items before and after the first item matching `isCurrent`; both null when absent. */
export function neighbours<T>(list: readonly T[], isCurrent: (item: T) => boolean): Neighbours<T> {
  const i = list.findIndex(isCurrent);
  if (i < 0) return { previous: null, next: null };
  return { previous: list[i - 1] ?? null, next: list[i + 1] ?? null };
}

/** The digest days either side of `date` in a newest-first list: `older` and `newer`, or null. */
export function adjacentDigests(digests: readonly Digest[], date: string): { older: Digest | null; newer: Digest | null } {
  // Newest first: the list item before is the newer day.
  const around = neighbours(digests, (d) => d.date === date);
  return { older: around.next, newer: around.previous };
}

/**
 * The digest a paper page's previous/next links follow (the paper's first, oldest digest day) and
 * the papers before and after it there, in the digest's original order.
 */
export function paperSiblings(paper: Paper, digestByDate: ReadonlyMap<string, Digest>): { digest: string; siblings: Neighbours<Paper> } {
  const digest = paper.digests[0] ?? paper.appearances[0]!.digest;
  const list = digestByDate.get(digest)?.papers ?? [];
  return { digest, siblings: neighbours(list, (p) => p.id === paper.id) };
}
