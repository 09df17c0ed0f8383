/**
 * Permalink ids: the arXiv id when any capture gave one, else a slug of the title. Ids never
 * depend on input order: slug collisions are settled by the papers' own dates.
 */
import { createHash } from 'node:crypto';
import { slug as githubSlug } from 'github-slugger';
import type { SlugCollision } from './report.ts';
import { titleKey, type MergedPaper } from './merge.ts';

/** Slugs are cut at a word boundary near this length, so URLs stay readable. */
const SLUG_MAX = 80;
/** What every id matches (the paper schema's rule). */
export const ID_PATTERN = /^[a-z0-9][a-z0-9.-]*$/;

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
  if (s === '') s = `paper-${createHash('sha256').update(title).digest('hex').slice(0, 10)}`;
  return s;
}

/** Ids and aliases for merged papers, in the same order, plus the slugs papers had to share. */
export interface IdAssignment {
  ids: string[];
  aliases: string[][];
  collisions: SlugCollision[];
}

/**
 * Gives each paper its id. Papers with an arXiv id use it (lower-case); papers without use the
 * slug of their title. When several papers without an id share a slug, every one of them gets
 * `<slug>-<published>` (then `-2`, `-3` … by title and abstract if the dates tie too), so no
 * paper's id depends on which file was read first, and the collision is reported.
 *
 * A paper with an arXiv id that some capture showed without one keeps that slug as an alias, so
 * a URL produced before the id was known keeps working — unless the slug is another paper's id.
 *
 * TODO(shared slug page): DESIGN.md wants the shared `/papers/<slug>/` URL of a collision to be
 * a page linking every paper listed in `collisions`; the site does not render it yet.
 */
export function assignIds(papers: readonly MergedPaper[]): IdAssignment {
  const slugs = papers.map((p) => slugify(p.title));
  const bySlug = new Map<string, number[]>();
  papers.forEach((p, i) => {
    if (p.arxiv !== null) return;
    bySlug.set(slugs[i]!, [...(bySlug.get(slugs[i]!) ?? []), i]);
  });
  const ids = papers.map((p, i) => p.arxiv ?? slugs[i]!);
  const collisions: SlugCollision[] = [];
  for (const [slug, members] of bySlug) {
    if (members.length < 2) continue;
    const dated = new Map<string, number[]>();
    for (const i of members) {
      const id = `${slug}-${papers[i]!.published ?? 'undated'}`;
      dated.set(id, [...(dated.get(id) ?? []), i]);
    }
    for (const [id, same] of dated) {
      const ordered = [...same].sort((a, b) => tieOrder(papers[a]!, papers[b]!));
      ordered.forEach((i, n) => (ids[i] = n === 0 ? id : `${id}-${n + 1}`));
    }
    collisions.push({ slug, ids: members.map((i) => ids[i]!).sort() });
  }
  const taken = new Set(ids);
  const wantAlias = papers.map((p) => p.arxiv !== null && p.seenWithoutId);
  const aliasUsers = new Map<string, number[]>();
  wantAlias.forEach((want, i) => {
    if (want) aliasUsers.set(slugs[i]!, [...(aliasUsers.get(slugs[i]!) ?? []), i]);
  });
  for (const [slug, users] of aliasUsers) {
    // Two identified papers (or one and an unidentified one) claim the old slug URL: share it.
    if (users.length > 1 || taken.has(slug)) {
      const holders = [...users.map((i) => ids[i]!), ...ids.filter((id) => id === slug)];
      if (!collisions.some((c) => c.slug === slug)) collisions.push({ slug, ids: holders.sort() });
    }
  }
  const aliases = papers.map((_, i) =>
    wantAlias[i] && aliasUsers.get(slugs[i]!)!.length === 1 && !taken.has(slugs[i]!) ? [slugs[i]!] : [],
  );
  return { ids, aliases, collisions: collisions.sort((a, b) => (a.slug < b.slug ? -1 : 1)) };
}

function tieOrder(a: MergedPaper, b: MergedPaper): number {
  const ka = `${titleKey(a.title)}\u0000${a.title}\u0000${a.abstract}`;
  const kb = `${titleKey(b.title)}\u0000${b.title}\u0000${b.abstract}`;
  return ka < kb ? -1 : ka > kb ? 1 : 0;
}
