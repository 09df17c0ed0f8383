/** `/archive.jsonl`: the whole archive as data, the same bytes ingest's `--archive` writes. */
import type { APIRoute } from 'astro';
import { getCollection } from 'astro:content';
import { toArchiveJsonl } from '../ingest/archive.ts';

export const prerender = true;

export const GET: APIRoute = async () => {
  const papers = await getCollection('papers');
  const body = toArchiveJsonl(
    papers.map((entry) => entry.data),
    import.meta.env.BASE_URL,
  );
  return new Response(body, { headers: { 'Content-Type': 'application/x-ndjson; charset=utf-8' } });
};
