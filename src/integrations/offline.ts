/**
 * Offline reading and search: after Pagefind has written its bundle, Workbox's `generateSW`
 * writes `<outDir>/sw.js`. It precaches the site shell and the whole Pagefind bundle (so search
 * keeps working offline), plus every page while the site is small enough (budget below); larger
 * archives cache the pages a reader opens. No hand-written service worker.
 */
import type { AstroIntegration } from 'astro';
import { fileURLToPath } from 'node:url';
import { readdirSync, statSync } from 'node:fs';
import path from 'node:path';
import { generateSW } from 'workbox-build';
import { config } from '../config.ts';
import { withTrailingSlash } from '../core/paths.ts';

/** Astro integration: runs after the Pagefind hook (it must be listed after it). */
export default function offline(): AstroIntegration {
  let base = '/';
  return {
    name: 'papershelf:offline',
    hooks: {
      'astro:config:done': ({ config }) => {
        base = withTrailingSlash(config.base);
      },
      'astro:build:done': async ({ dir, logger }) => {
        const outDir = fileURLToPath(dir);
        const started = performance.now();
        const shell = ['index.html', '404.html', 'search/index.html', '_astro/**/*.{css,js}', 'favicon.svg', 'pagefind/**/*', 'katex/**/*'];
        const pages = ['**/index.html'];
        const common = {
          swDest: path.join(outDir, 'sw.js'),
          globDirectory: outDir,
          // Precache URLs must carry the GitHub Pages base path.
          modifyURLPrefix: { '': base },
          directoryIndex: 'index.html',
          // `/search/?q=…` is the search page whatever the query.
          ignoreURLParametersMatching: [/.*/],
          maximumFileSizeToCacheInBytes: 20 * 1024 * 1024,
          // Hashed assets and Pagefind chunks are immutable: no cache-busting query needed.
          dontCacheBustURLsMatching: /(\/_astro\/|\/pagefind\/)/,
          sourcemap: false,
          cleanupOutdatedCaches: true,
          clientsClaim: true,
          skipWaiting: true,
          runtimeCaching: [
            {
              // Pages not precached: the network when there is one, else the copy read before.
              urlPattern: ({ request }: { request: Request }) => request.mode === 'navigate',
              handler: 'NetworkFirst' as const,
              options: { cacheName: 'papershelf-pages', networkTimeoutSeconds: 4, expiration: { maxEntries: 2000 } },
            },
          ],
        };
        // Sizing the pages with a stat walk first keeps this to one generateSW, which hashes every file it globs.
        const pageBytes = htmlBytes(outDir);
        // Total bytes of pages precached on install (PAPERSHELF_PRECACHE_MB); past it, pages are cached as they are read.
        const budget = config().precacheBytes;
        const result = await generateSW({ ...common, globPatterns: pageBytes > budget ? shell : [...shell, ...pages] });
        for (const warning of result.warnings) logger.warn(warning);
        logger.info(
          `sw.js precaches ${result.count} files (${(result.size / 1048576).toFixed(1)} MB${
            pageBytes > budget ? ', pages cached on reading: the site is over the precache budget' : ''
          }) in ${Math.round(performance.now() - started)} ms`,
        );
      },
    },
  };
}

/** Total size of the `*.html` files below `dir`. */
function htmlBytes(dir: string): number {
  let total = 0;
  for (const entry of readdirSync(dir, { withFileTypes: true })) {
    const full = path.join(dir, entry.name);
    if (entry.isDirectory()) total += htmlBytes(full);
    else if (entry.name.endsWith('.html')) total += statSync(full).size;
  }
  return total;
}
