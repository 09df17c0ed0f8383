/**
 * The one answer to "what is `$…$` math" in a title or abstract, used by ingest (LaTeX repair
 * leaves formulas alone), by the site (KaTeX renders them, meta text drops their delimiters) and
 * by BibTeX (formulas stay math). Two scanners used to disagree: ingest repaired text the site
 * then rendered as a formula.
 *
 * The rules are Pandoc's `tex_math_dollars` plus a currency rule:
 * 1. `$…$` and `\(…\)` are inline, `$$…$$` and `\[…\]` display; `\$` is a literal dollar, never a
 *    delimiter.
 * 2. An inline `$` opens when a non-space follows it. The **first** unescaped `$` after it decides:
 *    it closes when a non-space precedes it and no digit follows it; otherwise the opener is a
 *    literal dollar. Inside, `\x` skips `x`, so `\$` is TeX's dollar.
 * 3. A `$` that starts a price (`$5`, `$1,000`, `$0.34`, `$1.2B`, then a space, punctuation or the
 *    end) opens a formula only when the body has a TeX sign (`$2 \times 10^5$` is math, `$5 and x$`
 *    is text).
 * 4. `$$…$$`, `\(…\)` and `\[…\]` close at their first closing delimiter; inner spaces are allowed.
 * 5. A formula has a non-blank body, no blank line, and at most 2,000 characters (no real one has
 *    over 100; KaTeX's own limits bound the cost of a hostile one); otherwise its opener is text.
 *
 * Hand-written: remark-math parses its input as Markdown and has no notion of currency.
 */

/** A formula in a text: `[start, end)` covers its delimiters; `source` is the TeX between them. */
export interface MathSpan {
  start: number;
  end: number;
  /** The TeX between the delimiters (trimmed, except for `$…$`, whose body has no edge spaces). */
  source: string;
  /** True for `$$…$$` and `\[…\]`. */
  display: boolean;
}

/** A piece of a text: plain text (`\$` already read as `$`) or a formula. */
export type MathToken = { kind: 'text'; text: string } | { kind: 'math'; source: string; raw: string; display: boolean };

/** Formulas longer than this are text: no abstract has one, and KaTeX time grows with size. */
const MAX_FORMULA_LENGTH = 2000;

/**
 * A `$` followed by an amount such as `5`, `1,000`, `0.34`, `200k`, `1.2B` and then a space,
 * punctuation or the end: the shape of a price, not of a formula (`$2$`, `$2n$`, `$10^6$`).
 */
const CURRENCY = /^\$\d[\d,]*(?:\.\d+)?(?:[kKmMbBtT])?(?=[\s.,;:!?)\]}/–—-]|$)/;

/** Characters a real formula almost always has and a price-like run of prose never does. */
const TEX_SIGN = /[\\^_{}=]/;

function isPlausibleFormula(source: string): boolean {
  return source.trim().length > 0 && source.length <= MAX_FORMULA_LENGTH && !/\n[ \t]*\n/.test(source);
}

/** Index of the `$` closing an inline formula opened at `open`, or -1 when there is none. */
function inlineClose(text: string, open: number): number {
  const first = text[open + 1];
  if (first === undefined || /\s/.test(first)) return -1;
  const limit = Math.min(text.length, open + 2 + MAX_FORMULA_LENGTH);
  for (let j = open + 1; j < limit; j++) {
    if (text[j] === '\\') {
      j++; // `\$` inside a formula is TeX's dollar sign, not a delimiter.
      continue;
    }
    if (text[j] !== '$') continue;
    // The first unescaped `$` decides: if it cannot close, the opener is just a dollar sign.
    const before = text[j - 1]!;
    const after = text[j + 1];
    if (j === open + 1 || /\s/.test(before) || (after !== undefined && /\d/.test(after))) return -1;
    return j;
  }
  return -1;
}

/** The characters a formula can start with (`findMath` skips to them). */
const OPENER = /[$\\]/g;

/** Every formula in `text`, in order, by the rules above. Cheap: no KaTeX. */
export function findMath(text: string): MathSpan[] {
  const spans: MathSpan[] = [];
  // The first `\)`, `\]` or `$$` at or after a position, remembered: the scan only moves forward, so
  // each closer is searched for once per occurrence, and `\(` × 100,000 stays linear.
  const found = new Map<string, { from: number; at: number }>();
  const closerAfter = (closer: string, from: number): number => {
    const hit = found.get(closer);
    if (hit && hit.from <= from && (hit.at < 0 || hit.at >= from)) return hit.at;
    const at = text.indexOf(closer, from);
    found.set(closer, { from, at });
    return at;
  };
  let i = 0;
  while (i < text.length) {
    const ch = text[i]!;
    if (ch !== '$' && ch !== '\\') {
      // Only `$` and `\` start a formula: jump to the next one rather than walk every character
      // (the walk was a tenth of ingest's parse and normalise time on the corpus).
      OPENER.lastIndex = i;
      if (!OPENER.test(text)) break;
      i = OPENER.lastIndex - 1;
      continue;
    }
    const next = text[i + 1];
    if (ch === '\\' && next === '$') {
      i += 2;
      continue;
    }
    if (ch === '\\' && (next === '(' || next === '[')) {
      const end = closerAfter(next === '(' ? '\\)' : '\\]', i + 2);
      const source = end < 0 ? '' : text.slice(i + 2, end);
      if (end >= 0 && isPlausibleFormula(source)) {
        spans.push({ start: i, end: end + 2, source: source.trim(), display: next === '[' });
        i = end + 2;
        continue;
      }
    }
    if (ch === '$' && next === '$') {
      const end = closerAfter('$$', i + 2);
      const source = end < 0 ? '' : text.slice(i + 2, end);
      if (end >= 0 && isPlausibleFormula(source)) {
        spans.push({ start: i, end: end + 2, source: source.trim(), display: true });
        i = end + 2;
      } else {
        i += 2; // both dollars are text: the second one opens nothing
      }
      continue;
    }
    if (ch === '$') {
      const end = inlineClose(text, i);
      if (end >= 0) {
        const source = text.slice(i + 1, end);
        const price = CURRENCY.test(text.slice(i, i + 24)) && !TEX_SIGN.test(source);
        if (!price && isPlausibleFormula(source)) {
          spans.push({ start: i, end: end + 1, source, display: false });
          i = end + 1;
          continue;
        }
      }
    }
    i += 1;
  }
  return spans;
}

/** Plain text between formulas as a reader sees it: `\$` is a dollar sign. */
function unescapeDollars(text: string): string {
  return text.replace(/\\\$/g, '$');
}

/**
 * `text` as plain-text and formula tokens, without rendering anything. Concatenating the text
 * tokens and the formulas' `raw` gives back the input (but for `\$`, read as `$`).
 */
export function splitMath(text: string): MathToken[] {
  const tokens: MathToken[] = [];
  let at = 0;
  for (const span of findMath(text)) {
    if (span.start > at) tokens.push({ kind: 'text', text: unescapeDollars(text.slice(at, span.start)) });
    tokens.push({ kind: 'math', source: span.source, raw: text.slice(span.start, span.end), display: span.display });
    at = span.end;
  }
  if (at < text.length) tokens.push({ kind: 'text', text: unescapeDollars(text.slice(at)) });
  return tokens;
}

/** True when `text` holds at least one formula (a price alone does not count); a quick scan first. */
export function hasMathDelimiters(text: string): boolean {
  if (!/[$]|\\[([]/.test(text)) return false;
  return findMath(text).length > 0;
}
