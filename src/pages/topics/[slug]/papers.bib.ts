/** `/topics/<slug>/papers.bib`: one topic's papers as BibTeX, each entry as its page's Cite box shows it; linked from the topic page. */
import type { APIContext } from 'astro';
import type { Paper } from '../../../schemas/paper.ts';
import { topicBibStaticPaths } from '../../../site/data/routes.ts';
import { bibliography } from '../../../site/view/bibtex.ts';

export const getStaticPaths = topicBibStaticPaths;

export function GET(context: APIContext) {
  const { papers } = context.props as { papers: Paper[] };
  return new Response(bibliography(papers), { headers: { 'Content-Type': 'application/x-bibtex; charset=utf-8' } });
}
