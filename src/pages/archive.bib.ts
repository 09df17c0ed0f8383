/** `/archive.bib`: every paper as BibTeX, each entry as its page's Cite box shows it (site/view/bibtex.ts). */
import type { APIRoute } from 'astro';
import { getShelf } from '../site/data/shelf.ts';
import { bibliographyParts } from '../site/view/bibtex.ts';
import { textStream } from '../site/view/text-stream.ts';

export const GET: APIRoute = async () => {
  // Streamed a chunk at a time (text-stream.ts): the build holds no 20 MB string at 50,000 papers.
  const body = textStream(bibliographyParts((await getShelf()).papers));
  return new Response(body, { headers: { 'Content-Type': 'application/x-bibtex; charset=utf-8' } });
};
