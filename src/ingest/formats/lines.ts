/**
 * Line handling shared by the line-based readers (plain text, markdown, text browser): captures
 * arrive with a BOM, CRLF or CR line ends, trailing blanks and non-breaking spaces, none of which
 * may change what a card says.
 */

/** Splits into lines without BOM, line-end style or trailing blanks; non-breaking spaces become spaces. */
export function splitLines(text: string): string[] {
  // A format's `detect` and its `parse` both split the same file: the second call reuses the first's lines.
  if (text !== lastSplit.text) lastSplit = { text, lines: splitAll(text) };
  return lastSplit.lines.slice();
}

/** The last text split and its lines (one entry: detection and parsing of a file follow each other). */
let lastSplit: { text: string; lines: readonly string[] } = { text: '', lines: [''] };

function splitAll(text: string): string[] {
  // Non-breaking spaces become spaces in one pass over the whole text rather than once per line
  // (measured: most of the time splitting took); zero-width characters are removed line by line,
  // and only when the text has any, since removing one between `\r` and `\n` would join two line ends.
  const lines = text
    .replace(/^\uFEFF/, '')
    .replace(NON_BREAKING, ' ')
    .split(/\r\n|\r|\n/);
  const zeroWidth = ZERO_WIDTH.test(text);
  return lines.map((l) => (zeroWidth ? l.replace(ZERO_WIDTH_ALL, '') : l).trimEnd());
}

const NON_BREAKING = /[\u00a0\u2007\u202f]/g;
const ZERO_WIDTH = /[\u200b\uFEFF]/;
const ZERO_WIDTH_ALL = /[\u200b\uFEFF]/g;

/**
 * The first line of `text` that is not blank, as `splitLines` gives it, or undefined: without
 * splitting the whole file (a format's `detect` runs on every file, whatever its format).
 */
export function firstNonBlankLine(text: string): string | undefined {
  // Blank after `splitLines`: only whitespace (which `trim` removes, the BOM and odd spaces
  // included) and zero-width spaces (which it deletes).
  const at = text.search(/[^\s\u200b]/);
  if (at < 0) return undefined;
  const start = Math.max(text.lastIndexOf('\n', at), text.lastIndexOf('\r', at)) + 1;
  const rest = text.slice(start).search(/[\r\n]/);
  return splitAll(rest < 0 ? text.slice(start) : text.slice(start, start + rest))[0];
}

/** True for a missing or whitespace-only line. */
export const isBlank = (line: string | undefined): boolean => line === undefined || line.trim() === '';

/** True when a text starts like JSON (`{` or `[`), not like a markdown link (`[5](https://…)`). */
export function looksLikeJson(text: string): boolean {
  const head = text.replace(/^\uFEFF/, '').trimStart();
  return head.startsWith('{') || (head.startsWith('[') && !/^\[[^\]\n]*\]\(/.test(head));
}

/** The line between a card's byline and its date in every layout that has one. */
export const SEPARATOR = '·';

/** The first and last non-blank lines of `[from, to]` (inclusive); `lo > hi` when all are blank. */
export function trimBlankEnds(lines: readonly string[], from: number, to: number): { lo: number; hi: number } {
  let lo = from;
  let hi = to;
  while (lo <= hi && isBlank(lines[lo])) lo++;
  while (hi >= lo && isBlank(lines[hi])) hi--;
  return { lo, hi };
}
