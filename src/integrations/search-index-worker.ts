/**
 * The worker thread pagefind.ts starts with the build: posts the related paper ids as soon as it
 * has read the entries, then writes the search index into the staging folder it is given and
 * posts the log line, or the error's message.
 */
import { parentPort, workerData } from 'node:worker_threads';
import { indexSearch, type IndexerMessage } from './pagefind.ts';

const { outDir } = workerData as { outDir: string };
const post = (message: IndexerMessage): void => parentPort!.postMessage(message);
try {
  post({ kind: 'done', line: await indexSearch(outDir, (ids) => post({ kind: 'related', ids })) });
} catch (err) {
  post({ kind: 'failed', message: err instanceof Error ? err.message : String(err) });
}
