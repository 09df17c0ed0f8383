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
import { relatedIds } from './related.ts';
import { offeredRelatedIds } from './related-handoff.ts';

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

let related: Promise<Map<string, Paper[]>> | undefined;

/**
 * Up to five related papers per paper id, best first. Computed once per build for all papers
 * (near-linear; see related.ts), with topics as an extra shared-word signal: in a build by the
 * build's entries worker (src/integrations/entries.ts), which reads the entries for search anyway and starts with the build
 * (related-handoff.ts); elsewhere (`astro dev`, tests) here, from the shelf.
 */
export function relatedById(): Promise<Map<string, Paper[]>> {
  related ??= getShelf().then(async ({ papers, byId }) => {
    const ids = (await offeredRelatedIds()) ?? relatedIds(papers);
    return new Map(
      papers.map((p) => [
        p.id,
        (ids.get(p.id) ?? []).map((o) => {
          const other = byId.get(o);
          // The worker read the same entries Astro loaded: an id it knows and the shelf does not is a bug.
          if (!other) throw new Error(`related papers: ${p.id} lists ${o}, which the site does not have`);
          return other;
        }),
      ]),
    );
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
