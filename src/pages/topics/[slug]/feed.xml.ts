/** `/topics/<slug>/feed.xml`: RSS of one topic's papers, newest digest first, for readers who follow a field. */
import type { APIContext } from 'astro';
import { getShelf } from '../../../lib/queries.ts';
import { feedItems } from '../../../lib/feedItems.ts';
import { feedResponse } from '../../../lib/feed.ts';

export async function getStaticPaths() {
  const { topics } = await getShelf();
  return topics.map(({ topic }) => ({ params: { slug: topic.slug }, props: { name: topic.name, description: topic.description } }));
}

export async function GET(context: APIContext) {
  const { digests } = await getShelf();
  const slug = context.params.slug!;
  const { name, description } = context.props as { name: string; description: string };
  const inTopic = digests.map((d) => ({ ...d, papers: d.papers.filter((p) => p.topics.some((t) => t.slug === slug)) }));
  return feedResponse(context, { title: `Papershelf: ${name}`, description, items: feedItems(inTopic) });
}
