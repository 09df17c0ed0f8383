// @ts-check
import { defineConfig } from 'astro/config';
import mdx from '@astrojs/mdx';
import { unified } from '@astrojs/markdown-remark';
import remarkMath from 'remark-math';
import rehypeKatex from 'rehype-katex';
import tailwindcss from '@tailwindcss/vite';
import pagefind from './src/integrations/pagefind.ts';
import sitemap from '@astrojs/sitemap';
import offline from './src/integrations/offline.ts';
import katexAssets from './src/integrations/katex-assets.ts';
import dataStoreModule from './src/integrations/data-store-module.ts';
import notesCheck from './src/integrations/notes-check.ts';
import oldOutput from './src/integrations/old-output.ts';
import { config } from './src/config.ts';
import { aliasPaths } from './src/integrations/alias-pages.ts';

const offlineStep = offline();

/** Redirect and shared-slug pages are not content: the sitemap leaves them out. */
/** @type {Set<string> | undefined} */
let aliases;
/** @param {string} page */
const isAliasPage = (page) => (aliases ??= aliasPaths(config().papersDir, config().base)).has(new URL(page).pathname);

// SITE and BASE come from the environment so one checkout deploys to any GitHub Pages URL.
export default defineConfig({
  site: config().site,
  base: config().base,
  trailingSlash: 'always',
  outDir: config().outDir,
  cacheDir: config().cacheDir,
  // Two pages in flight: with one, the rendering thread sat idle while each page's two writes (the
  // page, and the incremental cache's copy of it) went through libuv's thread pool; with two, one
  // page renders while the other's files are written. Same bytes (every page is independent; the
  // sitemap sorts its URLs). Measured on the real corpus (one cold build each, load ~7): page
  // generation 89 s with 1, 64 s with 2, 70 s with 4 (4 also raised Astro's peak by ~0.2 GB).
  build: { format: 'directory', concurrency: 2 },
  // A rebuild copies the pages whose cacheKey (src/site/data/cache-keys.ts) and code are unchanged
  // from the last build's output in cacheDir instead of rendering them again.
  experimental: { incrementalBuild: true },
  // Order matters: the offline step precaches what pagefind() writes, so it starts after it; it runs
  // beside the sitemap, and finishes after it.
  integrations: [
    // First: a note that cannot be rendered stops the build with its file:line:col, not a stack trace.
    notesCheck(),
    // Before Astro empties outDir (synchronously, on the rendering thread): the old output moves
    // into the cache and is deleted in a worker thread while the build goes on.
    oldOutput(),
    // The rendering bundle reads the content store from its file instead of inlining it (memory).
    dataStoreModule(),
    // Hand-written notes (content/notes/*.mdx) are Markdown: `$…$` in them goes through remark-math
    // + rehype-katex. Digest text is plain text and is rendered by src/site/view/rich-text.ts instead.
    mdx({
      processor: unified({
        remarkPlugins: [remarkMath],
        rehypePlugins: [[rehypeKatex, { trust: false, maxSize: 10, maxExpand: 500, strict: 'ignore' }]],
      }),
    }),
    katexAssets(),
    pagefind(),
    offlineStep.start,
    sitemap({ filter: (page) => !isAliasPage(page) }),
    offlineStep.finish,
  ],
  vite: {
    plugins: [tailwindcss()],
    // Hash-only names: every page links the stylesheet and the hotkeys module, and a name such as
    // Base.astro_astro_type_script_index_0_lang.<hash>.js costs ~45 bytes on each of 50,000 pages.
    environments: {
      client: {
        build: {
          rollupOptions: {
            output: { entryFileNames: '_astro/[hash].js', chunkFileNames: '_astro/[hash].js', assetFileNames: '_astro/[hash][extname]' },
          },
        },
      },
    },
  },
});
