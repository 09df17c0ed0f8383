/**
 * `npm run fetch`'s work, day by day, with its I/O passed in (io.ts in the CLI, fakes in tests):
 * plan a day (skip it, or ask for it), check the answer (validate.ts), and keep a new capture
 * (`keepCapture`). Each day ends in one outcome (report.ts); a failed day never stops the run.
 */
import { digestText, sameEntries, savedEntries } from './digest.ts';
import type { GetResult } from './io.ts';
import { savedDays } from './names.ts';
import type { DayOutcome } from './report.ts';
import { dayUrl, publicSource } from './url.ts';
import { checkDay } from './validate.ts';
import { changedCounts, countsText, learnCounts, type KnownCounts } from './counts.ts';
import { utcDay } from './days.ts';
import { isWeekend } from '../core/coverage.ts';
import { EMPTY_DAYS_FILE, nextEmptyDays, parseEmptyDays } from '../core/empty-days.ts';

/** The I/O a run needs. */
export interface FetchDeps {
  /** GETs a URL with retries (`getDay`); `day` is for progress lines. */
  get(url: string, day: string): Promise<GetResult>;
  /** Every file in the digests folder, relative to it (`listSaved`). */
  listSaved(): Promise<string[]>;
  /** A saved file's text (`readSaved`). */
  readSaved(name: string): Promise<string>;
  /** Saves a capture of `day` under its first free name and returns the name (`saveCapture`). */
  save(day: string, text: string): Promise<string>;
  /** Saves a counts file for the run's `day` under its first free name, `counts/DAY.jsonl` (`saveCounts`). */
  saveCounts?(day: string, text: string): Promise<string>;
  /** The text of `empty-days.txt`, or null when there is none (`readEmptyDays`). */
  readEmptyDays?(): Promise<string | null>;
  /** Replaces `empty-days.txt` with `text`, which records `added` (`writeEmptyDays`). */
  saveEmptyDays?(text: string, added: string[]): Promise<void>;
  /** A problem that changes no day's outcome (an `empty-days.txt` line that is not a day). */
  warn?(message: string): void;
  /** The current instant (the capture time of an answer). */
  now(): Date;
  /** Called as each day finishes (the progress line). */
  onDay?(outcome: DayOutcome): void;
}

/** Which days, from where. */
export interface FetchPlan {
  /** The endpoint's base; a day is `<api>?date=YYYY-MM-DD`. */
  api: string;
  days: readonly string[];
  /**
   * True for `--since`: a day that already has a digest is skipped without a request. False for
   * `--date`: the day is fetched again and a new capture kept beside the saved ones.
   */
  skipSaved: boolean;
  /**
   * Counts mode (`--counts`): a day already saved is fetched again and only its changed counts are
   * kept, in one counts file for the run (counts.ts); a day not saved yet, or one that gained a
   * paper, is saved as a full capture.
   */
  counts?: boolean;
}

/** What a counts-mode run knows and has found so far. */
interface CountsRun {
  known: Map<string, KnownCounts>;
  lines: ReturnType<typeof changedCounts>['lines'];
}

/**
 * Keeps a day's fetched entries: unless a saved API capture of the day holds exactly the same
 * data, a new capture is saved beside the others (never over one), with the time it arrived.
 * What a refetch writes outside counts mode, and in it for a day not saved yet or one that gained a paper.
 */
async function keepCapture(
  day: string,
  entries: unknown[],
  meta: { capturedAt: string; source: string; attempts: number; warnings: string[] },
  saved: readonly string[],
  deps: Pick<FetchDeps, 'readSaved' | 'save'>,
): Promise<DayOutcome> {
  const captures = saved.filter((name) => name.toLowerCase().endsWith('.json'));
  for (const name of captures) {
    const previous = savedEntries(await deps.readSaved(name));
    if (previous !== null && sameEntries(previous, entries)) {
      return { day, outcome: 'unchanged', file: name, papers: entries.length, attempts: meta.attempts };
    }
  }
  const file = await deps.save(day, digestText(entries, { day, capturedAt: meta.capturedAt, source: meta.source }));
  return { day, outcome: 'saved', file, papers: entries.length, beside: [...saved], attempts: meta.attempts, warnings: meta.warnings };
}

/** One day, start to end. I/O errors of the digests folder propagate (the CLI stops with exit 2). */
async function fetchDay(
  day: string,
  plan: FetchPlan,
  saved: readonly string[],
  deps: FetchDeps,
  counts: CountsRun | null,
): Promise<DayOutcome> {
  if (plan.skipSaved && saved.length > 0) return { day, outcome: 'already-saved', files: [...saved] };
  const got = await deps.get(dayUrl(plan.api, day), day);
  if (!got.ok) return { day, outcome: 'failed', reason: got.reason, attempts: got.attempts };
  const capturedAt = deps.now().toISOString();
  const checked = checkDay(got.answer.body, { day, contentType: got.answer.contentType });
  if (checked.kind === 'invalid') return { day, outcome: 'failed', reason: checked.reason, attempts: got.attempts };
  if (checked.kind === 'empty') return { day, outcome: 'empty', attempts: got.attempts };
  const meta = { capturedAt, source: publicSource(plan.api, day), attempts: got.attempts, warnings: checked.warnings };
  if (counts && saved.length > 0) {
    const found = changedCounts(checked.entries, counts.known, capturedAt);
    if (found.unknown.length === 0) {
      counts.lines.push(...found.lines);
      return { day, outcome: 'counted', changed: found.lines.length, papers: checked.entries.length, attempts: got.attempts };
    }
  }
  return keepCapture(day, checked.entries, meta, saved, deps);
}

/** What the saved files say about counts (every saved API day and counts file), for counts mode. */
async function knownCounts(names: readonly string[], deps: FetchDeps): Promise<Map<string, KnownCounts>> {
  const known = new Map<string, KnownCounts>();
  for (const name of names) if (/\.jsonl?$/i.test(name)) learnCounts(known, name, await deps.readSaved(name));
  return known;
}

/** Fetches every day of the plan in order and returns each day's outcome. */
export async function fetchDays(plan: FetchPlan, deps: FetchDeps): Promise<DayOutcome[]> {
  const names = await deps.listSaved();
  const byDay = savedDays(names);
  const counts: CountsRun | null = plan.counts ? { known: await knownCounts(names, deps), lines: [] } : null;
  const outcomes: DayOutcome[] = [];
  for (const day of plan.days) {
    const outcome = await fetchDay(day, plan, byDay.get(day) ?? [], deps, counts);
    outcomes.push(outcome);
    deps.onDay?.(outcome);
  }
  if (counts && counts.lines.length > 0) {
    if (!deps.saveCounts) throw new Error('counts mode needs saveCounts');
    await deps.saveCounts(utcDay(deps.now()), countsText(counts.lines));
  }
  await recordEmptyDays(outcomes, deps);
  return outcomes;
}

/**
 * Adds the weekdays the API answered with an empty list to `empty-days.txt`, so the coverage
 * calendar stops calling them missing. Weekends are left out: no digest is ever expected on one,
 * and the daily update asks for every weekend of the last week again, day after day. A day listed
 * already writes nothing (the file stays byte for byte); a file with a line that is not a day is
 * left as it is, with a warning naming the line (rewriting it would drop that line).
 */
async function recordEmptyDays(outcomes: readonly DayOutcome[], deps: FetchDeps): Promise<void> {
  const empty = outcomes.filter((o) => o.outcome === 'empty' && !isWeekend(o.day)).map((o) => o.day);
  if (empty.length === 0 || !deps.readEmptyDays || !deps.saveEmptyDays) return;
  const current = await deps.readEmptyDays();
  const next = nextEmptyDays(current, empty);
  if (next !== null) {
    const known = new Set(parseEmptyDays(current ?? '').days);
    await deps.saveEmptyDays(
      next,
      [...new Set(empty)].filter((d) => !known.has(d)),
    );
    return;
  }
  for (const bad of parseEmptyDays(current ?? '').invalid) {
    deps.warn?.(
      `${EMPTY_DAYS_FILE}:${bad.line}: expected a date YYYY-MM-DD, found ${JSON.stringify(bad.found)}; ${empty.join(', ')} not recorded`,
    );
  }
}
