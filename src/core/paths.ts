/**
 * Paths inside the site, without base (`papers/<id>/`), and joining them with a base path. Route
 * slugs and base-aware links are kept apart: pages compute `params` from the slug, and links with
 * `href()` (site/view/links.ts), which adds the site's base; ingest's `archive.jsonl` joins the
 * configured base with the same paths, so the two can never disagree.
 */

/** `path` with a trailing `/` (unchanged when it has one). */
export function withTrailingSlash(path: string): string {
  return path.endsWith('/') ? path : `${path}/`;
}

/** A base path (`/` or `/repo/`, with or without its trailing slash) joined with a path inside the site. */
export function joinBase(base: string, path: string): string {
  return withTrailingSlash(base) + path.replace(/^\/+/, '');
}

/** Path of a paper's permalink page, without base: `papers/<id>/`. */
export function paperPath(id: string): string {
  return `papers/${id}/`;
}

/** Path of a digest day page, without base: `digests/<date>/`. */
export function digestPath(date: string): string {
  return `digests/${date}/`;
}

/** Path of a year of digests, without base: `digests/<year>/` (a year is four digits, a day never is). */
export function digestYearPath(year: string): string {
  return `digests/${year}/`;
}

/** Path of a topic page, without base: `topics/<slug>/`. */
export function topicPath(slug: string): string {
  return `topics/${slug}/`;
}

/** Path of an organisation page, without base: `orgs/<slug>/`. */
export function orgPath(slug: string): string {
  return `orgs/${slug}/`;
}

/** The folder under the site root holding KaTeX's `katex.min.css` and `fonts/` (copied by integrations/katex-assets.ts). */
export const KATEX_DIR = 'katex';

/** KaTeX's stylesheet, without base: pages that show a formula link it through `href()`. */
export const KATEX_CSS = `${KATEX_DIR}/katex.min.css`;
