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
import { mkdir, readFile, readdir, writeFile } from 'node:fs/promises';
import path from 'node:path';
import { generateSW } from 'workbox-build';
import { withTrailingSlash } from '../core/paths.ts';
import { offlineManifest, type OfflineFile } from '../site/search/offline-manifest.ts';
import type { SearchIndex } from '../site/search/shards.ts';

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

/** How many files `savedFiles` reads at once: enough to keep libuv's I/O threads busy, far below the open-file limit. */
const READ_AHEAD = 32;

/**
 * Files a saved copy holds: every page and the whole index, KaTeX, the vocabulary and the shell's
 * assets. Read asynchronously, a few at a time: on ~22,000 files the synchronous walk kept the
 * main thread in readdir/read calls for seconds; libuv's I/O threads now do them side by side.
 * The order is the walk's; `offlineManifest` sorts by path.
 */
async function savedFiles(outDir: string): Promise<OfflineFile[]> {
  const wantedFiles: Array<{ full: string; url: string }> = [];
  const walk = async (dir: string, rel: string): Promise<void> => {
    const subdirs: Array<Promise<void>> = [];
    for (const entry of await readdir(dir, { withFileTypes: true })) {
      const full = path.join(dir, entry.name);
      const relPath = rel ? `${rel}/${entry.name}` : entry.name;
      if (entry.isDirectory()) {
        if (relPath !== 'offline') subdirs.push(walk(full, relPath));
        continue;
      }
      const wanted = /^(pagefind|katex|_astro|search)\//.test(relPath) || relPath.endsWith('index.html') || relPath === 'favicon.svg';
      if (!wanted) continue;
      // Pages are saved under their directory URL, the one readers navigate to.
      const url = relPath === 'index.html' ? '' : relPath.endsWith('/index.html') ? relPath.slice(0, -'index.html'.length) : relPath;
      wantedFiles.push({ full, url });
    }
    await Promise.all(subdirs);
  };
  await walk(outDir, '');
  const files: OfflineFile[] = [];
  let next = 0;
  const reader = async () => {
    while (next < wantedFiles.length) {
      const { full, url } = wantedFiles[next++]!;
      const body = await readFile(full);
      files.push({ path: url, bytes: body.length, hash: createHash('sha1').update(body).digest('hex').slice(0, 8) });
    }
  };
  await Promise.all(Array.from({ length: READ_AHEAD }, reader));
  return files;
}

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
        const { manifest, parts } = offlineManifest(await savedFiles(outDir), index.state, (text) =>
          createHash('sha1').update(text).digest('hex'),
        );
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
