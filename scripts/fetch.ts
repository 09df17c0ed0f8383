/**
 * `npm run fetch -- --date D | --since D [--until D]`: saves days of the Hugging Face
 * `api/daily_papers` endpoint into content/digests/ as `D.json` (a later capture of a saved day
 * beside it as `D.2.json`, …), never rewriting a saved digest. Thin by design: arguments, progress
 * lines, the report and the exit code; the work is in src/fetch.
 *
 * Exit codes (ingest's contract): 0 every day saved or accounted for (already saved, unchanged,
 * no papers that day), 1 some days failed (nothing written for them; the rest saved), 2 usage or
 * I/O error.
 */
import { parseArgs } from 'node:util';
import pc from 'picocolors';
import { config, ConfigError, readConfig } from '../src/config.ts';
import { daysFromTo, isDay, utcDay } from '../src/fetch/days.ts';
import {
  ensureDigestsDir,
  FetchIoError,
  getDay,
  listSaved,
  readEmptyDays,
  readSaved,
  saveCapture,
  saveCounts,
  writeEmptyDays,
} from '../src/fetch/io.ts';
import { dayLine, exitCode, summarize, summaryLines, type Painter } from '../src/fetch/report.ts';
import { DEFAULT_POLICY, seconds, type RetryPolicy } from '../src/fetch/retry.ts';
import { fetchDays } from '../src/fetch/run.ts';
import { isHttpUrl } from '../src/fetch/url.ts';
import { EMPTY_DAYS_FILE } from '../src/core/empty-days.ts';

const USAGE = `Usage: npm run fetch -- --date YYYY-MM-DD [--date …] [options]
       npm run fetch -- --since YYYY-MM-DD [--until YYYY-MM-DD] [options]

Saves days of the Hugging Face api/daily_papers endpoint (<api>?date=YYYY-MM-DD) into
content/digests/ (or $PAPERSHELF_DIGESTS, or --out) as YYYY-MM-DD.json. A saved digest is never
rewritten: fetching a saved day again (--date) keeps the new capture beside it as
YYYY-MM-DD.2.json, … unless nothing changed. A day with no papers (a weekend) is reported, not
saved; a weekday with none (a holiday) is also recorded in empty-days.txt there, so the coverage
calendar does not call it missing. An answer that is not a readable day (an HTML page, a body
cut off) is reported as failed.

Options:
  --date DAY         fetch DAY (repeatable), whether or not it is saved already
  --since DAY        fetch every day from DAY to --until that has no digest yet
  --until DAY        the last day for --since (default: today, in UTC)
  --api URL          the endpoint's base (default: $PAPERSHELF_API, else
                     ${readConfig({}).apiBase})
  --out DIR          where digests are saved (default: $PAPERSHELF_DIGESTS, else content/digests)
  --attempts N       requests per day at most, the first included (default ${DEFAULT_POLICY.attempts}); 429 and
                     5xx answers and network errors are retried with exponential backoff, or after
                     the server's Retry-After
  --retry-for SECS   the longest one day may take, waits included (default ${DEFAULT_POLICY.budgetMs / 1000})
  --timeout SECS     the longest one request may take (default ${DEFAULT_POLICY.timeoutMs / 1000})
  --counts           counts mode: a saved day is fetched again and only the upvote and comment
                     counts that changed are kept, in counts/<today>.jsonl (one file per run); a day
                     not saved yet, or one that gained a paper, is saved in full
  --json             print the report as JSON (progress lines go to stderr)
  -h, --help         show this help

Exit codes: 0 every day saved (or already saved, unchanged, or without papers), 1 some days
failed (nothing written for them), 2 usage or I/O error.
`;

const EXIT_USAGE = 2;

/** A usage error: exit 2. */
class UsageError extends Error {}

function fail(message: string): number {
  process.stderr.write(`fetch: ${message}\nRun with --help for usage.\n`);
  return EXIT_USAGE;
}

/** A day given as an option, checked. */
function dayOption(name: string, value: string, today: string): string {
  if (!isDay(value)) throw new UsageError(`--${name}: expected a day like ${today}, found ${JSON.stringify(value)}`);
  if (value > today) throw new UsageError(`--${name} ${value} is after today (${today}, UTC): the API has no papers for it yet`);
  return value;
}

/** A number of seconds (or attempts) given as an option, checked. */
function numberOption(
  name: string,
  value: string | undefined,
  fallback: number,
  { min, integer }: { min: number; integer: boolean },
): number {
  if (value === undefined) return fallback;
  const n = Number(value);
  if (value.trim() === '' || !Number.isFinite(n) || n < min || (integer && !Number.isInteger(n))) {
    throw new UsageError(
      `--${name}: expected ${integer ? 'a whole number' : 'a number'} of at least ${min}, found ${JSON.stringify(value)}`,
    );
  }
  return n;
}

async function main(argv: string[]): Promise<number> {
  let parsed;
  try {
    parsed = parseArgs({
      args: argv,
      strict: true,
      allowPositionals: false,
      options: {
        date: { type: 'string', multiple: true },
        since: { type: 'string' },
        until: { type: 'string' },
        api: { type: 'string' },
        out: { type: 'string' },
        attempts: { type: 'string' },
        'retry-for': { type: 'string' },
        timeout: { type: 'string' },
        json: { type: 'boolean', default: false },
        counts: { type: 'boolean', default: false },
        help: { type: 'boolean', short: 'h', default: false },
      },
    });
  } catch (err) {
    return fail((err as Error).message);
  }
  const { values } = parsed;
  if (values.help) {
    process.stdout.write(USAGE);
    return 0;
  }

  let settings;
  try {
    settings = config();
  } catch (err) {
    if (err instanceof ConfigError) return fail(err.message);
    throw err;
  }
  const today = utcDay(new Date());
  let days: string[];
  let policy: RetryPolicy;
  let api: string;
  try {
    const dates = values.date ?? [];
    if (values.until !== undefined && values.since === undefined) throw new UsageError('--until needs --since');
    if (dates.length === 0 && values.since === undefined)
      throw new UsageError('expected --date YYYY-MM-DD or --since YYYY-MM-DD, found neither');
    if (dates.length > 0 && values.since !== undefined) throw new UsageError('--date and --since contradict each other: give one');
    if (values.since !== undefined) {
      const since = dayOption('since', values.since, today);
      const until = values.until === undefined ? today : dayOption('until', values.until, today);
      if (since > until) throw new UsageError(`--since ${since} is after --until ${until}`);
      days = daysFromTo(since, until);
    } else {
      days = [...new Set(dates.map((d) => dayOption('date', d, today)))].sort();
    }
    api = values.api ?? settings.apiBase;
    if (!isHttpUrl(api))
      throw new UsageError(
        `${values.api === undefined ? 'PAPERSHELF_API' : '--api'}: expected an http(s) URL, found ${JSON.stringify(api)}`,
      );
    if (values.out === '') throw new UsageError('--out needs a folder');
    policy = {
      ...DEFAULT_POLICY,
      attempts: numberOption('attempts', values.attempts, DEFAULT_POLICY.attempts, { min: 1, integer: true }),
      budgetMs: numberOption('retry-for', values['retry-for'], DEFAULT_POLICY.budgetMs / 1000, { min: 0, integer: false }) * 1000,
      timeoutMs: numberOption('timeout', values.timeout, DEFAULT_POLICY.timeoutMs / 1000, { min: 0.001, integer: false }) * 1000,
    };
  } catch (err) {
    if (err instanceof UsageError) return fail(err.message);
    throw err;
  }

  const out = values.out ?? settings.digestsDir;
  const useColor = !values.json && process.stdout.isTTY === true && !settings.noColor;
  const paint: Painter = pc.createColors(useColor);
  // With --json, stdout carries the report alone.
  const progress = (line: string) => (values.json ? process.stderr : process.stdout).write(`${line}\n`);

  try {
    await ensureDigestsDir(out);
    const outcomes = await fetchDays(
      { api, days, skipSaved: values.since !== undefined && !values.counts, counts: values.counts },
      {
        get: (url, day) =>
          getDay(url, {
            policy,
            onRetry: (n) =>
              progress(`${day}  ${paint.yellow(`${n.problem}; retrying in ${seconds(n.waitMs)} (attempt ${n.attempt} of ${n.attempts})`)}`),
          }),
        listSaved: () => listSaved(out),
        readSaved: (name) => readSaved(out, name),
        save: (day, text) => saveCapture(out, day, text),
        saveCounts: async (day, text) => {
          const name = await saveCounts(out, day, text);
          progress(paint.green(`counts: saved ${name} (${text.split('\n').length - 1} changed)`));
          return name;
        },
        readEmptyDays: () => readEmptyDays(out),
        saveEmptyDays: async (text, added) => {
          await writeEmptyDays(out, text);
          progress(paint.green(`empty days: recorded ${added.join(', ')} in ${EMPTY_DAYS_FILE} (no digest expected)`));
        },
        warn: (message) => progress(paint.yellow(`warning: ${message}`)),
        now: () => new Date(),
        onDay: (outcome) => progress(dayLine(outcome, paint)),
      },
    );
    const report = summarize(api, out, outcomes);
    if (values.json) process.stdout.write(`${JSON.stringify(report, null, 2)}\n`);
    else process.stdout.write(summaryLines(report, paint));
    return exitCode(report);
  } catch (err) {
    if (err instanceof FetchIoError) return fail(err.message);
    // A bug, not bad input; exit 2 rather than Node's 1, which would read as "some days failed".
    process.stderr.write(`fetch: internal error: ${(err as Error).stack ?? String(err)}\n`);
    return EXIT_USAGE;
  }
}

process.exitCode = await main(process.argv.slice(2));
