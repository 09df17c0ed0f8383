/**
 * Is an `api/daily_papers` response a day worth saving? Pure. A digest is the archive's source of
 * truth and is never rewritten, so a bad one would stay forever: an HTML error page, a body cut
 * off in transit, a JSON error object, or a list the API reader cannot read whole is refused here,
 * before anything is written. An empty list is a day without papers (a weekend, a holiday), which
 * is reported and not saved.
 *
 * The last word is the API reader's own parse (src/ingest/formats/api.ts): what is saved is what
 * `npm run ingest` will read, every entry of it.
 */
import { parseApi } from '../ingest/formats/api.ts';

/**
 * The most entries one `?date=` answer holds: no recorded day has more (the corpus's 580 days hold
 * 1 to 50), which is the endpoint's page size, so a day of exactly 50 may have been cut short.
 */
export const API_PAGE_SIZE = 50;

/** What a response holds. */
export type Checked =
  /** A day's papers: the parsed entries, and the reader's warnings (kept fields it had to drop). */
  | { kind: 'papers'; entries: unknown[]; warnings: string[] }
  /** An empty list: no papers that day. */
  | { kind: 'empty' }
  /** Not a readable day; `reason` says what was expected and what was found. */
  | { kind: 'invalid'; reason: string };

/** A short, terminal-safe quotation of untrusted text (JSON escaping shows control characters). */
export function snippet(text: string, max = 60): string {
  const flat = text.replace(/\s+/g, ' ').trim();
  return JSON.stringify(flat.length > max ? `${flat.slice(0, max)}…` : flat);
}

const isObject = (v: unknown): v is Record<string, unknown> => typeof v === 'object' && v !== null && !Array.isArray(v);

/** The reason an HTML page is not a day, with its title when it has one (`found an HTML page ("502 Bad Gateway")`). */
function htmlPage(body: string): string {
  const title = /<title[^>]*>([\s\S]*?)<\/title>/i.exec(body)?.[1];
  return `expected JSON, found an HTML page${title && title.trim() ? ` (${snippet(title)})` : ''}`;
}

/**
 * True when JSON text stops inside a string, list or object: a body cut off in transit (as
 * opposed to one that is whole but wrong). Only strings and nesting are tracked; hand-written
 * because JSON.parse's messages differ by where the cut fell.
 */
export function endsInsideValue(text: string): boolean {
  let depth = 0;
  let inString = false;
  for (let i = 0; i < text.length; i++) {
    const c = text[i];
    if (inString) {
      if (c === '\\') i++;
      else if (c === '"') inString = false;
    } else if (c === '"') inString = true;
    else if (c === '[' || c === '{') depth++;
    else if (c === ']' || c === '}') depth--;
  }
  return inString || depth > 0;
}

/**
 * Checks the body of a `?date=day` response. `contentType` is the response's header (an HTML page
 * is refused by its type or by its first character, whichever shows it).
 */
export function checkDay(body: string, { day, contentType }: { day: string; contentType: string | null }): Checked {
  const text = body.replace(/^\uFEFF/, '');
  const start = text.trimStart();
  if (start === '') return { kind: 'invalid', reason: 'expected JSON, found an empty body' };
  if (/html/i.test(contentType ?? '') || start.startsWith('<')) return { kind: 'invalid', reason: htmlPage(text) };

  let value: unknown;
  try {
    value = JSON.parse(text);
  } catch (err) {
    if (endsInsideValue(text)) {
      return {
        kind: 'invalid',
        reason: `expected a complete JSON list, found a body cut off after ${text.length} characters (ending ${snippet(text.slice(-40))})`,
      };
    }
    return { kind: 'invalid', reason: `expected JSON, found ${snippet(text)} (${(err as Error).message})` };
  }

  if (!Array.isArray(value)) {
    if (isObject(value) && typeof value.error === 'string')
      return { kind: 'invalid', reason: `expected a JSON list of papers, found the API's error ${snippet(value.error)}` };
    const found = isObject(value) ? `an object with keys ${snippet(Object.keys(value).join(', '))}` : snippet(JSON.stringify(value));
    return { kind: 'invalid', reason: `expected a JSON list of papers, found ${found}` };
  }
  if (value.length === 0) return { kind: 'empty' };
  const odd = value.findIndex((item) => !(isObject(item) && isObject(item.paper)));
  if (odd >= 0) {
    return {
      kind: 'invalid',
      reason: `expected every item to be a paper entry with a "paper" object, found item ${odd + 1} of ${value.length}: ${snippet(JSON.stringify(value[odd]) ?? String(value[odd]))}`,
    };
  }

  // The reader's verdict, with no day from a file name, so it says which day the list is.
  const parsed = parseApi(text, { file: 'response', digestFromName: null });
  const errors = parsed.problems.filter((p) => p.severity === 'error');
  if (errors.length > 0 || parsed.entries.length !== value.length) {
    const first = errors[0];
    const detail = first
      ? `line ${first.line} of the response: ${first.message}`
      : `${parsed.entries.length} of ${value.length} entries read`;
    return {
      kind: 'invalid',
      reason: `expected every entry to be readable by the API reader, found ${errors.length || value.length - parsed.entries.length} that is not (${detail})`,
    };
  }
  if (parsed.digest !== null && parsed.digest !== day) {
    return {
      kind: 'invalid',
      reason: `expected the papers of ${day}, found the list of ${parsed.digest} (the server ignored ?date=, or answered for another day)`,
    };
  }
  const warnings = parsed.problems.filter((p) => p.severity === 'warning').map((p) => `line ${p.line} of the response: ${p.message}`);
  if (value.length === API_PAGE_SIZE) {
    warnings.push(`${API_PAGE_SIZE} papers, a full page of the API's list: the day may have more that this request did not return`);
  }
  return { kind: 'papers', entries: value, warnings };
}
