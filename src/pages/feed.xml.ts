/** `/feed.xml`: RSS of the newest digests' papers (@astrojs/rss escapes every field). */
import rss from '@astrojs/rss';
import type { APIContext } from 'astro';
import { getShelf } from '../lib/queries.ts';
import { feedItems } from '../lib/feedItems.ts';
import { href, paperPath } from '../lib/paths.ts';
import { byline } from '../lib/format.ts';

export async function GET(context: APIContext) {
  const { digests } = await getShelf();
  return rss({
    title: 'Papershelf',
    description: 'Papers from the daily paper digests, newest digest first.',
    site: context.site ?? context.url.origin,
    trailingSlash: true,
    items: feedItems(digests).map(({ paper, digest }) => ({
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
