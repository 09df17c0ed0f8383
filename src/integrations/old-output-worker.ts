/** The worker thread old-output.ts starts: deletes the folders it is given, posts when done (or the error). */
import { rmSync } from 'node:fs';
import { parentPort, workerData } from 'node:worker_threads';
import { workerFailure } from './worker-result.ts';

const { doomed } = workerData as { doomed: string[] };
try {
  for (const dir of doomed) rmSync(dir, { recursive: true, force: true, maxRetries: 3 });
  parentPort!.postMessage({ done: true });
} catch (err) {
  parentPort!.postMessage(workerFailure(err, "removing the last build's output"));
}
