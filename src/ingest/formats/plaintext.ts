/**
 * The plain-text format: a papers page copied as text (the seed `content/digests/2026-01-08.txt`).
 *
 * ```text
 * Daily Papers            ← header lines, ending with the header date
 * Jan 8
 *
 * Title
 *
 * Abstract, one or more paragraphs.
 *
 *   • 4 authors           ← byline: an author count, or `org-slug Org Name`
 * ·
 * Oct 6, 2025 2           ← date (no year when in the capture's year), then the comment count
 * ```
 *
 * Cards are found by anchoring on the `·` line, which never occurs in prose: the line before it is
 * the byline, the line after it the date, and the card's title is the first non-blank line after
 * the previous card's date. So a malformed card is rejected on its own and never costs its
 * neighbours, and abstracts may have any number of paragraphs.
 */
import type { Org } from '../../schemas/paper.ts';
import type { FormatReader, ParsedFile, ReadContext } from '../types.ts';
import { ReadLog } from './read-log.ts';
import { digestFromHeader, parseMonthDay, resolveDate, type MonthDay } from '../dates.ts';
import { toIsoDate } from '../../core/dates.ts';
import { quote } from '../messages.ts';
import { isBlank, looksLikeJson, SEPARATOR, splitLines } from './lines.ts';

/** `• 4 authors` (the bullet may be lost in a copy; `1 authors` is what the page prints). */
const AUTHORS = /^(?:[•*-] *)?(\d+) +authors?$/i;
/** `furiosa-ai FuriosaAI`: a Hugging Face handle, then the display name. */
const ORG = /^([A-Za-z0-9][A-Za-z0-9._-]*) +(\S.*)$/;
/** An organisation line is a short label; a longer line before `·` is an abstract paragraph. */
const ORG_MAX = 160;
/** Lines the papers page shows above the first card. */
const HEADER_LINES: readonly RegExp[] = [
  /^new$/i,
  /^get trending papers\b/i,
  /^subscribe$/i,
  /^(?:daily|trending) papers$/i,
  /^by ?ak and the research community$/i,
];
/** An upvote count alone on a line: digits, or `-` for none. */
const UPVOTES = /^(\d{1,6}|-)$/;
/** A header line is short; the first long line is the first card's title or abstract. */
const HEADER_LINE_MAX = 80;

/** A date line: `Dec 15, 2023`, `Oct 6, 2025 2`, `Jan 8`, `Jan 8 3`. */
export interface DateLine {
  date: MonthDay;
  comments: number | null;
}

/** Parses a card's date line, with its optional trailing comment count. */
export function parseDateLine(line: string): DateLine | null {
  const text = line.trim();
  const date = parseMonthDay(text);
  if (date) return { date, comments: null };
  const m = /^(.*\S) +(\d{1,7})$/.exec(text);
  if (!m) return null;
  const withCount = parseMonthDay(m[1]!);
  return withCount ? { date: withCount, comments: Number(m[2]) } : null;
}

/**
 * What only the other text captures have: markdown's linked `### [Title](…)` headings and links to
 * huggingface.co, text-browser's `][12]` references closing a line. Abstracts may hold a markdown
 * link of their own (`[GitHub](https://github.com/…)`), so a link alone proves nothing.
 */
const OTHER_CAPTURE: ReadonlyArray<{ needs: string; pattern: RegExp }> = [
  { needs: '# [', pattern: /^#{1,6} \[/m },
  { needs: 'huggingface.co/', pattern: /\]\(https?:\/\/huggingface\.co\// },
  { needs: '][', pattern: /\]\[\d+\]\s*$/m },
];

/** A line shaped like a card's date (`Feb 30, 2025 1` too: the reader then says what is wrong with it). */
const DATE_SHAPED = /^[A-Za-z]{3,9}\.? +\d{1,2}\b/;

/** Detects a plain-text copy: a `·` line followed by a date-shaped line, and not JSON or another capture. */
function detect(text: string): boolean {
  if (looksLikeJson(text)) return false;
  // A substring each must contain first: a plain-text file has none, and the multiline patterns scan slowly.
  if (OTHER_CAPTURE.some(({ needs, pattern }) => text.includes(needs) && pattern.test(text))) return false;
  const lines = splitLines(text);
  return lines.some((l, i) => l.trim() === SEPARATOR && DATE_SHAPED.test((lines[i + 1] ?? '').trim()));
}

interface Header {
  /** Index of the first line after the header. */
  end: number;
  date: MonthDay | null;
  /** 0-based line of the header date, and its text (for messages). */
  dateLine: number;
  dateText: string;
}

/**
 * The header ends at its date line (`Jan 8`) when there is one among the short lines before the
 * first card; otherwise it is the run of known header lines at the top.
 */
function readHeader(lines: readonly string[], firstSeparator: number): Header {
  for (let i = 0; i < firstSeparator; i++) {
    const t = lines[i]!.trim();
    // A long line or a byline means the first card has begun (its date is not the header's).
    if (t.length > HEADER_LINE_MAX || AUTHORS.test(t)) break;
    const date = parseMonthDay(t);
    if (date) return { end: i + 1, date, dateLine: i, dateText: t };
  }
  let i = 0;
  while (i < firstSeparator && (isBlank(lines[i]) || HEADER_LINES.some((r) => r.test(lines[i]!.trim())))) i++;
  return { end: i, date: null, dateLine: -1, dateText: '' };
}

/** A card read up to its date; the year is resolved once the file's digest day is known. */
interface PendingCard {
  /** 0-based line of the title. */
  line: number;
  title: string;
  abstract: string;
  authorCount: number | null;
  org: Org | null;
  /** The upvote count, when the copy kept it above the title. */
  upvotes: number | null;
  date: DateLine;
}

type Body = Omit<PendingCard, 'date'>;

/** Reads the cards of one copy into its problem log; its own methods take 0-based line indices. */
class CardReader {
  private readonly lines: readonly string[];
  readonly log: ReadLog;
  /** Whether the copy kept upvote counts above its titles (`copyShowsVotes`). */
  private readonly showsVotes: boolean;

  // Plain fields, not parameter properties: the ingest CLI runs on Node's type stripping, which has none.
  constructor(lines: readonly string[], log: ReadLog, showsVotes: boolean) {
    this.lines = lines;
    this.log = log;
    this.showsVotes = showsVotes;
  }

  /** Number of blank-separated blocks of text in lines `[from, to)`. */
  private blocks(from: number, to: number): number {
    let n = 0;
    for (let i = from; i < to; i++) if (!isBlank(this.lines[i]) && (i === from || isBlank(this.lines[i - 1]))) n++;
    return n;
  }

  /** Refuses the card at line index `i`. */
  reject(i: number, message: string): void {
    this.log.reject(i + 1, message);
  }

  /** A warning at line index `i`. */
  warn(i: number, message: string): void {
    this.log.warn(i + 1, message);
  }

  private text(i: number): string {
    return (this.lines[i] ?? '').trim();
  }

  /** Title, abstract and byline of the card between `from` and the separator at `sep`. */
  body(from: number, sep: number): Body | null {
    let start = this.skipLostSeparators(from, sep);
    while (start < sep && isBlank(this.lines[start])) start++;
    const b = sep - 1;
    // A date line standing alone before a title is the previous card's, doubled in the copy: it
    // must not become this card's title.
    while (start + 2 < b && parseDateLine(this.text(start)) && isBlank(this.lines[start + 1])) {
      this.warn(start, `expected a title, found a second date line ${quote(this.text(start))} (ignored)`);
      start += 2;
      while (start < sep && isBlank(this.lines[start])) start++;
    }
    // Some copies keep the upvote button's count (`-` for none) on its own line above the title.
    // A title can be digits too (`404`): a number is the count only when a title and an abstract
    // still follow it, and when the copy shows counts on its other cards (see `showsVotes`).
    let upvotes: number | null = null;
    const vote = UPVOTES.exec(this.text(start));
    if (vote && this.blocks(start + 1, b) >= 2 && this.showsVotes) {
      upvotes = vote[1] === '-' ? 0 : Number(vote[1]);
      start++;
      while (start < sep && isBlank(this.lines[start])) start++;
    }
    if (b < start || isBlank(this.lines[b])) {
      this.reject(
        sep,
        `expected a byline ("• N authors" or "org-slug Org Name") on the line before "·", found ${b < start ? 'no card' : 'a blank line'}`,
      );
      return null;
    }
    const byline = this.text(b);
    const t = start;
    if (t === b) {
      this.reject(b, `expected a title and an abstract before the byline, found only ${quote(byline)}`);
      return null;
    }
    const authors = AUTHORS.exec(byline);
    let org: Org | null = null;
    if (!authors) {
      org = this.org(byline, t, b);
      if (!org) {
        this.reject(b, `expected a byline ("• N authors" or "org-slug Org Name") on the line before "·", found ${quote(byline)}`);
        return null;
      }
    }
    if (!isBlank(this.lines[t + 1]) && t + 1 < b) {
      this.warn(t + 1, `expected a blank line after the title, found ${quote(this.text(t + 1))}`);
    }
    const abstract = this.paragraphs(t + 1, b);
    if (abstract === '') this.warn(t, `expected an abstract after the title, found none`);
    const count = authors ? Number(authors[1]) : null;
    return { line: t, title: this.text(t), abstract, authorCount: count === 0 ? null : count, org, upvotes };
  }

  /**
   * An organisation line must stand alone after a blank line, after an abstract, and be short:
   * otherwise a card that lost its byline would pass its last abstract paragraph off as an org.
   */
  private org(byline: string, title: number, b: number): Org | null {
    const m = ORG.exec(byline);
    if (!m || byline.length > ORG_MAX || !isBlank(this.lines[b - 1])) return null;
    let hasAbstract = false;
    for (let i = title + 1; i < b - 1; i++) if (!isBlank(this.lines[i])) hasAbstract = true;
    if (!hasAbstract) return null;
    // Sentences end in a long word and a full stop; names end in `Inc.`, `Ltd.`, `Lab.` or no dot.
    if (/\.$/.test(byline) && !/(?:^|\s)[A-Za-z]{1,4}\.$/.test(byline)) return null;
    return { slug: m[1]!, name: m[2]!.replace(/\s+/g, ' ').trim() };
  }

  /**
   * A card that lost its `·` line runs into the next card: its byline or date line then sits
   * inside what looks like the next card's abstract. Rejects that fragment and returns where the
   * following card starts, so the following card is still read.
   */
  private skipLostSeparators(from: number, sep: number): number {
    let firstText = from;
    while (firstText < sep && isBlank(this.lines[firstText])) firstText++;
    for (let k = sep - 2; k > firstText; k--) {
      const t = this.text(k);
      if (AUTHORS.test(t)) {
        const next = this.text(k + 1);
        this.reject(k + 1, `expected a "·" line after the byline ${quote(t)}, found ${quote(next)}`);
        return parseDateLine(next) ? k + 2 : k + 1;
      }
      if (parseDateLine(t) && isBlank(this.lines[k + 1])) {
        this.reject(k, `expected a "·" line between the byline and the date, found ${quote(t)} right after ${quote(this.text(k - 1))}`);
        return k + 1;
      }
    }
    return from;
  }

  /** Lines `[from, to)` as paragraphs: lines of a paragraph joined by `\n`, paragraphs by `\n\n`. */
  private paragraphs(from: number, to: number): string {
    const paras: string[] = [];
    let current: string[] = [];
    for (let i = from; i < to; i++) {
      if (isBlank(this.lines[i])) {
        if (current.length) paras.push(current.join('\n'));
        current = [];
      } else current.push(this.text(i));
    }
    if (current.length) paras.push(current.join('\n'));
    return paras.join('\n\n');
  }
}

/** The file's digest day: from its name, else the header date, else the newest card date. */
function inferDigest(cards: readonly PendingCard[], header: Header, ctx: ReadContext, reader: CardReader): string | null {
  const dated = cards.filter((c) => c.date.date.year !== null).map((c) => resolveDate(c.date.date, '9999-12-31')!);
  const newestDated = dated.length ? dated.reduce((a, b) => (a > b ? a : b)) : null;
  if (ctx.digestFromName) {
    const h = header.date;
    if (h) {
      const mismatch = (h.year === null ? resolveDate(h, ctx.digestFromName) : toIsoDate(h.year, h.month, h.day)) !== ctx.digestFromName;
      if (mismatch) {
        reader.warn(
          header.dateLine,
          `expected the header date to match the file name's ${ctx.digestFromName}, found ${quote(header.dateText)}`,
        );
      }
    }
    return ctx.digestFromName;
  }
  if (header.date) return digestFromHeader(header.date, newestDated);
  const yearless = cards.filter((c) => c.date.date.year === null);
  if (yearless.length === 0) return newestDated;
  // Year-less dates are in the capture's year, after every dated card's year: take the first such year.
  if (newestDated === null) return null;
  const year = Number(newestDated.slice(0, 4)) + 1;
  const newest = yearless
    .map((c) => resolveDate({ ...c.date.date, year }, '9999-12-31'))
    .filter((d): d is string => d !== null)
    .reduce<string | null>((a, b) => (a === null || b > a ? b : a), null);
  if (newest) reader.warn(0, `expected a digest date in the file name or header, found none; guessed ${newest}`);
  return newest;
}

/**
 * Whether a copy kept the upvote button's count above its titles. The button is on every card of
 * a page, so a copy that kept it shows two or more number lines standing alone between blank
 * lines; a single one among several cards is a title made of digits (`404`). A one-card copy
 * cannot tell, and reads a number over a title and an abstract as the count.
 */
function copyShowsVotes(lines: readonly string[], cards: number): boolean {
  if (cards <= 1) return true;
  let n = 0;
  for (let i = 0; i < lines.length && n < 2; i++) {
    if (UPVOTES.test(lines[i]!.trim()) && isBlank(lines[i - 1]) && isBlank(lines[i + 1])) n++;
  }
  return n >= 2;
}

/** Reads a plain-text digest into raw entries; malformed cards become problems. */
export function parsePlaintext(text: string, ctx: ReadContext): ParsedFile {
  const lines = splitLines(text);
  const separators: number[] = [];
  lines.forEach((l, i) => {
    if (l.trim() === SEPARATOR) separators.push(i);
  });
  const reader = new CardReader(lines, new ReadLog(ctx.file), copyShowsVotes(lines, separators.length));
  const header = readHeader(lines, separators[0] ?? lines.length);
  const cards: PendingCard[] = [];
  let start = header.end;
  for (const sep of separators) {
    if (sep < start) continue; // a `·` already consumed as a (bad) date line
    const dateAt = sep + 1;
    const date = parseDateLine(lines[dateAt] ?? '');
    const body = reader.body(start, sep);
    if (body && date) cards.push({ ...body, date });
    else if (body) {
      const found = isBlank(lines[dateAt]) ? 'a blank line' : quote(lines[dateAt]!.trim());
      reader.reject(dateAt, `expected a date line like "Jan 8" or "Dec 15, 2023 3" after "·", found ${found}`);
    }
    // A bad date line is still part of this card when a blank line (or the end) follows it.
    const consumed = date !== null || (!isBlank(lines[dateAt]) && isBlank(lines[dateAt + 1]));
    start = consumed ? dateAt + 1 : sep + 1;
  }
  readTrailer(lines, start, reader);

  const digest = inferDigest(cards, header, ctx, reader);
  for (const card of cards) {
    if (digest === null) {
      reader.reject(card.line, `expected a digest date (file name YYYY-MM-DD…, a header date, or a card date with a year), found none`);
      continue;
    }
    const published = resolveDate(card.date.date, digest);
    if (published === null) {
      reader.reject(card.line, `expected a date that exists, found ${quote(lines[card.line]!.trim())}`);
      continue;
    }
    reader.log.accept({
      line: card.line + 1,
      digest,
      title: card.title,
      abstract: card.abstract,
      published,
      authorCount: card.authorCount,
      org: card.org,
      upvotes: card.upvotes,
      comments: card.date.comments,
    });
  }
  return reader.log.result('plaintext', digest);
}

/**
 * Text after the last card: a card cut off before its `·` (a title and an abstract) is a rejected
 * entry; a single stray line (a page footer) is only a warning.
 */
function readTrailer(lines: readonly string[], from: number, reader: CardReader): void {
  let blocks = 0;
  let first = -1;
  for (let i = from; i < lines.length; i++) {
    if (isBlank(lines[i])) continue;
    if (first < 0) first = i;
    if (i === from || isBlank(lines[i - 1])) blocks++;
  }
  if (first < 0) return;
  const found = quote(lines[first]!.trim());
  if (blocks >= 2)
    reader.reject(first, `expected a byline, "·" and a date line to end the card starting ${found}, found the end of the file`);
  else reader.warn(first, `expected a paper card, found ${found}`);
}

/** The plain-text format's entry in the registry. */
export const plaintextFormat: FormatReader = {
  name: 'plaintext',
  label: 'a plain-text copy of a papers page',
  detect: (text) => detect(text),
  parse: parsePlaintext,
};
