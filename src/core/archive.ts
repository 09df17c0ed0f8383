/**
 * The `archive.jsonl` record for a paper: one pure function used by the ingest CLI (`--archive`)
 * and by the site's `/archive.jsonl` endpoint, so the two can never disagree.
 */
import type { Paper } from '../schemas/paper.ts';
import type { ArchiveRecord } from '../schemas/archive.ts';

/** Builds the archive record; `base` is the site base path (`/` or `/repo/`). */
export function toArchiveRecord(paper: Paper, base: string): ArchiveRecord {
  const b = base.endsWith('/') ? base : `${base}/`;
  return {
    id: paper.id,
    url: `${b}papers/${paper.id}/`,
    aliases: paper.aliases.map((alias) => `${b}papers/${alias}/`),
    title: paper.title,
    abstract: paper.abstract,
    published: paper.published,
    authors: paper.authors,
    authorCount: paper.authorCount,
    org: paper.org,
    upvotes: paper.upvotes,
    comments: paper.comments,
    arxiv: paper.arxiv,
    github: paper.github,
    project: paper.project,
    digests: paper.digests,
    topics: paper.topics.map((t) => t.slug),
  };
}

/** Serialises papers as `archive.jsonl`: sorted by id, one JSON object per line. */
export function toArchiveJsonl(papers: readonly Paper[], base: string): string {
  return [...papers]
    .sort((a, b) => (a.id < b.id ? -1 : a.id > b.id ? 1 : 0))
    .map((p) => JSON.stringify(toArchiveRecord(p, base)) + '\n')
    .join('');
}
