/**
 * The extra `/papers/<x>/` pages that keep old URLs working (README, "Permalinks"). Ingest keeps
 * every URL a paper was ever known by in its `aliases`; here each alias becomes a page:
 *
 * - held by one paper: a redirect page to it (GitHub Pages has no server redirects);
 * - held by several papers (a title slug two papers share): a page linking each of them.
 *
 * `permalinkPaths` is pure (tested); `permalinkStaticPaths` feeds it the site's papers for
 * `getStaticPaths`.
 */
import type { Paper } from '../schemas/paper.ts';
import { byline } from './format.ts';

/** What a permalink page shows of a paper. */
export interface PaperLink {
  id: string;
  title: string;
  published: string;
  /** Org name, author names or `N authors` (may be empty). */
  byline: string;
}

/** Props of a permalink page: a redirect, or a page shared by several papers. */
export type PermalinkPageProps = { kind: 'redirect'; from: string; to: PaperLink } | { kind: 'shared'; slug: string; papers: PaperLink[] };

/** A static path for `/papers/[<param>]/` (`id` in `[id].astro`, or the name of a route of its own). */
export interface PermalinkPath {
  params: Record<string, string>;
  props: PermalinkPageProps;
}

const link = (p: Paper): PaperLink => ({ id: p.id, title: p.title, published: p.published, byline: byline(p) });

/**
 * Every alias of every paper as a static path, sorted by id. An alias that is also some paper's
 * own id is left to that paper's page (ingest never produces one; this keeps a hand-edited entry
 * from shadowing a paper). Papers on a shared page come newest first, then by id.
 */
export function permalinkPaths(papers: readonly Paper[], param = 'id'): PermalinkPath[] {
  const ids = new Set(papers.map((p) => p.id));
  const holders = new Map<string, Paper[]>();
  for (const paper of papers) {
    for (const alias of new Set(paper.aliases)) {
      if (ids.has(alias)) continue;
      holders.set(alias, [...(holders.get(alias) ?? []), paper]);
    }
  }
  return [...holders]
    .sort(([a], [b]) => (a < b ? -1 : a > b ? 1 : 0))
    .map(([id, list]): PermalinkPath => {
      if (list.length === 1) return { params: { [param]: id }, props: { kind: 'redirect', from: id, to: link(list[0]!) } };
      const sorted = [...list].sort((a, b) => (a.published < b.published ? 1 : a.published > b.published ? -1 : a.id < b.id ? -1 : 1));
      return { params: { [param]: id }, props: { kind: 'shared', slug: id, papers: sorted.map(link) } };
    });
}

/**
 * `getStaticPaths`-ready: the permalink pages of the site's papers (loaded once, via queries.ts).
 * `param` is the route's parameter name: `id` when merged into `papers/[id].astro`'s paths.
 */
export async function permalinkStaticPaths(param = 'id'): Promise<PermalinkPath[]> {
  // Imported lazily so this module's pure part loads without Astro's content layer (unit tests).
  const { getShelf } = await import('./queries.ts');
  return permalinkPaths((await getShelf()).papers, param);
}
