/**
 * The worker thread entries.ts starts with the build: reads the paper entries once, posts the
 * related paper ids as soon as it has them (the pages wait for them), then writes the search
 * index into the staging folder it is given and posts the log line, or the error's message.
 */
import { parentPort, workerData } from 'node:worker_threads';
import { config } from '../config.ts';
import { relatedIds } from '../site/data/related.ts';
import { readEntries, type EntriesMessage } from './entries.ts';
import { indexSearch } from './pagefind.ts';
import { workerFailure, type WorkerFailure } from './worker-result.ts';

const { outDir } = workerData as { outDir: string };
const post = (message: EntriesMessage | WorkerFailure): void => parentPort!.postMessage(message);
try {
  const started = performance.now();
  const entries = readEntries(config().papersDir);
  post({ kind: 'related', ids: relatedIds(entries) });
  // One after the other, not in two threads: on two cores a third busy thread beside Astro's and
  // Pagefind's competes with Astro (tried: a corpus rebuild under a load of 8–10 spent 48 s in
  // content sync against main's 5 s). The related papers are ~5 s of the ~40 s this worker takes at
  // the corpus's size, Pagefind ~30 s (scripts/bench/entries-split.ts).
  const relatedMs = Math.round(performance.now() - started);
  post({ kind: 'done', line: `${await indexSearch(outDir, entries, started)} (the related papers first, ready after ${relatedMs} ms)` });
} catch (err) {
  post(workerFailure(err));
}
