/**
 * Offline reading and search, bounded and opt-in. After Pagefind has written its bundle,
 * Workbox's `generateSW` writes `<outDir>/sw.js`, which precaches only the shell (a fixed list,
 * so sw.js is the same size whatever the archive's size; offline-sw.ts) and caches pages and the
 * index chunks a reader uses as they are used. "Save the archive" (src/client/offline/save.ts)
 * writes every page and the whole index into its own cache, `papershelf-saved`, from the list this
 * step writes (`offline-manifest.json` + parts); one serialisable plugin makes every route look
 * there too. No hand-written service worker.
 *
 * Two integrations, so that the step runs beside the sitemap instead of after it: `start` (after
 * Pagefind's) hands the built site to two worker threads, one running Workbox (started with the
 * build, so workbox-build is loaded while the pages render: offline-sw-worker.ts) and one reading and hashing
 * the saved copy's files (saved-files.ts), and returns; `finish` (after the sitemap's) waits for
 * both and writes the manifest.
 */
import type { AstroIntegration } from 'astro';
import { fileURLToPath } from 'node:url';
import { createHash } from 'node:crypto';
import { readFileSync } from 'node:fs';
import { mkdir, writeFile } from 'node:fs/promises';
import path from 'node:path';
import type { Worker } from 'node:worker_threads';
import { withTrailingSlash } from '../core/paths.ts';
import { offlineManifest, type OfflineFile } from '../site/search/offline-manifest.ts';
import type { SearchIndex } from '../site/search/shards.ts';
import type { SwWorkerResult } from './offline-sw-worker.ts';
import { listSavedFilesInWorker } from './saved-files.ts';
import { runWorker } from './worker-result.ts';

/** Workbox's worker, started and waiting for the built site: `write` posts it and resolves with what generateSW reported. */
interface SwWorker {
  write: (outDir: string, base: string) => Promise<SwWorkerResult>;
}

/** Starts offline-sw-worker.ts, which loads workbox-build at once; it does not keep the process alive until `write` is called. */
function startSwWorker(): SwWorker {
  let worker: Worker | undefined;
  const result = runWorker(
    new URL('./offline-sw-worker.ts', import.meta.url),
    {},
    'the service-worker worker',
    (m: SwWorkerResult) => m,
    (w) => {
      worker = w;
      // A build that fails before its pages are done never posts the site: the waiting worker must not hold the process open.
      w.unref();
    },
  );
  // Handled by whoever calls `write`; a build that never gets there must not report it as unhandled.
  result.catch(() => {});
  return {
    write: (outDir, base) => {
      worker!.ref();
      worker!.postMessage({ outDir, base });
      return result;
    },
  };
}

/** The offline step's two halves, to be listed after Pagefind's integration (`start`) and after the sitemap's (`finish`). */
export default function offline(): { start: AstroIntegration; finish: AstroIntegration } {
  let base = '/';
  let sw: SwWorker | undefined;
  let running: { started: number; sw: Promise<SwWorkerResult>; saved: Promise<OfflineFile[]> } | undefined;
  const start: AstroIntegration = {
    name: 'papershelf:offline-start',
    hooks: {
      'astro:config:done': ({ config }) => {
        base = withTrailingSlash(config.base);
      },
      'astro:build:start': () => {
        sw = startSwWorker();
      },
      'astro:build:done': ({ dir }) => {
        if (!sw) throw new Error('the service-worker worker was not started (astro:build:start did not run)');
        const outDir = fileURLToPath(dir);
        const started = performance.now();
        // Neither waits for the other, nor for the sitemap: `finish` awaits both. Until then a failure is kept, not unhandled.
        running = { started, sw: sw.write(outDir, base), saved: listSavedFilesInWorker(outDir) };
        running.sw.catch(() => {});
        running.saved.catch(() => {});
        sw = undefined;
      },
    },
  };
  // Named as the one step was: the benchmark reads its log line by this name (scripts/bench/build-log.ts).
  // (Not written here in its bracketed form: Tailwind's scanner would make a CSS rule of it.)
  const finish: AstroIntegration = {
    name: 'papershelf:offline',
    hooks: {
      'astro:build:done': async ({ dir, logger }) => {
        if (!running) throw new Error('the offline step was not started (list offline().start before offline().finish)');
        const { started } = running;
        const waitStarted = performance.now();
        const [result, saved] = await Promise.all([running.sw, running.saved]);
        running = undefined;
        for (const warning of result.warnings) logger.warn(warning);

        const outDir = fileURLToPath(dir);
        const index = JSON.parse(readFileSync(path.join(outDir, 'search', 'index.json'), 'utf8')) as SearchIndex;
        const { manifest, parts } = offlineManifest(saved, index.state, (text) => createHash('sha1').update(text).digest('hex'));
        await mkdir(path.join(outDir, 'offline'), { recursive: true });
        for (const [name, text] of parts) await writeFile(path.join(outDir, name), text);
        await writeFile(path.join(outDir, 'offline-manifest.json'), `${JSON.stringify(manifest)}\n`);
        const now = performance.now();
        logger.info(
          `sw.js precaches ${result.count} shell files (${Math.round(result.size / 1024)} kB); a saved copy is ${manifest.files} files, ${(
            manifest.bytes / 1048576
          ).toFixed(
            1,
          )} MB; beside the sitemap, the build then waited ${Math.round(now - waitStarted)} ms for it; in ${Math.round(now - started)} ms`,
        );
      },
    },
  };
  return { start, finish };
}
