/** `/opml.xml`: every feed of the site (the site's and each topic's, RSS and JSON Feed) for a feed reader to import. */
import type { APIContext } from 'astro';
import { allFeeds, opmlFeed } from '../site/data/feeds.ts';
import { opml } from '../site/view/feed-formats.ts';
import { SITE_NAME } from '../site/view/head-meta.ts';

export async function GET(context: APIContext) {
  const feeds = (await allFeeds()).map((f) => opmlFeed(context, f));
  return new Response(opml(`${SITE_NAME} feeds`, feeds), { headers: { 'Content-Type': 'text/x-opml; charset=utf-8' } });
}
