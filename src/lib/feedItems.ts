/**
 * Items of the site's RSS feed: the newest digests' papers, newest digest first and in each
 * digest's own order, so a feed reader sees a day the way the digest showed it.
 */
import type { Paper } from '../schemas/paper.ts';
import type { Digest } from './digests.ts';

/** How many papers the feed carries. */
export const FEED_SIZE = 50;

/** One feed entry, before the RSS library serialises (and escapes) it. */
export interface FeedItem {
  paper: Paper;
  /** The digest day that put the paper in the feed. */
  digest: string;
}

/** The newest `limit` papers by digest day (each paper once, at its newest digest). */
export function feedItems(digests: readonly Digest[], limit = FEED_SIZE): FeedItem[] {
  const seen = new Set<string>();
  const items: FeedItem[] = [];
  for (const digest of digests) {
    for (const paper of digest.papers) {
      if (items.length >= limit) return items;
      if (seen.has(paper.id)) continue;
      seen.add(paper.id);
      items.push({ paper, digest: digest.date });
    }
  }
  return items;
}
