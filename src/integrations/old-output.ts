/**
 * Clears the last build's output off the critical path. Astro empties `outDir` with a synchronous
 * `rmSync` per entry on its rendering thread before it bundles: a rebuild of the real corpus
 * (22,000 files) spent 60 s there under load, a third of the rebuild (a CPU profile of
 * `astro build`). At `astro:build:start` this hook moves each entry of `outDir` into a folder in
 * Astro's cache (a rename: instant on one file system) and deletes that folder in a worker thread
 * while the build goes on; `astro:build:done` waits for the deletion, so a build leaves nothing
 * behind. What cannot be renamed (another file system, a busy mount) is left for Astro to empty,
 * and `.git` stays, as Astro leaves it. The entries that hold the pages Astro's incremental build
 * may skip are held apart and put back before pages are generated (kept-pages.ts).
 */
import type { AstroIntegration } from 'astro';
import { existsSync, mkdirSync, readdirSync, renameSync, rmdirSync, statSync } from 'node:fs';
import path from 'node:path';
import { fileURLToPath } from 'node:url';
import { runWorker } from './worker-result.ts';
import { listFilesInWorker, MANIFEST_FILE, moveBack, readOutputFiles, removeFiles, staleFiles, topLevelNames } from './kept-pages.ts';

/** Folder names of moved-away output in the cache: this build's, and any a stopped build left. */
const TRASH = /^old-(output|pages)-\d+-\d+$/;

/** Where `moveOldOutput` put the old output. */
export interface MovedOutput {
  /** Folders under `cacheDir` to delete now: the old output not held back, and leftovers of builds that stopped. */
  doomed: string[];
  /** The folder holding the entries named in `hold`, to move back into `outDir` (kept-pages.ts); null when none. */
  held: string | null;
}

/**
 * Moves every entry of `outDir` except `.git` into new folders under `cacheDir`: the names in
 * `hold` into one (`held`), the rest into another, named for deletion with the leftovers of builds
 * that stopped before deleting theirs. Entries that cannot be renamed stay where they are.
 */
export function moveOldOutput(outDir: string, cacheDir: string, now = Date.now(), hold: ReadonlySet<string> = new Set()): MovedOutput {
  const doomed = existsSync(cacheDir)
    ? readdirSync(cacheDir)
        .filter((name) => TRASH.test(name))
        .map((name) => path.join(cacheDir, name))
    : [];
  if (!existsSync(outDir)) return { doomed, held: null };
  const trash = path.join(cacheDir, `old-output-${process.pid}-${now}`);
  const held = path.join(cacheDir, `old-pages-${process.pid}-${now}`);
  for (const dir of [trash, held]) mkdirSync(dir, { recursive: true });
  for (const name of readdirSync(outDir)) {
    if (name === '.git') continue;
    try {
      renameSync(path.join(outDir, name), path.join(hold.has(name) ? held : trash, name));
    } catch {
      // Another file system or a busy entry: Astro's own emptying removes it, as before.
    }
  }
  if (readdirSync(trash).length === 0) rmdirSync(trash);
  else doomed.push(trash);
  if (readdirSync(held).length > 0) return { doomed, held };
  rmdirSync(held);
  return { doomed, held: null };
}

/** Starts deleting `doomed` in a worker thread; resolves with the milliseconds it took. */
function removeInWorker(doomed: string[]): Promise<number> {
  const started = performance.now();
  const removal = runWorker(new URL('./old-output-worker.ts', import.meta.url), { doomed }, 'the old-output worker', (m: { done: true }) =>
    m.done ? performance.now() - started : undefined,
  );
  // Awaited at build:done; a build that fails first must not see an unhandled rejection.
  removal.catch(() => {});
  return removal;
}

/**
 * Astro integration: the last build's output deleted beside the build instead of before it, and
 * its pages kept in place for Astro's incremental build (kept-pages.ts).
 */
export default function oldOutput(): AstroIntegration {
  let outDir = '';
  let cacheDir = '';
  let incremental = false;
  let buildStarted = 0;
  const removals: Promise<number>[] = [];
  /** The files of the old output moved back into `outDir` before pages were generated, listed in a worker while pages render (kept-pages.ts). */
  let keptFiles: Promise<string[]> | null = null;
  return {
    name: 'papershelf:old-output',
    hooks: {
      'astro:config:done': ({ config }) => {
        outDir = fileURLToPath(config.outDir);
        cacheDir = fileURLToPath(config.cacheDir);
        incremental = config.experimental.incrementalBuild === true;
      },
      'astro:build:start': ({ setPrerenderer }) => {
        buildStarted = Date.now();
        const previous = incremental ? readOutputFiles(cacheDir) : null;
        const { doomed, held } = moveOldOutput(outDir, cacheDir, buildStarted, previous ? topLevelNames(previous) : new Set());
        if (doomed.length > 0) removals.push(removeInWorker(doomed));
        if (held === null) return;
        // Astro empties outDir and bundles after this hook; the prerenderer's setup runs after
        // both, just before the first page: the moment to put the old pages back.
        setPrerenderer((prerenderer) => {
          const setup = prerenderer.setup?.bind(prerenderer);
          prerenderer.setup = async () => {
            await setup?.();
            const kept = moveBack(held, outDir);
            if (kept.length > 0) {
              // Listed beside the rendering, not after it on its thread (~0.5 s of CPU at 50,000 papers).
              keptFiles = listFilesInWorker(outDir, kept);
              // Awaited at build:generated; a build that fails first must not see an unhandled rejection.
              keptFiles.catch(() => {});
            }
            if (readdirSync(held).length === 0) rmdirSync(held);
            else removals.push(removeInWorker([held]));
          };
          return prerenderer;
        });
      },
      'astro:build:generated': async ({ logger }) => {
        if (keptFiles === null) return;
        const manifest = path.join(cacheDir, MANIFEST_FILE);
        const outputs = existsSync(manifest) && statSync(manifest).mtimeMs >= buildStarted ? readOutputFiles(cacheDir) : null;
        // Without this build's list of kept pages, a page whose path is gone cannot be told from
        // one Astro kept: stop rather than publish either mistake.
        if (outputs === null) {
          throw new Error(
            `the last build's pages were kept in ${outDir} for Astro's incremental build, but Astro wrote no readable ${manifest} for this build; delete ${outDir} and build again`,
          );
        }
        const stale = staleFiles(outDir, await keptFiles, outputs, buildStarted);
        removeFiles(outDir, stale);
        logger.info(
          `kept the last build's pages in place for the ones Astro did not render again${stale.length > 0 ? `; removed ${stale.length} whose paths are gone` : ''}`,
        );
        keptFiles = null;
      },
      'astro:build:done': async ({ logger }) => {
        if (removals.length === 0) return;
        const waitStarted = performance.now();
        const ms = Math.max(...(await Promise.all(removals)));
        removals.length = 0;
        logger.info(
          `removed the last build's output in ${Math.round(ms)} ms, beside the build (then waited ${Math.round(performance.now() - waitStarted)} ms)`,
        );
      },
    },
  };
}
