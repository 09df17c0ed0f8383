/**
 * The site's RSS feeds: which papers each carries (the newest digests' papers, newest digest
 * first and in each digest's own order, so a feed reader sees a day the way the digest showed it)
 * and one place that turns them into `@astrojs/rss` items (which escapes every field), so the
 * site feed and the per-topic feeds read the same.
 */
import rss from '@astrojs/rss';
import type { APIContext } from 'astro';
import type { Paper } from '../../schemas/paper.ts';
import type { Digest } from './digests.ts';
import { href } from '../view/links.ts';
import { paperPath } from '../../core/paths.ts';
import { byline } from '../view/format.ts';
import { utcDate } from '../../core/dates.ts';
import { escapeXml } from '../../core/escape.ts';

/** How many papers the feed carries. */
const FEED_SIZE = 50;

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

/** The newest papers of one topic (`slug`), as `feedItems` picks them. */
export function topicFeedItems(digests: readonly Digest[], slug: string, limit = FEED_SIZE): FeedItem[] {
  const inTopic = digests.map((d) => ({ ...d, papers: d.papers.filter((p) => p.topics.some((t) => t.slug === slug)) }));
  return feedItems(inTopic, limit);
}

/** An RSS response for `items`; links are absolute (site + base). */
export function feedResponse(context: APIContext, channel: { title: string; description: string; items: FeedItem[] }) {
  return rss({
    title: channel.title,
    description: channel.description,
    site: context.site ?? context.url.origin,
    trailingSlash: true,
    items: channel.items.map(({ paper, digest }) => ({
      title: paper.title,
      link: href(paperPath(paper.id)),
      pubDate: utcDate(digest),
      description: paper.abstract,
      categories: paper.topics.map((t) => t.slug),
      // customData is inserted raw by @astrojs/rss, so the one field we put there is escaped here.
      customData: `<dc:creator>${escapeXml(byline(paper))}</dc:creator>`,
    })),
    xmlns: { dc: 'http://purl.org/dc/elements/1.1/' },
  });
}
