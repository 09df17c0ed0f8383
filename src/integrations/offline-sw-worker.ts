/**
 * The worker thread offline.ts starts with the build: it loads workbox-build (Rollup, Babel) while
 * the pages render, and runs `generateSW` (posted `{ outDir, base }`) off the rendering thread once
 * the site is done. Measured on the corpus's dist (load 11-13): the step cost the rendering thread
 * ~1.2 s of CPU to load workbox-build with the config, then ~2.9 s at the end; now ~0.1 s.
 * A warm-up bundling a throwaway sw.js while the pages render saved ~2 s at the end but cost ~5.9 s
 * of CPU on a third busy thread beside Astro and the entries worker on two cores (the entries
 * worker's related papers beside its indexing slowed content sync ~10x under load): not done.
 */
import { parentPort } from 'node:worker_threads';
import { generateSW } from 'workbox-build';
import { swOptions } from './offline-sw.ts';
import { workerFailure } from './worker-result.ts';

/** What the worker posts: the same figures `generateSW` reports. */
export interface SwWorkerResult {
  count: number;
  size: number;
  warnings: string[];
}

parentPort!.once('message', async ({ outDir, base }: { outDir: string; base: string }) => {
  try {
    const { count, size, warnings } = await generateSW(swOptions(outDir, base));
    parentPort!.postMessage({ count, size, warnings } satisfies SwWorkerResult);
  } catch (err) {
    parentPort!.postMessage(workerFailure(err, 'writing sw.js'));
  }
  parentPort!.close();
});
