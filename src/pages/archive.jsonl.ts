/** `/archive.jsonl`: the whole archive as data, the same bytes ingest's `--archive` writes. */
import type { APIRoute } from 'astro';
import { toArchiveJsonl } from '../core/archive.ts';
import { getShelf } from '../site/data/shelf.ts';
import { siteBase } from '../site/view/links.ts';

export const prerender = true;

export const GET: APIRoute = async () => {
  // toArchiveJsonl sorts by id, so the shelf's newest-first order does not matter.
  const body = toArchiveJsonl((await getShelf()).papers, siteBase());
  return new Response(body, { headers: { 'Content-Type': 'application/x-ndjson; charset=utf-8' } });
};
