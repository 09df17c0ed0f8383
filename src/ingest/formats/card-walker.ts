/**
 * The card layout the markdown and text-browser captures share, read the same way for both:
 *
 * ```text
 * [upvotes]                 ← optional, above the heading (format-specific syntax)
 * ### Title                 ← a card starts at its heading; headings never occur in prose
 * abstract …
 * byline                    ← "N authors" or an organisation badge
 * ·
 * Mon D[, YYYY] [comments]
 * ```
 *
 * Cards are anchored on headings, so a damaged card is rejected on its own and its neighbours are
 * still read. Each format supplies the line syntax (`CardSyntax`); this module does the walking
 * and the dates, with the readers' shared problem log (read-log.ts).
 */
import type { Org } from '../../schemas/paper.ts';
import type { DigestFormat, ParsedFile, ReadContext } from '../types.ts';
import { captureInstant, digestFromHeader, parseMonthDay, resolveDate, type MonthDay } from '../dates.ts';
import { quote } from '../messages.ts';
import { isBlank, SEPARATOR } from './lines.ts';
import { ReadLog } from './read-log.ts';

/** A card's title as its heading gave it. */
export interface TitleRead {
  title: string;
  /** arXiv id from the heading's link, when it has one. */
  arxiv: string | null;
  /** Index of the first line after the heading. */
  end: number;
}

/** The upvote block above a heading. */
export interface UpvotesRead {
  /** Index of the block's first line (where the card begins). */
  start: number;
  upvotes: number;
  arxiv: string | null;
}

/** What the lines between the title and the `·` hold. */
export interface BodyRead {
  abstract: string;
  authorCount: number | null;
  org: Org | null;
  github: string | null;
  /** False when the body has no byline at all. */
  hasByline: boolean;
  /** Index of card-like lines after this card's end (a card that lost its heading), if any. */
  orphanAt?: number;
  /** The card's date, when its layout puts it inside the body (`· Published on Oct 4, 2026`). */
  date?: DateRead;
  /** The upvote count, when its layout puts it inside the body (`[Upvote\n\n12](…)`). */
  upvotes?: { count: number; arxiv: string | null };
  /** A line (index) of page chrome the abstract swallowed (`isChrome`): the card is refused. */
  chrome?: { line: number; text: string };
  /** Why the body cannot be read, at which line (index): the card is refused. */
  invalid?: { line: number; message: string };
}

/**
 * Page furniture no abstract holds on a line of its own: a `·` separator or a line starting or
 * ending with one, a `Published on …` or `Submitted by …` line, a date alone (a second card's), an
 * upvote button, a byline (`- 3 authors`). A card whose abstract holds one ran on into the page
 * around it (a layout the reader does not know), so it is refused rather than kept half-read.
 * Formats add their own link syntax (markdown `[…](…)`, text-browser `][12]`).
 */
export function isChrome(line: string): boolean {
  const t = line.trim();
  return (
    /^·(?:\s|$)|\s·$/.test(t) ||
    /^(?:Published on|Submitted by)\b/.test(t) ||
    /^\[?Upvote\b/.test(t) ||
    /^(?:[-*•]\s*)?\d+\s+authors?$/i.test(t) ||
    parseMonthDay(t) !== null
  );
}

/** A date line: the date and the comment count after it. */
export interface DateRead {
  date: MonthDay;
  comments: number | null;
}

/**
 * A `readDate` for a card syntax whose date-line pattern captures the date (`May 29`,
 * `Jul 24, 2024`) as group 1 and an optional comment count as group 2.
 */
export function dateLineReader(pattern: RegExp): (line: string) => DateRead | null {
  return (line) => {
    const m = pattern.exec(line);
    if (!m) return null;
    const date = parseMonthDay(m[1]!);
    return date ? { date, comments: m[2] === undefined ? null : Number(m[2]) } : null;
  };
}

/** The line syntax of one capture format. */
export interface CardSyntax {
  format: DigestFormat;
  /** True for a line that starts a card's heading. */
  isHeading(lines: readonly string[], i: number): boolean;
  readTitle(lines: readonly string[], h: number): TitleRead;
  /** The upvote block right above heading `h`, if any. */
  readUpvotes(lines: readonly string[], h: number): UpvotesRead | null;
  /** Lines `[from, to)` between the title and the `·` (or the card's end). */
  readBody(lines: readonly string[], from: number, to: number): BodyRead;
  readDate(line: string): DateRead | null;
  /** A line that ends the page's cards (a footer rule, a truncation marker). */
  isEnd?(line: string): boolean;
  /** An example of a date line, for messages. */
  dateExample: string;
}

/** What the file's header says about its day. */
export interface PageHints {
  /** Capture date (`YYYY-MM-DD`) from front matter or a capture header. */
  captured: string | null;
  /** A source of `captured`, for messages (`front matter "retrieved"`). */
  capturedFrom: string;
  /** The full capture time as written (`2026-06-29T16:31:22.13+00:00`), when there is one. */
  capturedAt?: string | null;
}

/** The page's own date selector (`Oct 2`) before the first card. */
function headerDate(lines: readonly string[], firstCard: number): MonthDay | null {
  for (let i = 0; i < firstCard; i++) {
    const d = parseMonthDay(lines[i]!.trim());
    if (d) return d;
  }
  return null;
}

interface Card {
  /** 0-based heading line. */
  line: number;
  title: TitleRead;
  upvotes: UpvotesRead | null;
  body: BodyRead;
  date: DateRead | null;
}

/** Where the cards are: their heading lines, and where the page's cards end (a footer, or the end). */
function findHeadings(lines: readonly string[], syntax: CardSyntax): { headings: number[]; end: number } {
  const headings: number[] = [];
  for (let i = 0; i < lines.length; i++) {
    // Page furniture above the first card (a header rule) does not end anything.
    if (headings.length > 0 && syntax.isEnd?.(lines[i]!)) return { headings, end: i };
    if (syntax.isHeading(lines, i)) {
      headings.push(i);
      i = Math.max(i, syntax.readTitle(lines, i).end - 1);
    }
  }
  return { headings, end: lines.length };
}

/** A page's headings and what the cards share: where each card starts, where they end, whether the page shows dates. */
interface Layout {
  headings: readonly number[];
  /** Each card's first line: its upvote block, else its heading. */
  starts: readonly number[];
  end: number;
  /** Trending pages show no `·` and no date at all. */
  undated: boolean;
}

/** Refuses a card, or a card-like block, at a 0-based line index (the walker works in indices). */
type Refuse = (index: number, message: string) => void;

const lostHeading = (lines: readonly string[], i: number) =>
  `expected a card heading ("### …") before ${quote(lines[i]!.trim())}, found none (a card without its title)`;

/**
 * Reads the card of heading `k`, or refuses it (one error) and returns null. Also refuses the
 * card-like lines after it that lost their own heading.
 */
function readCard(lines: readonly string[], syntax: CardSyntax, layout: Layout, k: number, refuse: Refuse): Card | null {
  const h = layout.headings[k]!;
  const title = syntax.readTitle(lines, h);
  const upvotes = syntax.readUpvotes(lines, h);
  const stop = k + 1 < layout.headings.length ? layout.starts[k + 1]! : layout.end;
  let sep = -1;
  for (let i = title.end; i < stop; i++) {
    if (lines[i]!.trim() === SEPARATOR) {
      sep = i;
      break;
    }
  }
  const body = syntax.readBody(lines, title.end, sep >= 0 ? sep : stop);
  if (title.title.trim() === '') {
    refuse(h, `expected a title in the heading, found ${quote(lines[h]!.trim())}`);
    return null;
  }
  /** False (after refusing the card) when its body could not be read or swallowed page chrome. */
  const readable = (): boolean => {
    if (body.invalid) refuse(body.invalid.line, body.invalid.message);
    else if (body.chrome) {
      refuse(
        body.chrome.line,
        `expected the abstract of ${quote(title.title.trim(), 40)} to end before the page around the card, found ${quote(body.chrome.text)} (page chrome: a card layout Papershelf does not read)`,
      );
    } else return true;
    return false;
  };
  const bodyVotes = body.upvotes ? { start: h, upvotes: body.upvotes.count, arxiv: body.upvotes.arxiv } : null;
  if (layout.undated) {
    const card = readable() ? { line: h, title, upvotes: upvotes ?? bodyVotes, body, date: body.date ?? null } : null;
    if (body.orphanAt !== undefined) refuse(body.orphanAt, lostHeading(lines, body.orphanAt));
    return card;
  }
  if (sep < 0) {
    let last = stop - 1;
    while (last > h && isBlank(lines[last])) last--;
    const lastText = last > h ? quote(lines[last]!.trim()) : 'nothing';
    const atEnd = stop === layout.end;
    const found =
      atEnd && layout.end < lines.length
        ? `${quote(lines[layout.end]!.trim())} after ${lastText}`
        : atEnd
          ? `the end of the file after ${lastText}`
          : lastText;
    refuse(h, `expected the card ${quote(title.title.trim(), 40)} to end with a byline, "·" and a date line, found ${found}`);
    return null;
  }
  let d = sep + 1;
  while (d < stop && isBlank(lines[d])) d++;
  const date = d < stop ? syntax.readDate(lines[d]!.trim()) : null;
  if (!date) {
    const found = d < stop ? quote(lines[d]!.trim()) : 'nothing';
    refuse(d < stop ? d : sep, `expected a date line like ${quote(syntax.dateExample)} after "·", found ${found}`);
    return null;
  }
  const card = readable() ? { line: h, title, upvotes: upvotes ?? bodyVotes, body, date } : null;
  // Another "·" before the next heading: a card that lost its heading follows this one.
  for (let i = d + 1; i < stop; i++) {
    if (lines[i]!.trim() !== SEPARATOR) continue;
    let first = d + 1;
    while (first < i && isBlank(lines[first])) first++;
    refuse(first, lostHeading(lines, first));
    break;
  }
  return card;
}

/** Accepts each read card into `log` (dated against the digest day), or refuses it. */
function acceptCards(cards: readonly Card[], digest: string | null, layout: Layout, hints: PageHints, log: ReadLog): void {
  for (const card of cards) {
    if (digest === null) {
      log.reject(card.line + 1, `expected a digest date (file name YYYY-MM-DD…, ${hints.capturedFrom}, or the page's date), found none`);
      continue;
    }
    let published: string | null = null;
    if (card.date) {
      published = resolveDate(card.date.date, digest);
      if (published === null) {
        log.reject(
          card.line + 1,
          `expected a date that exists, found a card dated ${card.date.date.month}/${card.date.date.day} with no year that fits`,
        );
        continue;
      }
    }
    if (!card.body.hasByline && (!layout.undated || card.date))
      log.warn(card.line + 1, `expected a byline ("N authors" or an organisation) before "·", found none`);
    if (card.body.abstract.trim() === '') log.warn(card.line + 1, 'expected an abstract after the title, found none');
    log.accept({
      line: card.line + 1,
      digest,
      title: card.title.title,
      abstract: card.body.abstract,
      published,
      authorCount: card.body.authorCount,
      org: card.body.org,
      upvotes: card.upvotes?.upvotes ?? null,
      comments: card.date?.comments ?? null,
      arxiv: card.title.arxiv ?? card.upvotes?.arxiv ?? null,
      github: card.body.github,
    });
  }
}

/**
 * Reads every card of a capture: find the headings, read each card (refusing the ones that cannot
 * be read, each on its own line), then date and accept the rest. `undated` pages (trending) show no
 * `·` and no date at all: their cards are kept with `published: null` (the pipeline then uses the
 * digest day and says so).
 */
export function readCardPage(lines: readonly string[], syntax: CardSyntax, ctx: ReadContext, hints: PageHints): ParsedFile {
  const log = new ReadLog(ctx.file);
  const refuse: Refuse = (index, message) => log.reject(index + 1, message);
  const { headings, end } = findHeadings(lines, syntax);
  const layout: Layout = {
    headings,
    end,
    starts: headings.map((h) => syntax.readUpvotes(lines, h)?.start ?? h),
    undated: !lines.slice(0, end).some((l) => l.trim() === SEPARATOR),
  };
  // A "·" above the first heading: the first card lost its heading (the page header has none).
  if (!layout.undated) {
    const sep = lines.slice(0, layout.starts[0] ?? end).findIndex((l) => l.trim() === SEPARATOR);
    if (sep >= 0)
      refuse(sep, `expected a card heading ("### …") before the card that ends at this "·", found none (a card without its title)`);
  }
  const cards = headings.flatMap((_, k) => readCard(lines, syntax, layout, k, refuse) ?? []);
  const digest = pageDigest(cards, lines, layout.starts[0] ?? end, ctx, hints);
  acceptCards(cards, digest, layout, hints, log);
  return log.result(syntax.format, digest, captureInstant(hints.capturedAt ?? hints.captured));
}

/** The day a capture stands for: file name, else capture date, else the page's date, else the newest card. */
function pageDigest(
  cards: readonly Card[],
  lines: readonly string[],
  firstCard: number,
  ctx: ReadContext,
  hints: PageHints,
): string | null {
  if (ctx.digestFromName) return ctx.digestFromName;
  if (hints.captured) return hints.captured;
  const dated = cards.flatMap((c) => (c.date && c.date.date.year !== null ? [resolveDate(c.date.date, '9999-12-31')!] : []));
  const newest = dated.length ? dated.reduce((a, b) => (a > b ? a : b)) : null;
  const header = headerDate(lines, firstCard);
  if (header) return digestFromHeader(header, newest);
  return newest;
}
