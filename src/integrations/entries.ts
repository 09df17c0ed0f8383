/**
 * The paper entries read once per build for the two things computed from them beside Astro's
 * rendering: the search index (pagefind.ts) and the related papers the paper pages list
 * (src/site/data/related.ts, handed to the pages by src/site/data/related-handoff.ts). Both run
 * in one worker thread (entries-worker.ts), started with the build: one read of the entries,
 * and no copy of every title and abstract posted from the rendering thread.
 */
import { compareStrings } from '../core/compare.ts';
import { readPaperEntries } from './papers-folder.ts';
import type { Paper } from '../schemas/paper.ts';
import type { SearchablePaper } from '../site/search/records.ts';
import { offerRelatedIds } from '../site/data/related-handoff.ts';
import { runWorker } from './worker-result.ts';

/**
 * The fields of a paper entry the build's worker reads: what search needs, which includes what
 * related papers need (id, title, abstract, topics). The rest of each entry (appearances,
 * captures, links, …) is never held in memory beside Astro's own copy of the entries.
 */
export type EntryFields = SearchablePaper;

/** `paper`'s fields the worker keeps (a new object, so the rest of the parsed JSON can be collected). */
export function entryFields(paper: Paper): EntryFields {
  const { id, title, authors, authorCount, org, abstract, keywords, topics, published, upvotes } = paper;
  return { id, title, authors, authorCount, org, abstract, keywords, topics, published, upvotes };
}

/**
 * The entries' fields, oldest first (then by id), read by `readPaperEntries` without a second
 * validation: a zod parse here cost 0.5–0.8 s at 50,000 papers (picking the fields: 15–95 ms),
 * for the same objects (entries.test.ts checks that they are the same).
 */
export function readEntries(dir: string): EntryFields[] {
  return readPaperEntries(dir, entryFields).sort((a, b) => compareStrings(a.published, b.published) || compareStrings(a.id, b.id));
}

/** What entries-worker.ts posts: the related ids first, then the indexing's outcome. */
export type EntriesMessage = { kind: 'related'; ids: Map<string, string[]> } | { kind: 'done'; line: string };

/**
 * Starts entries-worker.ts, which reads the entries, computes the related papers and writes the
 * search index into `outDir`. The related ids are offered to the pages as soon as the worker has
 * them (related-handoff.ts); the returned promise settles with the index's log line. A worker
 * failure rejects both, so pages waiting for related papers fail with the cause.
 */
export function startEntriesWorker(outDir: string): Promise<string> {
  let relatedSettle!: { resolve: (ids: Map<string, string[]>) => void; reject: (err: Error) => void };
  const related = new Promise<Map<string, string[]>>((resolve, reject) => (relatedSettle = { resolve, reject }));
  // A build whose pages never ask (none to render) must not see a failure as an unhandled rejection.
  related.catch(() => {});
  offerRelatedIds(related);
  const line = runWorker(new URL('./entries-worker.ts', import.meta.url), { outDir }, 'the entries worker', (m: EntriesMessage) => {
    if (m.kind === 'related') return void relatedSettle.resolve(m.ids);
    return m.line;
  });
  // A no-op when the related ids came first.
  line.catch((err: Error) => relatedSettle.reject(err));
  return line;
}
