/** `/archive.jsonl`: the whole archive as data, the same bytes ingest's `--archive` writes. */
import type { APIRoute } from 'astro';
import { archiveJsonlLines } from '../core/archive.ts';
import { getShelf } from '../site/data/shelf.ts';
import { siteBase } from '../site/view/links.ts';
import { textStream } from '../site/view/text-stream.ts';

export const prerender = true;

export const GET: APIRoute = async () => {
  // Sorted by id, so the shelf's newest-first order does not matter; streamed a chunk at a time
  // (text-stream.ts: the build holds no 102 MB string at 50,000 papers).
  const body = textStream(archiveJsonlLines((await getShelf()).papers, siteBase()));
  return new Response(body, { headers: { 'Content-Type': 'application/x-ndjson; charset=utf-8' } });
};
