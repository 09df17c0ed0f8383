/**
 * The site's data, loaded once per build: each collection is read a single time (memoised at
 * module level) and every page derives what it needs from the same arrays and maps. Route props
 * for `getStaticPaths` are computed here so page files stay thin shells.
 */
import type { GetStaticPathsOptions, Page } from 'astro';
import { getCollection, type CollectionEntry } from 'astro:content';
import type { Paper } from '../schemas/paper.ts';
import { adjacentDigests, buildDigests, paperSiblings, sortPapersNewestFirst, type Digest, type Neighbours } from './digests.ts';
import { groupByOrg, orgRouteSlug, type OrgGroup } from './orgs.ts';
import {
  archiveMonths,
  groupByTopic,
  monthlyCounts,
  paperTopics,
  type PaperTopic,
  type TopicGroup,
  type TopicInfo,
} from './topicGroups.ts';
import { relatedPapers } from './related.ts';
import { PAGE_SIZE } from './pagination.ts';
import { orgPath } from './paths.ts';

/** Everything the pages read, derived once. */
export interface Shelf {
  /** All papers, newest publication first. */
  papers: Paper[];
  /** Papers by id. */
  byId: Map<string, Paper>;
  /** Digest days, newest first, papers in original order. */
  digests: Digest[];
  /** Digest days by date. */
  digestByDate: Map<string, Digest>;
  /** Every taxonomy topic (in collection order), with its papers newest first (possibly none). */
  topics: TopicGroup[];
  /** Taxonomy topics by slug. */
  topicBySlug: Map<string, TopicInfo>;
  /** Organisations, most papers first, each with its papers newest first. */
  orgs: OrgGroup[];
  /** Every month from the first digest to the last, `YYYY-MM` (the x axis of trend lines). */
  months: string[];
}

let shelf: Promise<Shelf> | undefined;

async function loadShelf(): Promise<Shelf> {
  const [entries, topicEntries] = await Promise.all([getCollection('papers'), getCollection('topics')]);
  const papers = sortPapersNewestFirst(entries.map((entry) => entry.data));
  const digests = buildDigests(papers);
  const taxonomy: TopicInfo[] = topicEntries.map(({ data }) => ({ slug: data.slug, name: data.name, description: data.description }));
  return {
    papers,
    byId: new Map(papers.map((p) => [p.id, p])),
    digests,
    digestByDate: new Map(digests.map((d) => [d.date, d])),
    topics: groupByTopic(taxonomy, papers),
    topicBySlug: new Map(taxonomy.map((t) => [t.slug, t])),
    orgs: groupByOrg(papers),
    months: archiveMonths(papers),
  };
}

/** The memoised shelf; every caller in a build shares one collection load. */
export function getShelf(): Promise<Shelf> {
  shelf ??= loadShelf();
  return shelf;
}

/** The newest digest day, or null when there are no papers. */
export async function getLatestDigest(): Promise<Digest | null> {
  return (await getShelf()).digests[0] ?? null;
}

let related: Promise<Map<string, Paper[]>> | undefined;

/**
 * Up to five related papers per paper id, best first. Computed once per build for all papers
 * (near-linear; see related.ts), with topics as an extra shared-word signal.
 */
export function getRelated(): Promise<Map<string, Paper[]>> {
  related ??= getShelf().then(({ papers, byId }) => {
    const ids = relatedPapers(
      papers.map((p) => ({ id: p.id, title: p.title, abstract: p.abstract, topics: p.topics.map((t) => t.slug) })),
      5,
    );
    return new Map([...ids].map(([id, others]) => [id, others.map((o) => byId.get(o)!)]));
  });
  return related;
}

let notes: Promise<Map<string, CollectionEntry<'notes'>>> | undefined;

/** The hand-written note for a paper (`content/notes/<id>.mdx`), if there is one. */
export async function getNote(paperId: string): Promise<CollectionEntry<'notes'> | undefined> {
  notes ??= getCollection('notes').then((entries) => new Map(entries.map((e) => [e.id, e])));
  return (await notes).get(paperId);
}

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

/** `getStaticPaths` for `/papers/<id>/`. */
export async function paperStaticPaths(): Promise<Array<{ params: { id: string }; props: PaperPageProps }>> {
  const [{ papers, digestByDate, topicBySlug }, relatedById] = await Promise.all([getShelf(), getRelated()]);
  return papers.map((paper) => ({
    params: { id: paper.id },
    props: {
      paper,
      ...paperSiblings(paper, digestByDate),
      topics: paperTopics(paper.topics, topicBySlug),
      related: relatedById.get(paper.id) ?? [],
    },
  }));
}

/** Props of a digest day page. */
export interface DigestPageProps {
  digest: Digest;
  /** The digest days either side. */
  days: { older: Digest | null; newer: Digest | null };
}

/** `getStaticPaths` for `/digests/<date>/`. */
export async function digestStaticPaths(): Promise<Array<{ params: { date: string }; props: DigestPageProps }>> {
  const { digests } = await getShelf();
  return digests.map((digest) => ({ params: { date: digest.date }, props: { digest, days: adjacentDigests(digests, digest.date) } }));
}

/** Props of a topic list page (one page of `paginate()`). */
export interface TopicPageProps {
  topic: TopicInfo;
  /** Papers per month over the archive's whole span. */
  series: Array<{ label: string; count: number }>;
  page: Page<Paper>;
}

/**
 * `getStaticPaths` for `/topics/<slug>/[page]/`: every taxonomy topic, newest papers first,
 * `PAGE_SIZE` a page. A topic without papers still gets its page (saying so), so links to a
 * new topic work before the first paper arrives.
 */
export async function topicStaticPaths({ paginate }: GetStaticPathsOptions) {
  const { topics, months } = await getShelf();
  return topics.flatMap(({ topic, papers }) =>
    paginate(papers, { pageSize: PAGE_SIZE, params: { slug: topic.slug }, props: { topic, series: monthlyCounts(papers, months) } }),
  );
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
  return orgs.flatMap(({ papers, ...org }) =>
    paginate(papers, { pageSize: PAGE_SIZE, params: { slug: org.slug }, props: { org: { ...org, count: papers.length } } }),
  );
}

/** Where an organisation's page lives (without base): every organisation with a paper has one. */
export function orgPagePath(handle: string): string {
  return orgPath(orgRouteSlug(handle));
}
