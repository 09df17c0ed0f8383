/**
 * Control characters out of digest text, once, where it enters the pipeline, so every format and
 * every output (HTML, `feed.xml`, JSON-LD, search) is rid of them: XML 1.0 allows no C0 control
 * but tab, newline and carriage return (one ESC made `feed.xml` not well-formed), and NUL reached
 * the HTML raw. Each removal is a warning naming the lines. Pure.
 */
import type { Problem, RawEntry } from './types.ts';

/**
 * C0 controls but tab, newline and carriage return; DEL; the C1 controls (in text they are
 * Windows-1252 punctuation decoded wrongly, and HTML calls them a parse error); and U+FFFE/U+FFFF,
 * which XML does not allow either.
 */
const CONTROL = /[\u0000-\u0008\u000b\u000c\u000e-\u001f\u007f-\u009f\ufffe\uffff]/g;
/** A form feed or vertical tab separates words: it becomes a space rather than nothing. */
const SPACING = /[\u000b\u000c]/g;

const codeOf = (c: string): string => `U+${c.codePointAt(0)!.toString(16).toUpperCase().padStart(4, '0')}`;

function clean(text: string): string {
  return text.replace(SPACING, ' ').replace(CONTROL, '');
}

/** "line 4" or "lines 4, 9, 12" (the first eight, then "…"). */
function linesList(lines: readonly number[]): string {
  const shown = lines.length > 8 ? `${lines.slice(0, 8).join(', ')}, …` : lines.join(', ');
  return `line${lines.length === 1 ? '' : 's'} ${shown}`;
}

function warning(file: string, count: number, codes: Set<string>, lines: number[], where: string): Problem {
  return {
    file,
    line: lines[0]!,
    severity: 'warning',
    message: `expected text without control characters, found ${count} (${[...codes].sort().join(', ')}) ${where} ${linesList(lines)}; removed them`,
  };
}

/**
 * Removes control characters from a file's text (tab, newline and carriage return stay, so line
 * numbers do not move), with one warning listing the lines they were on.
 */
export function stripControlCharacters(text: string, file: string): { text: string; problems: Problem[] } {
  CONTROL.lastIndex = 0;
  if (!CONTROL.test(text)) return { text, problems: [] };
  const parts = text.split(/(\r\n|\r|\n)/);
  const codes = new Set<string>();
  const lines: number[] = [];
  let count = 0;
  for (let i = 0; i < parts.length; i += 2) {
    const found = parts[i]!.match(CONTROL);
    if (!found) continue;
    count += found.length;
    for (const c of found) codes.add(codeOf(c));
    lines.push(i / 2 + 1);
    parts[i] = clean(parts[i]!);
  }
  return { text: parts.join(''), problems: [warning(file, count, codes, lines, 'on')] };
}

/** True when some string in a value holds a control character (walks without allocating: the usual answer is no). */
function hasControl(value: unknown): boolean {
  if (typeof value === 'string') {
    CONTROL.lastIndex = 0;
    return CONTROL.test(value);
  }
  if (Array.isArray(value)) return value.some(hasControl);
  if (value && typeof value === 'object') return Object.values(value).some(hasControl);
  return false;
}

/** Every string in a value, cleaned (arrays and plain objects walked). */
function cleanDeep(value: unknown, found: string[]): unknown {
  if (typeof value === 'string') {
    const hits = value.match(CONTROL);
    if (!hits) return value;
    found.push(...hits);
    return clean(value);
  }
  if (Array.isArray(value)) return value.map((v) => cleanDeep(v, found));
  if (value && typeof value === 'object') {
    return Object.fromEntries(Object.entries(value).map(([k, v]) => [k, cleanDeep(v, found)]));
  }
  return value;
}

/**
 * Removes control characters a capture wrote as escapes (`\u0000` in JSON, `\x1b` in a Python
 * repr), which no text-level pass can see, from every field of the entries; one warning per file.
 */
export function stripEntryControls(entries: readonly RawEntry[], file: string): { entries: RawEntry[]; problems: Problem[] } {
  const codes = new Set<string>();
  const lines: number[] = [];
  let count = 0;
  const cleaned = entries.map((entry) => {
    if (!hasControl(entry)) return entry;
    const found: string[] = [];
    const { file: own, ...fields } = entry;
    const next = { file: own, ...(cleanDeep(fields, found) as Omit<RawEntry, 'file'>) };
    if (found.length === 0) return entry;
    count += found.length;
    for (const c of found) codes.add(codeOf(c));
    lines.push(entry.line);
    return next;
  });
  if (count === 0) return { entries: cleaned, problems: [] };
  return { entries: cleaned, problems: [warning(file, count, codes, lines, 'escaped in the cards on')] };
}
