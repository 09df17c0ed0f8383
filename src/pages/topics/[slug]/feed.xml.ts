/** `/topics/<slug>/feed.xml`: RSS of one topic's papers, newest digest first, for readers who follow a field. */
import type { APIContext } from 'astro';
import { getShelf } from '../../../site/data/shelf.ts';
import { feedResponse, topicFeed, topicFeedItems } from '../../../site/data/feeds.ts';
import { topicFeedStaticPaths, type TopicFeedProps } from '../../../site/data/routes.ts';

export const getStaticPaths = topicFeedStaticPaths;

export async function GET(context: APIContext) {
  const { digests } = await getShelf();
  const slug = context.params.slug!;
  const { title, description } = topicFeed({ slug, ...(context.props as TopicFeedProps) });
  return feedResponse(context, { title, description, items: topicFeedItems(digests, slug) });
}
