/**
 * Offline reading and search, bounded and opt-in. After Pagefind has written its bundle,
 * Workbox's `generateSW` writes `<outDir>/sw.js`, which precaches only the shell (a fixed list,
 * so sw.js is the same size whatever the archive's size) and caches pages and the index chunks a
 * reader uses as they are used. "Save the archive" (src/client/offline/save.ts) writes every page
 * and the whole index into its own cache, `papershelf-saved`, from the list this hook writes
 * (`offline-manifest.json` + parts); one serialisable plugin makes every route look there too.
 * No hand-written service worker.
 */
import type { AstroIntegration } from 'astro';
import { fileURLToPath } from 'node:url';
import { createHash } from 'node:crypto';
import { readFileSync } from 'node:fs';
import { mkdir, writeFile } from 'node:fs/promises';
import path from 'node:path';
import { generateSW } from 'workbox-build';
import { withTrailingSlash } from '../core/paths.ts';
import { offlineManifest } from '../site/search/offline-manifest.ts';
import type { SearchIndex } from '../site/search/shards.ts';
import { listSavedFilesInWorker } from './saved-files.ts';

/** The shell: what the first visit precaches. The index's unhashed files are here so a deploy swaps them atomically. */
const SHELL = [
  'index.html',
  'search/index.html',
  'offline/index.html',
  'favicon.svg',
  // The shared script of every page (theme toggle, copy BibTeX: public/site.js); unhashed, so Workbox revisions it.
  'site.js',
  '_astro/*.{css,js}',
  'pagefind/pagefind-entry.json',
  'pagefind/pagefind.js',
  'pagefind/pagefind-worker.js',
  'pagefind/wasm.en.pagefind',
  // Names every shard, sort file and the vocabulary of this deploy (src/site/search/shards.ts).
  'search/index.json',
];

/**
 * Looks in `papershelf-saved`, the cache "Save the archive" writes (src/client/offline/save.ts).
 * Serialised into sw.js by workbox-build (so it may use only service-worker globals, and the
 * cache name is written out): when the runtime cache has nothing, look in the reader's saved copy.
 */
const savedCopy = {
  cachedResponseWillBeUsed: async ({ request, cachedResponse }: { request: Request; cachedResponse?: Response | null }) =>
    cachedResponse ?? (await (await caches.open('papershelf-saved')).match(request, { ignoreSearch: true })) ?? null,
};

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
        // Read and hashed beside the bundling of sw.js below (CPU on this thread): neither waits for the other.
        const saved = listSavedFilesInWorker(outDir);
        // A failed generateSW must not leave the worker's rejection unhandled.
        saved.catch(() => {});
        const result = await generateSW({
          swDest: path.join(outDir, 'sw.js'),
          globDirectory: outDir,
          globPatterns: SHELL,
          // Precache URLs must carry the GitHub Pages base path.
          modifyURLPrefix: { '': base },
          directoryIndex: 'index.html',
          // `/search/?q=…` is the search page whatever the query.
          ignoreURLParametersMatching: [/.*/],
          // Hashed assets are immutable: no cache-busting query needed.
          dontCacheBustURLsMatching: /\/_astro\//,
          sourcemap: false,
          cleanupOutdatedCaches: true,
          clientsClaim: true,
          skipWaiting: true,
          runtimeCaching: [
            {
              // Pages: the network when there is one, else the copy read (or saved) before, else the offline page.
              urlPattern: ({ request }: { request: Request }) => request.mode === 'navigate',
              handler: 'NetworkFirst',
              options: {
                cacheName: 'papershelf-pages',
                networkTimeoutSeconds: 4,
                expiration: { maxEntries: 500, purgeOnQuotaError: true },
                plugins: [savedCopy],
                // Must be the precache key (…/index.html): `…/offline/` is not one, and gave net::ERR_FAILED.
                precacheFallback: { fallbackURL: `${base}offline/index.html` },
              },
            },
            {
              // Index chunks, fragments, filters, older shards' entries (their folder and cache tag are their hash),
              // sort data and the vocabulary are named by content: cache first is always right.
              urlPattern:
                /\/pagefind\/.+\.pf_(meta|index|fragment|filter)$|\/pagefind\/older-\w+\/pagefind-entry\.json\?ts=\w+$|\/search\/(vocab|sort)-\w+\.txt$/,
              handler: 'CacheFirst',
              options: { cacheName: 'papershelf-search', expiration: { maxEntries: 3000, purgeOnQuotaError: true }, plugins: [savedCopy] },
            },
            {
              urlPattern: /\/katex\//,
              handler: 'CacheFirst',
              options: { cacheName: 'papershelf-assets', expiration: { maxEntries: 60, purgeOnQuotaError: true }, plugins: [savedCopy] },
            },
          ],
        });
        for (const warning of result.warnings) logger.warn(warning);

        const index = JSON.parse(readFileSync(path.join(outDir, 'search', 'index.json'), 'utf8')) as SearchIndex;
        const { manifest, parts } = offlineManifest(await saved, index.state, (text) => createHash('sha1').update(text).digest('hex'));
        await mkdir(path.join(outDir, 'offline'), { recursive: true });
        for (const [name, text] of parts) await writeFile(path.join(outDir, name), text);
        await writeFile(path.join(outDir, 'offline-manifest.json'), `${JSON.stringify(manifest)}\n`);
        logger.info(
          `sw.js precaches ${result.count} shell files (${Math.round(result.size / 1024)} kB); a saved copy is ${manifest.files} files, ${(
            manifest.bytes / 1048576
          ).toFixed(1)} MB; in ${Math.round(performance.now() - started)} ms`,
        );
      },
    },
  };
}
