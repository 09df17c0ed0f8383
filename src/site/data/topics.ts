/**
 * Topics as the site lists them: each taxonomy topic with its papers and a papers-per-month
 * series for its trend line. Pure (no I/O).
 */
import type { Paper, TopicMatch } from '../../schemas/paper.ts';
import type { Topic } from '../../schemas/topic.ts';
import { countByMonth } from '../../core/dates.ts';
import { type MonthPeriod, type PeriodCounts, coarsenMonths, monthKey } from '../view/chart-periods.ts';

/** What a topic page needs of a taxonomy entry. */
export type TopicInfo = Pick<Topic, 'slug' | 'name' | 'description'>;

/** A topic and its papers. */
export interface TopicGroup {
  topic: TopicInfo;
  /** Its papers, in the order given (callers pass newest first). */
  papers: Paper[];
}

/** A topic assigned to a paper, with its display name and why it matched. */
export interface PaperTopic extends TopicInfo {
  reasons: string[];
}

/** The day a paper entered the archive: its first digest (the date charts count by). */
export function firstSeen(paper: Pick<Paper, 'digests'>): string {
  return paper.digests[0]!;
}

/**
 * One group per taxonomy topic, in the order given, including topics without papers. A paper's
 * topic slugs that are not in the taxonomy (an old assignment after a topic was renamed) are
 * ignored: there is no page to link to.
 */
export function groupByTopic(topics: readonly TopicInfo[], papers: readonly Paper[]): TopicGroup[] {
  const groups = new Map<string, TopicGroup>(topics.map((topic) => [topic.slug, { topic, papers: [] }]));
  for (const paper of papers) {
    for (const match of paper.topics) groups.get(match.slug)?.papers.push(paper);
  }
  return [...groups.values()];
}

/** A paper's topics that exist in the taxonomy, in the paper's order, with names and reasons. */
export function paperTopics(matches: readonly TopicMatch[], bySlug: ReadonlyMap<string, TopicInfo>): PaperTopic[] {
  return matches.flatMap((m) => {
    const topic = bySlug.get(m.slug);
    return topic ? [{ slug: topic.slug, name: topic.name, description: topic.description, reasons: m.reasons }] : [];
  });
}

/**
 * Papers per month for one topic over a shared list of months (so every trend line on the
 * topics page spans the same time and they can be compared), counted by first digest day.
 */
export function monthlyCounts(papers: readonly Paper[], months: readonly string[]): Array<{ label: string; count: number }> {
  const counts = new Map<string, number>();
  for (const p of papers) {
    const month = firstSeen(p).slice(0, 7);
    counts.set(month, (counts.get(month) ?? 0) + 1);
  }
  return months.map((month) => ({ label: month, count: counts.get(month) ?? 0 }));
}

/** Every month from the archive's first digest to its last, `YYYY-MM`. */
export function archiveMonths(papers: readonly Paper[]): string[] {
  return countByMonth(papers.map(firstSeen)).map((m) => m.month);
}

/**
 * Median upvotes per period for one topic (papers by the month they first appeared in, each with
 * its newest count), over the same months as `monthlyCounts` grouped into `period`s as
 * `coarsenMonths` groups the counts beside it; a period with no counted paper is 0. Medians are
 * taken over the period's papers, not over its months' medians (those cannot be combined).
 */
export function medianUpvotes(
  papers: readonly Paper[],
  months: readonly string[],
  period: MonthPeriod = 'month',
): Array<{ label: string; count: number }> {
  const byPeriod = new Map<string, number[]>();
  for (const p of papers) {
    if (p.upvotes === null) continue;
    const key = monthKey(firstSeen(p).slice(0, 7), period);
    const list = byPeriod.get(key);
    if (list) list.push(p.upvotes);
    else byPeriod.set(key, [p.upvotes]);
  }
  const labels = [...new Set(months.map((month) => monthKey(month, period)))];
  return labels.map((label) => {
    const list = (byPeriod.get(label) ?? []).sort((a, b) => a - b);
    const mid = list.length >> 1;
    const median = list.length === 0 ? 0 : list.length % 2 ? list[mid]! : (list[mid - 1]! + list[mid]!) / 2;
    return { label, count: median };
  });
}

/** A topic's trend charts: papers per period, and their median upvotes per the same period. */
export interface TopicTrends {
  /** Papers per period; the period is the one `coarsenMonths` picks for the span, as on the topics index. */
  series: PeriodCounts;
  /** Median upvotes of those papers per the same period (`medianUpvotes`). */
  upvotes: Array<{ label: string; count: number }>;
}

/**
 * A topic's trend charts over the archive's `months`, at most `max` points each whatever the
 * archive's span, so a topic's first page does not grow with the archive (DESIGN.md "Cost model").
 */
export function topicTrends(papers: readonly Paper[], months: readonly string[], max: number): TopicTrends {
  const series = coarsenMonths(monthlyCounts(papers, months), max);
  return { series, upvotes: medianUpvotes(papers, months, series.period) };
}
