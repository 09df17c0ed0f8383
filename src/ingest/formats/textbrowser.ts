/**
 * The text-browser capture of a papers page (`captures/*.txt`): the page as a text browser renders
 * it, links as numbered references, inside a small markdown wrapper.
 *
 * ```text
 * # Web source
 * - URL: https://huggingface.co/papers?q=…
 * - Captured (UTC): 2026-06-29T16:31:22.13+00:00     ← the capture date
 * ```text
 * [                                   ← upvotes: "[", the count (or "-"), "][N]"
 * 65
 * ][35]
 *
 * ### [Title, maybe continued][36]    ← a long title goes on in a second "### " line
 *
 * [
 *
 * Abstract, hard-wrapped at ~120 columns with plain newlines.
 *
 * ][37]
 * [                                   ← "* N authors" in brackets, or "[[slug] Org Name][N]"
 * * 671 authors
 * ][38]
 * ·
 * Mar 8, 2024 [ 6][39]                ← date, then the comment count
 * ```
 *
 * The reference list (where the links went) is not part of real dumps, so cards carry no arXiv id.
 * Backslashes are the abstract's own (`45\%`), not escapes.
 */
import type { FormatReader, ParsedFile, ReadContext } from '../types.ts';
import { isBlank, looksLikeJson, splitLines, trimBlankEnds } from './lines.ts';
import { dateLineReader, isChrome, readCardPage, type BodyRead, type CardSyntax, type TitleRead, type UpvotesRead } from './card-walker.ts';

const REF_END = /\]\[\d+\]\s*$/;
const CLOSE_REF = /^\]\[\d+\]$/;
const TITLE_DONE = /^(.*)\]\[\d+\]$/;
const AUTHORS = /^[*•-]\s*(\d+)\s+authors?$/;
const ORG = /^\[\[([^\]]*)\]\s*(.*)\]\[\d+\]$/;
const DATE_LINE = /^(.*?)\s*(?:\[\s*(\d{1,7})\s*\]\[\d+\])?$/;
const CAPTURED = /^-\s*Captured(?:\s*\(UTC\))?:\s*((\d{4}-\d{2}-\d{2})\S*)/i;

function readTitle(lines: readonly string[], h: number): TitleRead {
  let text = lines[h]!.trim().replace(/^###\s+\[?/, '');
  let end = h + 1;
  // A wrapped title continues on the next `### ` line until the `][N]` closes it.
  while (!TITLE_DONE.test(text) && end < lines.length && /^###\s+/.test(lines[end]!) && end < h + 4) {
    text += ' ' + lines[end]!.trim().replace(/^###\s+/, '');
    end++;
  }
  const m = TITLE_DONE.exec(text);
  return { title: (m ? m[1]! : text).trim(), arxiv: null, end };
}

function readUpvotes(lines: readonly string[], h: number): UpvotesRead | null {
  let i = h - 1;
  while (i >= 0 && isBlank(lines[i])) i--;
  if (i < 2 || !CLOSE_REF.test(lines[i]!.trim())) return null;
  const count = lines[i - 1]!.trim();
  if (!/^(\d{1,7}|-)$/.test(count) || lines[i - 2]!.trim() !== '[') return null;
  return { start: i - 2, upvotes: count === '-' ? 0 : Number(count), arxiv: null };
}

function readBody(lines: readonly string[], from: number, to: number): BodyRead {
  const body = trimBlankEnds(lines, from, to - 1);
  const lo = body.lo;
  let hi = body.hi;
  let authorCount: number | null = null;
  let org: BodyRead['org'] = null;
  let hasByline = false;
  const last = hi >= lo ? lines[hi]!.trim() : '';
  const badge = ORG.exec(last);
  if (badge) {
    hasByline = true;
    const slug = badge[1]!.trim();
    const name = badge[2]!.trim();
    if (slug || name) org = { slug: slug || name, name: name || slug };
    hi--;
  } else if (CLOSE_REF.test(last) && hi - 2 >= lo && lines[hi - 2]!.trim() === '[') {
    const m = AUTHORS.exec(lines[hi - 1]!.trim());
    if (m) {
      hasByline = true;
      const n = Number(m[1]);
      authorCount = n > 0 ? n : null;
      hi -= 3;
    }
  }
  while (hi >= lo && isBlank(lines[hi])) hi--;
  // The abstract is wrapped in "[" … "][N]".
  let first = lo;
  const text = lines.slice(lo, hi + 1).map((l) => l.trim());
  if (text[0] === '[') {
    text.shift();
    first++;
  }
  if (text.length && CLOSE_REF.test(text[text.length - 1]!)) text.pop();
  else if (text.length && REF_END.test(text[text.length - 1]!)) text[text.length - 1] = text[text.length - 1]!.replace(REF_END, '');
  // A line that is only a bracket, a reference or a link is another link of the page: chrome (card-walker.ts).
  const at = text.findIndex(
    (l) => l !== '' && (isChrome(l) || l === '[' || /^\]?\[\d+\]$|^\[[^\]]*\]\[\d+\]$/.test(l) || CLOSE_REF.test(l)),
  );
  const chrome = at < 0 ? {} : { chrome: { line: first + at, text: text[at]! } };
  return { abstract: text.join('\n').trim(), authorCount, org, github: null, hasByline, ...chrome };
}

const readDate = dateLineReader(DATE_LINE);

const syntax: CardSyntax = {
  format: 'textbrowser',
  isHeading: (lines, i) => /^###\s+\[/.test(lines[i]!),
  readTitle,
  readUpvotes,
  readBody,
  readDate,
  // The dump's end: a truncation marker or the closing fence.
  isEnd: (line) => /^\[Content truncated\]$/i.test(line.trim()) || line.trim() === '```',
  dateExample: 'Mar 8, 2024 [ 6][39]',
};

/** Reads a text-browser capture into raw entries; malformed cards become problems. */
function parseTextBrowser(text: string, ctx: ReadContext): ParsedFile {
  const lines = splitLines(text);
  let captured: string | null = null;
  let capturedAt: string | null = null;
  for (const line of lines.slice(0, 40)) {
    const m = CAPTURED.exec(line.trim());
    if (m) {
      [capturedAt, captured] = [m[1]!, m[2]!];
      break;
    }
  }
  return readCardPage(lines, syntax, ctx, { captured, capturedAt, capturedFrom: 'the "Captured" header' });
}

/** A text-browser dump: `### [Title][N]` headings and lines closing a numbered reference. */
function detect(text: string): boolean {
  // Every file is offered to this reader: a substring search turns away most (the plain-text ones)
  // before a copy of the text and the multiline regular expressions, which took 0.2 s over the corpus.
  if (!text.includes('###') || looksLikeJson(text)) return false;
  text = text.replace(/[\u00a0\u2007\u202f]/g, ' ');
  return /^###[ \t]+\[/m.test(text) && /^\]\[\d+\][ \t]*\r?$/m.test(text) && !/^###[ \t]+\[.*\]\(https?:/m.test(text);
}

/** The text-browser format's entry in the registry. */
export const textbrowserFormat: FormatReader = {
  name: 'textbrowser',
  label: 'a text-browser capture',
  detect: (text) => detect(text),
  parse: parseTextBrowser,
};
