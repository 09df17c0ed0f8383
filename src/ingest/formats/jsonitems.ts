/**
 * Finds the items of a JSON array (a top-level list, or the `data` list of a `{status, date,
 * count, data}` wrapper) in text that may be damaged, so one broken item costs only itself.
 *
 * `JSON.parse` is all or nothing: a truncated day, a lost `}` or a non-breaking space between
 * tokens would lose every paper of the file. So this scanner only tracks strings and nesting to
 * cut the array into item spans, each parsed on its own with `JSON.parse`. Hand-written because
 * streaming JSON libraries stop at the first error instead of resynchronising.
 */

/** One item's text: `[start, end)` in the cleaned text, and whether its brackets closed. */
export interface ItemSpan {
  start: number;
  end: number;
  /** False when the text ended inside the item (a truncated file). */
  complete: boolean;
}

/** What the scan found. */
export interface JsonItems {
  /**
   * The text with space-like characters outside strings (NBSP, BOM…) turned into plain spaces,
   * which JSON does not allow as whitespace; string contents are untouched.
   */
  text: string;
  /** 'list' for a top-level array, 'wrapper' for an object holding a `data` array, null otherwise. */
  shape: 'list' | 'wrapper' | null;
  items: ItemSpan[];
  /** Where the items' array begins (for messages about the file). */
  arrayStart: number;
}

const ODD_SPACE = /[\u00a0\u2007\u202f\u200b\ufeff\u3000]/;

/** Replaces space-like characters outside JSON strings with plain spaces. */
function cleanSpaces(text: string): string {
  if (!/[\u00a0\u2007\u202f\u200b\ufeff\u3000]/.test(text)) return text;
  let out = '';
  let inString = false;
  for (let i = 0; i < text.length; i++) {
    const c = text[i]!;
    if (inString) {
      out += c;
      if (c === '\\') out += text[++i] ?? '';
      else if (c === '"') inString = false;
    } else if (c === '"') {
      inString = true;
      out += c;
    } else out += ODD_SPACE.test(c) ? ' ' : c;
  }
  return out;
}

/** Index just past the string starting at `i` (a `"`), or the text's length if it never closes. */
function skipString(text: string, i: number): number {
  for (let j = i + 1; j < text.length; j++) {
    const c = text[j];
    if (c === '\\') j++;
    else if (c === '"') return j + 1;
    else if (c === '\n') return j; // JSON strings hold no raw newline: the string was cut.
  }
  return text.length;
}

/** Index just past the object or array starting at `i`, and whether it closed. */
export function skipNested(text: string, i: number): { end: number; complete: boolean } {
  let depth = 0;
  for (let j = i; j < text.length; j++) {
    const c = text[j];
    if (c === '"') {
      j = skipString(text, j) - 1;
      continue;
    }
    if (c === '{' || c === '[') depth++;
    else if (c === '}' || c === ']') {
      depth--;
      if (depth === 0) return { end: j + 1, complete: true };
    }
  }
  return { end: text.length, complete: false };
}

/** Position of the `[` of the wrapper's `"data":` array, or -1. */
function findDataArray(text: string, open: number): number {
  for (let j = open + 1; j < text.length; j++) {
    const c = text[j];
    if (c === '"') {
      const end = skipString(text, j);
      const key = text.slice(j, end);
      j = end - 1;
      if (key === '"data"') {
        const m = /^\s*:\s*\[/.exec(text.slice(end, end + 64));
        if (m) return end + m[0].length - 1;
      }
      continue;
    }
    if (c === '{' || c === '[') j = skipNested(text, j).end - 1;
  }
  return -1;
}

/** Scans `text` for the items of its list; never throws. */
export function scanJsonItems(raw: string): JsonItems {
  const text = cleanSpaces(raw.replace(/^\uFEFF/, ''));
  const first = text.search(/\S/);
  let arrayStart = -1;
  let shape: JsonItems['shape'] = null;
  if (text[first] === '[') {
    arrayStart = first;
    shape = 'list';
  } else if (text[first] === '{') {
    arrayStart = findDataArray(text, first);
    if (arrayStart >= 0) shape = 'wrapper';
  }
  const items: ItemSpan[] = [];
  if (arrayStart < 0) return { text, shape, items, arrayStart };
  for (let i = arrayStart + 1; i < text.length; i++) {
    const c = text[i]!;
    if (c === ']') break;
    if (c === '{' || c === '[') {
      const { end, complete } = skipNested(text, i);
      items.push({ start: i, end, complete });
      i = end - 1;
    } else if (c === '"') {
      const end = skipString(text, i);
      items.push({ start: i, end, complete: text[end - 1] === '"' && end - 1 > i });
      i = end - 1;
    } else if (!/[\s,:}]/.test(c)) {
      // A scalar or stray text is an item too (one that will not read as an entry): never skipped
      // silently. Separators and a stray `}` or `:` (debris of a damaged item) are skipped.
      let end = i;
      while (end < text.length && !/[,\]\n{["]/.test(text[end]!)) end++;
      items.push({ start: i, end, complete: true });
      i = end - 1;
    }
  }
  return { text, shape, items, arrayStart };
}

/**
 * Splits a span that failed to parse at the lines that open an item at the same indentation as
 * its own first line (pretty-printed days put each item's `{` alone on a line): when a `}` was
 * lost, the item swallowed its neighbours, and this gives them back. Returns the span itself
 * when there is nothing to split at.
 */
export function splitAtItemStarts(text: string, span: ItemSpan): ItemSpan[] {
  const lineStart = text.lastIndexOf('\n', span.start - 1) + 1;
  const indent = text.slice(lineStart, span.start);
  if (!/^[ \t]*$/.test(indent)) return [span];
  const opener = new RegExp(`\\n${indent}\\{[ \\t]*\\r?\\n`, 'g');
  const cuts: number[] = [];
  opener.lastIndex = span.start;
  let m: RegExpExecArray | null;
  while ((m = opener.exec(text)) !== null && m.index < span.end) {
    const at = m.index + 1 + indent.length;
    if (at > span.start && at < span.end) cuts.push(at);
  }
  if (cuts.length === 0) return [span];
  const bounds = [span.start, ...cuts, span.end];
  return bounds.slice(0, -1).map((start, k) => {
    const end = bounds[k + 1]!;
    const last = k === bounds.length - 2;
    return { start, end, complete: last ? span.complete : false };
  });
}

/** 1-based line of an offset (for `file:line` messages). */
export function lineAt(text: string, offset: number, cache?: number[]): number {
  const starts = cache ?? lineStarts(text);
  let lo = 0;
  let hi = starts.length - 1;
  while (lo < hi) {
    const mid = (lo + hi + 1) >> 1;
    if (starts[mid]! <= offset) lo = mid;
    else hi = mid - 1;
  }
  return lo + 1;
}

/** Offsets where each line starts. */
export function lineStarts(text: string): number[] {
  const starts = [0];
  for (let i = 0; i < text.length; i++) if (text[i] === '\n') starts.push(i + 1);
  return starts;
}
