/**
 * Every `getStaticPaths` of the site and the props each page receives, computed from the shelf
 * (shelf.ts), so page files stay thin shells (after Starlight's `utils/routing/`).
 */
import type { GetStaticPathsOptions, Page } from 'astro';
import type { Paper } from '../../schemas/paper.ts';
import { PAGE_SIZE } from '../view/pagination.ts';
import { topicListPages, type TopicListPage } from '../view/topic-pages.ts';
import { adjacentDigests, digestYears, paperSiblings, type Digest, type DigestYear, type Neighbours } from './digests.ts';
import { coverageCalendar, type CalendarYear } from '../view/calendar.ts';
import { emptyDays } from './empty-days.ts';
import type { OrgGroup } from './orgs.ts';
import { permalinkPaths, type PermalinkPath } from './permalinks.ts';
import { getShelf, noteSources, relatedById } from './shelf.ts';
import { pageKey } from './cache-keys.ts';
import { type PeriodCounts, coarsenMonths } from '../view/chart-periods.ts';
import { monthlyCounts, paperTopics, topicTrends, type PaperTopic, type TopicInfo, type TopicTrends } from './topics.ts';

/** Props of a paper page. */
export interface PaperPageProps {
  paper: Paper;
  /** The digest whose order previous/next follow: the paper's first (oldest) digest day. */
  digest: string;
  /** Previous and next paper in that digest. */
  siblings: Neighbours<Paper>;
  /** Its topics with names and the reasons each matched. */
  topics: PaperTopic[];
  /** Up to five related papers, best first. */
  related: Paper[];
}

/** `getStaticPaths` for `/papers/<id>/`; the page also renders the paper's note, part of its cache key. */
export async function paperStaticPaths(): Promise<Array<{ params: { id: string }; props: PaperPageProps; cacheKey: string }>> {
  const [{ papers, digestByDate, topicBySlug }, related, notes] = await Promise.all([getShelf(), relatedById(), noteSources()]);
  return papers.map((paper) => {
    const props: PaperPageProps = {
      paper,
      ...paperSiblings(paper, digestByDate),
      topics: paperTopics(paper.topics, topicBySlug),
      related: related.get(paper.id) ?? [],
    };
    return { params: { id: paper.id }, props, cacheKey: pageKey({ props, note: notes.get(paper.id) ?? null }) };
  });
}

/** `getStaticPaths` for `/papers/[alias]/`: the redirect and shared-slug pages of the site's papers. */
export async function permalinkStaticPaths(): Promise<PermalinkPath[]> {
  return permalinkPaths((await getShelf()).papers);
}

/** Props of a digest day page. */
export interface DigestPageProps {
  digest: Digest;
  /** The digest days either side. */
  days: { older: Digest | null; newer: Digest | null };
}

/** `getStaticPaths` for `/digests/<date>/`. */
export async function digestStaticPaths(): Promise<Array<{ params: { date: string }; props: DigestPageProps; cacheKey: string }>> {
  const { digests } = await getShelf();
  return digests.map((digest) => {
    const props = { digest, days: adjacentDigests(digests, digest.date) };
    return { params: { date: digest.date }, props, cacheKey: pageKey(props) };
  });
}

/** A year as the digest pages' year list shows it. */
type YearSummary = Pick<DigestYear, 'year' | 'days' | 'papers'> & { missing: number };

/** Props of `/digests/` (the newest year) and of `/digests/<year>/`. */
export interface DigestYearProps {
  year: DigestYear;
  /** Every year with digests, newest first, for the list of year pages. */
  years: YearSummary[];
  /** The year's coverage calendar (shaded by paper-count quartiles over the whole archive). */
  calendar: CalendarYear | null;
}

let yearPages: Promise<DigestYearProps[]> | undefined;

/**
 * Every year's digest page props, newest first; empty for an empty archive. Computed once per
 * build: `/digests/` shows the newest year and `/digests/<year>/` each, so no digest index grows
 * with the archive's span (a year is at most 366 rows and one calendar).
 */
export function digestYearPages(): Promise<DigestYearProps[]> {
  yearPages ??= getShelf().then(({ digests }) => {
    const calendars = coverageCalendar(new Map(digests.map((d) => [d.date, d.papers.length])), emptyDays());
    const calendarOf = (year: string) => calendars.find((c) => c.year === year) ?? null;
    const all = digestYears(digests);
    const years = all.map(({ year, days, papers }) => ({
      year,
      days,
      papers,
      missing: calendarOf(year)?.days.filter((d) => d.kind === 'missing').length ?? 0,
    }));
    return all.map((year) => ({ year, years, calendar: calendarOf(year.year) }));
  });
  return yearPages;
}

/** `getStaticPaths` for `/digests/<year>/`: a page per year with digests. */
export async function digestYearStaticPaths(): Promise<Array<{ params: { year: string }; props: DigestYearProps; cacheKey: string }>> {
  return (await digestYearPages()).map((props) => ({ params: { year: props.year.year }, props, cacheKey: pageKey(props) }));
}

/** Props of a topic list page (src/site/view/topic-pages.ts). */
export interface TopicPageProps {
  topic: TopicInfo;
  list: TopicListPage<Paper>;
  /**
   * Papers and their median upvotes per period over the archive's whole span (`topicTrends`), on
   * the front page only: they change with every new paper, and a numbered page's props must not
   * (its cache key).
   */
  trends: TopicTrends | null;
}

/**
 * `getStaticPaths` for `/topics/<slug>/[page]/`: every taxonomy topic's front page (its newest
 * papers) and its pages numbered from the oldest, `PAGE_SIZE` a page. A topic without papers
 * still gets its page (saying so), so links to a new topic work before the first paper arrives.
 */
export async function topicStaticPaths(): Promise<
  Array<{ params: { slug: string; page: string | undefined }; props: TopicPageProps; cacheKey: string }>
> {
  const { topics, months } = await getShelf();
  return withCacheKeys(
    topics.flatMap(({ topic, papers }) =>
      topicListPages(papers).map((list) => ({
        params: { slug: topic.slug, page: list.page === 'front' ? undefined : String(list.page) },
        props: {
          topic,
          list,
          trends: list.page === 'front' ? topicTrends(papers, months, MAX_TREND_POINTS) : null,
        },
      })),
    ),
  );
}

/** Paths with a cache key each, from everything the page gets (its `page` included). */
function withCacheKeys<T extends { props: object }>(paths: T[]): Array<T & { cacheKey: string }> {
  return paths.map((p) => ({ ...p, cacheKey: pageKey(p.props) }));
}

/** `getStaticPaths` for `/topics/<slug>/papers.bib`: every taxonomy topic with its papers (the cache key covers them). */
export async function topicBibStaticPaths(): Promise<Array<{ params: { slug: string }; props: { papers: Paper[] }; cacheKey: string }>> {
  const { topics } = await getShelf();
  return withCacheKeys(topics.map(({ topic, papers }) => ({ params: { slug: topic.slug }, props: { papers } })));
}

/**
 * Most points of a topic's trend line (the topics index, a topic's first page): five years of months, then quarters (15 years),
 * then years. A 120-unit-wide line shows no more, and a point costs ~25 bytes twice (line and
 * area) in each of the ~50 topics: 138 monthly points at 50,000 papers were 4 kB a topic.
 */
const MAX_TREND_POINTS = 60;

/** A row of the topics index: the topic, its paper count and papers per month (or coarser). */
export interface TopicSummary {
  topic: TopicInfo;
  count: number;
  /** Papers per period over the archive's whole span (`Shelf.months`); the same period for every topic. */
  trend: PeriodCounts;
}

/** Every topic with its count and trend, most papers first (then by name; empty topics last). */
export async function getTopicSummaries(): Promise<TopicSummary[]> {
  const { topics, months } = await getShelf();
  return topics
    .map(({ topic, papers }) => ({ topic, count: papers.length, trend: coarsenMonths(monthlyCounts(papers, months), MAX_TREND_POINTS) }))
    .sort((a, b) => b.count - a.count || a.topic.name.localeCompare(b.topic.name, 'en'));
}

/** Props of an organisation list page (one page of `paginate()`). */
export interface OrgPageProps {
  org: Omit<OrgGroup, 'papers'> & { count: number };
  page: Page<Paper>;
}

/** `getStaticPaths` for `/orgs/<slug>/[page]/`: every organisation, newest papers first. */
export async function orgStaticPaths({ paginate }: GetStaticPathsOptions) {
  const { orgs } = await getShelf();
  return withCacheKeys(
    orgs.flatMap(({ papers, ...org }) =>
      paginate(papers, { pageSize: PAGE_SIZE, params: { slug: org.slug }, props: { org: { ...org, count: papers.length } } }),
    ),
  );
}
