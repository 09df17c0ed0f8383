/** The worker thread saved-files.ts starts: lists and hashes a saved copy's files, posts them (or the error). */
import { parentPort, workerData } from 'node:worker_threads';
import { listSavedFiles } from './saved-files.ts';
import { workerFailure } from './worker-result.ts';

const { outDir } = workerData as { outDir: string };
try {
  parentPort!.postMessage({ files: listSavedFiles(outDir) });
} catch (err) {
  parentPort!.postMessage(workerFailure(err, "listing the saved copy's files"));
}
