/** `/archive.bib`: every paper as BibTeX, each entry as its page's Cite box shows it (site/view/bibtex.ts). */
import type { APIRoute } from 'astro';
import { getShelf } from '../site/data/shelf.ts';
import { bibliography } from '../site/view/bibtex.ts';

export const GET: APIRoute = async () => {
  const body = bibliography((await getShelf()).papers);
  return new Response(body, { headers: { 'Content-Type': 'application/x-bibtex; charset=utf-8' } });
};
