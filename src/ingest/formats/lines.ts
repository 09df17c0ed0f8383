/**
 * Line handling shared by the line-based readers (plain text, markdown, text browser): captures
 * arrive with a BOM, CRLF or CR line ends, trailing blanks and non-breaking spaces, none of which
 * may change what a card says.
 */

/** Space-like characters that read as a space; zero-width ones (and a stray BOM) vanish. */
const ODD_SPACES = /[\u00a0\u2007\u202f\u200b\uFEFF]/g;

/** Splits into lines without BOM, line-end style or trailing blanks; non-breaking spaces become spaces. */
export function splitLines(text: string): string[] {
  return text
    .replace(/^\uFEFF/, '')
    .split(/\r\n|\r|\n/)
    .map((l) => l.replace(ODD_SPACES, (c) => (c === '\u200b' || c === '\uFEFF' ? '' : ' ')).trimEnd());
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
