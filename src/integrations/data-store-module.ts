/**
 * Keeps the content-layer store out of the rendering bundle's source. Astro's build inlines the
 * whole store (`<cacheDir>/data-store.json`, devalue's flattened JSON of every entry: 113 MB at
 * 50,000 papers) into that bundle as `export default JSON.parse("<the file as a string literal>")`.
 * V8 then holds, for as long as Astro renders: the module's source (the file again, escaped, in
 * UTF-16: one non-Latin-1 character in an abstract makes the whole string two bytes a character),
 * the string literal, and the flattened array that `JSON.parse` returns (Astro unflattens it into
 * the entries' Map, but the module's export keeps the array too). At 50,000 papers that was two
 * large strings of 215 and 228 MB in Astro's process (read from /proc/<pid>/mem) besides the
 * entries themselves, all of it beside a Pagefind indexer's 1.3–1.45 GB (issue 9: the whole
 * build at most 4 GB).
 *
 * Instead the module reads the file when the bundle runs and exports the unflattened Map, which
 * Astro's store takes as is (`ImmutableDataStore.fromModule` accepts a Map): the text and the
 * flattened array are garbage once the Map is built. Same entries, same objects, same pages.
 * Build only (`astro dev` serves the store from `.astro/` and reloads it on change), and only the
 * single-file store: the chunked store, or a module in another form, is left alone.
 *
 * The module is loaded here, before Astro's own load runs (a `load` hook ordered `pre`): Astro's
 * reads the file, parses it whole once only to check it, and escapes it into the string literal
 * the bundler then carries, all thrown away when the module is replaced. Replacing it afterwards
 * (the `transform` below, still there should Astro's load come first) cost, at 50,000 papers,
 * Astro's process a peak of 3.6–3.7 GB during bundling and 4.6–5.2 s of bundling; loaded here,
 * 2.5 GB and 1.2 s (one cold build each, 2026-12-02, nothing else running).
 */
import type { AstroIntegration } from 'astro';
import { existsSync } from 'node:fs';
import { fileURLToPath } from 'node:url';

/** The id Vite gives Astro's virtual store module (`astro:data-layer-content`). */
const DATA_STORE_MODULE_ID = '\0astro:data-layer-content';

/** How Astro's build emits the single-file store: the whole file as one string literal. */
const INLINED = 'export default JSON.parse(';

/**
 * The store module's code: it reads `file` (the store's JSON, devalue's flattened form) when the
 * bundle runs and exports the Map Astro's store is built from.
 */
export function dataStoreReaderCode(file: string): string {
  return [
    "import { readFileSync } from 'node:fs';",
    // devalue is what Astro serialised the store with; `parse` is its `unflatten(JSON.parse(text))`.
    "import { parse } from 'devalue';",
    `export default parse(readFileSync(${JSON.stringify(file)}, 'utf8'));`,
    '',
  ].join('\n');
}

/**
 * `dataStoreReaderCode(file)` in place of `code` when `code` is the store inlined as Astro emits
 * it, or null to leave `code` as Astro wrote it (another form than the inlined file).
 */
export function dataStoreModuleCode(code: string, file: string): string | null {
  return code.startsWith(INLINED) ? dataStoreReaderCode(file) : null;
}

/**
 * The module metadata Astro's load gives the store (`createContentDataIncrementalMetadata` in
 * astro/dist/core/build/incremental-metadata.js, not exported): it tells the incremental build that
 * a page's code did not change when only the content did. Without it every page would render
 * again after a new digest (tests/build/incremental.test.ts).
 */
const CONTENT_DATA_META = { astroIncremental: { kind: 'content-data' } };

/** Whether the store is the one file the reader module reads (Astro's default), not the chunked store. */
export function storeIsSingleFile(config: { experimental?: { collectionStorage?: unknown } }): boolean {
  const storage = config.experimental?.collectionStorage;
  return storage === undefined || storage === 'single-file';
}

/** What Astro emits for an empty store (no `data-store.json` yet): nothing to move out. */
const EMPTY = 'export default new Map()';

/**
 * Astro integration: the build's store module reads `<cacheDir>/data-store.json` at render time.
 * A build whose store module has another form or id (an Astro upgrade) still works, with the
 * store inlined as before; it ends with a warning, which tests/cli/build.test.ts looks for.
 */
export default function dataStoreModule(): AstroIntegration {
  /** What the build's store module was: replaced, empty (nothing to move), or not seen in a known form. */
  let outcome: 'replaced' | 'empty' | 'unknown' = 'unknown';
  return {
    name: 'papershelf:data-store-module',
    hooks: {
      'astro:config:setup': ({ config, command, updateConfig }) => {
        if (command !== 'build') return;
        // Where Astro's build reads the store from (content/paths.ts, getDataStoreFile).
        const file = fileURLToPath(new URL('data-store.json', config.cacheDir));
        updateConfig({
          vite: {
            plugins: [
              {
                name: 'papershelf:data-store-module',
                enforce: 'pre',
                load: {
                  // Ahead of Astro's content plugin, whose load would otherwise answer first (its
                  // plugins come before an integration's): a load that answers ends the chain.
                  order: 'pre',
                  filter: { id: /^\0astro:data-layer-content$/ },
                  handler(id) {
                    if (id !== DATA_STORE_MODULE_ID || !storeIsSingleFile(config) || !existsSync(file)) return null;
                    outcome = 'replaced';
                    return { code: dataStoreReaderCode(file), map: { mappings: '' }, meta: CONTENT_DATA_META };
                  },
                },
                // Only when the load above did not answer first: Astro's module, inlined, replaced.
                transform: {
                  // A filter, so the bundler does not call into JS for every other module.
                  filter: { id: /^\0astro:data-layer-content$/ },
                  handler(code, id) {
                    if (id !== DATA_STORE_MODULE_ID) return null;
                    const replaced = dataStoreModuleCode(code, file);
                    if (replaced === null) {
                      if (code.trim() === EMPTY) outcome = 'empty';
                      return null;
                    }
                    outcome = 'replaced';
                    return { code: replaced, map: { mappings: '' } };
                  },
                },
              },
            ],
          },
        });
      },
      'astro:build:done': ({ logger }) => {
        if (outcome === 'unknown')
          logger.warn(
            "Astro's content store module was not seen in the form src/integrations/data-store-module.ts replaces: the store stayed inlined in the rendering bundle (about 1 GB more memory at 50,000 papers)",
          );
      },
    },
  };
}
