/**
 * The worker thread entries.ts starts with the build: reads the paper entries once, starts the
 * related papers in a thread of their own (related-worker.ts) and posts their ids as soon as they
 * come (the pages wait for them), writes the search index into the staging folder it is given
 * meanwhile, then posts the log line, or the error's message.
 */
import { parentPort, workerData } from 'node:worker_threads';
import { config } from '../config.ts';
import { readEntries, relatedInput, type EntriesMessage } from './entries.ts';
import { indexSearch } from './pagefind.ts';
import { runWorker, workerFailure, type WorkerFailure } from './worker-result.ts';

const { outDir } = workerData as { outDir: string };
const post = (message: EntriesMessage | WorkerFailure): void => parentPort!.postMessage(message);
try {
  const started = performance.now();
  const entries = readEntries(config().papersDir);
  // Beside the indexing below: Pagefind's indexer is a process of its own, so the two share the
  // second core instead of following each other. A failure is posted at once (the pages fail with it).
  let relatedMs = 0;
  const related = runWorker(
    new URL('./related-worker.ts', import.meta.url),
    entries.map(relatedInput),
    'the related-papers worker',
    (m: Extract<EntriesMessage, { kind: 'related' }>) => m.ids,
  ).then(
    (ids) => {
      relatedMs = performance.now() - started;
      post({ kind: 'related', ids });
    },
    (err: unknown) => post(workerFailure(err)),
  );
  const indexed = await indexSearch(outDir, entries, started).then(
    (line) => ({ line }),
    (err: unknown) => ({ err }),
  );
  // The related ids (or their failure) go first, even when the indexing failed: the pages render
  // with them, and the index's failure stops the build once they are written (pagefind.ts).
  await related;
  if ('err' in indexed) throw indexed.err;
  post({ kind: 'done', line: `${indexed.line} (related papers ready after ${Math.round(relatedMs)} ms, beside it)` });
} catch (err) {
  post(workerFailure(err));
}
