/**
 * The `archive.jsonl` record for a paper: one pure function used by the ingest CLI (`--archive`)
 * and by the site's `/archive.jsonl` endpoint, so the two can never disagree.
 */
import type { Paper } from '../schemas/paper.ts';
import type { ArchiveRecord } from '../schemas/archive.ts';
import { compareStrings } from './compare.ts';
import { capturesInOrder } from './captures.ts';
import { joinBase, paperPath } from './paths.ts';

/** Builds the archive record; `base` is the site base path (`/` or `/repo/`). */
function toArchiveRecord(paper: Paper, base: string): ArchiveRecord {
  return {
    id: paper.id,
    url: joinBase(base, paperPath(paper.id)),
    aliases: paper.aliases.map((alias) => joinBase(base, paperPath(alias))),
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
    appearances: capturesInOrder(paper.appearances).map((a) => ({
      digest: a.digest,
      format: a.format,
      upvotes: a.upvotes,
      comments: a.comments,
    })),
  };
}

/**
 * `archive.jsonl`'s lines (sorted by id, one JSON object and its newline each), each made when it
 * is read: the site's endpoint streams them (src/site/view/text-stream.ts) instead of holding the
 * whole file as one string (102 MB at 50,000 papers).
 */
export function* archiveJsonlLines(papers: readonly Paper[], base: string): Generator<string> {
  for (const p of [...papers].sort((a, b) => compareStrings(a.id, b.id))) yield JSON.stringify(toArchiveRecord(p, base)) + '\n';
}

/** Serialises papers as `archive.jsonl`: sorted by id, one JSON object per line. */
export function toArchiveJsonl(papers: readonly Paper[], base: string): string {
  return [...archiveJsonlLines(papers, base)].join('');
}
