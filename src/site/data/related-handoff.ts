/**
 * Hands the related papers from the build's entries worker to the pages. The worker reads the
 * paper entries once for search anyway (src/integrations/entries.ts, started with the build), so
 * it computes the related lists (related.ts `relatedIds`) from that read too, before it indexes
 * and before Astro renders a paper page, instead of a second worker getting a copy of every title
 * and abstract from the rendering thread.
 *
 * The integration and the pages are bundled apart (Astro loads its config with Vite, the pages
 * are a prerender bundle) but run in one process, so the hand-off is a promise under a
 * registered symbol on `globalThis`: one key both bundles resolve to the same value.
 */
const KEY = Symbol.for('papershelf.relatedIds');

type Holder = { [KEY]?: Promise<Map<string, string[]>> };

/** Offers the related ids (paper id → up to five ids, best first) this build's pages will use. */
export function offerRelatedIds(ids: Promise<Map<string, string[]>>): void {
  (globalThis as Holder)[KEY] = ids;
}

/** The related ids the build offered, or undefined (outside a build: `astro dev`, tests). */
export function offeredRelatedIds(): Promise<Map<string, string[]>> | undefined {
  return (globalThis as Holder)[KEY];
}
