/**
 * Builders for tests: a test gives only the fields it cares about. `testPaper` builds schema-valid
 * papers for the site's unit tests and the fixture archive (parsed with the real schema, so the
 * defaults match what Astro loads); `testEntry` a raw entry as a reader gives it; `testCard` a card
 * to render as a digest (render-digests.ts).
 */
import { paperSchema, type Appearance, type Paper } from '../../src/schemas/paper.ts';
import type { RawEntry } from '../../src/ingest/types.ts';
import type { CardRecord } from './render-digests.ts';

type Overrides = Partial<Omit<Paper, 'appearances'>> & {
  /** Appearances as `[digest, rank]` pairs; default: rank 0 in each of `digests`. */
  at?: Array<[string, number]>;
  /** Appearances in full (format, counts, capture time); overrides `at`. */
  appearances?: Array<Partial<Appearance> & { digest: string }>;
};

/** A valid `Paper` with the given fields; `id` defaults to a slug, `digests` to one day. */
export function testPaper(overrides: Overrides = {}): Paper {
  const { at, appearances: given, ...fields } = overrides;
  const digests = fields.digests ?? [...new Set((at ?? [['2026-01-08', 0]]).map(([d]) => d))].sort();
  const appearances =
    given?.map((a, i) => ({ rank: 0, file: `${a.digest}.txt`, line: i + 1, ...a })) ??
    (at ?? digests.map((d): [string, number] => [d, 0])).map(([digest, rank], i) => ({
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

/** The card fields a digest may leave unknown, all unknown: the base of testEntry and testCard (keywords stay a fresh list per call). */
const UNKNOWN = {
  authors: null,
  authorCount: 3,
  org: null,
  upvotes: null,
  comments: null,
  arxiv: null,
  github: null,
  project: null,
} as const satisfies Partial<CardRecord>;

/** A raw entry as a reader gives it: one plain-text card of `a.txt`, three authors, no counts. */
export function testEntry(over: Partial<RawEntry> = {}): RawEntry {
  return {
    file: 'a.txt',
    line: 1,
    rank: 0,
    digest: '2026-01-08',
    title: 'A Title',
    abstract: 'An abstract.',
    published: '2025-10-06',
    ...UNKNOWN,
    keywords: [],
    ...over,
  };
}

/** A card to render as a digest: the title and date given, three authors, every other field unknown. */
export function testCard(over: Partial<CardRecord> & Pick<CardRecord, 'title' | 'published'>): CardRecord {
  return {
    abstract: `An abstract about ${over.title} long enough to be a real one, with some words in it.`,
    ...UNKNOWN,
    keywords: [],
    ...over,
  };
}

/**
 * A card a capture gives in full, as the ingest tests' one-paper digests use it: one author `A B`,
 * 3 upvotes, 1 comment, no organisation, repository or project page; title, date and arXiv id given.
 */
export function countedCard(over: Partial<CardRecord> & Pick<CardRecord, 'title' | 'abstract' | 'published' | 'arxiv'>): CardRecord {
  return {
    authors: ['A B'],
    authorCount: 1,
    org: null,
    upvotes: 3,
    comments: 1,
    github: null,
    project: null,
    keywords: [],
    ...over,
  };
}
