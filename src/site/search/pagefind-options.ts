/**
 * The options every Pagefind bundle of the site is loaded with: the search page's early start
 * (src/pages/search.astro, an inline script) and the engine (src/client/search/engine.ts) must
 * pass the same ones, whichever of them initialises Pagefind first.
 */

/** Pagefind's options for a site under `base` (ending in `/`). */
export function bundleOptions(base: string) {
  // Title matches rank above abstract matches; 5 is Pagefind's default, stated so a test pins it.
  return { baseUrl: base, excerptLength: 24, ranking: { metaWeights: { title: 5 } } };
}
