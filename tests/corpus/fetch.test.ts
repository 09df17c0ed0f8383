/**
 * `npm run fetch` as a user and the daily workflow run it: real CLI runs against a stand-in for
 * the `api/daily_papers` endpoint on 127.0.0.1 that replays the seven recorded days of the
 * corpus (`corpus/api/`) and injects the faults the command must survive. Every run names the
 * stand-in (`--api` or `PAPERSHELF_API`) and a temporary digests folder: nothing reaches the
 * real endpoint or the repository's content/.
 */
import { existsSync, readdirSync, readFileSync } from 'node:fs';
import { mkdir, mkdtemp, readdir, readFile, rm, writeFile } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { afterAll, beforeAll, beforeEach, describe, expect, it } from 'vitest';
import { redated, startReplayApi, type ReplayServer } from '../support/replay-api.ts';
import { run, type RunResult } from '../support/run.ts';
import { apiDir, hasCorpus } from '../support/corpus.ts';

const recording = (day: string): string => readFileSync(path.join(apiDir, `${day}.json`), 'utf8');
const DAYS = hasCorpus
  ? readdirSync(apiDir)
      .map((n) => n.slice(0, 10))
      .sort()
  : [];
const utcToday = () => new Date().toISOString().slice(0, 10);
const shift = (day: string, n: number) => new Date(Date.parse(`${day}T00:00:00Z`) + n * 86_400_000).toISOString().slice(0, 10);

let server: ReplayServer;
let tmp: string;
let out: string;

/**
 * `npm run fetch -- …args` with the stand-in as `--api` (unless `api: false`). The environment
 * points the endpoint and the digests folder at the test's own too, so a run never reaches the
 * real endpoint or writes into the repository, whatever its arguments.
 */
function fetchCli(args: string[], env: Record<string, string> = {}, { api = true } = {}): Promise<RunResult> {
  return run('npm', ['run', '--silent', 'fetch', '--', ...(api ? ['--api', server.api] : []), ...args], {
    PAPERSHELF_API: server.api,
    PAPERSHELF_DIGESTS: out,
    ...env,
  });
}
/** Every file in the digests folder, hidden ones (a left-over temporary file) included. */
const files = async (dir = out): Promise<string[]> => (await readdir(dir, { recursive: true })).map(String).sort();
const saved = async (name: string) =>
  JSON.parse(await readFile(path.join(out, name), 'utf8')) as {
    date: string;
    capturedAt: string;
    source: string;
    count: number;
    data: unknown[];
  };

/** A paper as ingest writes it (the fields these tests read). */
interface PaperEntry {
  id: string;
  upvotes: number | null;
  comments: number | null;
  digests: string[];
  appearances: Array<{ file: string; upvotes: number | null; comments: number | null }>;
}
/** `npm run ingest` on a folder (no ledger): its report, `archive.jsonl`, and the papers written. */
async function ingest(dir: string): Promise<{
  result: RunResult;
  report: { entriesRead: number; entriesRejected: number; filesRead: number; problems: unknown[]; emptyDays: unknown };
  archive: string;
  papers: PaperEntry[];
}> {
  const work = await mkdtemp(path.join(tmp, 'ingest-'));
  const archiveFile = path.join(work, 'archive.jsonl');
  const papersDir = path.join(work, 'papers');
  const result = await run('npx', ['tsx', 'scripts/ingest.ts', dir, '--out', papersDir, '--archive', archiveFile, '--no-ledger', '--json']);
  const archive = existsSync(archiveFile) ? await readFile(archiveFile, 'utf8') : '';
  const names = existsSync(papersDir) ? (await readdir(papersDir)).filter((n) => n.endsWith('.json')) : [];
  const papers = await Promise.all(names.map(async (n) => JSON.parse(await readFile(path.join(papersDir, n), 'utf8')) as PaperEntry));
  return { result, report: JSON.parse(result.stdout), archive, papers };
}

describe.skipIf(!hasCorpus)('npm run fetch against a replay of the recorded api/daily_papers days', () => {
  beforeAll(async () => {
    tmp = await mkdtemp(path.join(tmpdir(), 'papershelf-fetch-'));
    server = await startReplayApi(apiDir);
  });
  afterAll(async () => {
    await server?.close();
    if (tmp) await rm(tmp, { recursive: true, force: true });
  });
  beforeEach(async () => {
    server.reset();
    out = await mkdtemp(path.join(tmp, 'digests-'));
  });

  it('saves each recorded day as it came, and ingest reads the saved days exactly as the raw ones', async () => {
    const before = new Date().toISOString();
    const r = await fetchCli(DAYS.flatMap((d) => ['--date', d]));
    const after = new Date().toISOString();
    expect(r.code, r.stderr).toBe(0);
    expect(DAYS).toHaveLength(7);
    expect(await files()).toEqual(DAYS.map((d) => `${d}.json`));
    for (const day of DAYS) {
      const raw = JSON.parse(recording(day)) as unknown[];
      expect(r.stdout).toContain(`${day}  saved ${day}.json (${raw.length} papers)`);
      const file = await saved(`${day}.json`);
      expect(file).toMatchObject({ date: day, source: `${server.api}?date=${day}`, count: raw.length });
      expect(file.data).toEqual(raw);
      expect(file.capturedAt >= before && file.capturedAt <= after).toBe(true);
      expect(server.requestsFor(day)).toHaveLength(1);
    }
    expect(r.stdout).toContain('fetch: 7 days from');
    expect(r.stdout).toContain('7 saved, 0 already saved, 0 unchanged, 0 with no papers, 0 failed');

    const fromSaved = await ingest(out);
    const fromRaw = await ingest(apiDir);
    expect(fromSaved.result.code, fromSaved.result.stderr).toBe(0);
    expect(fromSaved.report).toMatchObject({ filesRead: 7, entriesRejected: 0, problems: [] });
    expect(fromSaved.report.entriesRead).toBe(DAYS.reduce((n, d) => n + (JSON.parse(recording(d)) as unknown[]).length, 0));
    // The wrapper changes nothing ingest understands: the same archive, byte for byte.
    expect(fromSaved.archive).toBe(fromRaw.archive);
  });

  it('a weekend (an empty day) is reported as no papers, and nothing is written (exit 0)', async () => {
    const r = await fetchCli(['--date', '2026-08-22']);
    expect(r.code, r.stderr).toBe(0);
    expect(r.stdout).toContain('2026-08-22  no papers that day: nothing saved');
    expect(r.stdout).toContain('0 saved, 0 already saved, 0 unchanged, 1 with no papers, 0 failed');
    expect(await files()).toEqual([]);
  });

  it('a weekday the API answers [] for (a holiday) is recorded in empty-days.txt; a second run leaves it byte for byte', async () => {
    // Thursday 2026-01-01 (New Year's Day) and Saturday 2026-01-03 have no recording: the stand-in answers [].
    const first = await fetchCli(['--date', '2026-01-01', '--date', '2026-01-03', '--date', '2026-08-21']);
    expect(first.code, first.stderr).toBe(0);
    expect(first.stdout).toContain('2026-01-01  no papers that day: nothing saved');
    expect(first.stdout).toContain('empty days: recorded 2026-01-01 in empty-days.txt (no digest expected)');
    expect(first.stdout).toContain('1 saved, 0 already saved, 0 unchanged, 2 with no papers, 0 failed');
    expect(await files()).toEqual(['2026-08-21.json', 'empty-days.txt']);
    const text = await readFile(path.join(out, 'empty-days.txt'), 'utf8');
    expect(text).toMatch(/^# .*empty list/);
    // The weekend is not recorded: no digest is ever expected on one.
    expect(text.split('\n').filter((l) => l && !l.startsWith('#'))).toEqual(['2026-01-01']);

    const again = await fetchCli(['--date', '2026-01-01']);
    expect(again.code, again.stderr).toBe(0);
    expect(again.stdout).not.toContain('empty days:');
    expect(await readFile(path.join(out, 'empty-days.txt'), 'utf8')).toBe(text);

    // Two more empty weekdays join it in order, the header kept.
    const more = await fetchCli(['--since', '2025-12-30', '--until', '2026-01-02']);
    expect(more.stdout).toContain('empty days: recorded 2025-12-30, 2025-12-31, 2026-01-02 in empty-days.txt');
    const after = await readFile(path.join(out, 'empty-days.txt'), 'utf8');
    expect(after).toBe(`${text.replace('2026-01-01\n', '')}2025-12-30\n2025-12-31\n2026-01-01\n2026-01-02\n`);

    // Ingest reads it as the list it is, not as a digest.
    const read = await ingest(out);
    expect(read.result.code, read.result.stderr).toBe(0);
    expect(read.report).toMatchObject({
      filesRead: 1,
      entriesRejected: 0,
      problems: [],
      emptyDays: { files: ['empty-days.txt'], days: ['2025-12-30', '2025-12-31', '2026-01-01', '2026-01-02'], problems: [] },
    });
  });

  it('429 then success: waits as Retry-After says (seconds, or an HTTP date), then saves', async () => {
    server.script('2026-08-21', [
      { status: 429, headers: { 'retry-after': '1' }, body: 'rate limited' },
      { body: recording('2026-08-21') },
    ]);
    server.script('2026-03-05', [{ status: 503, retryAfterDateIn: 2, body: 'busy' }, { body: recording('2026-03-05') }]);
    const r = await fetchCli(['--date', '2026-08-21', '--date', '2026-03-05']);
    expect(r.code, r.stderr).toBe(0);
    expect(r.stdout).toContain('2026-08-21  HTTP 429 Too Many Requests; retrying in 1 s (attempt 2 of 3)');
    expect(r.stdout).toContain('2026-08-21  saved 2026-08-21.json (17 papers)');
    expect(r.stdout).toMatch(/2026-03-05 {2}HTTP 503 Service Unavailable; retrying in [12](\.\d)? s \(attempt 2 of 3\)/);
    expect(r.stdout).toContain('2026-03-05  saved 2026-03-05.json (13 papers)');
    for (const day of ['2026-08-21', '2026-03-05']) {
      const [first, second] = server.requestsFor(day);
      expect(server.requestsFor(day)).toHaveLength(2);
      // The date is whole seconds, so at least 1 s of its 2 remains; a little slack for timer granularity.
      expect(second!.at - first!.at).toBeGreaterThanOrEqual(980);
    }
    expect(await files()).toEqual(['2026-03-05.json', '2026-08-21.json']);
  });

  it('500 three times: backs off 1 s then 2 s, fails the day (exit 1), writes nothing for it, saves the others', async () => {
    server.script('2026-06-01', [{ status: 500, body: 'Internal error' }]);
    const r = await fetchCli(['--date', '2026-06-01', '--date', '2026-08-21']);
    expect(r.code).toBe(1);
    const seen = server.requestsFor('2026-06-01');
    expect(seen).toHaveLength(3);
    expect(seen[1]!.at - seen[0]!.at).toBeGreaterThanOrEqual(980);
    expect(seen[2]!.at - seen[1]!.at).toBeGreaterThanOrEqual(1980);
    expect(r.stdout).toContain('2026-06-01  HTTP 500 Internal Server Error; retrying in 1 s (attempt 2 of 3)');
    expect(r.stdout).toContain('2026-06-01  HTTP 500 Internal Server Error; retrying in 2 s (attempt 3 of 3)');
    expect(r.stdout).toContain('2026-06-01  failed: HTTP 500 Internal Server Error; gave up after 3 attempts');
    expect(r.stdout).toContain('1 saved, 0 already saved, 0 unchanged, 0 with no papers, 1 failed');
    expect(r.stdout).toContain('try them again later: npm run fetch -- --date 2026-06-01');
    expect(await files()).toEqual(['2026-08-21.json']);
  });

  it('a Retry-After beyond the time budget ends the day at once (exit 1)', async () => {
    server.script('2026-08-21', [{ status: 503, headers: { 'retry-after': '3600' }, body: '' }]);
    const started = performance.now();
    const r = await fetchCli(['--date', '2026-08-21', '--retry-for', '5']);
    expect(r.code).toBe(1);
    expect(performance.now() - started).toBeLessThan(15_000);
    expect(server.requestsFor('2026-08-21')).toHaveLength(1);
    expect(r.stdout).toContain(
      'failed: HTTP 503 Service Unavailable; gave up after 1 attempt: the server asked to wait 3600 s, more than the',
    );
    expect(await files()).toEqual([]);
  });

  it('an HTML error page is reported, not saved (exit 1)', async () => {
    const page =
      '<!DOCTYPE html><html><head><title>Hugging Face – Temporarily unavailable</title></head><body><h1>We are down</h1></body></html>';
    server.script('2026-08-21', [{ headers: { 'content-type': 'text/html; charset=utf-8' }, body: page }]);
    const r = await fetchCli(['--date', '2026-08-21']);
    expect(r.code).toBe(1);
    expect(r.stdout).toContain('2026-08-21  failed: expected JSON, found an HTML page ("Hugging Face – Temporarily unavailable")');
    expect(await files()).toEqual([]);
  });

  it('a truncated body is reported, not saved: cut short but complete (not retried), or dropped mid-answer (retried) (exit 1)', async () => {
    const text = recording('2026-08-21');
    server.script('2026-08-21', [{ body: text.slice(0, Math.floor(text.length / 2)) }]);
    server.script('2026-03-05', [{ body: recording('2026-03-05'), dropAfter: 20_000 }]);
    const r = await fetchCli(['--date', '2026-08-21', '--date', '2026-03-05', '--attempts', '2']);
    expect(r.code).toBe(1);
    expect(r.stdout).toMatch(/2026-08-21 {2}failed: expected a complete JSON list, found a body cut off after \d+ characters/);
    expect(server.requestsFor('2026-08-21')).toHaveLength(1);
    expect(r.stdout).toContain('2026-03-05  failed: the connection closed before the whole answer arrived; gave up after 2 attempts');
    expect(server.requestsFor('2026-03-05')).toHaveLength(2);
    expect(await files()).toEqual([]);
  });

  it('a server that never answers is abandoned after --timeout (exit 1)', async () => {
    server.script('2026-08-21', [{ hang: true }]);
    const r = await fetchCli(['--date', '2026-08-21', '--timeout', '0.5', '--attempts', '2']);
    expect(r.code).toBe(1);
    expect(r.stdout).toContain('2026-08-21  failed: no answer within 0.5 s (--timeout); gave up after 2 attempts');
    expect(await files()).toEqual([]);
  });

  it('--since over a week with two days already saved asks only for the others, and a second run adds nothing', async () => {
    // Sat 15 … Fri 21 August 2026: the weekend has no papers; the 21st is recorded; other weekdays replay recordings under their day.
    server.script('2026-08-17', [{ body: redated(recording('2026-03-05'), '2026-08-17') }]);
    server.script('2026-08-19', [{ body: redated(recording('2025-06-10'), '2026-08-19') }]);
    await writeFile(path.join(out, '2026-08-18.json'), redated(recording('2025-10-15'), '2026-08-18'));
    await mkdir(path.join(out, '2026-08'));
    await writeFile(path.join(out, '2026-08', '2026-08-20.json'), redated(recording('2025-10-15'), '2026-08-20'));

    const r = await fetchCli(['--since', '2026-08-15', '--until', '2026-08-21']);
    expect(r.code, r.stderr).toBe(0);
    expect(server.requests.map((q) => q.day)).toEqual(['2026-08-15', '2026-08-16', '2026-08-17', '2026-08-19', '2026-08-21']);
    expect(r.stdout.split('\n').filter((l) => /^\d{4}-/.test(l))).toEqual([
      '2026-08-15  no papers that day: nothing saved',
      '2026-08-16  no papers that day: nothing saved',
      '2026-08-17  saved 2026-08-17.json (13 papers)',
      '2026-08-18  already saved (2026-08-18.json): skipped',
      '2026-08-19  saved 2026-08-19.json (28 papers)',
      '2026-08-20  already saved (2026-08/2026-08-20.json): skipped',
      '2026-08-21  saved 2026-08-21.json (17 papers)',
    ]);
    expect(r.stdout).toContain('fetch: 7 days from');
    expect(r.stdout).toContain('3 saved, 2 already saved, 0 unchanged, 2 with no papers, 0 failed');
    expect(await files()).toEqual([
      '2026-08',
      '2026-08-17.json',
      '2026-08-18.json',
      '2026-08-19.json',
      '2026-08-21.json',
      '2026-08/2026-08-20.json',
    ]);
    const { result, report } = await ingest(out);
    expect(result.code, result.stdout).toBe(0);
    expect(report).toMatchObject({ filesRead: 5, entriesRejected: 0 });

    server.reset();
    const again = await fetchCli(['--since', '2026-08-15', '--until', '2026-08-21']);
    expect(again.code).toBe(0);
    // Only the days without a digest are asked again (the weekend).
    expect(server.requests.map((q) => q.day)).toEqual(['2026-08-15', '2026-08-16']);
    expect(again.stdout).toContain('0 saved, 5 already saved, 0 unchanged, 2 with no papers, 0 failed');
    expect((await files()).length).toBe(6);
  });

  it('--since runs up to today (UTC) when --until is not given', async () => {
    const today = utcToday();
    const r = await fetchCli(['--since', shift(today, -1)]);
    expect(r.code, r.stderr).toBe(0);
    if (utcToday() !== today) return; // The run crossed midnight UTC: the range moved with it.
    expect(server.requests.map((q) => q.day)).toEqual([shift(today, -1), today]);
  });

  it('a refetch of a saved day is saved beside it, and ingest shows the refetched counts (even lower ones)', async () => {
    const day = '2026-08-21';
    expect((await fetchCli(['--date', day])).code).toBe(0);
    const first = await readFile(path.join(out, `${day}.json`), 'utf8');

    type Entry = { paper: { id: string; upvotes: number }; numComments: number };
    const later = JSON.parse(recording(day)) as Entry[];
    const up = later[0]!;
    const down = later.find((e) => e.paper.upvotes > 0 && e !== up)!;
    const was = { up: up.paper.upvotes, upComments: up.numComments, down: down.paper.upvotes };
    up.paper.upvotes += 100;
    up.numComments += 5;
    // An upvote withdrawn: the newer capture must win, not the larger count.
    down.paper.upvotes -= 1;
    server.script(day, [{ body: JSON.stringify(later, null, 2) }]);

    const r = await fetchCli(['--date', day]);
    expect(r.code, r.stderr).toBe(0);
    expect(r.stdout).toContain(`${day}  saved ${day}.2.json beside ${day}.json (17 papers)`);
    expect(await readFile(path.join(out, `${day}.json`), 'utf8')).toBe(first);
    expect(await files()).toEqual([`${day}.2.json`, `${day}.json`]);

    const { result, papers, archive } = await ingest(out);
    expect(result.code, result.stdout).toBe(0);
    const byId = new Map(papers.map((p) => [p.id, p]));
    expect(byId.get(up.paper.id)).toMatchObject({ upvotes: was.up + 100, comments: was.upComments + 5, digests: [day] });
    expect(byId.get(down.paper.id)).toMatchObject({ upvotes: was.down - 1 });
    // Both captures are kept as the paper's appearances; the page and the archive show the newer.
    expect(
      byId
        .get(up.paper.id)!
        .appearances.map((a) => [a.file, a.upvotes])
        .sort(),
    ).toEqual([
      [`${day}.2.json`, was.up + 100],
      [`${day}.json`, was.up],
    ]);
    const record = archive.split('\n').find((l) => l.includes(`"id":"${up.paper.id}"`));
    expect(JSON.parse(record!)).toMatchObject({ upvotes: was.up + 100, comments: was.upComments + 5 });

    // The same answer again: nothing new to keep.
    const same = await fetchCli(['--date', day]);
    expect(same.code).toBe(0);
    expect(same.stdout).toContain(`${day}  unchanged since ${day}.2.json (17 papers): nothing saved`);
    expect(await files()).toEqual([`${day}.2.json`, `${day}.json`]);
  });

  it('PAPERSHELF_API sets the endpoint, --api overrides it, PAPERSHELF_DIGESTS sets the folder', async () => {
    const envApi = `${server.origin}/env/daily_papers`;
    const envOut = path.join(out, 'from-env');
    const r = await fetchCli(['--date', '2026-08-21'], { PAPERSHELF_API: envApi, PAPERSHELF_DIGESTS: envOut }, { api: false });
    expect(r.code, r.stderr).toBe(0);
    expect(server.requests.map((q) => q.path)).toEqual(['/env/daily_papers']);
    expect(await files()).toEqual(['from-env', 'from-env/2026-08-21.json']);
    expect((await saved('from-env/2026-08-21.json')).source).toBe(`${envApi}?date=2026-08-21`);

    server.reset();
    const flag = await fetchCli(
      ['--date', '2026-08-22', '--api', `${server.origin}/flag/daily_papers`, '--out', out],
      { PAPERSHELF_API: envApi },
      { api: false },
    );
    expect(flag.code, flag.stderr).toBe(0);
    expect(server.requests.map((q) => q.path)).toEqual(['/flag/daily_papers']);
  });

  it('--json prints the report as data on stdout, the progress lines on stderr', async () => {
    const r = await fetchCli(['--date', '2026-08-21', '--date', '2026-08-22', '--json']);
    expect(r.code, r.stderr).toBe(0);
    const report = JSON.parse(r.stdout) as { counts: Record<string, number>; days: Array<{ day: string; outcome: string; file?: string }> };
    expect(report.counts).toEqual({ saved: 1, 'already-saved': 0, unchanged: 0, counted: 0, empty: 1, failed: 0 });
    expect(report.days.map((d) => [d.day, d.outcome, d.file])).toEqual([
      ['2026-08-21', 'saved', '2026-08-21.json'],
      ['2026-08-22', 'empty', undefined],
    ]);
    expect(r.stderr).toContain('2026-08-21  saved 2026-08-21.json (17 papers)');
  });

  it('usage errors exit 2 before any request', async () => {
    const tomorrow = shift(utcToday(), 1);
    const cases: Array<[string[], RegExp]> = [
      [[], /expected --date YYYY-MM-DD or --since YYYY-MM-DD, found neither/],
      [['--date', '2026-02-30'], /--date: expected a day like \d{4}-\d{2}-\d{2}, found "2026-02-30"/],
      [['--date', tomorrow], /--date \S+ is after today/],
      [['--since', '2026-08-21', '--date', '2026-08-21'], /--date and --since contradict each other/],
      [['--until', '2026-08-21'], /--until needs --since/],
      [['--since', '2026-08-21', '--until', '2026-08-20'], /--since 2026-08-21 is after --until 2026-08-20/],
      [['--date', '2026-08-21', '--attempts', '0'], /--attempts: expected a whole number of at least 1, found "0"/],
      [['--date', '2026-08-21', '--retry-for', 'soon'], /--retry-for: expected a number/],
      [['--date', '2026-08-21', 'extra'], /Unexpected argument 'extra'/],
      [['--dates', '2026-08-21'], /Unknown option '--dates'/],
    ];
    for (const [args, message] of cases) {
      const r = await fetchCli(args);
      expect(r.code, args.join(' ')).toBe(2);
      expect(r.stderr, args.join(' ')).toMatch(message);
    }
    const badApi = await fetchCli(['--date', '2026-08-21', '--api', 'ftp://example.org/daily_papers']);
    expect([badApi.code, badApi.stderr]).toEqual([
      2,
      expect.stringContaining('--api: expected an http(s) URL, found "ftp://example.org/daily_papers"'),
    ]);
    const badEnv = await fetchCli(['--date', '2026-08-21'], { PAPERSHELF_API: 'huggingface.co/api/daily_papers' }, { api: false });
    expect([badEnv.code, badEnv.stderr]).toEqual([2, expect.stringContaining('PAPERSHELF_API: expected an http(s) URL')]);
    expect(server.requests).toEqual([]);
    expect(await files()).toEqual([]);
  });

  it('a digests folder that cannot be used is an I/O error (exit 2)', async () => {
    const notAFolder = path.join(out, 'file');
    await writeFile(notAFolder, 'x');
    const r = await fetchCli(['--date', '2026-08-21', '--out', notAFolder]);
    expect(r.code).toBe(2);
    expect(r.stderr).toMatch(/cannot use the digests folder .*file/);
    expect(server.requests).toEqual([]);
  });
});
