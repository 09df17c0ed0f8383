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
import { parse as parseYaml } from 'yaml';
import { arxivIdFromUrl } from '../../schemas/arxiv.ts';
import type { FormatReader } from './index.ts';
import type { ParsedFile, ReadContext } from '../types.ts';
import { isBlank, looksLikeJson, splitLines } from './lines.ts';
import { dateLineReader, readCardPage, type BodyRead, type CardSyntax, type TitleRead, type UpvotesRead } from './cardpage.ts';

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
const GITHUB_LINK = /^\[LINK:\s*GitHub[^\]]*\]\((https?:\/\/[^)\s]+)\)$/i;
const DATE_LINE = /^(.*?)\s*(?:\[\s*(\d{1,7})\s*\]\([^)]*\))?$/;
const RULE = /^(?:-{3,}|\*{3,}|_{3,})$/;

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

/** Abstract lines as text: the `[…](url)` wrapper dropped, hard breaks (`\\` at a line's end) joined. */
function abstractText(lines: readonly string[]): string {
  const out = lines.map((l) => l.trim());
  if (out.length && out[0]!.startsWith('[') && /\]\([^()\s]*\)$/.test(out[out.length - 1]!)) {
    out[0] = out[0]!.slice(1);
    out[out.length - 1] = out[out.length - 1]!.replace(/\]\([^()\s]*\)$/, '');
  }
  return out.map((l) => unescapeMarkdown(l.replace(/\\+$/, ''))).join('\n').trim();
}

function readBody(lines: readonly string[], from: number, to: number): BodyRead {
  let lo = from;
  let hi = to - 1;
  while (lo <= hi && isBlank(lines[lo])) lo++;
  while (hi >= lo && isBlank(lines[hi])) hi--;
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
  return { abstract: abstractText(lines.slice(lo, hi + 1)), authorCount, org, github, hasByline, ...(orphanAt === undefined ? {} : { orphanAt }) };
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
export function parseMarkdown(text: string, ctx: ReadContext): ParsedFile {
  const lines = splitLines(text);
  const front = frontMatter(lines);
  // Front matter lines are blanked, not removed, so line numbers stay the file's own.
  const body = lines.map((l, i) => (i < front.end ? '' : l));
  return readCardPage(body, syntax, ctx, { captured: front.captured, capturedAt: front.capturedAt, capturedFrom: 'front matter "retrieved:"' });
}

/**
 * A markdown capture has `###` card headings and either links to huggingface.co, GitHub link
 * lines (trending) or YAML front matter. Text-browser dumps (`][12]` references) are read first
 * by their own reader.
 */
function detect(text: string): boolean {
  if (looksLikeJson(text)) return false;
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
