/**
 * Organisations as the site lists them: one page per organisation, papers newest first. Pure
 * (no I/O), so the grouping rules are unit-tested without a build.
 */
import type { Paper } from '../../schemas/paper.ts';
import { orgPath } from '../../core/paths.ts';
import { compareStrings, mostFrequent, tally } from '../../core/compare.ts';

/** An organisation and its papers. */
export interface OrgGroup {
  /** Route slug: the Hugging Face handle, lower-cased and made URL-safe. */
  slug: string;
  /** The display name most of its papers give (ties: alphabetical, so builds are stable). */
  name: string;
  /** The handle as captured (the most common spelling), shown beside the name. */
  handle: string;
  /** Its papers, in the order given (callers pass newest first). */
  papers: Paper[];
}

/**
 * The route slug of an organisation handle. Hugging Face handles are case-insensitive
 * (`SJTU-Deng-Lab` and `SJTU-DENG-Lab` are one organisation), and case-only differences would
 * collide on case-insensitive file systems, so slugs are lower-case; anything outside
 * `[a-z0-9._-]` becomes `-`.
 */
export function orgRouteSlug(handle: string): string {
  const slug = handle
    .trim()
    .toLowerCase()
    .replace(/[^a-z0-9._-]+/g, '-')
    .replace(/^[-.]+|[-.]+$/g, '');
  return slug || 'org';
}

/**
 * Groups papers by organisation route slug, keeping the given paper order inside each group.
 * Groups come most papers first, then by name. Papers without an organisation are left out.
 */
export function groupByOrg(papers: readonly Paper[]): OrgGroup[] {
  const groups = new Map<string, { papers: Paper[]; names: string[]; handles: string[] }>();
  for (const paper of papers) {
    if (!paper.org) continue;
    const slug = orgRouteSlug(paper.org.slug);
    let g = groups.get(slug);
    if (!g) groups.set(slug, (g = { papers: [], names: [], handles: [] }));
    g.papers.push(paper);
    g.names.push(paper.org.name);
    g.handles.push(paper.org.slug);
  }
  return [...groups.entries()]
    .map(([slug, g]) => ({ slug, name: mostFrequent(tally(g.names))!, handle: mostFrequent(tally(g.handles))!, papers: g.papers }))
    .sort((a, b) => b.papers.length - a.papers.length || a.name.localeCompare(b.name, 'en') || compareStrings(a.slug, b.slug));
}

/**
 * Where a paper's organisation page lives (without base; every organisation with a paper has one),
 * or null for a paper without an organisation.
 */
export function paperOrgPage(paper: Pick<Paper, 'org'>): string | null {
  return paper.org ? orgPath(orgRouteSlug(paper.org.slug)) : null;
}
