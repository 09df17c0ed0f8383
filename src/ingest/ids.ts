/**
 * Permalink ids. A paper's id is its arXiv id when any capture gives one, else a slug of its
 * title. Every URL any earlier ingest produced must keep working, and `content/papers/` is not
 * committed, so URLs are a pure function of the SET of digests (digests are only ever added):
 *
 * - Every capture without an arXiv id implies a chain of candidate URLs for its paper:
 *   `slug` → `slug-<published>` → `slug-<published>-<hash8>` → `slug-<published>-<hash16>`
 *   (the hash is of the normalised title).
 * - A URL is *contested* when captures of two different papers imply it (two normalised titles,
 *   one title with two dates more than a day apart, or one dated and one undated capture). A
 *   re-capture dated a day off is the same paper (merge.ts) and contests nothing. A capture's next
 *   URL is implied only when the one before it is contested. More digests can only add claims,
 *   so a URL contested once stays contested.
 * - An id-less paper's id is the first uncontested URL of its chain; every other URL its captures
 *   imply is kept as an alias. An alias held by one paper becomes a redirect page to it; a URL
 *   held by several papers becomes a page linking each of them.
 *
 * So any URL produced from some of the digests is produced again, for the same paper, from all of
 * them: adding older digests, re-running, or a paper gaining an arXiv id never breaks a URL. The
 * committed ledger (`content/permalinks.txt`, ledger.ts) checks this, and catches the rest.
 */
import { createHash } from 'node:crypto';
import { slug as githubSlug } from 'github-slugger';
import type { SlugCollision } from './types.ts';
import { rememberTitleKey, titleKey, type PaperCaptures } from './merge.ts';
import { daysApart } from '../core/dates.ts';
import { compareStrings } from '../core/compare.ts';
import type { NormalizedEntry } from './normalize.ts';
import { arxivUrlId } from '../schemas/arxiv.ts';
import { BoundedMemo } from './bounded-memo.ts';

/** Slugs are cut at a word boundary near this length, so URLs stay readable. */
const SLUG_MAX = 80;

const sha = (text: string): string => createHash('sha256').update(text).digest('hex');

/**
 * A URL slug of a title: github-slugger's slug, accents folded to ASCII (`Gödel` → `godel`),
 * anything else outside `[a-z0-9-]` dropped, cut to about 80 characters at a hyphen. A title with
 * no ASCII letters or digits at all (`π`) gets `paper-` and a short hash, so it still has an id.
 */
export function slugify(title: string): string {
  const folded = title.normalize('NFKD').replace(/\p{M}/gu, '');
  let s = githubSlug(folded)
    .replace(/_/g, '-')
    .replace(/[^a-z0-9-]/g, '')
    .replace(/-+/g, '-')
    .replace(/^-|-$/g, '');
  if (s.length > SLUG_MAX) {
    const cut = s.lastIndexOf('-', SLUG_MAX);
    s = s.slice(0, cut > SLUG_MAX / 2 ? cut : SLUG_MAX).replace(/-$/, '');
  }
  if (s === '') s = `paper-${sha(title).slice(0, 10)}`;
  return s;
}

/** The candidate URLs a capture without an arXiv id implies, most readable first. */
export function slugChain(title: string, published: string): string[] {
  return chainOf(title, published).all();
}

/**
 * A capture's chain of URLs (`slugChain`), the hashed ones worked out when first asked for: a URL
 * is only implied when the one before it is contested, so almost no chain ever needs its hash,
 * and hashing every title was a fifth of the time ids took.
 */
class Chain {
  /** How many URLs the chain has. */
  readonly length = 4;
  private readonly slug: string;
  private readonly dated: string;
  private readonly title: string;
  private hash: string | null = null;
  constructor(slug: string, published: string, title: string) {
    this.slug = slug;
    this.dated = `${slug}-${published}`;
    this.title = title;
  }

  /** The URL at `level` (0 to 3). */
  at(level: number): string {
    if (level === 0) return this.slug;
    if (level === 1) return this.dated;
    this.hash ??= sha(titleKey(this.title));
    return `${this.dated}-${this.hash.slice(0, level === 2 ? 8 : 16)}`;
  }

  /** The URLs from the first to `last` (the whole chain by default), most readable first. */
  all(last = this.length - 1): string[] {
    return Array.from({ length: last + 1 }, (_, level) => this.at(level));
  }
}

/** Slugs already made, by title: a title's captures share one. */
const slugs = new BoundedMemo<string>(100_000);

const slugOf = (title: string): string => slugs.get(title, slugify);

/**
 * What the merge and the ids will ask of each entry's title, worked out where the entries were
 * read (a worker thread, parallel.ts): its `titleKey`, and its slug when the capture has no arXiv
 * id (null otherwise). Both are pure functions of the title; slugging and folding the titles was
 * about a third of the merge and ids, which run on the calling thread alone, between the stages
 * that run in parallel.
 */
export interface TitleFacts {
  keys: string[];
  slugs: Array<string | null>;
}

/** The `TitleFacts` of `entries`, in their order. */
export function titleFacts(entries: readonly NormalizedEntry[]): TitleFacts {
  return {
    keys: entries.map((e) => titleKey(e.title)),
    slugs: entries.map((e) => (e.arxiv === null ? slugOf(e.title) : null)),
  };
}

/** Takes the `TitleFacts` another thread worked out for `entries`, so this thread does not work them out again. */
export function rememberTitleFacts(entries: readonly NormalizedEntry[], facts: TitleFacts): void {
  entries.forEach((e, i) => {
    rememberTitleKey(e.title, facts.keys[i]!);
    const slug = facts.slugs[i];
    if (slug != null) slugs.set(e.title, slug);
  });
}

/**
 * The `Chain` of a title and date, made once: claims and each paper's representative ask for
 * the same chains, and slugging a title was most of the time ids took.
 */
function chainOf(title: string, published: string): Chain {
  return chains.get(`${title}\u0000${published}`, () => new Chain(slugOf(title), published, title));
}

/** Chains already made, by title and date. */
const chains = new BoundedMemo<Chain>(100_000);

/** Ids and aliases for merged papers, in the same order, plus the URLs papers share. */
export interface IdAssignment {
  ids: string[];
  /** Per paper: every other URL its captures imply (redirects, or shared pages when in `collisions`). */
  aliases: string[][];
  /** URLs held by two or more papers, each with the ids of those papers. */
  collisions: SlugCollision[];
}

/** One chain implied by the id-less captures of one paper (repeats of a capture share it). */
interface ChainClaim {
  paper: number;
  chain: Chain;
  /** Who claims: the normalised title, and the date (null when the capture showed none). */
  title: string;
  date: string | null;
  /** How far down the chain this claim reaches (index of its last implied URL). */
  level: number;
}

/** Claims of one URL: by which titles (each with the dates it was claimed with) and which papers. */
interface UrlClaims {
  titles: Map<string, Set<string | null>>;
  papers: Set<number>;
  /** Set once two claims cannot be one paper's (see `conflicts`); never unset. */
  contested: boolean;
}

function chainClaims(papers: readonly PaperCaptures[]): ChainClaim[] {
  const claims = new Map<string, ChainClaim>();
  papers.forEach((p, paper) => {
    for (const e of p.entries) {
      if (e.arxiv !== null) continue;
      const title = titleKey(e.title);
      const date = e.publishedFromDigest ? null : e.published;
      const chain = chainOf(e.title, e.published);
      const id = `${paper}\u0000${title}\u0000${date}\u0000${chain.at(0)}\u0000${chain.at(1)}`;
      if (!claims.has(id)) claims.set(id, { paper, chain, title, date, level: 0 });
    }
  });
  return [...claims.values()];
}

/**
 * Two claims of one title that cannot be the same paper: dates more than a day apart (a
 * re-capture a day off is the same paper, merge.ts), or a dated and an undated capture (an
 * undated card may belong to any paper of its title). Depends only on the two claims, so a URL
 * contested once stays contested whatever digests are added.
 */
function conflicts(a: string | null, b: string | null): boolean {
  if (a === null || b === null) return a !== b;
  return daysApart(a, b) > 1;
}

/** Extends each claim down its chain while its URL is contested, until nothing changes. */
function settle(claims: ChainClaim[]): Map<string, UrlClaims> {
  const byUrl = new Map<string, UrlClaims>();
  const add = (url: string, c: ChainClaim) => {
    const u = byUrl.get(url) ?? { titles: new Map(), papers: new Set(), contested: false };
    const dates = u.titles.get(c.title) ?? new Set();
    if (!dates.has(c.date)) {
      if (u.titles.size > (u.titles.has(c.title) ? 1 : 0)) u.contested = true;
      for (const d of dates) if (conflicts(d, c.date)) u.contested = true;
      dates.add(c.date);
      u.titles.set(c.title, dates);
    }
    u.papers.add(c.paper);
    if (u.papers.size > 1) u.contested = true;
    byUrl.set(url, u);
  };
  for (const c of claims) add(c.chain.at(0), c);
  // Contest only grows (claims are only added), so this reaches a fixed point.
  for (let changed = true; changed;) {
    changed = false;
    for (const c of claims) {
      if (c.level < c.chain.length - 1 && isContested(byUrl.get(c.chain.at(c.level))!)) {
        c.level++;
        add(c.chain.at(c.level), c);
        changed = true;
      }
    }
  }
  return byUrl;
}

/**
 * A URL is contested when its claims cannot all be one paper's: two titles, two dates of one
 * title that `conflict`, or two papers.
 */
const isContested = (u: UrlClaims): boolean => u.contested;

/** The claim that names an id-less paper: a dated capture with the longest title, then input order. */
function representative(paper: PaperCaptures, claims: readonly ChainClaim[]): ChainClaim | undefined {
  const entries: NormalizedEntry[] = [...paper.entries].sort(
    (a, b) => Number(a.publishedFromDigest) - Number(b.publishedFromDigest) || b.title.length - a.title.length,
  );
  const best = entries[0];
  if (!best) return undefined;
  const chain = chainOf(best.title, best.published);
  return claims.find((c) => c.chain.at(0) === chain.at(0) && c.chain.at(1) === chain.at(1)) ?? claims[0];
}

/**
 * Gives each paper its id and aliases (see the module comment). Papers with an arXiv id use its
 * URL id (`2401.04558`, `hep-th.9901001`); a paper without one gets the first uncontested URL of its chain. Throws only if
 * even a 16-hex-digit title hash collides, which would be a bug worth hearing about.
 */
export function assignIds(papers: readonly PaperCaptures[]): IdAssignment {
  const claims = chainClaims(papers);
  const byUrl = settle(claims);
  const mine = papers.map(() => [] as ChainClaim[]);
  for (const c of claims) mine[c.paper]!.push(c);

  const ids = papers.map((p, i) => {
    if (p.arxiv !== null) return arxivUrlId(p.arxiv);
    const rep = representative(p, mine[i]!)!;
    const url = rep.chain.at(rep.level);
    if (isContested(byUrl.get(url)!)) throw new Error(`no free permalink for "${p.title}": even ${url} is taken`);
    return url;
  });
  const aliases = papers.map((_, i) => {
    const urls = new Set(mine[i]!.flatMap((c) => c.chain.all(c.level)));
    urls.delete(ids[i]!);
    return [...urls].sort();
  });
  const collisions: SlugCollision[] = [];
  for (const [url, u] of byUrl) {
    if (u.papers.size > 1) collisions.push({ slug: url, ids: [...u.papers].map((i) => ids[i]!).sort() });
  }
  return { ids, aliases, collisions: collisions.sort((a, b) => compareStrings(a.slug, b.slug)) };
}

/**
 * Every URL the id-less captures of each paper could ever imply (whole chains), for resolving a
 * ledger id that the current digests no longer produce (ledger.ts).
 */
export function allChainUrls(papers: readonly PaperCaptures[]): Map<string, number[]> {
  const out = new Map<string, number[]>();
  for (const c of chainClaims(papers)) {
    for (const url of c.chain.all()) {
      const list = out.get(url) ?? [];
      if (!list.includes(c.paper)) list.push(c.paper);
      out.set(url, list);
    }
  }
  return out;
}
