/**
 * The extra `/papers/<x>/` pages that keep old URLs working (README, "Permalinks"). Ingest keeps
 * every URL a paper was ever known by in its `aliases`; here each alias becomes a page:
 *
 * - held by one paper: a redirect page to it (GitHub Pages has no server redirects);
 * - held by several papers (a title slug two papers share): a page linking each of them.
 *
 * Pure (tested); routes.ts `permalinkStaticPaths` feeds it the site's papers.
 */
import type { Paper } from '../../schemas/paper.ts';
import { byline } from '../view/format.ts';
import { compareStrings } from '../../core/compare.ts';

/** What a permalink page shows of a paper. */
export interface PaperRef {
  id: string;
  title: string;
  published: string;
  /** Org name, author names or `N authors` (may be empty). */
  byline: string;
}

/** Props of a permalink page: a redirect, or a page shared by several papers. */
export type PermalinkPageProps = { kind: 'redirect'; from: string; to: PaperRef } | { kind: 'shared'; slug: string; papers: PaperRef[] };

/** A static path for `/papers/[alias]/`. */
export interface PermalinkPath {
  params: { alias: string };
  props: PermalinkPageProps;
}

const ref = (p: Paper): PaperRef => ({ id: p.id, title: p.title, published: p.published, byline: byline(p) });

/**
 * Every alias of every paper as a static path, sorted by id. An alias that is also some paper's
 * own id is left to that paper's page (ingest never produces one; this keeps a hand-edited entry
 * from shadowing a paper). Papers on a shared page come newest first, then by id.
 */
export function permalinkPaths(papers: readonly Paper[]): PermalinkPath[] {
  const ids = new Set(papers.map((p) => p.id));
  const holders = new Map<string, Paper[]>();
  for (const paper of papers) {
    for (const alias of new Set(paper.aliases)) {
      if (ids.has(alias)) continue;
      holders.set(alias, [...(holders.get(alias) ?? []), paper]);
    }
  }
  return [...holders]
    .sort(([a], [b]) => compareStrings(a, b))
    .map(([id, list]): PermalinkPath => {
      if (list.length === 1) return { params: { alias: id }, props: { kind: 'redirect', from: id, to: ref(list[0]!) } };
      const sorted = [...list].sort((a, b) => compareStrings(b.published, a.published) || compareStrings(a.id, b.id));
      return { params: { alias: id }, props: { kind: 'shared', slug: id, papers: sorted.map(ref) } };
    });
}
