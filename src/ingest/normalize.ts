/**
 * Normalisation of raw entries from any format: whitespace, LaTeX leftovers, links. After this
 * step an entry's text fields are final; merging only chooses between them.
 */
import type { RawEntry } from './types.ts';
import { repairLatex } from './latex-repair.ts';
import { extractLinks, githubRepo, webUrl } from '../core/urls.ts';
import { parseArxivId } from '../schemas/arxiv.ts';
import { captureInstant } from './dates.ts';

/** A raw entry with final text and the links found in its abstract. */
export interface NormalizedEntry extends Omit<RawEntry, 'published' | 'capturedAt'> {
  /** When the capture was saved (a UTC instant), when its file says; null otherwise. */
  capturedAt: string | null;
  /** Publication date; the digest day when the capture showed none (see `publishedFromDigest`). */
  published: string;
  /**
   * True when the capture showed no publication date (trending cards never do) and `published`
   * is the digest day: a stand-in that any dated capture of the same paper overrides.
   */
  publishedFromDigest: boolean;
  /** Cleaned URLs from the abstract other than `github` and `project`, in order. */
  links: string[];
}

// NBSP and its narrow/figure cousins read as spaces; zero-width characters and soft hyphens vanish.
const SPACES = /[\u00a0\u2007\u2009\u202f\u3000\t\f\v]/g;
// Alternatives, not a character class: ESLint reads U+200D (ZWJ) in a class as joining its neighbours.
const INVISIBLE = /\u200b|\u200c|\u200d|\u2060|\ufeff|\u00ad/g;

/**
 * Every whitespace run as one space, written to match only what changes: a run of two or more,
 * or one whitespace character that is not a space. `/\s+/` matched every single space between
 * words too, and rebuilding each string around them was most of normalising an abstract.
 */
const WHITESPACE_RUN = /\s{2,}|[^\S ]/g;

/**
 * True when normalising cannot change `text`: no whitespace but single spaces between other
 * characters, and nothing `INVISIBLE` removes. One loop over the characters instead of the regular
 * expressions' several passes, which were most of normalising an entry; the corpus's titles and
 * abstracts all pass. Conservative: every character that could be whitespace or invisible, and a
 * few neighbours of them, sends the text through the full normalisation.
 */
function alreadyNormal(text: string): boolean {
  const n = text.length;
  if (n === 0) return true;
  if (text.charCodeAt(0) === 0x20 || text.charCodeAt(n - 1) === 0x20) return false;
  let previous = 0;
  for (let i = 0; i < n; i++) {
    const c = text.charCodeAt(i);
    if (c < 0x20 || (c === 0x20 && previous === 0x20)) return false;
    if (c >= 0x80 && (c <= 0xad || c === 0x1680 || (c >= 0x2000 && c <= 0x206f) || c === 0x3000 || c === 0xfeff)) return false;
    previous = c;
  }
  return true;
}

/** One line of text: every whitespace run (newlines included) becomes one space. */
export function normalizeLine(text: string): string {
  if (alreadyNormal(text)) return text;
  // No `SPACES` pass: every character it maps to a space is whitespace, which the next pass collapses anyway.
  return text.replace(INVISIBLE, '').replace(WHITESPACE_RUN, ' ').trim();
}

/**
 * Paragraph text: blank lines separate paragraphs (kept as `\n\n`); inside a paragraph, line
 * breaks and whitespace runs become one space.
 */
export function normalizeParagraphs(text: string): string {
  if (alreadyNormal(text)) return text;
  return text
    .replace(INVISIBLE, '')
    .replace(SPACES, ' ')
    .split(/\r?\n[ ]*(?:\r?\n\s*)+/)
    .map((p) => p.replace(WHITESPACE_RUN, ' ').trim())
    .filter((p) => p !== '')
    .join('\n\n');
}

/** Final text and links for one entry. */
export function normalizeEntry(raw: RawEntry): NormalizedEntry {
  const title = repairLatex(normalizeLine(raw.title));
  const abstract = repairLatex(normalizeParagraphs(raw.abstract));
  const found = extractLinks(abstract);
  const rawGithub = webUrl(raw.github);
  const github = rawGithub ? (githubRepo(rawGithub) ?? rawGithub) : found.github;
  const project = webUrl(raw.project);
  const authors = raw.authors?.map(normalizeLine).filter((a) => a !== '') ?? null;
  const hasAuthors = authors !== null && authors.length > 0;
  const links = [...(found.github && found.github !== github ? [found.github] : []), ...found.links];
  return {
    ...raw,
    capturedAt: captureInstant(raw.capturedAt),
    published: raw.published ?? raw.digest,
    publishedFromDigest: raw.published === null,
    title,
    abstract,
    // Readers validate ids (and report bad ones); this keeps the canonical form (`hep-th/9901001`).
    arxiv: parseArxivId(raw.arxiv),
    authors: hasAuthors ? authors : null,
    authorCount: hasAuthors ? authors.length : raw.authorCount,
    org: raw.org ? { slug: raw.org.slug.trim(), name: normalizeLine(raw.org.name) || raw.org.slug.trim() } : null,
    github,
    project,
    keywords: [...new Set(raw.keywords.map(normalizeLine).filter((k) => k !== ''))],
    links: links.filter((l, i) => l !== github && l !== project && links.indexOf(l) === i),
  };
}
