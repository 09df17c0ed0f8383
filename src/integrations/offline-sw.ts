/**
 * What Workbox's `generateSW` is asked for (src/integrations/offline.ts): the shell it precaches
 * and the runtime caching of pages and index chunks. Used only in the offline step's worker
 * thread (offline-sw-worker.ts): the two functions below are serialised into sw.js by
 * workbox-build, and functions cannot be posted to a worker, so the worker builds the options.
 */
import path from 'node:path';
import type { GenerateSWOptions } from 'workbox-build';

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

/** `generateSW`'s options for the site built in `outDir` (writing `<outDir>/sw.js`), served under `base` (ends in `/`). */
export function swOptions(outDir: string, base: string): GenerateSWOptions {
  return {
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
        // sort data, the vocabulary and the word-shard table are named by content: cache first is always right.
        urlPattern:
          /\/pagefind\/.+\.pf_(meta|index|fragment|filter)$|\/pagefind\/older-\w+\/pagefind-entry\.json\?ts=\w+$|\/search\/(vocab|sort|words)-\w+\.txt$/,
        handler: 'CacheFirst',
        options: { cacheName: 'papershelf-search', expiration: { maxEntries: 3000, purgeOnQuotaError: true }, plugins: [savedCopy] },
      },
      {
        urlPattern: /\/katex\//,
        handler: 'CacheFirst',
        options: { cacheName: 'papershelf-assets', expiration: { maxEntries: 60, purgeOnQuotaError: true }, plugins: [savedCopy] },
      },
    ],
  };
}
