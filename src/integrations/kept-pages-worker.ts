/** The worker thread old-output.ts starts once the last build's pages are back in `outDir`: lists their files (kept-pages.ts) while pages render. */
import { parentPort, workerData } from 'node:worker_threads';
import { listFiles } from './kept-pages.ts';
import { workerFailure } from './worker-result.ts';

const { outDir, names } = workerData as { outDir: string; names: string[] };
try {
  parentPort!.postMessage({ files: listFiles(outDir, names) });
} catch (err) {
  parentPort!.postMessage(workerFailure(err, "listing the last build's kept pages"));
}
