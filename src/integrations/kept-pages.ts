/**
 * Keeps the last build's pages in place across a rebuild, instead of Astro copying each unchanged
 * page back from its incremental cache. Astro (experimental.incrementalBuild) skips a page whose
 * cache key and code are unchanged and, when the page's file is not in `outDir`, copies it from
 * the cache: at 50,000 papers that was ~56,000 `mkdir` + `copyFile` pairs on the rendering thread's
 * event loop (the copies alone, replayed outside Astro: 32 s of CPU, 57 s wall at load ~6), while
 * the same files were being deleted with the old output. When the file is already in `outDir`,
 * Astro leaves it.
 *
 * So old-output.ts holds back the top-level entries of the old output that hold Astro's cached
 * pages (`papers/`, `topics/`, …, read from Astro's manifest), and `moveBack` renames them into
 * `outDir` once Astro has emptied it and bundled, just before it generates pages: a skipped page is
 * then already there, a page rendered again is written over its old file. `listFiles` lists the
 * old files in a worker while pages render, and `staleFiles` then finds what a rebuild must not
 * keep: files of the old output that this build neither kept (listed in Astro's new manifest) nor
 * wrote (modified since the build started): a page whose path is gone.
 *
 * Astro's manifest (`<cacheDir>/incremental-build.json`) is internal to an experimental feature:
 * read here with its shape checked, and when the shape is not the one known (`version` 1, `routes`
 * of `paths` with an `outputFile`) nothing is held back and Astro copies pages as before.
 */
import { existsSync, lstatSync, readFileSync, readdirSync, renameSync, rmdirSync, unlinkSync } from 'node:fs';
import path from 'node:path';
import { runWorker } from './worker-result.ts';

/** Astro's incremental-build manifest, in `cacheDir`. */
export const MANIFEST_FILE = 'incremental-build.json';

/**
 * The output files (relative to `outDir`, `/`-separated) an Astro incremental-build manifest lists,
 * or null when `manifest` is not of the shape this module knows.
 */
export function outputFilesOf(manifest: unknown): Set<string> | null {
  if (!isObject(manifest) || manifest.version !== 1 || !isObject(manifest.routes)) return null;
  const files = new Set<string>();
  for (const route of Object.values(manifest.routes)) {
    if (!isObject(route) || !isObject(route.paths)) return null;
    for (const entry of Object.values(route.paths)) {
      if (!isObject(entry) || typeof entry.outputFile !== 'string') return null;
      // Astro takes the path from a file URL, so it may be percent-encoded: both forms count.
      files.add(entry.outputFile);
      files.add(decoded(entry.outputFile));
    }
  }
  return files;
}

/** The output files Astro's manifest in `cacheDir` lists; null when there is none or it is not readable. */
export function readOutputFiles(cacheDir: string): Set<string> | null {
  try {
    return outputFilesOf(JSON.parse(readFileSync(path.join(cacheDir, MANIFEST_FILE), 'utf8')));
  } catch {
    return null;
  }
}

/** The top-level names (`papers`, `index.html`) under which `files` lie. Relative paths that climb out are left out. */
export function topLevelNames(files: Iterable<string>): Set<string> {
  const names = new Set<string>();
  for (const file of files) {
    const name = file.split('/')[0]!;
    if (name !== '' && name !== '.' && name !== '..') names.add(name);
  }
  return names;
}

/**
 * Renames each entry of `held` into `outDir` unless `outDir` already has that name (something this
 * build wrote first wins; the held copy stays to be deleted). Returns the names moved.
 */
export function moveBack(held: string, outDir: string): string[] {
  const moved: string[] = [];
  for (const name of readdirSync(held)) {
    const target = path.join(outDir, name);
    if (existsSync(target)) continue;
    try {
      renameSync(path.join(held, name), target);
      moved.push(name);
    } catch {
      // Cannot be renamed here: Astro copies what it needs from its cache, as without this module.
    }
  }
  return moved;
}

/**
 * Every file under `outDir`'s entries `names` (folders walked, symbolic links listed as files and
 * never followed), relative to `outDir`, `/`-separated: the files of the last build's output kept
 * in place, for `staleFiles`. Run in a worker (`listFilesInWorker`) while pages render: a file
 * this build does not touch stays where it is all along, so the listing holds every one of them
 * whatever Astro writes meanwhile. A walk of its own (names joined as strings) rather than
 * `readdirSync`'s recursive mode, whose per-file `path.relative` took twice the CPU at 56,000 files.
 */
export function listFiles(outDir: string, names: Iterable<string>): string[] {
  const files: string[] = [];
  const walk = (dir: string, rel: string): void => {
    for (const entry of readdirSync(dir, { withFileTypes: true })) {
      const relPath = `${rel}/${entry.name}`;
      if (entry.isDirectory()) walk(path.join(dir, entry.name), relPath);
      else files.push(relPath);
    }
  };
  for (const name of names) {
    const full = path.join(outDir, name);
    if (!existsSync(full)) continue;
    if (lstatSync(full).isDirectory()) walk(full, name);
    else files.push(name);
  }
  return files;
}

/** `listFiles(outDir, names)` in a worker thread (kept-pages-worker.ts); rejects with its error. */
export function listFilesInWorker(outDir: string, names: readonly string[]): Promise<string[]> {
  const url = new URL('./kept-pages-worker.ts', import.meta.url);
  return runWorker(url, { outDir, names }, 'the kept-pages worker', (m: { files: string[] }) => m.files);
}

/**
 * The files among `files` (`listFiles` of the last build's output, relative to `outDir`) that the
 * build ending now must not keep: not in `outputs` (Astro's new manifest) and not modified since
 * `since` (epoch ms, the build's start). Only files missing from `outputs` are stat'ed (a few feeds
 * at any size); one gone since the listing, or now a folder, is not stale.
 */
export function staleFiles(outDir: string, files: readonly string[], outputs: ReadonlySet<string>, since: number): string[] {
  return files.filter((rel) => {
    if (outputs.has(rel)) return false;
    const stat = lstatSync(path.join(outDir, rel), { throwIfNoEntry: false });
    return stat !== undefined && !stat.isDirectory() && stat.mtimeMs < since;
  });
}

/** Deletes `files` (relative to `outDir`) and the folders that leaves empty, up to `outDir`. */
export function removeFiles(outDir: string, files: readonly string[]): void {
  const folders = new Set<string>();
  for (const rel of files) {
    unlinkSync(path.join(outDir, rel));
    for (let dir = path.posix.dirname(rel); dir !== '.'; dir = path.posix.dirname(dir)) folders.add(dir);
  }
  // Deepest first, so a parent is tried after its children.
  for (const dir of [...folders].sort((a, b) => b.split('/').length - a.split('/').length)) {
    const full = path.join(outDir, dir);
    if (existsSync(full) && readdirSync(full).length === 0) rmdirSync(full);
  }
}

function decoded(file: string): string {
  try {
    return decodeURI(file);
  } catch {
    return file;
  }
}

function isObject(value: unknown): value is Record<string, unknown> {
  return typeof value === 'object' && value !== null && !Array.isArray(value);
}
