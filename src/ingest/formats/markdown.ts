/**
 * The markdown capture of a papers page (a firecrawl-style scrape, `captures/*.md`):
 *
 * ```markdown
 * ---
 * url: https://huggingface.co/papers?q=…      ← YAML front matter: capture URL and date
 * retrieved: 2026-10-02
 * ---
 * [101](https://huggingface.co/login?next=%2Fpapers%2F2606.00683)     ← upvotes (`-` = 0)
 *
 * ### [Title, maybe hard-wrapped\  like this](https://huggingface.co/papers/2606.00683)
 *
 * [Abstract, maybe hard-wrapped with lines ending in \\
 * and markdown escapes like F\_1.](https://huggingface.co/papers/2606.00683)
 *
 * [- ![](avatar)\\
 * - 3 authors](https://huggingface.co/papers/2606.00683)     ← or [![slug](avatar)Org Name](https://huggingface.co/slug)
 *
 * ·
 *
 * May 29[6](https://huggingface.co/papers/2606.00683#community)   ← date, then the comment count
 * ```
 *
 * The trending page's capture is the same idea without links, dates or counts: `### Title`
 * (wrapped titles continue on a line indented by two spaces), a summary, `- N authors` and
 * `[LINK: GitHub 11.3k](https://github.com/owner/repo)`; every card appears twice.
 */
import { requireOnce } from '../require-once.ts';
import type { parse } from 'yaml';
import { arxivIdFromUrl } from '../../schemas/arxiv.ts';
import type { FormatReader, ParsedFile, ReadContext } from '../types.ts';
import { isBlank, looksLikeJson, splitLines, trimBlankEnds } from './lines.ts';
import { dateLineReader, isChrome, readCardPage, type BodyRead, type CardSyntax, type TitleRead, type UpvotesRead } from './card-walker.ts';
import { parseMonthDay } from '../dates.ts';
import { quote } from '../messages.ts';

/**
 * Undoes markdown's backslash escapes (CommonMark §2.4: a backslash before ASCII punctuation is
 * the punctuation itself). A backslash before spaces is where the capture kept a title's line
 * break (`Engage\  with`), so it becomes one space. Hand-written: the card layout needs line-level
 * anchoring (a full markdown parser would let one broken link swallow the next card), and this
 * one rule is all the text inside a card needs.
 */
export function unescapeMarkdown(text: string): string {
  return text.replace(/\\([!-/:-@[-`{-~])|\\[ \t]+/g, (_, p: string | undefined) => p ?? ' ');
}

const LINK_HEADING = /^###\s+\[(.*)\]\(([^()\s]*)\)\s*$/;
const UPVOTES = /^\[(\d{1,7}|-)\]\((https?:\/\/huggingface\.co\/login\?next=[^)\s]*)\)$/;
const AUTHORS = /^\[?-\s*(\d+)\s+authors?\]?(?:\([^)\s]*\))?$/;
const AVATAR = /^\[?-\s*!\[/;
const ORG_BADGE = /^\[!\[([^\]]*)\]\([^)]*\)(.*)\]\((https?:\/\/huggingface\.co\/([^)/\s]+))\/?\)$/;
/** `[LINK: GitHub 11.3k](…)` (trending capture) or `[GitHub 11.3k](…)` (other converters). */
const GITHUB_LINK = /^\[(?:LINK:\s*)?GitHub[^\]]*\]\((https?:\/\/[^)\s]+)\)$/i;
const DATE_LINE = /^(.*?)\s*(?:\[\s*(\d{1,7})\s*\]\([^)]*\))?$/;
/** A thematic break (`---`, `***`, `* * *`): the page's footer follows. */
const RULE = /^(?:(?:-[ \t]*){3,}|(?:\*[ \t]*){3,}|(?:_[ \t]*){3,})$/;
/** Another converter's date line: `<byline> · Published on Oct 4, 2026` (the byline may be on the line above). */
const PUBLISHED = /^(?:(.*?)\s*·\s*)?Published on\s+([A-Z][a-z]{2,8}\.?\s+\d{1,2}(?:,\s*\d{4})?)$/;
/** Another converter's organisation badge: `[[image: slug] Org Name](https://huggingface.co/slug)`. */
const IMAGE_BADGE = /^\[\[image:\s*([^\]]*)\]\s*(.*)\]\((https?:\/\/huggingface\.co\/([^)/\s]+))\/?\)$/i;
/** Another converter's author count, standing before `· Published on`. */
const BYLINE_AUTHORS = /^(?:[-*•]\s*)?(\d+)\s+authors?$/i;
/** Another converter's upvote button below the date: `[Upvote`, a blank line, `12](…login…)`; or on one line. */
const UPVOTE_OPEN = /^\[Upvote$/i;
const UPVOTE_CLOSE = /^(\d{1,7}|-)\]\((https?:\/\/huggingface\.co\/login\?next=[^)\s]*)\)$/;
const UPVOTE_INLINE = /^\[Upvote\s+(\d{1,7}|-)\]\((https?:\/\/huggingface\.co\/login\?next=[^)\s]*)\)$/i;
/**
 * A line that is only links or images (a user, a button, an avatar, a footer): page chrome, never
 * abstract text (see `isChrome`). A link inside a sentence is the abstract's own (arXiv abstracts
 * hold a few, `at [Github](https://…).`), and escaped brackets (`\[Github\]`) are no link at all.
 */
const LINK_CHROME = /^(?:!?\[(?:[^\]\\]|\\.|!\[[^\]]*\]\([^)\s]*\))*\]\([^)\s]*\)\s*)+$/;
/**
 * True when a line is nothing but links or images, brackets balanced: `[[image: acme] Acme Org](…)`,
 * `[Submitted by x](…)`. Such a line is page chrome, never abstract text, and never the opening
 * of the abstract's wrapper (it closes itself). `LINK_CHROME` cannot see a badge's nested
 * `[image: …]`; a link inside a sentence, or a wrapper's first line (`[We use [a tool](…) and`),
 * is not one. Linear: each character is read once.
 */
function isLinkLine(line: string): boolean {
  const t = line.trim();
  if (t === '') return false;
  let i = 0;
  while (i < t.length) {
    if (t[i] === '!') i++;
    if (t[i] !== '[') return false;
    let depth = 0;
    let j = i;
    for (; j < t.length; j++) {
      if (t[j] === '\\') j++;
      else if (t[j] === '[') depth++;
      else if (t[j] === ']' && --depth === 0) break;
    }
    if (j >= t.length || t[j + 1] !== '(') return false;
    const close = t.indexOf(')', j + 2);
    if (close < 0 || /\s/.test(t.slice(j + 2, close))) return false;
    i = close + 1;
    while (i < t.length && (t[i] === ' ' || t[i] === '\t')) i++;
  }
  return true;
}
/** The end of the abstract's own link wrapper: an unescaped `](…)` to the paper's page ends the line. */
const WRAPPER_END = /(?<!\\)\]\((https?:\/\/huggingface\.co\/papers\/[^()\s]*)\)$/;

function readTitle(lines: readonly string[], h: number): TitleRead {
  const first = lines[h]!.trim();
  if (/^###\s+\[/.test(first)) {
    // A linked title may have been wrapped over a few lines before its `](url)`.
    let text = first;
    let end = h + 1;
    while (!LINK_HEADING.test(text) && end < lines.length && end < h + 4 && !isBlank(lines[end])) {
      text += ' ' + lines[end]!.trim();
      end++;
    }
    const m = LINK_HEADING.exec(text);
    if (m) return { title: unescapeMarkdown(m[1]!).trim(), arxiv: arxivIdFromUrl(m[2]!), end };
    return { title: unescapeMarkdown(first.replace(/^###\s+\[?/, '')).trim(), arxiv: null, end: h + 1 };
  }
  // `### Title` and its continuation lines (indented), as the trending capture wraps them.
  let title = first.replace(/^###\s+/, '');
  let end = h + 1;
  while (end < lines.length && /^\s+\S/.test(lines[end]!) && !AUTHORS.test(lines[end]!.trim()) && !GITHUB_LINK.test(lines[end]!.trim())) {
    title += ' ' + lines[end]!.trim();
    end++;
  }
  return { title: unescapeMarkdown(title).trim(), arxiv: null, end };
}

function readUpvotes(lines: readonly string[], h: number): UpvotesRead | null {
  let i = h - 1;
  while (i >= 0 && isBlank(lines[i])) i--;
  const m = i >= 0 ? UPVOTES.exec(lines[i]!.trim()) : null;
  if (!m) return null;
  return { start: i, upvotes: m[1] === '-' ? 0 : Number(m[1]), arxiv: arxivIdFromUrl(m[2]!) };
}

/**
 * Abstract lines `[lo, hi]` as text: the `[…](url)` wrapper dropped, hard breaks (`\\` at a line's
 * end) joined, escapes undone; and the first line that is page chrome (`isChrome`, or a markdown
 * link or image left after unwrapping), if any.
 */
function abstractOf(lines: readonly string[], lo: number, hi: number): { abstract: string; chrome?: { line: number; text: string } } {
  const out = lines.slice(lo, hi + 1).map((l) => l.trim());
  // The wrapper runs from a line starting with `[` to the first line ending in `](url)`; a line
  // after it is not the abstract's.
  let end = out.length;
  if (out.length && out[0]!.startsWith('[')) {
    let close = out.findIndex((l) => WRAPPER_END.test(l));
    // A wrapper to another address (a hand-made capture) can only be recognised on the last line.
    if (close < 0 && /(?<!\\)\]\([^()\s]*\)$/.test(out[out.length - 1]!)) close = out.length - 1;
    // A first line that is a whole link by itself (a badge, a "Submitted by" link) opens no
    // wrapper: taking it for one would glue it to the abstract and hide it from the chrome check.
    if (close > 0 && isLinkLine(out[0]!)) close = -1;
    if (close >= 0) {
      out[0] = out[0]!.slice(1);
      out[close] = out[close]!.replace(/\]\([^()\s]*\)$/, '');
      end = close + 1;
    }
  }
  const at = out.findIndex((l, k) => l !== '' && (k >= end || isChrome(l) || LINK_CHROME.test(l) || isLinkLine(l)));
  const abstract = out
    .slice(0, end)
    .map((l) => unescapeMarkdown(l.replace(/\\+$/, '')))
    .join('\n')
    .trim();
  return at < 0 ? { abstract } : { abstract, chrome: { line: lo + at, text: lines[lo + at]!.trim() } };
}

/** A byline as another converter writes it: an author count or an organisation badge. */
function bylineOf(text: string): Pick<BodyRead, 'authorCount' | 'org'> | null {
  const authors = BYLINE_AUTHORS.exec(text) ?? AUTHORS.exec(text);
  if (authors) return { authorCount: Number(authors[1]) > 0 ? Number(authors[1]) : null, org: null };
  const image = IMAGE_BADGE.exec(text);
  const badge = image
    ? { slug: image[4]!.trim() || image[1]!.trim(), name: image[2]! }
    : ORG_BADGE.exec(text)
      ? { slug: ORG_BADGE.exec(text)![4]!.trim(), name: ORG_BADGE.exec(text)![2]! }
      : null;
  if (!badge) return null;
  const name = unescapeMarkdown(badge.name).trim();
  return { authorCount: null, org: { slug: badge.slug, name: name || badge.slug } };
}

/**
 * A card as another HTML-to-markdown converter writes it (the trending page): the byline and date
 * on one line (`- 8 authors · Published on Oct 4, 2026`, or the badge on the line above a
 * `· Published on Sep 30`), the upvote button below it, the abstract, a `[GitHub 1.2k](…)` link.
 * `p` is the date line. Anything else between the title and the abstract refuses the card.
 */
function readPublishedBody(lines: readonly string[], lo: number, hi: number, p: number): BodyRead {
  const empty: BodyRead = { abstract: '', authorCount: null, org: null, github: null, hasByline: false };
  const m = PUBLISHED.exec(lines[p]!.trim())!;
  let text = (m[1] ?? '').trim();
  let top = p;
  if (text === '') {
    let q = p - 1;
    while (q >= lo && isBlank(lines[q])) q--;
    if (q >= lo && bylineOf(lines[q]!.trim())) [text, top] = [lines[q]!.trim(), q];
  }
  for (let i = lo; i < top; i++) {
    if (!isBlank(lines[i]))
      return {
        ...empty,
        invalid: {
          line: i,
          message: `expected the byline and "· Published on <date>" right after the title, found ${quote(lines[i]!.trim())}`,
        },
      };
  }
  const byline = text === '' ? null : bylineOf(text);
  if (text !== '' && byline === null) {
    return {
      ...empty,
      invalid: {
        line: p,
        message: `expected a byline ("N authors" or an organisation badge) before "· Published on", found ${quote(text)}`,
      },
    };
  }
  const date = parseMonthDay(m[2]!);
  if (date === null)
    return { ...empty, invalid: { line: p, message: `expected a date like "Oct 4, 2026" after "Published on", found ${quote(m[2]!)}` } };
  let i = p + 1;
  while (i <= hi && isBlank(lines[i])) i++;
  let upvotes: BodyRead['upvotes'];
  const inline = i <= hi ? UPVOTE_INLINE.exec(lines[i]!.trim()) : null;
  if (inline) {
    upvotes = { count: inline[1] === '-' ? 0 : Number(inline[1]), arxiv: arxivIdFromUrl(inline[2]!) };
    i++;
  } else if (i <= hi && UPVOTE_OPEN.test(lines[i]!.trim())) {
    let j = i + 1;
    while (j <= hi && isBlank(lines[j])) j++;
    const close = j <= hi ? UPVOTE_CLOSE.exec(lines[j]!.trim()) : null;
    if (!close)
      return {
        ...empty,
        invalid: {
          line: i,
          message: `expected the upvote count and "](…)" after "[Upvote", found ${j <= hi ? quote(lines[j]!.trim()) : 'nothing'}`,
        },
      };
    upvotes = { count: close[1] === '-' ? 0 : Number(close[1]), arxiv: arxivIdFromUrl(close[2]!) };
    i = j + 1;
  }
  let github: string | null = null;
  const gh = hi >= i ? GITHUB_LINK.exec(lines[hi]!.trim()) : null;
  if (gh) {
    github = gh[1]!;
    hi--;
  }
  while (i <= hi && isBlank(lines[i])) i++;
  while (hi >= i && isBlank(lines[hi])) hi--;
  const { abstract, chrome } = abstractOf(lines, i, hi);
  return {
    abstract,
    authorCount: byline?.authorCount ?? null,
    org: byline?.org ?? null,
    github,
    hasByline: byline !== null,
    date: { date, comments: null },
    ...(upvotes ? { upvotes } : {}),
    ...(chrome ? { chrome } : {}),
  };
}

function readBody(lines: readonly string[], from: number, to: number): BodyRead {
  const body = trimBlankEnds(lines, from, to - 1);
  const lo = body.lo;
  let hi = body.hi;
  for (let i = lo; i <= hi; i++) {
    // The first date line is the card's own (a second one in the abstract is chrome).
    if (PUBLISHED.test(lines[i]!.trim())) return readPublishedBody(lines, lo, hi, i);
    // Another card's text starts: this card has no inline date.
    if (GITHUB_LINK.test(lines[i]!.trim())) break;
  }
  let github: string | null = null;
  let orphanAt: number | undefined;
  // A trending card ends with its GitHub link: lines after it belong to a card that lost its heading.
  for (let i = lo; i <= hi; i++) {
    const gh = GITHUB_LINK.exec(lines[i]!.trim());
    if (!gh) continue;
    github = gh[1]!;
    let next = i + 1;
    while (next <= hi && isBlank(lines[next])) next++;
    if (next <= hi) orphanAt = next;
    hi = i - 1;
    while (hi >= lo && isBlank(lines[hi])) hi--;
    break;
  }
  let authorCount: number | null = null;
  let org: BodyRead['org'] = null;
  let hasByline = false;
  const last = hi >= lo ? lines[hi]!.trim() : '';
  const authors = AUTHORS.exec(last);
  const badge = ORG_BADGE.exec(last);
  if (authors) {
    hasByline = true;
    const n = Number(authors[1]);
    authorCount = n > 0 ? n : null;
    hi--;
    while (hi >= lo && AVATAR.test(lines[hi]!.trim())) hi--;
  } else if (badge) {
    hasByline = true;
    const name = unescapeMarkdown(badge[2]!).trim();
    const slug = badge[4]!.trim() || badge[1]!.trim();
    org = { slug, name: name || slug };
    hi--;
  }
  while (hi >= lo && isBlank(lines[hi])) hi--;
  const { abstract, chrome } = abstractOf(lines, lo, hi);
  return { abstract, authorCount, org, github, hasByline, ...(orphanAt === undefined ? {} : { orphanAt }), ...(chrome ? { chrome } : {}) };
}

const readDate = dateLineReader(DATE_LINE);

const syntax: CardSyntax = {
  format: 'markdown',
  isHeading: (lines, i) => /^###\s+\S/.test(lines[i]!),
  readTitle,
  readUpvotes,
  readBody,
  readDate,
  isEnd: (line) => RULE.test(line.trim()),
  dateExample: 'May 29[6](https://huggingface.co/papers/…#community)',
};

/** The YAML parser (yaml's own CommonJS build), loaded the first time a file has front matter: most digests have none. */
const yaml = requireOnce<{ parse: typeof parse }>(import.meta.url, 'yaml');
const parseYaml = (text: string): unknown => yaml().parse(text);

/**
 * YAML front matter at the very top, if any: its `retrieved` date, the full capture time as
 * written (`retrieved: 2026-10-02T09:15:00Z`), and the line after it.
 */
function frontMatter(lines: readonly string[]): { captured: string | null; capturedAt: string | null; end: number } {
  const none = { captured: null, capturedAt: null };
  if (lines[0]?.trim() !== '---') return { ...none, end: 0 };
  const close = lines.findIndex((l, i) => i > 0 && l.trim() === '---');
  if (close < 0) return { ...none, end: 0 };
  let data: unknown;
  try {
    data = parseYaml(lines.slice(1, close).join('\n'));
  } catch {
    return { ...none, end: close + 1 };
  }
  const record = typeof data === 'object' && data !== null ? (data as Record<string, unknown>) : {};
  const value = record.retrieved ?? record.date ?? record.captured;
  const text = (value instanceof Date ? value.toISOString() : typeof value === 'string' ? value : '').trim();
  const m = /^(\d{4}-\d{2}-\d{2})/.exec(text);
  return { captured: m ? m[1]! : null, capturedAt: m ? text : null, end: close + 1 };
}

/** Reads a markdown capture into raw entries; malformed cards become problems. */
function parseMarkdown(text: string, ctx: ReadContext): ParsedFile {
  const lines = splitLines(text);
  const front = frontMatter(lines);
  // Front matter lines are blanked, not removed, so line numbers stay the file's own.
  const body = lines.map((l, i) => (i < front.end ? '' : l));
  return readCardPage(body, syntax, ctx, {
    captured: front.captured,
    capturedAt: front.capturedAt,
    capturedFrom: 'front matter "retrieved:"',
  });
}

/**
 * A markdown capture has `###` card headings and either links to huggingface.co, GitHub link
 * lines (trending) or YAML front matter. Text-browser dumps (`][12]` references) are read first
 * by their own reader.
 */
function detect(text: string): boolean {
  // Every file is offered to this reader: a substring search turns away most (the plain-text ones)
  // before a copy of the text and the multiline regular expressions, which took 0.2 s over the corpus.
  if (!text.includes('###') || looksLikeJson(text)) return false;
  text = text.replace(/[\u00a0\u2007\u202f]/g, ' ');
  const head = text.replace(/^\uFEFF/, '').trimStart();
  if (!/^###[ \t]+\S/m.test(text)) return false;
  return (
    /\]\(https?:\/\/huggingface\.co\//.test(text) ||
    /^\[LINK:[^\]]*\]\(https?:/m.test(text) ||
    /^---\r?\n[\s\S]*?\n---/.test(head) ||
    // The trending capture: its header, or its `- N authors` lines.
    /^(?:#+ Trending Papers|\*\*URL:\*\*|- \d+ authors?)[ \t]*\r?$/m.test(text)
  );
}

/** The markdown format's entry in the registry. */
export const markdownFormat: FormatReader = {
  name: 'markdown',
  label: 'a markdown capture',
  detect: (text) => detect(text),
  parse: parseMarkdown,
};
