/**
 * The related papers' thread, started by the entries worker (entries-worker.ts) with each paper's
 * id, title, abstract and topics: computes the related ids (src/site/data/related.ts) and posts
 * them, or the error's message. A thread of its own so the search indexing (Pagefind's process,
 * fed from the entries worker) starts at once instead of after them: on a rebuild at the corpus's
 * size the build waited for the index, and the related papers were ~5 s of that wait.
 */
import { parentPort, workerData } from 'node:worker_threads';
import { relatedIds } from '../site/data/related.ts';
import type { RelatedInput } from './entries.ts';
import { workerFailure } from './worker-result.ts';

try {
  parentPort!.postMessage({ kind: 'related', ids: relatedIds(workerData as RelatedInput[]) });
} catch (err) {
  parentPort!.postMessage(workerFailure(err));
}
