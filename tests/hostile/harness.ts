/**
 * Runs the hostile set (cases.ts) the way a user would: the cases' files next to the sample digest
 * in one digests folder, `npm run ingest` on it (the real CLI, once for all cases), and one
 * `astro build` of the result. Then judges each case against its declared outcome and sorts it
 * into one of the issue's classes. Used by the e2e setup, the e2e tests and run-report.ts.
 */
import type { IngestReport } from '../../src/ingest/types.ts';
import { copyFileSync, existsSync, mkdirSync, readdirSync, readFileSync, rmSync, symlinkSync, writeFileSync } from 'node:fs';
import path from 'node:path';
import type { Paper } from '../../src/schemas/paper.ts';
import { repoRoot } from '../support/repo.ts';
import { run, type RunResult } from '../support/run.ts';
import { HOSTILE_CASES, HOSTILE_TOPICS_YAML, type HostileCase } from './cases.ts';
import { KNOWN_DEFECTS } from './known-defects.ts';

/** The sample digest every hostile archive holds next to the cases (its 44 papers must not change). */
const SAMPLE_DIGEST = '2026-01-08.txt';
/** First line of the file a `symlink-outside` case points at: it must never reach the report. */
const OUTSIDE_SECRET = 'SECRET-OUTSIDE-THE-DIGESTS-FOLDER';

/** Folders of one hostile archive under `root`. */
export interface HostileLayout {
  root: string;
  /** The digests folder: the sample digest and `cases/<id>/…`. */
  digests: string;
  /** Notes folder: the repository's notes and the note cases. */
  notes: string;
  /** The taxonomy: content/topics.yaml plus the hostile topics. */
  topics: string;
}

/** Where a case's files live inside the digests folder (relative, `/`-separated, as ingest reports files). */
const caseFolder = (c: HostileCase) => `cases/${c.id}/`;

/** Cases that go into the combined build: all but the known defects (which would break it) and build-failure cases. */
export function buildSet(cases: readonly HostileCase[] = HOSTILE_CASES): HostileCase[] {
  return cases.filter((c) => !(c.id in KNOWN_DEFECTS) && c.expect.outcome !== 'build-fails');
}

/** Writes a digests folder with the sample digest and `cases`, a notes folder and the hostile taxonomy. */
export function writeHostileArchive(root: string, cases: readonly HostileCase[]): HostileLayout {
  rmSync(root, { recursive: true, force: true });
  const layout: HostileLayout = {
    root,
    digests: path.join(root, 'digests'),
    notes: path.join(root, 'notes'),
    topics: path.join(root, 'topics.yaml'),
  };
  mkdirSync(layout.digests, { recursive: true });
  mkdirSync(layout.notes, { recursive: true });
  copyFileSync(path.join(repoRoot, 'content/digests', SAMPLE_DIGEST), path.join(layout.digests, SAMPLE_DIGEST));
  for (const note of readdirSync(path.join(repoRoot, 'content/notes')))
    copyFileSync(path.join(repoRoot, 'content/notes', note), path.join(layout.notes, note));
  writeFileSync(layout.topics, `${readFileSync(path.join(repoRoot, 'content/topics.yaml'), 'utf8')}\n${HOSTILE_TOPICS_YAML}`);
  const outside = path.join(root, 'outside');
  mkdirSync(outside, { recursive: true });
  writeFileSync(path.join(outside, '2026-02-02.txt'), `${OUTSIDE_SECRET}\n\nNot a digest: a private file the ingest must not read.\n`);
  for (const c of cases) {
    const dir = c.format === 'note' ? layout.notes : path.join(layout.digests, caseFolder(c));
    mkdirSync(dir, { recursive: true });
    for (const f of c.files) {
      const file = path.join(dir, f.name);
      if ('symlink' in f)
        symlinkSync(f.symlink === 'outside' ? path.join(outside, '2026-02-02.txt') : path.join(root, 'nowhere', 'gone.txt'), file);
      else writeFileSync(file, f.content);
    }
  }
  return layout;
}

/** What `npm run ingest -- <digests> --json` gave. */
export interface IngestRun {
  result: RunResult;
  /** The JSON report, or null when the CLI printed none (a crash). */
  report: IngestReport | null;
  /** Every paper written, read back from the output folder. */
  papers: Paper[];
  /** Wall time, ms. */
  ms: number;
}

/** Runs the real ingest CLI on `digests`, writing papers to `out` and the archive to `archive`. */
export async function ingest(digests: string, out: string, archive: string, topics: string): Promise<IngestRun> {
  rmSync(out, { recursive: true, force: true });
  const started = performance.now();
  const result = await run('npx', ['tsx', 'scripts/ingest.ts', digests, '--out', out, '--archive', archive, '--topics', topics, '--json']);
  const ms = performance.now() - started;
  let report: IngestReport | null;
  try {
    report = JSON.parse(result.stdout) as IngestReport;
  } catch {
    report = null;
  }
  const papers = existsSync(out)
    ? readdirSync(out)
        .filter((f) => f.endsWith('.json'))
        .sort()
        .map((f) => JSON.parse(readFileSync(path.join(out, f), 'utf8')) as Paper)
    : [];
  return { result, report, papers, ms };
}

/**
 * Runs `npm run build` (the build contract: ingest with its notes and ledger checks, then
 * `astro build` and Pagefind) on a hostile archive, every input and output under its root.
 * The note cases use it: what stops a build on a note is ingest's notes check.
 */
export async function npmBuild(layout: HostileLayout, outDir: string): Promise<RunResult & { ms: number }> {
  const started = performance.now();
  const result = await run('npm', ['run', 'build'], {
    PAPERSHELF_DIGESTS: layout.digests,
    PAPERSHELF_NOTES: layout.notes,
    PAPERSHELF_TOPICS: layout.topics,
    PAPERSHELF_LEDGER: path.join(layout.root, 'permalinks.txt'),
    PAPERSHELF_PAPERS: path.join(layout.root, 'papers'),
    PAPERSHELF_OUT: outDir,
    SITE: 'https://example.org',
  });
  return { ...result, ms: performance.now() - started };
}

/** Runs `astro build` of ingested papers, with the hostile notes and taxonomy, into `outDir`. */
export async function buildSite(layout: HostileLayout, papers: string, outDir: string): Promise<RunResult & { ms: number }> {
  const started = performance.now();
  const result = await run('npx', ['astro', 'build'], {
    PAPERSHELF_PAPERS: papers,
    PAPERSHELF_NOTES: layout.notes,
    PAPERSHELF_TOPICS: layout.topics,
    PAPERSHELF_OUT: outDir,
    SITE: 'https://example.org',
  });
  return { ...result, ms: performance.now() - started };
}

/** What one case left in an ingest run. */
export interface CaseFindings {
  problems: IngestReport['problems'];
  /** The case's files the report lists as not read, and why. */
  notRead: IngestReport['notRead'];
  papers: Paper[];
  /** True when the report (or the CLI's output) names the case's folder at all. */
  mentioned: boolean;
  /** Sample papers this case changed (takeover), by id. */
  tookOver: string[];
}

/** The problems and papers of `c` in `run`; `baseline` is the sample ingested alone. */
export function findingsOf(c: HostileCase, run: IngestRun, baseline: readonly Paper[]): CaseFindings {
  const folder = caseFolder(c);
  const fromCase = (file: string) => file.startsWith(folder);
  const problems = (run.report?.problems ?? []).filter((p) => fromCase(p.file));
  const notRead = (run.report?.notRead ?? []).filter((n) => fromCase(n.file));
  const papers = run.papers.filter((p) => p.appearances.some((a) => fromCase(a.file)));
  const text = `${run.result.stdout}\n${run.result.stderr}`;
  const tookOver = baseline
    .filter((b) => {
      const now = run.papers.find((p) => p.id === b.id);
      return now !== undefined && now.appearances.some((a) => fromCase(a.file)) && JSON.stringify(now) !== JSON.stringify(b);
    })
    .map((b) => b.id);
  return { problems, notRead, papers, mentioned: text.includes(folder), tookOver };
}

/** Where the case's declared outcome is not met (empty: met). */
export function outcomeFailures(c: HostileCase, f: CaseFindings, run: IngestRun): string[] {
  const out: string[] = [];
  const errors = f.problems.filter((p) => p.severity === 'error');
  const say = (p: CaseFindings['problems'][number]) => `${p.file}:${p.line}: ${p.severity}: ${p.message}`;
  const text = `${run.result.stdout}\n${run.result.stderr}`;
  if (c.format === 'note') return []; // judged by noteBuildFailures / buildFailureFailures
  const pointsOutside = c.files.some((x) => 'symlink' in x && x.symlink === 'outside');
  if (pointsOutside && text.includes(OUTSIDE_SECRET)) out.push('the report printed a line of a file outside the digests folder');
  if (f.tookOver.length) out.push(`changed the sample paper(s) ${f.tookOver.join(', ')}`);
  const e = c.expect;
  switch (e.outcome) {
    case 'accepted':
      if (errors.length) out.push(`expected no error, found ${errors.map(say).join(' | ')}`);
      if (e.warning && !f.problems.some((p) => e.warning!.test(p.message)))
        out.push(`expected a warning matching ${e.warning}, found ${f.problems.map(say).join(' | ') || 'none'}`);
      if (f.papers.length !== e.papers) out.push(`expected ${e.papers} paper(s) from it, found ${f.papers.length}`);
      break;
    case 'rejected':
      if (!errors.some((p) => e.message.test(p.message)))
        out.push(`expected an error naming file:line matching ${e.message}, found ${f.problems.map(say).join(' | ') || 'none'}`);
      if (f.papers.length !== e.papers) out.push(`expected ${e.papers} paper(s) still written from it, found ${f.papers.length}`);
      break;
    case 'reported':
      if (!f.problems.some((p) => e.message.test(p.message)))
        out.push(`expected an error or warning naming file:line matching ${e.message}, found ${f.problems.map(say).join(' | ') || 'none'}`);
      if (f.papers.length < e.papers[0] || f.papers.length > e.papers[1])
        out.push(`expected ${e.papers.join('–')} paper(s) from it, found ${f.papers.length}`);
      break;
    case 'skipped': {
      if (f.papers.length) out.push(`expected the file not to be read, found ${f.papers.length} paper(s) from it`);
      const said = (n: CaseFindings['notRead'][number]) => `${n.file}:${n.line}: ${n.severity}: not read: ${n.reason}`;
      if (!f.notRead.some((n) => e.message.test(n.reason) && (e.severity === undefined || n.severity === e.severity)))
        out.push(
          `expected the report to list ${caseFolder(c)} as not read${e.severity ? ` (${e.severity})` : ''}, saying why (${e.message}), found ${[...f.notRead.map(said), ...f.problems.map(say)].join(' | ') || 'none'}`,
        );
      break;
    }
    case 'build-fails':
      break; // judged by buildFailureFailures, from a build of its own
  }
  const broken = f.papers.length ? c.check?.(f.papers) : null;
  if (broken) out.push(broken);
  return out;
}

/** For a `build-fails` case: where the failed build's output misses the declared outcome. */
export function buildFailureFailures(c: HostileCase, build: RunResult): string[] {
  if (c.expect.outcome !== 'build-fails') return [];
  const text = `${build.stdout}\n${build.stderr}`;
  const out: string[] = [];
  if (build.code === 0) out.push('expected the build to fail, it succeeded');
  else if (!c.expect.message.test(text)) out.push(`expected the failure to name ${c.expect.message}, found: ${lastLines(text, 6)}`);
  if (/^\s+at .+:\d+:\d+\)?$/m.test(text)) out.push('the failure prints a stack trace');
  return out;
}

/** For an accepted note case: the build must warn about it (`warning`) and still succeed. */
export function noteBuildFailures(c: HostileCase, build: RunResult): string[] {
  if (c.format !== 'note' || c.expect.outcome !== 'accepted') return [];
  const text = `${build.stdout}\n${build.stderr}`;
  const out: string[] = [];
  if (build.code !== 0) out.push(`expected the build to succeed, it failed: ${lastLines(text, 6)}`);
  if (c.expect.warning && !c.expect.warning.test(text)) out.push(`expected a build warning matching ${c.expect.warning}`);
  return out;
}

/** The last `n` non-empty lines of `text`, for messages. */
export function lastLines(text: string, n: number): string {
  return text.trim().split('\n').filter(Boolean).slice(-n).join(' / ');
}

/** The classes issue 7 counts; `unexpected` = read differently from what the case declares, with no loss, crash or injection. */
export type Verdict = 'clear error' | 'accepted-ok' | 'silent loss' | 'crash' | 'injection' | 'unexpected';

/** What the built site and the browser found about one case (from sweep.ts and output checks). */
export interface SiteFindings {
  /** Scripts that ran, broken markup or `javascript:` links attributed to the case. */
  injections: string[];
  /** Broken output (feed, JSON-LD, archive line) or a failed build attributed to the case. */
  crashes: string[];
}

/** Sorts one case into a class, worst first: crash, injection, silent loss, unexpected, clear error, accepted-ok. */
export function classify(
  c: HostileCase,
  f: CaseFindings,
  failures: string[],
  run: IngestRun,
  site: SiteFindings = { injections: [], crashes: [] },
): { verdict: Verdict; detail: string } {
  if (run.result.code !== 0 && run.result.code !== 1)
    return { verdict: 'crash', detail: `ingest exit ${run.result.code}: ${lastLines(run.result.stderr, 3)}` };
  if (site.crashes.length) return { verdict: 'crash', detail: site.crashes.join('; ') };
  if (site.injections.length) return { verdict: 'injection', detail: site.injections.join('; ') };
  if (f.tookOver.length) return { verdict: 'injection', detail: `took over ${f.tookOver.join(', ')}` };
  if (failures.length === 0) {
    const said = f.notRead[0]
      ? `${f.notRead[0].file}:${f.notRead[0].line}: not read: ${f.notRead[0].reason}`
      : f.problems[0]
        ? `${f.problems[0].file}:${f.problems[0].line}: ${f.problems[0].message}`
        : '';
    return { verdict: said ? 'clear error' : 'accepted-ok', detail: said };
  }
  const e = c.expect;
  const expected = e.outcome === 'accepted' || e.outcome === 'rejected' ? e.papers : e.outcome === 'reported' ? e.papers[0] : 0;
  const lostCards = f.papers.length < expected && !f.problems.some((p) => p.severity === 'error');
  const corrupted = f.papers.length > 0 && Boolean(c.check?.(f.papers)) && !f.problems.some((p) => p.severity === 'error');
  const unmentioned = c.expect.outcome === 'skipped' && !f.mentioned && f.papers.length === 0;
  // Reading a file outside the digests folder (and printing it) is a breach, not a loss.
  if (failures.some((x) => x.includes('outside the digests folder'))) return { verdict: 'injection', detail: failures.join('; ') };
  const unsaid = c.silently !== undefined && failures.some((x) => / found none$/.test(x));
  if (lostCards || corrupted || unmentioned || unsaid)
    return { verdict: 'silent loss', detail: [...(unsaid ? [c.silently!] : []), ...failures].join('; ') };
  return { verdict: 'unexpected', detail: failures.join('; ') };
}

/** One built hostile archive and the sample ingested alone beside it (for byte comparisons). */
export interface HostileSite {
  layout: HostileLayout;
  /** `astro build` output. */
  dist: string;
  /** Papers ingested from the sample and the cases. */
  papers: string;
  archive: string;
  /** Papers and archive of the sample digest alone, same taxonomy. */
  baselinePapers: string;
  baselineArchive: string;
  /** Ingest exit code of the hostile archive (1: some cards refused, as the cases intend). */
  ingestCode: number | null;
}

/**
 * Writes `cases` next to the sample digest under `root`, ingests them with the real CLI, and builds
 * the site once; also ingests the sample alone. Throws with the tool's output when ingest crashes
 * or the build fails.
 */
export async function buildHostileSite(root: string, cases: readonly HostileCase[] = buildSet()): Promise<HostileSite> {
  const layout = writeHostileArchive(path.join(root, 'hostile'), cases);
  const baseline = writeHostileArchive(path.join(root, 'baseline'), []);
  const site: HostileSite = {
    layout,
    dist: path.join(root, 'dist'),
    papers: path.join(root, 'papers'),
    archive: path.join(root, 'archive.jsonl'),
    baselinePapers: path.join(root, 'baseline-papers'),
    baselineArchive: path.join(root, 'baseline-archive.jsonl'),
    ingestCode: null,
  };
  const base = await ingest(baseline.digests, site.baselinePapers, site.baselineArchive, baseline.topics);
  if (base.result.code !== 0) throw new Error(`ingest of the sample alone failed (exit ${base.result.code}):\n${base.result.stderr}`);
  const hostile = await ingest(layout.digests, site.papers, site.archive, layout.topics);
  site.ingestCode = hostile.result.code;
  if (hostile.result.code !== 0 && hostile.result.code !== 1)
    throw new Error(`ingest of the hostile archive crashed (exit ${hostile.result.code}):\n${hostile.result.stderr}`);
  const build = await buildSite(layout, site.papers, site.dist);
  if (build.code !== 0)
    throw new Error(`astro build of the hostile archive failed (exit ${build.code}):\n${lastLines(build.stdout + build.stderr, 30)}`);
  return site;
}
