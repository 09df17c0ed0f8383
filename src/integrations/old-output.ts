/**
 * Clears the last build's output off the critical path. Astro empties `outDir` with a synchronous
 * `rmSync` per entry on its rendering thread before it bundles: a rebuild of the real corpus
 * (22,000 files) spent 60 s there under load, a third of the rebuild (a CPU profile of
 * `astro build`). At `astro:build:start` this hook moves each entry of `outDir` into a folder in
 * Astro's cache (a rename: instant on one file system) and deletes that folder in a worker thread
 * while the build goes on; `astro:build:done` waits for the deletion, so a build leaves nothing
 * behind. What cannot be renamed (another file system, a busy mount) is left for Astro to empty,
 * and `.git` stays, as Astro leaves it.
 */
import type { AstroIntegration } from 'astro';
import { existsSync, mkdirSync, readdirSync, renameSync, rmdirSync } from 'node:fs';
import path from 'node:path';
import { fileURLToPath } from 'node:url';
import { runWorker } from './worker-result.ts';

/** Folder names of moved-away output in the cache: this build's, and any a stopped build left. */
const TRASH = /^old-output-\d+-\d+$/;

/**
 * Moves every entry of `outDir` except `.git` into a new folder under `cacheDir`, and returns the
 * folders under `cacheDir` to delete: that one (when anything moved) and leftovers of builds that
 * stopped before deleting theirs. Entries that cannot be renamed stay where they are.
 */
export function moveOldOutput(outDir: string, cacheDir: string, now = Date.now()): string[] {
  const doomed = existsSync(cacheDir)
    ? readdirSync(cacheDir)
        .filter((name) => TRASH.test(name))
        .map((name) => path.join(cacheDir, name))
    : [];
  if (!existsSync(outDir)) return doomed;
  const trash = path.join(cacheDir, `old-output-${process.pid}-${now}`);
  mkdirSync(trash, { recursive: true });
  for (const name of readdirSync(outDir)) {
    if (name === '.git') continue;
    try {
      renameSync(path.join(outDir, name), path.join(trash, name));
    } catch {
      // Another file system or a busy entry: Astro's own emptying removes it, as before.
    }
  }
  if (readdirSync(trash).length === 0) rmdirSync(trash);
  else doomed.push(trash);
  return doomed;
}

/** Astro integration: the last build's output deleted beside the build instead of before it. */
export default function oldOutput(): AstroIntegration {
  let outDir = '';
  let cacheDir = '';
  let removal: Promise<number> | undefined;
  return {
    name: 'papershelf:old-output',
    hooks: {
      'astro:config:done': ({ config }) => {
        outDir = fileURLToPath(config.outDir);
        cacheDir = fileURLToPath(config.cacheDir);
      },
      'astro:build:start': () => {
        const doomed = moveOldOutput(outDir, cacheDir);
        if (doomed.length === 0) return;
        const started = performance.now();
        removal = runWorker(new URL('./old-output-worker.ts', import.meta.url), { doomed }, 'the old-output worker', (m: { done: true }) =>
          m.done ? performance.now() - started : undefined,
        );
        // Awaited at build:done; a build that fails first must not see an unhandled rejection.
        removal.catch(() => {});
      },
      'astro:build:done': async ({ logger }) => {
        if (!removal) return;
        const waitStarted = performance.now();
        const ms = await removal;
        removal = undefined;
        logger.info(
          `removed the last build's output in ${Math.round(ms)} ms, beside the build (then waited ${Math.round(performance.now() - waitStarted)} ms)`,
        );
      },
    },
  };
}
