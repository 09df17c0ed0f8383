/** `/feed.xml`: RSS of the newest digests' papers. */
import type { APIContext } from 'astro';
import { getShelf } from '../site/data/shelf.ts';
import { feedItems, feedResponse, SITE_FEED } from '../site/data/feeds.ts';

export async function GET(context: APIContext) {
  const { digests } = await getShelf();
  return feedResponse(context, { title: SITE_FEED.title, description: SITE_FEED.description, items: feedItems(digests) });
}
