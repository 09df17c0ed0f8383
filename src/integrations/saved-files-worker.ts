/** The worker thread saved-files.ts starts: lists and hashes a saved copy's files, posts them (or the error). */
import { parentPort, workerData } from 'node:worker_threads';
import { listSavedFiles } from './saved-files.ts';

const { outDir } = workerData as { outDir: string };
try {
  parentPort!.postMessage({ files: listSavedFiles(outDir) });
} catch (err) {
  parentPort!.postMessage({ error: err instanceof Error ? err.message : String(err) });
}
