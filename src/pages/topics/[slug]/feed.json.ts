/** `/topics/<slug>/feed.json`: one topic's feed as JSON Feed 1.1, the same papers as its `feed.xml`. */
import type { APIContext } from 'astro';
import { jsonFeedResponse, topicFeed, topicFeedStaticPaths, type TopicFeedProps } from '../../../site/data/feeds.ts';

export const getStaticPaths = topicFeedStaticPaths;

export function GET(context: APIContext) {
  const { name, description, items } = context.props as TopicFeedProps;
  return jsonFeedResponse(context, topicFeed({ slug: context.params.slug!, name, description }), items);
}
