/**
 * Everything the home page shows, derived from the shelf in one place so `index.astro` stays a
 * thin shell.
 */
import type { Paper } from '../../schemas/paper.ts';
import type { Digest } from './digests.ts';
import { type TopicGroup, firstSeen } from './topics.ts';
import { type PeriodCounts, countByPeriod } from '../view/chart-periods.ts';
import { addDays } from '../../core/dates.ts';
import { compareStrings } from '../../core/compare.ts';
import type { Shelf } from './shelf.ts';
import { captureDay, upvoteHistory } from '../view/history.ts';

/**
 * Most bars the home page's chart draws: three years of weeks (the real corpus, ~120 weeks, keeps
 * weekly bars), then months up to 13 years, then quarters. Each bar is ~90 bytes (a `<rect>` and
 * its hover `<title>`), so the chart stays under ~15 kB at any span; home is precached with the
 * shell. 600 weekly bars at 50,000 papers were 72 kB, and 1 px each on a phone.
 */
const MAX_BARS = 160;

/** The home page's data. */
export interface HomeData {
  latest: Digest | null;
  /** Most upvoted papers of the 7 days up to the newest digest; empty when no upvotes are known. */
  upvoted: Paper[];
  /** Papers whose upvotes grew most over the archive's last 14 days (`risers`). */
  rising: Riser[];
  /** Topics with papers, most papers first (at most `topTopics`). */
  topics: Array<{ slug: string; name: string; count: number }>;
  figures: { papers: number; digests: number; orgs: number; topics: number; first: string | null; last: string | null };
  /**
   * Papers per week (month, quarter… once the archive spans more than `MAX_BARS` weeks), by the
   * digest they first appeared in.
   */
  activity: PeriodCounts;
}

/** Derives the home page's data from the shelf. */
export function homeData(shelf: Pick<Shelf, 'papers' | 'digests' | 'orgs' | 'topics'>, topTopics = 10): HomeData {
  const latest = shelf.digests[0] ?? null;
  const withPapers = shelf.topics.filter((t: TopicGroup) => t.papers.length > 0);
  return {
    latest,
    upvoted: latest ? topUpvoted(shelf.papers, latest.date, 7, 5) : [],
    rising: risers(shelf.papers, 14, 5),
    topics: withPapers
      .map((t) => ({ slug: t.topic.slug, name: t.topic.name, count: t.papers.length }))
      .sort((a, b) => b.count - a.count || a.name.localeCompare(b.name, 'en'))
      .slice(0, topTopics),
    figures: {
      papers: shelf.papers.length,
      digests: shelf.digests.length,
      orgs: shelf.orgs.length,
      topics: withPapers.length,
      first: shelf.digests.at(-1)?.date ?? null,
      last: latest?.date ?? null,
    },
    activity: countByPeriod(shelf.papers.map(firstSeen), MAX_BARS),
  };
}

/**
 * The `limit` papers with the most upvotes among those in a digest of the `days` days ending on
 * `newest` (the newest digest day, not today: a rebuilt old archive stays the same). Papers
 * whose upvotes no capture showed are left out; ties go to the newer paper, then by id.
 */
export function topUpvoted(papers: readonly Paper[], newest: string, days = 7, limit = 10): Paper[] {
  const from = addDays(newest, -(days - 1));
  return papers
    .filter((p) => p.upvotes !== null && p.digests.some((d) => d >= from && d <= newest))
    .sort((a, b) => b.upvotes! - a.upvotes! || compareStrings(b.published, a.published) || compareStrings(a.id, b.id))
    .slice(0, limit);
}

/** A paper that gained upvotes: its first and latest counted capture in the window. */
export interface Riser {
  paper: Paper;
  from: { day: string; upvotes: number };
  to: { day: string; upvotes: number };
}

/**
 * The `limit` papers whose upvotes grew most between their first and latest capture within the
 * last `days` days of the archive (ending on its newest capture day, counts files included, not
 * today: a rebuilt archive stays the same). Only captures that showed upvotes count; a paper needs
 * two of them in the window and a gain. Ties: the larger latest count, then id.
 */
export function risers(papers: readonly Paper[], days = 14, limit = 5): Riser[] {
  const end = papers.reduce((max, p) => p.appearances.reduce((m, a) => (captureDay(a) > m ? captureDay(a) : m), max), '');
  if (end === '') return [];
  const from = addDays(end, -(days - 1));
  const out: Riser[] = [];
  for (const paper of papers) {
    const seen = upvoteHistory(paper).filter((h) => h.day >= from);
    if (seen.length < 2) continue;
    const [first, last] = [seen[0]!, seen.at(-1)!];
    if (last.upvotes > first.upvotes)
      out.push({ paper, from: { day: first.day, upvotes: first.upvotes }, to: { day: last.day, upvotes: last.upvotes } });
  }
  const gain = (r: Riser) => r.to.upvotes - r.from.upvotes;
  return out.sort((a, b) => gain(b) - gain(a) || b.to.upvotes - a.to.upvotes || compareStrings(a.paper.id, b.paper.id)).slice(0, limit);
}
