/**
 * Route slugs versus base-aware links. Pages compute `params` with the `*Route` helpers and links
 * with `href()`, so every link honours `BASE` and no page builds a URL by hand.
 */

/** Joins the site's base path (from Astro's `BASE_URL`, or given) with a path inside the site. */
export function href(path: string, base: string = import.meta.env.BASE_URL ?? '/'): string {
  const b = base.endsWith('/') ? base : `${base}/`;
  return b + path.replace(/^\/+/, '');
}

/** Path of a paper's permalink page, without base: `papers/<id>/`. */
export function paperPath(id: string): string {
  return `papers/${id}/`;
}

/** Path of a digest day page, without base: `digests/<date>/`. */
export function digestPath(date: string): string {
  return `digests/${date}/`;
}

/** Path of a topic page, without base: `topics/<slug>/`. */
export function topicPath(slug: string): string {
  return `topics/${slug}/`;
}

/** Path of an organisation page, without base: `orgs/<slug>/`. */
export function orgPath(slug: string): string {
  return `orgs/${slug}/`;
}
