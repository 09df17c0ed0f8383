/** `/feed.xml`: RSS of the newest digests' papers. */
import type { APIContext } from 'astro';
import { getShelf } from '../site/data/shelf.ts';
import { feedItems, feedResponse } from '../site/data/feeds.ts';

export async function GET(context: APIContext) {
  const { digests } = await getShelf();
  return feedResponse(context, {
    title: 'Papershelf',
    description: 'Papers from the daily paper digests, newest digest first.',
    items: feedItems(digests),
  });
}
