/**
 * The paper schema: one source of truth for what ingest writes to `content/papers/<id>.json`
 * and what `src/content.config.ts` reads back. `null` always means "no capture said".
 */
import { z } from 'astro/zod';
import { ARXIV_ID } from './arxiv.ts';
import { CAPTURE_FORMATS, PAPER_ID_PATTERN } from './paper-id.ts';

export { CAPTURE_FORMATS, PAPER_ID_PATTERN };

/** `YYYY-MM-DD`, a calendar date with no time zone. */
export const isoDate = z.string().regex(/^\d{4}-\d{2}-\d{2}$/, 'expected a date as YYYY-MM-DD');

/** A Hugging Face organisation as shown on a paper card. */
export const orgSchema = z.object({
  /** The organisation's handle on Hugging Face, e.g. `nvidia`; also its `/orgs/<slug>/` route. */
  slug: z.string().min(1),
  /** The display name, e.g. `NVIDIA`. */
  name: z.string().min(1),
});
export type Org = z.infer<typeof orgSchema>;

/** One appearance of a paper in one digest file: where it came from and where it sat. */
const appearanceSchema = z.object({
  /** The digest day, `YYYY-MM-DD`. */
  digest: isoDate,
  /** The digest file, relative to the ingest input root (for messages and provenance). */
  file: z.string(),
  /** 1-based line of the card's first line in that file. */
  line: z.number().int().positive(),
  /** 0-based position of the card in its digest, so a digest page keeps the original order. */
  rank: z.number().int().nonnegative(),
  /** Upvotes this capture showed, if it showed any. */
  upvotes: z.number().int().nonnegative().nullable().default(null),
  /** Comments this capture showed, if it showed any. */
  comments: z.number().int().nonnegative().nullable().default(null),
  /**
   * How the capture was saved: a digest format, or `counts` (a line of a counts file,
   * `content/digests/counts/`, that re-read the paper's upvotes and comments); null when unknown.
   */
  format: z.enum(CAPTURE_FORMATS).nullable().default(null),
  /** When the capture was saved (a UTC instant), when its file says; null otherwise. */
  capturedAt: z.string().nullable().default(null),
});
export type Appearance = z.infer<typeof appearanceSchema>;

/** A field two captures of one paper disagreed on: the value the page does not show, and who showed it. */
const conflictSchema = z.object({
  /** The field: `title`, `org` or `authorCount`. */
  field: z.enum(['title', 'org', 'authorCount']),
  /** The other value as text (an org as its name). */
  value: z.string(),
  /** The digest day of the capture that showed it. */
  digest: isoDate,
});
export type Conflict = z.infer<typeof conflictSchema>;

/** Why a topic was assigned: the rule that matched and where. */
const topicMatchSchema = z.object({
  /** The topic's slug in `content/topics.yaml`. */
  slug: z.string(),
  /** Human-readable reasons, e.g. `title mentions "speculative decoding"`. */
  reasons: z.array(z.string()),
});
export type TopicMatch = z.infer<typeof topicMatchSchema>;

/** A paper as ingest writes it: every field merged across all captures. */
export const paperSchema = z.object({
  /** The permalink id: the arXiv URL id when any capture gives one, else a slug of the title. */
  id: z.string().regex(PAPER_ID_PATTERN, 'expected an arXiv id or a lower-case slug'),
  /** Older ids of this paper whose URLs must keep working (they become redirect pages). */
  aliases: z.array(z.string()).default([]),
  /** The title as plain text (LaTeX leftovers repaired; `$…$` math kept for KaTeX). */
  title: z.string().min(1),
  /** The abstract as plain text, paragraphs separated by blank lines; `$…$` marks math. */
  abstract: z.string(),
  /** Publication date on arXiv, as the card showed it (year inferred when omitted). */
  published: isoDate,
  /** Full author names, when a capture lists them. */
  authors: z.array(z.string()).nullable(),
  /** Number of authors: the length of `authors` or the card's `N authors`. */
  authorCount: z.number().int().positive().nullable(),
  /** The organisation the paper was submitted under. */
  org: orgSchema.nullable(),
  /** Newest upvote count any capture showed. */
  upvotes: z.number().int().nonnegative().nullable(),
  /** Newest comment (discussion) count any capture showed. */
  comments: z.number().int().nonnegative().nullable(),
  /** arXiv identifier in canonical form, e.g. `2401.04558` or `hep-th/9901001` (links use it as is). */
  arxiv: z.string().regex(ARXIV_ID, 'expected an arXiv id like 2401.04558 or hep-th/9901001').nullable(),
  /** The paper's first GitHub repository, `https://github.com/owner/repo`. */
  github: z.url().nullable(),
  /** Project page URL. */
  project: z.url().nullable(),
  /** Every other URL found in the abstract, cleaned of trailing punctuation. */
  links: z.array(z.url()).default([]),
  /** Machine keywords from the API (`ai_keywords`), when a capture has them. */
  keywords: z.array(z.string()).default([]),
  /** Every digest day the paper appeared in, ascending. */
  digests: z.array(isoDate).min(1),
  /** Where each capture of this paper came from, in input order. */
  appearances: z.array(appearanceSchema).min(1),
  /** Topics assigned by ingest, with the reasons each matched. */
  topics: z.array(topicMatchSchema).default([]),
  /** Values other captures showed for a field the page shows one value of (see merge.ts `conflictsOf`). */
  conflicts: z.array(conflictSchema).default([]),
  /** Which capture (an index into `appearances`) each value the page shows came from; null when none showed it. */
  sources: z
    .object({
      upvotes: z.number().int().nonnegative().nullable(),
      comments: z.number().int().nonnegative().nullable(),
      org: z.number().int().nonnegative().nullable(),
      authors: z.number().int().nonnegative().nullable(),
    })
    .default({ upvotes: null, comments: null, org: null, authors: null }),
});
export type Paper = z.infer<typeof paperSchema>;
