/**
 * Pure text helpers for the pages: linkified text segments, human dates, bylines and excerpts.
 * They return plain strings and data; Astro escapes them when rendering, so nothing here builds
 * HTML from digest text.
 */
import type { Paper } from '../../schemas/paper.ts';
import { utcDate } from '../../core/dates.ts';
import type { UrlSpan } from '../../core/urls.ts';

/** A run of text, either plain or a link whose visible text is the raw span. */
export type Segment = { kind: 'text'; text: string } | { kind: 'link'; text: string; href: string };

/** Only web links become anchors; anything else (e.g. `javascript:`) stays text. */
const SAFE_URL = /^https?:\/\/[^\s]+$/i;

/**
 * Splits `text` into text and link segments at the given URL spans (as `findUrls` returns them).
 * Spans that overlap an earlier one, fall outside the text, or carry a non-http(s) URL are ignored,
 * so the segments always concatenate back to exactly `text`.
 */
export function linkSegments(text: string, spans: readonly UrlSpan[]): Segment[] {
  const segments: Segment[] = [];
  // Adjacent text runs merge, so renderers and tests see one run between two links.
  const pushText = (t: string) => {
    const last = segments.at(-1);
    if (last?.kind === 'text') last.text += t;
    else if (t) segments.push({ kind: 'text', text: t });
  };
  let cursor = 0;
  const ordered = [...spans].sort((a, b) => a.start - b.start);
  for (const span of ordered) {
    if (span.start < cursor || span.end <= span.start || span.end > text.length) continue;
    if (!SAFE_URL.test(span.url)) continue;
    pushText(text.slice(cursor, span.start));
    const raw = text.slice(span.start, span.end);
    // When cleaning only trimmed the end (`https://x.io.` → `https://x.io`), the trimmed
    // punctuation stays outside the link; otherwise the whole raw span is the link text.
    const linked = raw.startsWith(span.url) ? span.url : raw;
    segments.push({ kind: 'link', text: linked, href: span.url });
    pushText(raw.slice(linked.length));
    cursor = span.end;
  }
  pushText(text.slice(cursor));
  return segments;
}

/** Splits an abstract into paragraphs at blank lines, dropping empty ones. */
export function paragraphs(text: string): string[] {
  return text
    .split(/\r?\n[ \t]*\r?\n/)
    .map((p) => p.trim())
    .filter((p) => p.length > 0);
}

const dayFormat = new Intl.DateTimeFormat('en-US', { timeZone: 'UTC', year: 'numeric', month: 'short', day: 'numeric' });
const longDayFormat = new Intl.DateTimeFormat('en-US', {
  timeZone: 'UTC',
  weekday: 'long',
  year: 'numeric',
  month: 'long',
  day: 'numeric',
});
const monthFormat = new Intl.DateTimeFormat('en-US', { timeZone: 'UTC', year: 'numeric', month: 'long' });

/** Formatted days, by ISO date: a build formats the same few hundred days on ~100,000 cards and pages. */
const formattedDays = new Map<string, string>();

/** `2023-12-15` → `Dec 15, 2023`. */
export function formatDate(iso: string): string {
  let text = formattedDays.get(iso);
  if (text === undefined) {
    text = dayFormat.format(utcDate(iso));
    formattedDays.set(iso, text);
  }
  return text;
}

/** `2026-01-08` → `Thursday, January 8, 2026` (digest page headings). */
export function formatLongDate(iso: string): string {
  return longDayFormat.format(utcDate(iso));
}

/** `2026-01` → `January 2026`. */
export function formatMonth(month: string): string {
  return monthFormat.format(utcDate(`${month}-01`));
}

/** `toLocaleString('en-US')`'s format, made once: each `toLocaleString` call builds a formatter anew. */
const countFormat = new Intl.NumberFormat('en-US');

/**
 * `count` as en-US writes it (`12,345`). Whole numbers, every count the site shows, are grouped by
 * a regular expression: `Intl.NumberFormat#format` took ~7 µs a call, ~0.6 s of a 10,000-paper
 * build's rendering thread for ~100,000 counts on pages and cards (format.test.ts checks both agree).
 */
export function formatCount(count: number): string {
  return Number.isSafeInteger(count) ? String(count).replace(/\B(?=(\d{3})+$)/g, ',') : countFormat.format(count);
}

/** `1 paper`, `2 papers`: a count with its noun, pluralised with a plain `s` unless given. */
export function plural(count: number, singular: string, pluralForm = `${singular}s`): string {
  return `${formatCount(count)} ${count === 1 ? singular : pluralForm}`;
}

/**
 * Who wrote a paper, as one short line: the org name, else the author names (up to three, then
 * "et al."), else `N authors`; empty when no capture said.
 */
export function byline(paper: Pick<Paper, 'org' | 'authors' | 'authorCount'>): string {
  if (paper.org) return paper.org.name;
  if (paper.authors && paper.authors.length > 0) {
    const shown = paper.authors.slice(0, 3).join(', ');
    return paper.authors.length > 3 ? `${shown} et al.` : shown;
  }
  if (paper.authorCount) return plural(paper.authorCount, 'author');
  return '';
}

/**
 * A page's meta description: an excerpt with `<` and `>` replaced by look-alike angle quotes.
 * Astro escapes only `&` and `"` inside attributes, which is safe HTML, but a raw
 * `<script>` in a digest abstract would still show up to naive scanners and snippet parsers.
 * 155 characters: what search snippets and chat previews show (link previews read this tag: there
 * is no og:description copy of it), and each byte of a paper page counts 50,000 times.
 */
export function metaDescription(text: string, max = 155): string {
  return excerpt(text, max).replace(/</g, '‹').replace(/>/g, '›');
}

/**
 * The start of a text, cut at a word boundary to at most `max` characters with an ellipsis;
 * whitespace (including paragraph breaks) collapses to single spaces.
 */
export function excerpt(text: string, max = 240): string {
  // Only the flattened text's first `max` characters count, so a long text (an abstract: up to
  // ~2,000 characters, cut on every paper page and card) is flattened from a prefix when that
  // prefix alone is longer than `max` once flattened: its first characters are the whole text's.
  const head = text.length > 2 * max ? flatten(text.slice(0, 2 * max)) : '';
  const flat = head.length > max ? head : flatten(text);
  if (flat.length <= max) return flat;
  const cut = flat.slice(0, max - 1);
  const space = cut.lastIndexOf(' ');
  // A single giant word (a long URL) would otherwise leave nothing; cut it mid-word instead.
  const kept = space > max / 2 ? cut.slice(0, space) : cut;
  return `${kept.replace(/[\s,;:.–—-]+$/, '')}…`;
}

/** Whitespace runs (paragraph breaks included) as single spaces, trimmed. */
function flatten(text: string): string {
  return text.replace(/\s+/g, ' ').trim();
}
