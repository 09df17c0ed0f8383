/**
 * The service-worker step's share of the build, measured apart on a built `dist/` (issue 9 §2,
 * coordinated with issue 8): Workbox `generateSW` as `src/integrations/offline.ts` configures it
 * today (shell + the whole Pagefind bundle + KaTeX, plus every page while pages stay under the
 * precache budget) against issue 8's shell-only precache (a fixed list; runtime caching for the
 * rest). Each writes into a temporary folder (`swDest`), globbing and hashing files in `dist/`.
 *
 * Both start from the site's own options (`swOptions`); the point is the cost of globbing and
 * hashing N files, which the glob patterns decide.
 *
 * CLI: npx tsx scripts/bench/sw-phases.ts --dist DIST [--json]
 */
import { readdirSync, statSync } from 'node:fs';
import { mkdtemp, rm } from 'node:fs/promises';
import os from 'node:os';
import path from 'node:path';
import { fileURLToPath } from 'node:url';
import { parseArgs } from 'node:util';
import { performance } from 'node:perf_hooks';
import { generateSW } from 'workbox-build';
import { swOptions } from '../../src/integrations/offline-sw.ts';

/** One `generateSW`, measured. */
export interface SwRun {
  mode: 'today' | 'shell-only';
  ms: number;
  precached: number;
  precacheMb: number;
  swBytes: number;
}

/** Total size of the `*.html` files below `dir` (the integration's budget check). */
function htmlBytes(dir: string): number {
  let total = 0;
  for (const e of readdirSync(dir, { recursive: true, withFileTypes: true })) if (e.isFile() && e.name.endsWith('.html')) total += statSync(path.join(e.parentPath, e.name)).size;
  return total;
}

/** Runs `generateSW` once in `mode` over `dist`. */
export async function runSw(mode: SwRun['mode'], dist: string, budgetMb = 30): Promise<SwRun> {
  const out = await mkdtemp(path.join(os.tmpdir(), 'papershelf-sw-'));
  try {
    const started = performance.now();
    const shell = ['index.html', '404.html', 'search/index.html', '_astro/**/*.{css,js}', 'favicon.svg'];
    const globPatterns =
      mode === 'today'
        ? htmlBytes(dist) > budgetMb * 1024 * 1024
          ? [...shell, 'pagefind/**/*', 'katex/**/*']
          : [...shell, 'pagefind/**/*', 'katex/**/*', '**/index.html']
        : [...shell, 'pagefind/pagefind.js', 'pagefind/pagefind-worker.js', 'pagefind/wasm.en.pagefind', 'pagefind/pagefind-entry.json'];
    // The site's own options (src/integrations/offline-sw.ts), with what this comparison varies: the
    // files globbed from `dist/` and the old design's size limit and cache-busting rule.
    const result = await generateSW({
      ...swOptions(out, '/'),
      globDirectory: dist,
      globPatterns,
      maximumFileSizeToCacheInBytes: 20 * 1024 * 1024,
      dontCacheBustURLsMatching: /(\/_astro\/|\/pagefind\/)/,
    });
    const ms = performance.now() - started;
    return { mode, ms: Math.round(ms), precached: result.count, precacheMb: Math.round((result.size / 1048576) * 10) / 10, swBytes: statSync(path.join(out, 'sw.js')).size };
  } finally {
    await rm(out, { recursive: true, force: true });
  }
}

if (process.argv[1] && path.resolve(process.argv[1]) === fileURLToPath(import.meta.url)) {
  const { values } = parseArgs({ options: { dist: { type: 'string' }, json: { type: 'boolean', default: false } } });
  if (!values.dist) {
    process.stderr.write('usage: sw-phases.ts --dist DIST [--json]\n');
    process.exitCode = 2;
  } else {
    const runs = [await runSw('today', values.dist), await runSw('shell-only', values.dist)];
    if (values.json) process.stdout.write(JSON.stringify(runs, null, 2) + '\n');
    else for (const r of runs) process.stdout.write(`${r.mode}: ${r.ms} ms, ${r.precached} files precached (${r.precacheMb} MB), sw.js ${r.swBytes} B\n`);
  }
}
