/**
 * The site's feeds, RSS and JSON Feed: which feeds there are (the site's and one per topic), which papers each carries (the newest digests' papers, newest digest
 * first and in each digest's own order, so a feed reader sees a day the way the digest showed it)
 * and one place that turns them into `@astrojs/rss` items (which escapes every field), so the
 * site feed and the per-topic feeds read the same.
 */
import rss from '@astrojs/rss';
import type { APIContext } from 'astro';
import type { Paper } from '../../schemas/paper.ts';
import type { Digest } from './digests.ts';
import { href } from '../view/links.ts';
import { paperPath, topicPath } from '../../core/paths.ts';
import { byline } from '../view/format.ts';
import { utcDate } from '../../core/dates.ts';
import { escapeXml } from '../../core/escape.ts';
import { jsonFeed, type OpmlFeed } from '../view/feed-formats.ts';
import { SITE_NAME } from '../view/head-meta.ts';
import type { TopicInfo } from './topics.ts';
import { getShelf } from './shelf.ts';
import { pageKey } from './cache-keys.ts';

/** How many papers the feed carries. */
const FEED_SIZE = 50;

/** One feed entry, before the RSS library serialises (and escapes) it. */
export interface FeedItem {
  paper: Paper;
  /** The digest day that put the paper in the feed. */
  digest: string;
}

/** The newest `limit` papers by digest day (each paper once, at its newest digest). */
export function feedItems(digests: Iterable<Digest>, limit = FEED_SIZE): FeedItem[] {
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
function topicFeedItems(digests: readonly Digest[], slug: string, limit = FEED_SIZE): FeedItem[] {
  // Filtered a day at a time, as feedItems asks: a feed is full after the newest few weeks, and
  // filtering every day of the archive for each topic's two feeds grew with topics × papers.
  function* inTopic(): Generator<Digest> {
    for (const d of digests) yield { ...d, papers: d.papers.filter((p) => p.topics.some((t) => t.slug === slug)) };
  }
  return feedItems(inTopic(), limit);
}

/** Props of a topic's feed: the topic's name and description, and the feed's papers (newest first). */
export type TopicFeedProps = Pick<TopicInfo, 'name' | 'description'> & { items: FeedItem[] };

/**
 * `getStaticPaths` for `/topics/<slug>/feed.xml` and `feed.json`: one feed per taxonomy topic, its
 * items chosen here so that its cache key covers them (src/site/data/cache-keys.ts): a rebuild
 * copies the feeds of the topics the new day did not touch instead of rendering them again.
 */
export async function topicFeedStaticPaths(): Promise<Array<{ params: { slug: string }; props: TopicFeedProps; cacheKey: string }>> {
  const { topics, digests } = await getShelf();
  return topics.map(({ topic }) => {
    const props = { name: topic.name, description: topic.description, items: topicFeedItems(digests, topic.slug) };
    return { params: { slug: topic.slug }, props, cacheKey: pageKey(props) };
  });
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

/** A feed the site publishes in both formats; paths are relative to the base. */
export interface FeedInfo {
  title: string;
  description: string;
  /** The page the feed follows (`''` for the home page). */
  page: string;
  /** `…/feed.xml` (RSS). */
  rss: string;
  /** `…/feed.json` (JSON Feed 1.1). */
  json: string;
}

/** The site-wide feed. */
export const SITE_FEED: FeedInfo = {
  title: SITE_NAME,
  description: 'Papers from the daily paper digests, newest digest first.',
  page: '',
  rss: 'feed.xml',
  json: 'feed.json',
};

/** A topic's feed, beside its page. */
export function topicFeed(topic: Pick<TopicInfo, 'slug' | 'name' | 'description'>): FeedInfo {
  const page = topicPath(topic.slug);
  return { title: `${SITE_NAME}: ${topic.name}`, description: topic.description, page, rss: `${page}feed.xml`, json: `${page}feed.json` };
}

/** Every feed: the site's, then each taxonomy topic's (for /feeds/ and opml.xml). */
export async function allFeeds(): Promise<FeedInfo[]> {
  const { topics } = await getShelf();
  return [SITE_FEED, ...topics.map(({ topic }) => topicFeed(topic))];
}

/** `feed` with absolute URLs, for the OPML list. */
export function opmlFeed(context: APIContext, feed: FeedInfo): OpmlFeed {
  const abs = (p: string) => new URL(href(p), context.site ?? context.url.origin).href;
  return { title: feed.title, description: feed.description, htmlUrl: abs(feed.page), rssUrl: abs(feed.rss), jsonUrl: abs(feed.json) };
}

/** A JSON Feed 1.1 response for `feed` carrying `items` (the same items as its RSS twin). */
export function jsonFeedResponse(context: APIContext, feed: FeedInfo, items: FeedItem[]): Response {
  const abs = (p: string) => new URL(href(p), context.site ?? context.url.origin).href;
  const doc = jsonFeed(
    { title: feed.title, description: feed.description, homePageUrl: abs(feed.page), feedUrl: abs(feed.json) },
    items.map(({ paper, digest }) => ({
      url: abs(paperPath(paper.id)),
      title: paper.title,
      text: paper.abstract,
      day: digest,
      authors: paper.authors,
      tags: paper.topics.map((t) => t.slug),
    })),
  );
  return new Response(`${JSON.stringify(doc)}\n`, { headers: { 'Content-Type': 'application/feed+json; charset=utf-8' } });
}
