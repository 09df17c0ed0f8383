/**
 * Counts files, `content/digests/counts/YYYY-MM-DD.jsonl`: what a re-fetch of recent days found
 * changed (`npm run fetch -- --counts`), one JSON object per line:
 *
 * ```jsonl
 * {"arxiv":"2401.04558","upvotes":41,"comments":3,"capturedAt":"2026-12-01T06:00:00.000Z"}
 * ```
 *
 * A line is a capture of a paper's counts only: it adds an appearance (and a point of the
 * paper's upvote history) to a paper some digest shows, and never a paper of its own (the
 * pipeline rejects a line for an arXiv id no digest has). The file's day is the day it was
 * written; each line's capture time decides, as for other captures, whose counts are newest.
 */
import type { FormatReader, ParsedFile, ReadContext } from '../types.ts';
import { ReadLog } from './read-log.ts';
import { captureInstant } from '../dates.ts';
import { parseArxivId } from '../../schemas/arxiv.ts';
import { quote } from '../messages.ts';
import { firstNonBlankLine, splitLines } from './lines.ts';

const EXPECTED = 'a counts line {"arxiv", "upvotes", "comments", "capturedAt"}';

const isObject = (v: unknown): v is Record<string, unknown> => typeof v === 'object' && v !== null && !Array.isArray(v);

/** A count field: a whole number ≥ 0, or null / absent for "not shown". Undefined when it is neither. */
function count(v: unknown): number | null | undefined {
  if (v === undefined || v === null) return null;
  return typeof v === 'number' && Number.isSafeInteger(v) && v >= 0 ? v : undefined;
}

/** A counts file: its first non-blank line is a JSON object with an `arxiv` key and no `paper` (an API entry). */
function detect(text: string): boolean {
  const first = firstNonBlankLine(text);
  if (!first?.trimStart().startsWith('{')) return false;
  try {
    const v: unknown = JSON.parse(first);
    return isObject(v) && 'arxiv' in v && !('paper' in v);
  } catch {
    return false;
  }
}

/** Reads every line; a bad line is one rejected entry on its own line, quoting it. */
function parse(text: string, ctx: ReadContext): ParsedFile {
  const log = new ReadLog(ctx.file);
  splitLines(text).forEach((raw, i) => {
    const line = i + 1;
    if (raw.trim() === '') return;
    let v: unknown;
    try {
      v = JSON.parse(raw);
    } catch {
      v = undefined;
    }
    if (!isObject(v)) return log.reject(line, `expected ${EXPECTED}, found ${quote(raw)}`);
    const arxiv = typeof v.arxiv === 'string' ? parseArxivId(v.arxiv) : null;
    if (arxiv === null) return log.reject(line, `expected an arXiv id in "arxiv", found ${quote(JSON.stringify(v.arxiv ?? null))}`);
    const at = typeof v.capturedAt === 'string' ? captureInstant(v.capturedAt) : null;
    if (at === null) {
      return log.reject(
        line,
        `expected a capture time like 2026-12-01T06:00:00Z in "capturedAt", found ${quote(JSON.stringify(v.capturedAt ?? null))}`,
      );
    }
    const upvotes = count(v.upvotes);
    const comments = count(v.comments);
    for (const [field, value] of [
      ['upvotes', upvotes],
      ['comments', comments],
    ] as const) {
      if (value === undefined)
        return log.reject(line, `expected a whole number ≥ 0 in "${field}", found ${quote(JSON.stringify(v[field]))}`);
    }
    if (upvotes === null && comments === null) return log.reject(line, `expected "upvotes" or "comments", found neither in ${quote(raw)}`);
    log.accept({
      line,
      digest: at.slice(0, 10),
      title: '',
      abstract: '',
      published: null,
      authorCount: null,
      org: null,
      upvotes: upvotes ?? null,
      comments: comments ?? null,
      arxiv,
      capturedAt: at,
    });
  });
  return log.result('counts', ctx.digestFromName ?? log.entries[0]?.digest ?? null);
}

/** Counts files (see the module comment). */
export const countsFormat: FormatReader = { name: 'counts', label: 'a counts file', detect, parse };
