/**
 * The feed formats beside RSS (which @astrojs/rss writes): JSON Feed 1.1 and the OPML list of
 * every feed. Pure. Hand-written: no maintained npm package writes JSON Feed 1.1 (the format is a
 * plain object; JSON.stringify does all the escaping), and the OPML is a dozen lines whose every
 * attribute goes through escapeXml.
 */
import { escapeXml } from '../../core/escape.ts';

/** The JSON Feed version this site writes. */
export const JSON_FEED_VERSION = 'https://jsonfeed.org/version/1.1';

/** One item before it becomes JSON Feed. */
export interface FeedEntry {
  /** Absolute permalink: the item's `id` and `url`. */
  url: string;
  title: string;
  /** Plain text (the abstract). */
  text: string;
  /** `YYYY-MM-DD`: the digest day that put it in the feed. */
  day: string;
  /** Author names, when known. */
  authors: string[] | null;
  tags: string[];
}

/** A JSON Feed 1.1 document (https://www.jsonfeed.org/version/1.1/). */
export interface JsonFeed {
  version: string;
  title: string;
  description: string;
  home_page_url: string;
  feed_url: string;
  language: string;
  items: Array<{
    id: string;
    url: string;
    title: string;
    content_text: string;
    date_published: string;
    authors?: Array<{ name: string }>;
    tags?: string[];
  }>;
}

/** A feed's channel and entries as JSON Feed 1.1 (dates RFC 3339 at UTC midnight, as RSS's `pubDate`). */
export function jsonFeed(
  channel: { title: string; description: string; homePageUrl: string; feedUrl: string },
  entries: FeedEntry[],
): JsonFeed {
  return {
    version: JSON_FEED_VERSION,
    title: channel.title,
    description: channel.description,
    home_page_url: channel.homePageUrl,
    feed_url: channel.feedUrl,
    language: 'en',
    items: entries.map((e) => ({
      id: e.url,
      url: e.url,
      title: e.title,
      content_text: e.text,
      date_published: `${e.day}T00:00:00Z`,
      ...(e.authors && e.authors.length > 0 ? { authors: e.authors.map((name) => ({ name })) } : {}),
      ...(e.tags.length > 0 ? { tags: e.tags } : {}),
    })),
  };
}

/** One feed in the OPML list: its title, page and both formats' absolute URLs. */
export interface OpmlFeed {
  title: string;
  description: string;
  htmlUrl: string;
  rssUrl: string;
  jsonUrl: string;
}

/**
 * OPML 2.0 subscription list of every feed, in two folders, RSS and JSON Feed (a reader takes
 * either; importing one folder subscribes to each feed once).
 */
export function opml(title: string, feeds: readonly OpmlFeed[]): string {
  const attrs = (pairs: Array<[string, string]>) => pairs.map(([k, v]) => `${k}="${escapeXml(v)}"`).join(' ');
  const outline = (f: OpmlFeed, url: string) =>
    `      <outline ${attrs([
      ['type', 'rss'],
      ['text', f.title],
      ['title', f.title],
      ['description', f.description],
      ['xmlUrl', url],
      ['htmlUrl', f.htmlUrl],
    ])}/>`;
  const folder = (name: string, url: (f: OpmlFeed) => string) =>
    [`    <outline ${attrs([['text', name]])}>`, ...feeds.map((f) => outline(f, url(f))), '    </outline>'].join('\n');
  return [
    '<?xml version="1.0" encoding="UTF-8"?>',
    '<opml version="2.0">',
    `  <head><title>${escapeXml(title)}</title></head>`,
    '  <body>',
    folder('RSS', (f) => f.rssUrl),
    folder('JSON Feed', (f) => f.jsonUrl),
    '  </body>',
    '</opml>',
    '',
  ].join('\n');
}
