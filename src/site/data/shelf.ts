/**
 * The site's data, loaded once per build: each collection is read a single time (memoised at
 * module level) and every page derives what it needs from the same arrays and maps. This and
 * `src/content.config.ts` are the only modules that use `astro:content`; route props for
 * `getStaticPaths` are in routes.ts.
 */
import { getCollection, render, type CollectionEntry } from 'astro:content';
import type { Paper } from '../../schemas/paper.ts';
import { buildDigests, sortPapersNewestFirst, type Digest } from './digests.ts';
import { groupByOrg, type OrgGroup } from './orgs.ts';
import { archiveMonths, groupByTopic, type TopicGroup, type TopicInfo } from './topics.ts';
import { relatedPapers, type RelatedDoc } from './related.ts';
import { Worker } from 'node:worker_threads';

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
  if (!shelf) {
    shelf = loadShelf();
    // Start the related papers now, in their worker; a failure is raised where they are used (the paper pages).
    relatedById().catch(() => {});
  }
  return shelf;
}

let related: Promise<Map<string, Paper[]>> | undefined;

/** related-worker.ts's path, defined by astro.config.mjs (Vite's `define`); absent outside an Astro build. */
declare const __PAPERSHELF_RELATED_WORKER__: string | undefined;

/** `relatedPapers(docs, k)` in a worker thread when the build gave its path, else here. */
function relatedIds(docs: RelatedDoc[], k: number): Promise<Map<string, string[]>> {
  if (typeof __PAPERSHELF_RELATED_WORKER__ !== 'string') return Promise.resolve(relatedPapers(docs, k));
  const file = __PAPERSHELF_RELATED_WORKER__;
  return new Promise((resolve, reject) => {
    const worker = new Worker(file, { workerData: { docs, k } });
    worker.once('message', resolve);
    worker.once('error', reject);
    worker.once('exit', (code) => reject(new Error(`the related-papers worker stopped (exit ${code}) without a result`)));
  });
}

/**
 * Up to five related papers per paper id, best first. Computed once per build for all papers
 * (near-linear; see related.ts), with topics as an extra shared-word signal, in a worker thread
 * that getShelf() starts: the listings Astro renders before the paper pages use the main thread
 * meanwhile.
 */
export function relatedById(): Promise<Map<string, Paper[]>> {
  related ??= getShelf().then(async ({ papers, byId }) => {
    const ids = await relatedIds(
      papers.map((p) => ({ id: p.id, title: p.title, abstract: p.abstract, topics: p.topics.map((t) => t.slug) })),
      5,
    );
    return new Map([...ids].map(([id, others]) => [id, others.map((o) => byId.get(o)!)]));
  });
  return related;
}

/** A hand-written note (`content/notes/<id>.mdx`) ready to render: its component and its MDX source. */
export interface Note {
  Content: Awaited<ReturnType<typeof render>>['Content'];
  /** The MDX source (the page checks it for math). */
  body: string;
}

let notes: Promise<Map<string, CollectionEntry<'notes'>>> | undefined;

/** The notes by paper id, loaded once. */
function notesById(): Promise<Map<string, CollectionEntry<'notes'>>> {
  notes ??= getCollection('notes').then((entries) => new Map(entries.map((e) => [e.id, e])));
  return notes;
}

/** Each note's MDX source by paper id (a paper page's cache key includes its note). */
export async function noteSources(): Promise<Map<string, string>> {
  return new Map([...(await notesById())].map(([id, entry]) => [id, entry.body ?? '']));
}

/** The note for a paper, rendered, or null when it has none. */
export async function noteFor(paperId: string): Promise<Note | null> {
  const entry = (await notesById()).get(paperId);
  if (!entry) return null;
  return { Content: (await render(entry)).Content, body: entry.body ?? '' };
}
