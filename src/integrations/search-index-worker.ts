/**
 * The worker thread pagefind.ts starts with the build: writes the search index into the staging
 * folder it is given and posts back the log line, or the error's message.
 */
import { parentPort, workerData } from 'node:worker_threads';
import { indexSearch } from './pagefind.ts';

const { outDir } = workerData as { outDir: string };
try {
  parentPort!.postMessage({ ok: true, line: await indexSearch(outDir) });
} catch (err) {
  parentPort!.postMessage({ ok: false, message: err instanceof Error ? err.message : String(err) });
}
