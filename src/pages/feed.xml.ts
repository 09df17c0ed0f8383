/** `/feed.xml`: RSS of the newest digests' papers. */
import type { APIContext } from 'astro';
import { getShelf } from '../lib/queries.ts';
import { feedItems } from '../lib/feedItems.ts';
import { feedResponse } from '../lib/feed.ts';

export async function GET(context: APIContext) {
  const { digests } = await getShelf();
  return feedResponse(context, {
    title: 'Papershelf',
    description: 'Papers from the daily paper digests, newest digest first.',
    items: feedItems(digests),
  });
}
