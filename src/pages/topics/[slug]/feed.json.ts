/** `/topics/<slug>/feed.json`: one topic's feed as JSON Feed 1.1, the same papers as its `feed.xml`. */
import type { APIContext } from 'astro';
import { getShelf } from '../../../site/data/shelf.ts';
import { jsonFeedResponse, topicFeed, topicFeedItems } from '../../../site/data/feeds.ts';
import { topicFeedStaticPaths, type TopicFeedProps } from '../../../site/data/routes.ts';

export const getStaticPaths = topicFeedStaticPaths;

export async function GET(context: APIContext) {
  const { digests } = await getShelf();
  const slug = context.params.slug!;
  return jsonFeedResponse(context, topicFeed({ slug, ...(context.props as TopicFeedProps) }), topicFeedItems(digests, slug));
}
