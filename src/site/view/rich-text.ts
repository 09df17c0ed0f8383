/**
 * Titles and abstracts as a reader sees them: formulas (found by `core/math.ts`) rendered by
 * KaTeX, and URLs in the remaining text made clickable (`findUrls` + `linkSegments`). The result
 * is data, not HTML: text and link segments are escaped by Astro when rendered; only `math`
 * segments carry HTML, and that HTML is KaTeX's own output.
 *
 * Why `katex.renderToString` and not remark-math + rehype-katex: the unified pipeline parses
 * its input as Markdown, so plain-text abstracts would gain emphasis from `*`/`_`, headings
 * from `#`, lists from `1.` and raw HTML from `<…>`; remark-math treats every pair of single
 * dollars as math (`$5 and $10` becomes a formula) and has no notion of currency; and
 * rehype-katex shows failed formulas as KaTeX's own red error spans. Here the only HTML we
 * build is KaTeX's own output, and KaTeX runs only on the few texts that contain a formula.
 */
import katex from 'katex';
import { hasMathDelimiters, splitMath } from '../../core/math.ts';
import { findUrls } from '../../core/urls.ts';
import { excerpt, linkSegments, type Segment } from './format.ts';
import { escapeAttribute, escapeHtml, escapeText } from '../../core/escape.ts';
import type { Paper } from '../../schemas/paper.ts';

/** A piece of a text: plain text (unescaped), a rendered formula, or a formula KaTeX rejected. */
export type MathSegment =
  | { kind: 'text'; text: string }
  /** `source` is the TeX between the delimiters; `html` is KaTeX's markup. */
  | { kind: 'math'; html: string; source: string; display: boolean }
  /** `source` is the formula as written, delimiters included, to show in place of the math. */
  | { kind: 'error'; source: string };

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
 * Splits `text` into text runs (NOT escaped: the caller linkifies and escapes them, e.g. through
 * Astro) and rendered formulas; a formula KaTeX rejects becomes an `error` segment with its source.
 */
export function renderMathSegments(text: string): MathSegment[] {
  return splitMath(text).map((token): MathSegment => {
    if (token.kind === 'text') return token;
    const html = renderFormula(token.source, token.display);
    return html === null ? { kind: 'error', source: token.raw } : { kind: 'math', html, source: token.source, display: token.display };
  });
}

/** A run of a title or abstract: text, a link, a rendered formula, or a formula KaTeX rejected. */
export type RichSegment =
  | Segment
  /** `html` is KaTeX markup (safe for `set:html`); `display` is true for `$$…$$` / `\[…\]`. */
  | { kind: 'math'; html: string; display: boolean }
  /** The formula as written, delimiters included, shown as code in place of the math. */
  | { kind: 'error'; source: string };

/** Text with formulas, rendered once per build: a title appears on many list pages. */
const cache = new Map<string, RichSegment[]>();

/** Text and link segments of plain text (no formulas); `\$` reads as a dollar sign. */
function linkified(text: string, linkify: boolean): Segment[] {
  const plain = text.replace(/\\\$/g, '$');
  if (!linkify) return plain ? [{ kind: 'text', text: plain }] : [];
  return linkSegments(plain, findUrls(plain));
}

/**
 * Splits `text` into segments: formulas rendered with KaTeX (only when the text has math
 * delimiters; prices such as `$5 million` stay text), and, with `linkify`, URLs in the text
 * between formulas as links. Concatenating the text of the segments gives back what a reader
 * should see. Results for texts with math are memoised.
 */
export function richSegments(text: string, { linkify = true }: { linkify?: boolean } = {}): RichSegment[] {
  if (!hasMathDelimiters(text)) return linkified(text, linkify);
  const key = `${linkify ? 'l' : 'p'}:${text}`;
  const hit = cache.get(key);
  if (hit) return hit;
  const out: RichSegment[] = [];
  for (const s of renderMathSegments(text)) {
    if (s.kind === 'text') out.push(...(linkify ? linkSegments(s.text, findUrls(s.text)) : [{ kind: 'text' as const, text: s.text }]));
    else if (s.kind === 'math') out.push({ kind: 'math', html: s.html, display: s.display });
    else out.push(s);
  }
  cache.set(key, out);
  return out;
}

/**
 * `text` as HTML, for `set:html` where a title or abstract paragraph is shown: the segments of
 * `richSegments`, text escaped by `escapeText` (element content needs no `&quot;`: titles and
 * excerpts repeat on every page and listing, issue 9), a link's text and a rejected formula's
 * source by `escapeHtml` (what Astro's own `{…}` escaping writes, `&#39;` included), a link's
 * href as Astro writes an attribute (`&` and `"` only), formulas as KaTeX's own markup.
 *
 * Why a string and not a component: a title or paragraph is rendered ~9 times on each paper page
 * and twice per listing card, and each Astro component instance (and the `Fragment` each text
 * run needed) cost more than the text itself (issue 9's build-time profile). The markup is the
 * component's, byte for byte (`tests/build` compares pages with their expected files).
 */
export function richHtml(text: string, options: { linkify?: boolean } = {}): string {
  let html = '';
  for (const s of richSegments(text, options)) {
    if (s.kind === 'text') html += escapeText(s.text);
    else if (s.kind === 'link') html += `<a href="${escapeAttribute(s.href)}" data-bare-url>${escapeHtml(s.text)}</a>`;
    else if (s.kind === 'math') html += s.html;
    else html += `<code class="math-error" title="This formula could not be rendered">${escapeHtml(s.source)}</code>`;
  }
  return html;
}

/** True when any segment is a formula KaTeX rendered (the page then needs KaTeX's stylesheet). */
function segmentsHaveMath(segments: readonly RichSegment[]): boolean {
  return segments.some((s) => s.kind === 'math');
}

/** True when `text` shows at least one KaTeX-rendered formula (cheap for texts without delimiters). */
export function textHasMath(text: string): boolean {
  return hasMathDelimiters(text) && segmentsHaveMath(richSegments(text, { linkify: false }));
}

/**
 * The text a formula-free reader (a meta description, a `title` attribute) should see: formulas
 * as their TeX source without delimiters, `\$` as `$`.
 */
export function plainText(text: string): string {
  if (!hasMathDelimiters(text)) return text.replace(/\\\$/g, '$');
  return splitMath(text)
    .map((t) => (t.kind === 'text' ? t.text : t.source))
    .join('');
}

/** Characters of the abstract a card shows. */
const CARD_EXCERPT = 260;

/** Card summaries by abstract: a paper's card shows on its digest, topic and organisation pages. */
const summaries = new Map<string, string>();

/** The start of the abstract a card shows (formulas are rendered from it; a cut one stays text). */
export function cardSummary(paper: Pick<Paper, 'abstract'>): string {
  let summary = summaries.get(paper.abstract);
  if (summary === undefined) {
    summary = excerpt(paper.abstract, CARD_EXCERPT);
    summaries.set(paper.abstract, summary);
  }
  return summary;
}

/** True when any card of `papers` shows a formula: its page must link KaTeX's stylesheet. */
export function cardsNeedMath(papers: ReadonlyArray<Pick<Paper, 'title' | 'abstract'>>): boolean {
  return papers.some((p) => textHasMath(p.title) || textHasMath(cardSummary(p)));
}
