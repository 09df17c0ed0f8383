/**
 * Counts mode (`npm run fetch -- --counts`): a refetch of days already saved keeps only the
 * upvote and comment counts that changed, as lines of one counts file,
 * `counts/YYYY-MM-DD.jsonl` (the day of the run), which ingest reads as a fifth input format
 * (src/ingest/formats/counts.ts). A full capture would repeat every abstract for a few changed
 * numbers; a counts line is ~90 bytes. Pure.
 */
import { savedEntries } from './digest.ts';

/** What is known of one paper's counts, and since when. */
export interface KnownCounts {
  upvotes: number | null;
  comments: number | null;
  /** When they were captured (ISO instant; '' when the capture does not say). */
  at: string;
}

/** One line of a counts file. */
interface CountsLine {
  arxiv: string;
  upvotes: number | null;
  comments: number | null;
  capturedAt: string;
}

const isRecord = (v: unknown): v is Record<string, unknown> => typeof v === 'object' && v !== null && !Array.isArray(v);
const whole = (v: unknown): number | null => (typeof v === 'number' && Number.isSafeInteger(v) && v >= 0 ? v : null);

/** An API entry's arXiv id and counts, as the endpoint sends them (`paper.id`, `paper.upvotes`, `numComments`). */
function entryCounts(entry: unknown): { arxiv: string; upvotes: number | null; comments: number | null } | null {
  if (!isRecord(entry)) return null;
  const paper = isRecord(entry.paper) ? entry.paper : entry;
  if (typeof paper.id !== 'string') return null;
  return { arxiv: paper.id, upvotes: whole(paper.upvotes), comments: whole(entry.numComments) };
}

/** Keeps the newer of two records (by capture time; on a tie, the later one read). */
function remember(known: Map<string, KnownCounts>, arxiv: string, counts: KnownCounts): void {
  const held = known.get(arxiv);
  if (!held || counts.at >= held.at) known.set(arxiv, counts);
}

/**
 * Adds what a saved file says about counts to `known`: a saved API day (each entry, at the
 * wrapper's `capturedAt`) or a counts file (each line at its own time). Other files say nothing.
 */
export function learnCounts(known: Map<string, KnownCounts>, name: string, text: string): void {
  if (name.toLowerCase().endsWith('.jsonl')) {
    for (const line of text.split('\n')) {
      try {
        const v: unknown = JSON.parse(line);
        if (isRecord(v) && typeof v.arxiv === 'string' && typeof v.capturedAt === 'string')
          remember(known, v.arxiv, { upvotes: whole(v.upvotes), comments: whole(v.comments), at: v.capturedAt });
      } catch {
        // A damaged line: ingest reports it with its line; here it only means "not known".
      }
    }
    return;
  }
  if (!name.toLowerCase().endsWith('.json')) return;
  const entries = savedEntries(text);
  if (entries === null) return;
  let at = '';
  try {
    const v: unknown = JSON.parse(text);
    if (isRecord(v) && typeof v.capturedAt === 'string') at = v.capturedAt;
  } catch {
    // savedEntries parsed it; unreachable.
  }
  for (const e of entries) {
    const c = entryCounts(e);
    if (c) remember(known, c.arxiv, { upvotes: c.upvotes, comments: c.comments, at });
  }
}

/**
 * The counts lines a refetched day adds: one per paper whose upvotes or comments differ from
 * the newest known ones. `unknown` lists papers no saved capture has (added to the day later):
 * a counts line cannot introduce a paper, so the caller saves a full capture instead.
 */
export function changedCounts(
  entries: readonly unknown[],
  known: ReadonlyMap<string, KnownCounts>,
  capturedAt: string,
): { lines: CountsLine[]; unknown: string[] } {
  const lines: CountsLine[] = [];
  const unknown: string[] = [];
  for (const e of entries) {
    const c = entryCounts(e);
    if (!c) continue;
    const held = known.get(c.arxiv);
    if (!held) unknown.push(c.arxiv);
    else if (held.upvotes !== c.upvotes || held.comments !== c.comments) lines.push({ ...c, capturedAt });
  }
  return { lines, unknown };
}

/** A counts file's text: one JSON object per line, in the order given. */
export function countsText(lines: readonly CountsLine[]): string {
  return lines
    .map((l) => `${JSON.stringify({ arxiv: l.arxiv, upvotes: l.upvotes, comments: l.comments, capturedAt: l.capturedAt })}\n`)
    .join('');
}
