/** `/feed.json`: the site feed as JSON Feed 1.1, the same papers as `/feed.xml`. */
import type { APIContext } from 'astro';
import { getShelf } from '../site/data/shelf.ts';
import { feedItems, jsonFeedResponse, SITE_FEED } from '../site/data/feeds.ts';

export async function GET(context: APIContext) {
  const { digests } = await getShelf();
  return jsonFeedResponse(context, SITE_FEED, feedItems(digests));
}
