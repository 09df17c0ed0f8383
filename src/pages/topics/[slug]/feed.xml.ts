/** `/topics/<slug>/feed.xml`: RSS of one topic's papers, newest digest first, for readers who follow a field. */
import type { APIContext } from 'astro';
import { feedResponse, topicFeed, topicFeedStaticPaths, type TopicFeedProps } from '../../../site/data/feeds.ts';

export const getStaticPaths = topicFeedStaticPaths;

export function GET(context: APIContext) {
  const { name, description, items } = context.props as TopicFeedProps;
  const { title } = topicFeed({ slug: context.params.slug!, name, description });
  return feedResponse(context, { title, description, items });
}
