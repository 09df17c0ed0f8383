/**
 * The site's data, loaded once per build: `getCollection('papers')` runs a single time (memoised
 * at module level) and every page derives what it needs from the same arrays and maps.
 * Route props for `getStaticPaths` are computed here so page files stay thin shells.
 */
import { getCollection } from 'astro:content';
import type { Paper } from '../schemas/paper.ts';
import { adjacentDigests, buildDigests, paperSiblings, sortPapersNewestFirst, type Digest, type Neighbours } from './digests.ts';

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
}

let shelf: Promise<Shelf> | undefined;

async function loadShelf(): Promise<Shelf> {
  const entries = await getCollection('papers');
  const papers = sortPapersNewestFirst(entries.map((entry) => entry.data));
  const digests = buildDigests(papers);
  return {
    papers,
    byId: new Map(papers.map((p) => [p.id, p])),
    digests,
    digestByDate: new Map(digests.map((d) => [d.date, d])),
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

/** Props of a paper page. */
export interface PaperPageProps {
  paper: Paper;
  /** The digest whose order previous/next follow: the paper's first (oldest) digest day. */
  digest: string;
  /** Previous and next paper in that digest. */
  siblings: Neighbours<Paper>;
}

/** `getStaticPaths` for `/papers/<id>/`. */
export async function paperStaticPaths(): Promise<Array<{ params: { id: string }; props: PaperPageProps }>> {
  const { papers, digestByDate } = await getShelf();
  return papers.map((paper) => ({ params: { id: paper.id }, props: { paper, ...paperSiblings(paper, digestByDate) } }));
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

/**
 * Where an organisation's page lives, or null while the site has no org pages: bylines link
 * the org only when this returns a path.
 */
export function orgPagePath(_slug: string): string | null {
  return null;
}
