/**
 * The worker thread offline.ts starts with the build: it loads workbox-build and runs one
 * `generateSW` over a throwaway folder while the pages render, so that when the site is done the
 * real one (posted `{ outDir, base }`) runs with its modules loaded and compiled. Cold, the real
 * one cost ~7 s of CPU on the build's last stretch (loading workbox-build, Babel and Rollup, then
 * bundling); warm, about a third of that, and on this thread, beside the sitemap.
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
    await generateSW(swOptions(dir, '/'));
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
