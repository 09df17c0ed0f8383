/**
 * Links a page shows: base-aware hrefs, the site's main sections (the header nav) and a paper's outbound links, in
 * reading order: code, project page, other links from the abstract, then arXiv and Hugging Face
 * when the arXiv id is known.
 */
import type { Paper } from '../../schemas/paper.ts';
import { joinBase, withTrailingSlash } from '../../core/paths.ts';
import { arxivAbsUrl, arxivPdfUrl, huggingFacePaperUrl } from '../../core/urls.ts';

/**
 * The site's base path as Astro resolved it (`BASE`), always ending in `/`. Vite replaces
 * `import.meta.env.BASE_URL` at build time; outside Vite (unit tests, tsx) it is `/`.
 */
export function siteBase(): string {
  return withTrailingSlash(import.meta.env.BASE_URL ?? '/');
}

/** A path inside the site with the site's base (or the given one): every link goes through this. */
export function href(path: string, base: string = siteBase()): string {
  return joinBase(base, path);
}

/** The site's main sections, one per header nav item, in nav order. */
export const NAV = [
  { key: 'home', label: 'Home', path: '' },
  { key: 'topics', label: 'Topics', path: 'topics/' },
  { key: 'digests', label: 'Digests', path: 'digests/' },
  { key: 'orgs', label: 'Orgs', path: 'orgs/' },
  { key: 'search', label: 'Search', path: 'search/' },
] as const;

/** A nav section a page can mark as current. */
export type NavKey = (typeof NAV)[number]['key'];

/** One outbound link with its visible label. */
export interface OutboundLink {
  label: string;
  href: string;
  /** What kind of link, for styling and tests. */
  kind: 'github' | 'project' | 'link' | 'arxiv' | 'pdf' | 'huggingface';
}

/** A readable label for a bare URL: host and path without the scheme or a trailing slash. */
export function urlLabel(url: string): string {
  return url.replace(/^https?:\/\//i, '').replace(/\/$/, '');
}

/** Only http(s) URLs are linked; the schema checks URL syntax, not the scheme. */
const isWebUrl = (url: string): boolean => /^https?:\/\//i.test(url);

/** Every outbound link of a paper, each URL once. */
export function outboundLinks(paper: Pick<Paper, 'github' | 'project' | 'links' | 'arxiv'>): OutboundLink[] {
  const out: OutboundLink[] = [];
  const seen = new Set<string>();
  const add = (link: OutboundLink) => {
    if (!isWebUrl(link.href) || seen.has(link.href)) return;
    seen.add(link.href);
    out.push(link);
  };
  if (paper.github) add({ kind: 'github', label: `Code: ${urlLabel(paper.github)}`, href: paper.github });
  if (paper.project) add({ kind: 'project', label: `Project page: ${urlLabel(paper.project)}`, href: paper.project });
  for (const url of paper.links) add({ kind: 'link', label: urlLabel(url), href: url });
  if (paper.arxiv) {
    add({ kind: 'arxiv', label: `arXiv: ${paper.arxiv}`, href: arxivAbsUrl(paper.arxiv) });
    add({ kind: 'pdf', label: 'PDF (arXiv)', href: arxivPdfUrl(paper.arxiv) });
    add({ kind: 'huggingface', label: 'Hugging Face paper page', href: huggingFacePaperUrl(paper.arxiv) });
  }
  return out;
}
