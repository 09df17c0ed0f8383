/**
 * Builds schema-valid papers for the site's unit tests and the fixture archive: only what a test cares about is given,
 * and the result is parsed with the real schema so defaults match what Astro loads.
 */
import { paperSchema, type Paper } from '../../src/schemas/paper.ts';

type Overrides = Partial<Omit<Paper, 'appearances'>> & {
  /** Appearances as `[digest, rank]` pairs; default: rank 0 in each of `digests`. */
  at?: Array<[string, number]>;
};

/** A valid `Paper` with the given fields; `id` defaults to a slug, `digests` to one day. */
export function testPaper(overrides: Overrides = {}): Paper {
  const { at, ...fields } = overrides;
  const digests = fields.digests ?? [...new Set((at ?? [['2026-01-08', 0]]).map(([d]) => d))].sort();
  const appearances = (at ?? digests.map((d): [string, number] => [d, 0])).map(([digest, rank], i) => ({
    digest,
    rank,
    file: `${digest}.txt`,
    line: i + 1,
  }));
  return paperSchema.parse({
    id: 'a-paper',
    title: 'A paper',
    abstract: 'An abstract.',
    published: '2025-01-01',
    authors: null,
    authorCount: null,
    org: null,
    upvotes: null,
    comments: null,
    arxiv: null,
    github: null,
    project: null,
    ...fields,
    digests,
    appearances,
  });
}
