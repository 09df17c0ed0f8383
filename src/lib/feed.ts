/**
 * RSS responses for the site feed and the per-topic feeds: one place that turns feed items into
 * `@astrojs/rss` items (which escapes every field), so both feeds read the same.
 */
import rss from '@astrojs/rss';
import type { APIContext } from 'astro';
import type { FeedItem } from './feedItems.ts';
import { href, paperPath } from './paths.ts';
import { byline } from './format.ts';

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
      pubDate: new Date(`${digest}T00:00:00Z`),
      description: paper.abstract,
      categories: paper.topics.map((t) => t.slug),
      customData: `<dc:creator>${escapeXml(byline(paper))}</dc:creator>`,
    })),
    xmlns: { dc: 'http://purl.org/dc/elements/1.1/' },
  });
}

/** customData is inserted raw by @astrojs/rss, so the one field we put there is escaped here. */
function escapeXml(text: string): string {
  return text.replace(/[<>&'"]/g, (c) => `&#${c.charCodeAt(0)};`);
}
