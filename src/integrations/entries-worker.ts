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
  post({ kind: 'done', line: await indexSearch(outDir, entries, started) });
} catch (err) {
  post(workerFailure(err));
}
