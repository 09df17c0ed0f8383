/**
 * Every `getStaticPaths` of the site and the props each page receives, computed from the shelf
 * (shelf.ts), so page files stay thin shells (after Starlight's `utils/routing/`).
 */
import type { GetStaticPathsOptions, Page } from 'astro';
import type { Paper } from '../../schemas/paper.ts';
import { PAGE_SIZE } from '../view/pagination.ts';
import { adjacentDigests, paperSiblings, type Digest, type Neighbours } from './digests.ts';
import type { OrgGroup } from './orgs.ts';
import { permalinkPaths, type PermalinkPath } from './permalinks.ts';
import { getShelf, noteSources, relatedById } from './shelf.ts';
import { pageKey } from './cache-keys.ts';
import { monthlyCounts, monthlyMedianUpvotes, paperTopics, type PaperTopic, type TopicInfo } from './topics.ts';

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

/** Props of a topic list page (one page of `paginate()`). */
export interface TopicPageProps {
  topic: TopicInfo;
  /** Papers per month over the archive's whole span. */
  series: Array<{ label: string; count: number }>;
  /** Median upvotes of those papers per month, over the same months. */
  upvotes: Array<{ label: string; count: number }>;
  page: Page<Paper>;
}

/**
 * `getStaticPaths` for `/topics/<slug>/[page]/`: every taxonomy topic, newest papers first,
 * `PAGE_SIZE` a page. A topic without papers still gets its page (saying so), so links to a
 * new topic work before the first paper arrives.
 */
export async function topicStaticPaths({ paginate }: GetStaticPathsOptions) {
  const { topics, months } = await getShelf();
  return withCacheKeys(
    topics.flatMap(({ topic, papers }) =>
      paginate(papers, {
        pageSize: PAGE_SIZE,
        params: { slug: topic.slug },
        props: { topic, series: monthlyCounts(papers, months), upvotes: monthlyMedianUpvotes(papers, months) },
      }),
    ),
  );
}

/** Paginated paths with a cache key each, from everything the page gets (its `page` included). */
function withCacheKeys<T extends { props: object }>(paths: T[]): Array<T & { cacheKey: string }> {
  return paths.map((p) => ({ ...p, cacheKey: pageKey(p.props) }));
}

/** Props of a topic's feed: the topic's name and description. */
export type TopicFeedProps = Pick<TopicInfo, 'name' | 'description'>;

/** `getStaticPaths` for `/topics/<slug>/feed.xml`: one feed per taxonomy topic. */
export async function topicFeedStaticPaths(): Promise<Array<{ params: { slug: string }; props: TopicFeedProps }>> {
  const { topics } = await getShelf();
  return topics.map(({ topic }) => ({ params: { slug: topic.slug }, props: { name: topic.name, description: topic.description } }));
}

/** `getStaticPaths` for `/topics/<slug>/papers.bib`: every taxonomy topic with its papers. */
export async function topicBibStaticPaths(): Promise<Array<{ params: { slug: string }; props: { papers: Paper[] } }>> {
  const { topics } = await getShelf();
  return topics.map(({ topic, papers }) => ({ params: { slug: topic.slug }, props: { papers } }));
}

/** A row of the topics index: the topic, its paper count and papers per month. */
export interface TopicSummary {
  topic: TopicInfo;
  count: number;
  /** Papers per month over the archive's whole span (`Shelf.months`). */
  series: Array<{ label: string; count: number }>;
}

/** Every topic with its count and trend, most papers first (then by name; empty topics last). */
export async function getTopicSummaries(): Promise<TopicSummary[]> {
  const { topics, months } = await getShelf();
  return topics
    .map(({ topic, papers }) => ({ topic, count: papers.length, series: monthlyCounts(papers, months) }))
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
