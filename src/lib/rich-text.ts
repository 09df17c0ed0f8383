/**
 * Titles and abstracts as a reader sees them: formulas rendered by KaTeX (`math-render.ts`) and
 * URLs in the remaining text made clickable (`findUrls` + `linkSegments`). The result is data,
 * not HTML: text and link segments are escaped by Astro when rendered; only `math` segments
 * carry HTML, and that HTML is KaTeX's own output.
 */
import { findUrls } from '../ingest/urls.ts';
import { linkSegments, type Segment } from './format.ts';
import { hasMathDelimiters, renderMathSegments, splitMath } from './math-render.ts';

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

/** True when any segment is a formula KaTeX rendered (the page then needs KaTeX's stylesheet). */
export function segmentsHaveMath(segments: readonly RichSegment[]): boolean {
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
