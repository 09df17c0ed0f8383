/**
 * The `api/daily_papers` format: the JSON Hugging Face's endpoint returns for one day, saved as
 * it came. Three shapes are real (SOURCES.md): a JSON list of entries; a JSON list of strings,
 * each a Python `repr()` of an entry (single quotes, `True`/`None`); and a wrapper object
 * `{"status", "date", "count", "data": [...]}` around such a list.
 *
 * ```json
 * [{ "paper": { "id": "2405.21060", "authors": [{ "name": "Tri Dao", "hidden": false }],
 *               "publishedAt": "2024-05-31T17:50:01.000Z", "submittedOnDailyAt": "…",
 *               "upvotes": 27, "githubRepo": "…", "projectPage": "…", "ai_keywords": […],
 *               "organization": { "name": "nvidia", "fullname": "NVIDIA" } },
 *    "title": "…", "numComments": 3, "organization": { … } }]
 * ```
 *
 * Items are located by a tolerant scanner (jsonitems.ts) and parsed one by one, so a damaged item
 * is one rejected entry and never costs its neighbours.
 */
import type { Org } from '../../schemas/paper.ts';
import type { FormatReader, ParsedFile, ReadContext } from '../types.ts';
import { ReadLog } from './read-log.ts';
import { captureInstant } from '../dates.ts';
import { isValidDate } from '../../core/dates.ts';
import { parseArxivId } from '../../schemas/arxiv.ts';
import { quote } from '../messages.ts';
import { webUrl } from '../../core/urls.ts';
import { lineAt, lineStarts, scanJsonItems, skipNested, splitAtItemStarts, type ItemSpan } from './jsonitems.ts';
import { parsePyLiteral, PyLiteralError } from './pyliteral.ts';

type Json = null | boolean | number | string | Json[] | { [key: string]: Json };
type JsonObject = { [key: string]: Json };

const isObject = (v: unknown): v is JsonObject => typeof v === 'object' && v !== null && !Array.isArray(v);

/** Detects an API day: JSON (or the wrapper) whose items are entries with a `paper`, or repr strings of them. */
function detect(text: string): boolean {
  const head = text.replace(/^\uFEFF/, '').trimStart();
  if (!head.startsWith('[') && !head.startsWith('{')) return false;
  const { shape, items, text: clean } = scanJsonItems(text);
  if (shape === null) return false;
  if (items.length === 0) return /^\[\s*\]\s*$/.test(clean.trim()) || shape === 'wrapper';
  // `paper` is the key every daily_papers entry has (as JSON, or inside a Python repr); the start
  // of the list is searched rather than the first item, which damage may have broken.
  return /"paper"\s*:\s*\{|'paper'\s*:\s*\{/.test(clean.slice(items[0]!.start, items[0]!.start + 20_000));
}

/** `YYYY-MM-DD` of an ISO timestamp (`2024-05-31T17:50:01.000Z`), if it is one. */
function dayOfTimestamp(value: Json | undefined): string | null {
  if (typeof value !== 'string') return null;
  const m = /^(\d{4})-(\d{2})-(\d{2})/.exec(value.trim());
  if (!m || !isValidDate(Number(m[1]), Number(m[2]), Number(m[3]))) return null;
  return `${m[1]}-${m[2]}-${m[3]}`;
}

const str = (v: Json | undefined): string | null => (typeof v === 'string' && v.trim() !== '' ? v : null);
/** A field's value as a message quotes it (`-5`, `"many"`, `{"name":"Ada"}`). */
function shown(v: Json): string {
  return typeof v === 'string'
    ? quote(v)
    : typeof v === 'number' || typeof v === 'boolean' || v === null
      ? String(v)
      : quote(JSON.stringify(v));
}
/**
 * A count (`paper.upvotes`, `numComments`): a whole number from 0 up, or its decimal digits as a
 * string (`"7"`, as some exports write numbers). Anything else (-5, 3.5, 1e20, `"many"`, `true`)
 * is no count: `null`, with a warning naming the field, and the paper is kept.
 */
function count(v: Json | undefined, field: string, warn: (message: string) => void): number | null {
  if (v === undefined || v === null) return null;
  const n = typeof v === 'string' && /^\s*\d+\s*$/.test(v) ? Number(v) : v;
  if (typeof n === 'number' && Number.isSafeInteger(n) && n >= 0) return n;
  warn(`expected ${quote(field)} to be a whole number from 0 to ${Number.MAX_SAFE_INTEGER}, found ${shown(v)} (kept the paper without it)`);
  return null;
}
/**
 * A link field (`paper.githubRepo`, `paper.projectPage`), whitespace inside it (an artefact of the
 * capture) removed. Only a web address becomes a link (`webUrl`, the rule normalisation applies):
 * anything else (`javascript:…`, `data:…`, a number) is dropped with a warning naming the field,
 * and the paper is kept, as with a count that is no count. Absent, null or empty means no link.
 */
function link(v: Json | undefined, field: string, warn: (message: string) => void): string | null {
  if (v === undefined || v === null || (typeof v === 'string' && v.trim() === '')) return null;
  const raw = typeof v === 'string' ? v.replace(/\s+/g, '') : null;
  if (raw !== null && webUrl(raw) !== null) return raw;
  warn(`expected ${quote(field)} to be a web address (http or https), found ${shown(v)} (kept the paper without it)`);
  return null;
}

/** The organisation: `organization.name` is the handle (slug), `fullname` the display name. */
function org(entry: JsonObject, paper: JsonObject): Org | null {
  const o = isObject(paper.organization) ? paper.organization : isObject(entry.organization) ? entry.organization : null;
  if (!o) return null;
  const slug = str(o.name)?.trim();
  if (!slug) return null;
  return { slug, name: str(o.fullname)?.trim() ?? slug };
}

/**
 * Author names from `paper.authors`, a list of `{"name", "hidden"}`: hidden authors are dropped
 * (the page does not show them), and a plain string is taken as a name. Anything else (the list
 * given as an object, an author without a name) makes the authors unknown (`null`) with a warning
 * naming the field, and the paper is kept: a partial list would pass for the whole one, as a count
 * that is no count becomes unknown rather than a guess.
 */
function authors(v: Json | undefined, field: string, warn: (message: string) => void): string[] | null {
  if (v === undefined || v === null) return null;
  if (!Array.isArray(v)) {
    warn(
      `expected ${quote(field)} to be a list of authors like [{"name": "Ada Lovelace"}], found ${shown(v)} (kept the paper without its authors)`,
    );
    return null;
  }
  const names: string[] = [];
  for (const [i, a] of v.entries()) {
    if (typeof a === 'string' && a.trim() !== '') names.push(a);
    else if (isObject(a) && str(a.name)) {
      if (a.hidden !== true) names.push(str(a.name)!);
    } else if (!(isObject(a) && a.hidden === true)) {
      warn(
        `expected each of ${quote(field)} to be an author like {"name": "Ada Lovelace"}, found ${shown(a)} at position ${i + 1} (kept the paper without its authors)`,
      );
      return null;
    }
  }
  return names.length ? names : null;
}

/**
 * The abstract (`paper.summary`). An entry without one is kept with a warning, as the other
 * readers keep a card with no abstract after its title: the title and counts are still the paper's.
 */
function summary(entry: JsonObject, paper: JsonObject, field: string, warn: (message: string) => void): string {
  const text = str(paper.summary) ?? str(entry.summary);
  if (text !== null) return text;
  const v = 'summary' in paper ? paper.summary : entry.summary;
  warn(`expected an abstract (${quote(field)}), found ${v === undefined ? 'none' : shown(v)} (kept the paper without one)`);
  return '';
}

/** An item's value: JSON, or a Python repr inside a JSON string. */
function itemValue(text: string, span: ItemSpan): { value: Json } | { error: string } {
  const raw = text.slice(span.start, span.end);
  let value: Json;
  try {
    value = JSON.parse(raw) as Json;
  } catch {
    return { error: `expected a complete JSON entry, found ${quote(raw.trim().split('\n')[0] ?? '')}` };
  }
  if (typeof value !== 'string') return { value };
  try {
    return { value: parsePyLiteral(value) as Json };
  } catch (cause) {
    const at = cause instanceof PyLiteralError ? ` at character ${cause.offset + 1}` : '';
    return { error: `expected a Python repr of an entry (${(cause as Error).message}${at}), found ${quote(value)}` };
  }
}

type Got = { value: Json } | { error: string };

/** The spans to read, each parsed: a span that does not parse is split where its neighbours' items begin. */
function readSpans(text: string, span: ItemSpan): Array<{ span: ItemSpan; got: Got | null }> {
  const whole = span.complete ? itemValue(text, span) : null;
  if (whole && !('error' in whole)) return [{ span, got: whole }];
  const pieces = splitAtItemStarts(text, span);
  if (pieces.length === 1) return [{ span, got: whole }];
  return pieces.map((p) => {
    // A piece ends where its own object closes; one that runs past its piece lost its `}`.
    const { end, complete } = skipNested(text, p.start);
    const piece = complete && end <= p.end ? { start: p.start, end, complete } : { ...p, complete: false };
    return { span: piece, got: piece.complete ? itemValue(text, piece) : null };
  });
}

interface Read {
  line: number;
  entry: JsonObject;
}

/** The items of the file that are entries (objects); every item that is not is refused on its line. */
function readEntries(text: string, items: readonly ItemSpan[], log: ReadLog): Read[] {
  const starts = lineStarts(text);
  const read: Read[] = [];
  for (const { span, got } of items.flatMap((s) => readSpans(text, s))) {
    const line = lineAt(text, span.start, starts);
    if (got === null) {
      log.reject(
        line,
        `expected the entry to end with "}", found ${span.end >= text.length ? 'the end of the file' : 'the next entry'} (the entry is cut off)`,
      );
      continue;
    }
    if ('error' in got) {
      log.reject(line, got.error);
      continue;
    }
    if (!isObject(got.value)) {
      log.reject(line, `expected an api/daily_papers entry (an object), found ${quote(JSON.stringify(got.value))}`);
      continue;
    }
    read.push({ line, entry: got.value });
  }
  return read;
}

/**
 * The day the file stands for: its name, the wrapper's `date`, the entries' commonest
 * `submittedOnDailyAt`, else (2024 days have none) the latest of the entries' top-level
 * `publishedAt` (beside their `paper`, whose own `publishedAt` is the arXiv date), which is when
 * each was put on the daily list. A list fills from the evening before (UTC) into its own day
 * (2025-02-14: 21:42Z on the 13th to 02:35Z on the 14th), so its day is the latest of those days.
 */
function apiDigest(text: string, shape: 'list' | 'wrapper', read: readonly Read[], ctx: ReadContext, log: ReadLog): string | null {
  const wrapperDate = shape === 'wrapper' ? wrapperDay(text) : null;
  const digest =
    ctx.digestFromName ??
    wrapperDate ??
    commonestDay(read.map((r) => paperOf(r.entry).submittedOnDailyAt)) ??
    latestDay(read.map((r) => (isObject(r.entry.paper) && !('submittedOnDailyAt' in r.entry.paper) ? r.entry.publishedAt : undefined)));
  if (ctx.digestFromName && wrapperDate && wrapperDate !== ctx.digestFromName) {
    log.warn(1, `expected the wrapper's date to match the file name's ${ctx.digestFromName}, found ${quote(wrapperDate)}`);
  }
  return digest;
}

/** Accepts one entry into `log`, or refuses it (no title, no digest day, an id that is not arXiv's). */
function acceptEntry({ line, entry }: Read, digest: string | null, log: ReadLog): void {
  const paper = paperOf(entry);
  const title = str(entry.title) ?? str(paper.title);
  if (title === null) {
    log.reject(line, `expected an entry with a "title", found keys ${quote(Object.keys(entry).join(', '))}`);
    return;
  }
  if (digest === null) {
    log.reject(
      line,
      'expected a digest date (file name YYYY-MM-DD…, the wrapper\'s "date", "submittedOnDailyAt", or the entry\'s top-level "publishedAt"), found none',
    );
    return;
  }
  // The id becomes the paper's URL: anything but an arXiv id could take another paper's.
  const arxiv = paper.id === undefined || paper.id === null ? null : parseArxivId(typeof paper.id === 'string' ? paper.id : null);
  if (arxiv === null && paper.id !== undefined && paper.id !== null) {
    log.reject(
      line,
      `expected "paper.id" to be an arXiv id like "2401.04558" or "hep-th/9901001", found ${quote(typeof paper.id === 'string' ? paper.id : JSON.stringify(paper.id))}`,
    );
    return;
  }
  const warn = (message: string) => log.warn(line, message);
  // Messages name a field where the entry has it: inside `paper`, or at the top of a hand-made entry.
  const field = (name: string) => (entry.paper === paper ? `paper.${name}` : name);
  const names = authors(paper.authors, field('authors'), warn);
  const abstract = summary(entry, paper, field('summary'), warn);
  const upvotes = count(paper.upvotes, field('upvotes'), warn);
  const comments = count(entry.numComments, 'numComments', warn);
  log.accept({
    line,
    digest,
    title,
    abstract,
    published: dayOfTimestamp(paper.publishedAt),
    authors: names,
    authorCount: names?.length ?? null,
    org: org(entry, paper),
    upvotes,
    comments,
    arxiv,
    github: link(paper.githubRepo, field('githubRepo'), warn),
    project: link(paper.projectPage, field('projectPage'), warn),
    keywords: Array.isArray(paper.ai_keywords) ? paper.ai_keywords.filter((k): k is string => typeof k === 'string') : [],
  });
}

/** Reads an `api/daily_papers` day into raw entries; damaged items become problems. */
export function parseApi(input: string, ctx: ReadContext): ParsedFile {
  const { text, shape, items } = scanJsonItems(input);
  const log = new ReadLog(ctx.file);
  if (shape === null) {
    log.fileError(
      `expected a JSON list of api/daily_papers entries or a {status, date, count, data} wrapper, found ${quote(text.trim().slice(0, 40))}`,
    );
    return log.result('api', null);
  }
  const read = readEntries(text, items, log);
  const digest = apiDigest(text, shape, read, ctx, log);
  for (const r of read) acceptEntry(r, digest, log);
  return log.result('api', digest, latestTimestamp(text));
}

/**
 * The latest timestamp the day itself carries (`statusLastChangedAt`, `submittedOnDailyAt`, …):
 * the API says nothing about when it was saved, but it was saved after its newest change, and a
 * later save of the same day carries the same or later changes. Compared as UTC instants.
 */
function latestTimestamp(text: string): string | null {
  let latest: string | null = null;
  for (const m of text.matchAll(/["']\w*At["']\s*:\s*["'](\d{4}-\d{2}-\d{2}T[^"']{0,40})["']/g)) {
    const at = captureInstant(m[1]);
    if (at !== null && (latest === null || at > latest)) latest = at;
  }
  return latest;
}

/** An entry's `paper` object (older or hand-made days may put its fields at the top level). */
function paperOf(entry: JsonObject): JsonObject {
  return isObject(entry.paper) ? entry.paper : entry;
}

/** The wrapper's `"date"`, read without trusting the rest of the file to parse. */
function wrapperDay(text: string): string | null {
  try {
    const whole = JSON.parse(text) as Json;
    if (isObject(whole)) return dayOfTimestamp(whole.date);
  } catch {
    // A damaged wrapper: fall back to the first top-level-looking "date" field.
  }
  return dayOfTimestamp(/"date"\s*:\s*"([^"]*)"/.exec(text)?.[1]);
}

/** The latest day among timestamps, or null when none is one. */
function latestDay(values: readonly (Json | undefined)[]): string | null {
  return values.reduce<string | null>((best, v) => {
    const day = dayOfTimestamp(v);
    return day !== null && (best === null || day > best) ? day : best;
  }, null);
}

/** The most frequent day among timestamps (the latest on ties), or null when none is one. */
function commonestDay(values: readonly (Json | undefined)[]): string | null {
  const counts = new Map<string, number>();
  for (const v of values) {
    const day = dayOfTimestamp(v);
    if (day) counts.set(day, (counts.get(day) ?? 0) + 1);
  }
  let best: string | null = null;
  for (const [day, n] of counts) {
    const bn = best === null ? 0 : counts.get(best)!;
    if (n > bn || (n === bn && day > best!)) best = day;
  }
  return best;
}

/** The api format's entry in the registry. */
export const apiFormat: FormatReader = {
  name: 'api',
  label: 'api/daily_papers JSON',
  detect: (text) => detect(text),
  parse: parseApi,
};
