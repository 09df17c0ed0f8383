/**
 * A built paper as the entry ingest writes, without a schema parse per paper: the fields in the
 * order of `paperSchema` (src/schemas/paper.ts), which fixes the written JSON's key order, and only
 * when every value is one the schema accepts unchanged. Parsing each of the corpus's 9,877 papers
 * with zod was a tenth of the ingest's CPU; the values come from typed code (merge.ts, ids.ts,
 * topics.ts), not from the digests, so the check here is a guard, and whatever it cannot vouch
 * for goes to the schema itself (`toPaper` in pipeline.ts), whose messages the report quotes.
 * paper-entry.test.ts holds both to the same answer.
 */
import type { Appearance, Conflict, Org, Paper, TopicMatch } from '../schemas/paper.ts';
import { CAPTURE_FORMATS, PAPER_ID_PATTERN } from '../schemas/paper-id.ts';
import { ARXIV_ID } from '../schemas/arxiv.ts';

const ISO_DATE = /^\d{4}-\d{2}-\d{2}$/;
const FORMATS: ReadonlySet<unknown> = new Set(CAPTURE_FORMATS);
const CONFLICT_FIELDS: ReadonlySet<unknown> = new Set(['title', 'org', 'authorCount']);
/** Characters the schema's URL check deletes from the value it keeps (zod's `stripTabAndNewline`). */
const TAB_OR_NEWLINE = /[\t\n\r]/;

const isString = (v: unknown): v is string => typeof v === 'string';
const isDate = (v: unknown): v is string => typeof v === 'string' && ISO_DATE.test(v);
const isCount = (v: unknown): v is number => Number.isSafeInteger(v) && (v as number) >= 0;
const isCountOrNull = (v: unknown): v is number | null => v === null || isCount(v);
/** A URL the schema keeps exactly as written: parseable, with no blank at either end nor tab or newline inside. */
const isUrl = (v: unknown): v is string => typeof v === 'string' && v === v.trim() && !TAB_OR_NEWLINE.test(v) && URL.canParse(v);
const isUrlOrNull = (v: unknown): v is string | null => v === null || isUrl(v);
/** Every item of a list passes `ok` (a hole too is an item: `Array.prototype.every` would skip it). */
function every<T>(list: unknown, ok: (v: unknown) => v is T): list is T[] {
  if (!Array.isArray(list)) return false;
  for (let i = 0; i < list.length; i++) if (!ok(list[i])) return false;
  return true;
}

function appearance(a: Appearance): Appearance | null {
  if (typeof a !== 'object' || a === null) return null;
  const { digest, file, line, rank, upvotes, comments, format, capturedAt } = a;
  if (!isDate(digest) || !isString(file) || !(isCount(line) && line > 0) || !isCount(rank)) return null;
  if (!isCountOrNull(upvotes) || !isCountOrNull(comments) || !(format === null || FORMATS.has(format))) return null;
  if (!(capturedAt === null || isString(capturedAt))) return null;
  return { digest, file, line, rank, upvotes, comments, format, capturedAt };
}

function conflict(c: Conflict): Conflict | null {
  if (typeof c !== 'object' || c === null) return null;
  const { field, value, digest } = c;
  return CONFLICT_FIELDS.has(field) && isString(value) && isDate(digest) ? { field, value, digest } : null;
}

function topicMatch(t: TopicMatch): TopicMatch | null {
  if (typeof t !== 'object' || t === null) return null;
  return isString(t.slug) && every(t.reasons, isString) ? { slug: t.slug, reasons: t.reasons.slice() } : null;
}

function org(o: Org | null): Org | null | undefined {
  if (o === null) return null;
  if (typeof o !== 'object' || !isString(o.slug) || !isString(o.name) || o.slug === '' || o.name === '') return undefined;
  return { slug: o.slug, name: o.name };
}

/** Each item through `ok`, or null when one is refused. */
function all<T>(list: readonly T[], ok: (v: T) => T | null): T[] | null {
  if (!Array.isArray(list)) return null;
  const out: T[] = [];
  for (const v of list) {
    const checked = ok(v);
    if (checked === null) return null;
    out.push(checked);
  }
  return out;
}

/**
 * `paperSchema.parse(candidate)` for a candidate every value of which the schema takes as it is:
 * the same fields, in the same order (nested objects too), copied. Null for anything else — a
 * value the schema would refuse, or change (a default filled in, a URL trimmed) — which the
 * caller leaves to the schema.
 */
export function paperEntry(candidate: Paper): Paper | null {
  const c = candidate;
  if (!isString(c.id) || !PAPER_ID_PATTERN.test(c.id) || !every(c.aliases, isString)) return null;
  if (!isString(c.title) || c.title === '' || !isString(c.abstract) || !isDate(c.published)) return null;
  if (!(c.authors === null || every(c.authors, isString))) return null;
  if (!(c.authorCount === null || (isCount(c.authorCount) && c.authorCount > 0))) return null;
  const orgValue = org(c.org);
  if (orgValue === undefined || !isCountOrNull(c.upvotes) || !isCountOrNull(c.comments)) return null;
  if (!(c.arxiv === null || (isString(c.arxiv) && ARXIV_ID.test(c.arxiv)))) return null;
  if (!isUrlOrNull(c.github) || !isUrlOrNull(c.project) || !every(c.links, isUrl) || !every(c.keywords, isString)) return null;
  if (!every(c.digests, isDate) || c.digests.length === 0) return null;
  const appearances = all(c.appearances, appearance);
  const topics = all(c.topics, topicMatch);
  const conflicts = all(c.conflicts, conflict);
  if (appearances === null || appearances.length === 0 || topics === null || conflicts === null) return null;
  const s = c.sources;
  if (typeof s !== 'object' || s === null || !isCountOrNull(s.upvotes) || !isCountOrNull(s.comments)) return null;
  if (!isCountOrNull(s.org) || !isCountOrNull(s.authors)) return null;
  return {
    id: c.id,
    aliases: c.aliases.slice(),
    title: c.title,
    abstract: c.abstract,
    published: c.published,
    authors: c.authors === null ? null : c.authors.slice(),
    authorCount: c.authorCount,
    org: orgValue,
    upvotes: c.upvotes,
    comments: c.comments,
    arxiv: c.arxiv,
    github: c.github,
    project: c.project,
    links: c.links.slice(),
    keywords: c.keywords.slice(),
    digests: c.digests.slice(),
    appearances,
    topics,
    conflicts,
    sources: { upvotes: s.upvotes, comments: s.comments, org: s.org, authors: s.authors },
  };
}
