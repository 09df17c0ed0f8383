/**
 * Titles and abstracts are untrusted plain text in which `$…$`, `$$…$$`, `\(…\)` and `\[…\]`
 * delimit LaTeX math. This module finds the formulas, renders them with KaTeX and escapes
 * everything else.
 *
 * Why `katex.renderToString` and not remark-math + rehype-katex: the unified pipeline parses
 * its input as Markdown, so plain-text abstracts would gain emphasis from `*`/`_`, headings
 * from `#`, lists from `1.` and raw HTML from `<…>`; remark-math treats every pair of single
 * dollars as math (`$5 and $10` becomes a formula) and has no notion of currency; and
 * rehype-katex shows failed formulas as KaTeX's own red error spans. Here the only HTML we
 * build is an escaped text run, a `<code>` for a failed formula, or KaTeX's own output, and
 * KaTeX runs only on the few texts that contain a formula.
 */
import katex from 'katex';

/** A piece of a text: plain text (unescaped), a rendered formula, or a formula KaTeX rejected. */
export type MathSegment =
  | { kind: 'text'; text: string }
  /** `source` is the TeX between the delimiters; `html` is KaTeX's markup. */
  | { kind: 'math'; html: string; source: string; display: boolean }
  /** `source` is the formula as written, delimiters included, to show in place of the math. */
  | { kind: 'error'; source: string };

/** A formula found in a text, before rendering. */
export type MathToken = { kind: 'text'; text: string } | { kind: 'math'; source: string; raw: string; display: boolean };

/** Formulas longer than this are shown as source: no abstract has one, and KaTeX time grows with size. */
const MAX_FORMULA_LENGTH = 2000;

/**
 * A `$` followed by an amount such as `5`, `1,000`, `0.34`, `200k`, `1.2B` and then a space,
 * punctuation or the end: the shape of a price, not of a formula (`$2$`, `$2n$`, `$10^6$`).
 */
const CURRENCY = /^\$\d[\d,]*(?:\.\d+)?(?:[kKmMbBtT])?(?=[\s.,;:!?)\]}/–—-]|$)/;

/** Characters a real formula almost always has and a price-like run of prose never does. */
const TEX_SIGN = /[\\^_{}=]/;

/**
 * Splits `text` into plain text and formulas, without rendering anything (cheap; no KaTeX).
 *
 * Rules, after Pandoc's `tex_math_dollars`: an opening `$` must be followed by a non-space,
 * a closing `$` preceded by a non-space and not followed by a digit, and a formula never spans
 * a blank line. A `$` that starts a price (`$25 and`, `US$3`, `$1.2B`) is text unless what
 * follows up to the closing `$` looks like TeX. `\$` is a literal dollar sign (the backslash is
 * dropped). A `$` without a valid partner stays text.
 */
export function splitMath(text: string): MathToken[] {
  const tokens: MathToken[] = [];
  let plain = '';
  const pushMath = (source: string, raw: string, display: boolean) => {
    if (plain) tokens.push({ kind: 'text', text: plain });
    plain = '';
    tokens.push({ kind: 'math', source, raw, display });
  };

  let i = 0;
  while (i < text.length) {
    const ch = text[i]!;
    const next = text[i + 1];
    if (ch === '\\' && next === '$') {
      plain += '$';
      i += 2;
      continue;
    }
    if (ch === '\\' && (next === '(' || next === '[')) {
      const close = next === '(' ? '\\)' : '\\]';
      const end = text.indexOf(close, i + 2);
      const source = end < 0 ? '' : text.slice(i + 2, end);
      if (end >= 0 && isPlausibleFormula(source)) {
        pushMath(source.trim(), text.slice(i, end + 2), next === '[');
        i = end + 2;
        continue;
      }
    }
    if (ch === '$' && next === '$') {
      const end = text.indexOf('$$', i + 2);
      const source = end < 0 ? '' : text.slice(i + 2, end);
      if (end >= 0 && isPlausibleFormula(source)) {
        pushMath(source.trim(), text.slice(i, end + 2), true);
        i = end + 2;
        continue;
      }
      plain += '$$';
      i += 2;
      continue;
    }
    if (ch === '$') {
      const end = inlineClose(text, i);
      if (end >= 0) {
        const source = text.slice(i + 1, end);
        const price = CURRENCY.test(text.slice(i, i + 24)) && !TEX_SIGN.test(source);
        if (!price && isPlausibleFormula(source)) {
          pushMath(source, text.slice(i, end + 1), false);
          i = end + 1;
          continue;
        }
      }
    }
    plain += ch;
    i += 1;
  }
  if (plain) tokens.push({ kind: 'text', text: plain });
  return tokens;
}

/** Index of the `$` closing an inline formula opened at `open`, or -1 when there is none. */
function inlineClose(text: string, open: number): number {
  const first = text[open + 1];
  if (first === undefined || /\s/.test(first)) return -1;
  for (let j = open + 1; j < text.length; j++) {
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

function isPlausibleFormula(source: string): boolean {
  return source.trim().length > 0 && source.length <= MAX_FORMULA_LENGTH && !/\n[ \t]*\n/.test(source);
}

/**
 * True when `text` contains at least one formula by the rules of `splitMath` (a price alone
 * does not count). Cheap: no KaTeX; a quick scan first for texts without any delimiter.
 */
export function hasMathDelimiters(text: string): boolean {
  if (!/[$]|\\[([]/.test(text)) return false;
  return splitMath(text).some((t) => t.kind === 'math');
}

/** Renders one formula, or returns null when KaTeX rejects it or it asks for an untrusted command. */
function renderFormula(source: string, display: boolean): string | null {
  let untrusted = false;
  try {
    const html = katex.renderToString(source, {
      displayMode: display,
      // With `false`, KaTeX would return a red span (and show undefined commands in red) instead
      // of telling us; throwing lets the page show the source instead, styled as code.
      throwOnError: true,
      // `\href`, `\url`, `\includegraphics`, `\htmlClass`… are refused; KaTeX would still draw
      // their name in red, so a formula that tried one is shown as source.
      trust: () => {
        untrusted = true;
        return false;
      },
      maxSize: 10, // em; caps `\rule{1000em}{…}` and friends
      // Macro expansions: stops `\def\a{\a\a}\a` early; a long real formula (ten `\mathbb`/`\neq`/
      // `\operatorname` terms) needs ~400, so 500 leaves room (KaTeX's default is 1000).
      maxExpand: 500,
      // Unicode letters in math (`$τ$`, `$μ$LO`) are common here and render fine; don't spam the build log.
      strict: 'ignore',
      output: 'htmlAndMathml',
    });
    return untrusted ? null : html;
  } catch {
    // ParseError for bad TeX; anything else KaTeX throws is treated the same way.
    return null;
  }
}

/**
 * Splits `text` into escaped-later text runs and rendered formulas. Text segments are NOT
 * escaped (the caller linkifies and escapes them, e.g. through Astro); math segments carry
 * KaTeX HTML; a formula KaTeX rejects becomes an `error` segment with its source.
 */
export function renderMathSegments(text: string): MathSegment[] {
  return splitMath(text).map((token): MathSegment => {
    if (token.kind === 'text') return token;
    const html = renderFormula(token.source, token.display);
    return html === null ? { kind: 'error', source: token.raw } : { kind: 'math', html, source: token.source, display: token.display };
  });
}

/** Escapes text for HTML element content and double- or single-quoted attributes. */
export function escapeHtml(text: string): string {
  return text.replace(/&/g, '&amp;').replace(/</g, '&lt;').replace(/>/g, '&gt;').replace(/"/g, '&quot;').replace(/'/g, '&#39;');
}

/**
 * A title or abstract as HTML: text escaped, formulas rendered by KaTeX, failed formulas shown
 * as `<code class="math-error">source</code>`. `hasMath` is true only when at least one formula
 * rendered, so a page can include KaTeX's CSS only when needed. Safe for `set:html`.
 */
export function renderRichText(text: string): { html: string; hasMath: boolean } {
  if (!hasMathDelimiters(text)) return { html: escapeHtml(text.replace(/\\\$/g, '$')), hasMath: false };
  let hasMath = false;
  const html = renderMathSegments(text)
    .map((s) => {
      if (s.kind === 'text') return escapeHtml(s.text);
      if (s.kind === 'error') return `<code class="math-error">${escapeHtml(s.source)}</code>`;
      hasMath = true;
      return s.html;
    })
    .join('');
  return { html, hasMath };
}
