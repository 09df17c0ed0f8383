/**
 * A worker thread of parallel.ts: answers the requests it is posted with `createHandler`
 * (ingest-jobs.ts), the same code the calling thread runs on its own share.
 */
import module from 'node:module';
import { parentPort, workerData } from 'node:worker_threads';
import type { WorkerRequest } from './ingest-jobs.ts';

// The CLI's compile cache (scripts/compile-cache.mjs) covers the main thread only: turned on here
// before the pipeline's modules load, a worker's start-up reuses their compiled code too.
const { compileCacheDir } = workerData as { compileCacheDir: string | undefined };
if (compileCacheDir) module.enableCompileCache(compileCacheDir);

const { createHandler } = await import('./ingest-jobs.ts');
const handle = createHandler();
parentPort!.on('message', (request: WorkerRequest) => parentPort!.postMessage(handle(request)));
