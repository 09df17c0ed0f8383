/**
 * The worker thread offline.ts starts with the build: it loads workbox-build and bundles one
 * throwaway sw.js while the pages render, so that when the site is done the real `generateSW`
 * (posted `{ outDir, base }`) runs with Rollup and Babel loaded and compiled, off the rendering
 * thread. Measured on the corpus's dist (load 11-13, scripts as in the README's build-time notes):
 * the step on the rendering thread cost ~1.2 s of CPU to load workbox-build with the config, then
 * ~2.9 s of the rendering thread's CPU and ~7.9 s in all at the end; now ~0.1 s and ~5.8 s, after
 * a warm-up of ~5.9 s of CPU while the pages render.
 */
import { mkdtemp, rm, writeFile } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { parentPort } from 'node:worker_threads';
import { generateSW } from 'workbox-build';
import { swOptions } from './offline-sw.ts';
import { workerFailure } from './worker-result.ts';

/** What the worker posts: the same figures `generateSW` reports, and how long the warm-up took. */
export interface SwWorkerResult {
  count: number;
  size: number;
  warnings: string[];
  warmMs: number;
}

/** One `generateSW` over a folder holding only an empty home page; its output is thrown away. */
async function warmUp(): Promise<number> {
  const started = performance.now();
  const dir = await mkdtemp(path.join(tmpdir(), 'papershelf-sw-warm-'));
  try {
    await writeFile(path.join(dir, 'index.html'), '');
    // Development mode skips Terser, which runs in worker threads of its own that each run starts afresh: warming it would be wasted.
    await generateSW({ ...swOptions(dir, '/'), mode: 'development' });
  } catch {
    // Only a head start: the real run reports whatever is wrong.
  } finally {
    await rm(dir, { recursive: true, force: true });
  }
  return performance.now() - started;
}

const warm = warmUp();
parentPort!.once('message', async ({ outDir, base }: { outDir: string; base: string }) => {
  try {
    const warmMs = await warm;
    const { count, size, warnings } = await generateSW(swOptions(outDir, base));
    parentPort!.postMessage({ count, size, warnings, warmMs } satisfies SwWorkerResult);
  } catch (err) {
    parentPort!.postMessage(workerFailure(err, 'writing sw.js'));
  }
  parentPort!.close();
});
