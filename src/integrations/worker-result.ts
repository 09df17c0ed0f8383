/**
 * The one way the build's integrations run a worker thread for a result (entries.ts: related
 * papers and the search index; saved-files.ts: the saved copy's file list). Written here because
 * each launcher had its own copy of the same settling rules: a worker that throws, posts a
 * failure or exits without a result must reject, never leave the build waiting.
 */
import { Worker } from 'node:worker_threads';

/** What a worker posts when its job threw: the error's message. */
export type WorkerFailure = { kind: 'failed'; message: string };

/** `err` as the message a worker posts when its job threw, after `doing` when given (`"<doing>: <message>"`). */
export function workerFailure(err: unknown, doing?: string): WorkerFailure {
  const message = err instanceof Error ? err.message : String(err);
  return { kind: 'failed', message: doing === undefined ? message : `${doing}: ${message}` };
}

/**
 * Starts the worker module `url` with `workerData` and settles with the first value `take`
 * returns for one of its messages (`undefined`: not the result yet, keep listening). Rejects with
 * a posted failure's message, with the worker's own uncaught error, or, naming the worker as
 * `what`, when it exits before a result. `started` is given the worker once it is listened to, for
 * a job that waits to be told what to do (offline.ts starts Workbox's early and posts it the site
 * when it is built).
 */
export function runWorker<M, T>(
  url: URL,
  workerData: unknown,
  what: string,
  take: (message: M) => T | undefined,
  started?: (worker: Worker) => void,
): Promise<T> {
  return new Promise<T>((resolve, reject) => {
    const worker = new Worker(url, { workerData });
    let settled = false;
    const settle = (outcome: () => void) => {
      if (settled) return;
      settled = true;
      outcome();
    };
    worker.on('message', (message: M | WorkerFailure) => {
      if (isFailure(message)) return settle(() => reject(new Error(message.message)));
      let value: T | undefined;
      try {
        value = take(message);
      } catch (err) {
        return settle(() => reject(err));
      }
      if (value !== undefined) settle(() => resolve(value));
    });
    worker.once('error', (err) => settle(() => reject(err)));
    worker.once('exit', (code) => settle(() => reject(new Error(`${what} stopped (exit ${code}) without a result`))));
    // Last: a 'message' listener added after `unref()` would reference the worker's port again.
    started?.(worker);
  });
}

function isFailure(message: unknown): message is WorkerFailure {
  return typeof message === 'object' && message !== null && (message as { kind?: unknown }).kind === 'failed';
}
