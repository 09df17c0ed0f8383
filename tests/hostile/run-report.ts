/**
 * `npx tsx tests/hostile/run-report.ts [--quick]`: runs the whole hostile set and prints, per case,
 * how Papershelf handled it — clear error, accepted-ok, silent loss, crash, injection, or
 * unexpected (handled otherwise than declared, without loss, crash or injection) — then the counts.
 *
 * 1. every digest case next to the sample digest, one run of the real ingest CLI;
 * 2. one build of the cases not listed in known-defects.ts, every page swept in Chromium;
 * 3. each known-defect case in a build of its own, swept too, and each note case in an
 *    `npm run build` of its own (both skipped with `--quick`).
 * Nothing here asserts: the e2e tests do; this is the table for issue 7's closing note.
 */
import { mkdirSync, mkdtempSync, readFileSync, readdirSync, writeFileSync } from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { launchBrowser } from '../support/browser.ts';
import { serveDist } from '../support/serve.ts';
import { run } from '../support/run.ts';
import { fixturePapers } from '../fixtures/site/papers.ts';
import { repoRoot } from '../support/repo.ts';
import { HOSTILE_CASES, type HostileCase } from './cases.ts';
import { KNOWN_DEFECTS } from './known-defects.ts';
import {
  buildFailureFailures,
  buildHostileSite,
  buildSet,
  buildSite,
  classify,
  findingsOf,
  ingest,
  lastLines,
  noteBuildFailures,
  npmBuild,
  outcomeFailures,
  writeHostileArchive,
  type SiteFindings,
  type Verdict,
} from './harness.ts';
import { outputProblems } from './output.ts';
import { openSearch, recordingContext, reportOnlyPolicy, sitePages, sweepPages, type Hit } from './sweep.ts';

const quick = process.argv.includes('--quick');
const root = mkdtempSync(path.join(os.tmpdir(), 'papershelf-hostile-report-'));
const started = performance.now();
const log = (s: string) => process.stderr.write(`[hostile] ${s}\n`);

// 1. One ingest of every digest case.
const base = writeHostileArchive(path.join(root, 'baseline'), []);
const baseline = await ingest(base.digests, path.join(root, 'baseline-papers'), path.join(root, 'baseline.jsonl'), base.topics);
const allLayout = writeHostileArchive(
  path.join(root, 'all'),
  HOSTILE_CASES.filter((c) => c.format !== 'note'),
);
const all = await ingest(allLayout.digests, path.join(root, 'all-papers'), path.join(root, 'all.jsonl'), allLayout.topics);
log(`ingest of ${HOSTILE_CASES.length} cases: exit ${all.result.code}, ${(all.ms / 1000).toFixed(1)} s`);

const site = new Map<string, SiteFindings>(HOSTILE_CASES.map((c) => [c.id, { injections: [], crashes: [] }]));
const unattributed: string[] = [];

// Trusted inline scripts for the report-only policy: the sample alone and the fixture archive (which has arXiv papers).
const trusted = path.join(root, 'trusted-dist');
const sampleOnly = await buildSite(base, path.join(root, 'baseline-papers'), trusted);
const fixtureDir = path.join(root, 'fixture-papers');
mkdirSync(fixtureDir, { recursive: true });
for (const p of fixturePapers()) writeFileSync(path.join(fixtureDir, `${p.id}.json`), `${JSON.stringify(p, null, 2)}\n`);
const fixtureDist = path.join(root, 'fixture-dist');
await run('npx', ['astro', 'build'], {
  PAPERSHELF_PAPERS: fixtureDir,
  PAPERSHELF_NOTES: path.join(repoRoot, 'tests/fixtures/site/notes'),
  PAPERSHELF_TOPICS: path.join(repoRoot, 'tests/fixtures/site/topics.yaml'),
  PAPERSHELF_OUT: fixtureDist,
});
if (sampleOnly.code !== 0) throw new Error(`the sample alone does not build:\n${lastLines(sampleOnly.stderr, 20)}`);
const policy = reportOnlyPolicy(trusted, fixtureDist);
const browser = await launchBrowser();

/** Sweeps a built site and attributes what it finds to `cases` (by canary id, else by the paper page it was on). */
async function judgeSite(dist: string, papersDir: string, cases: readonly HostileCase[], onlyCasePages = false): Promise<void> {
  const caseOfPaper = new Map<string, string[]>();
  for (const f of readdirSync(papersDir).filter((n) => n.endsWith('.json'))) {
    const p = JSON.parse(readFileSync(path.join(papersDir, f), 'utf8')) as {
      id: string;
      aliases: string[];
      appearances: Array<{ file: string }>;
    };
    const ids = cases.filter((c) => p.appearances.some((a) => a.file.startsWith(`cases/${c.id}/`))).map((c) => c.id);
    for (const key of [p.id, ...p.aliases]) caseOfPaper.set(key, ids);
  }
  const attribute = (paper: string | undefined, what: string, kind: 'injections' | 'crashes', explicit?: string) => {
    const ids = explicit && site.has(explicit) ? [explicit] : paper ? (caseOfPaper.get(paper) ?? []) : [];
    if (ids.length === 0) unattributed.push(what);
    for (const id of ids) site.get(id)![kind].push(what);
  };
  for (const p of outputProblems(dist)) attribute(p.paper, `${p.file}: ${p.problem}`, 'crashes');
  const server = await serveDist(dist, '/', { htmlHeaders: { 'Content-Security-Policy-Report-Only': policy } });
  const hits: Hit[] = [];
  const context = await recordingContext(browser, hits, { width: 390, height: 844 });
  // A case built alone: its own paper pages and the listing pages, not the sample's 44 papers again.
  const own = new Set([...caseOfPaper].filter(([, ids]) => ids.length > 0).map(([id]) => `papers/${id}/`));
  const pages = sitePages(dist).filter((p) => !onlyCasePages || !p.startsWith('papers/') || own.has(p));
  await sweepPages(context, hits, server.url, pages);
  await openSearch(context, server.url, 'hostile').catch((e) =>
    hits.push({ page: 'search/', kind: 'dialog', detail: `search did not open: ${e}` }),
  );
  for (const h of hits)
    attribute(
      /\/papers\/([^/]+)\//.exec(`/${h.page.replace(/^\//, '')}`)?.[1],
      `${h.kind} on ${h.page}: ${h.detail.slice(0, 80)}`,
      'injections',
      h.kind === 'canary' ? h.detail : undefined,
    );
  await context.close();
  await server.close();
}

// 2. The combined build.
const combined = await buildHostileSite(path.join(root, 'combined'));
await judgeSite(combined.dist, combined.papers, buildSet());
log(`combined build of ${buildSet().length} cases swept`);

// 3. Each excluded case, and each note case, on its own.
// Note cases too: a note's outcome is what its own `npm run build` says.
const excluded = HOSTILE_CASES.filter((c) => !buildSet().includes(c) || c.format === 'note');
const buildFailures = new Map<string, string[]>();
if (!quick) {
  for (const c of excluded) {
    const dir = path.join(root, `alone-${c.id}`);
    const layout = writeHostileArchive(dir, [c]);
    if (c.format === 'note') {
      // A note case is built as a user builds (npm run build), whose ingest step checks the notes.
      const build = await npmBuild(layout, path.join(dir, 'dist'));
      buildFailures.set(c.id, [...buildFailureFailures(c, build), ...noteBuildFailures(c, build)]);
      log(`${c.id}: built alone with npm run build (exit ${build.code})`);
      continue;
    }
    const papers = path.join(dir, 'papers');
    const ing = await ingest(layout.digests, papers, path.join(dir, 'archive.jsonl'), layout.topics);
    if (ing.result.code !== 0 && ing.result.code !== 1) continue; // the combined ingest already says crash
    const build = await buildSite(layout, papers, path.join(dir, 'dist'));
    if (build.code !== 0) site.get(c.id)!.crashes.push(`the build fails: ${lastLines(build.stdout + build.stderr, 3).slice(0, 200)}`);
    else await judgeSite(path.join(dir, 'dist'), papers, [c], true);
    log(`${c.id}: built alone (exit ${build.code})`);
  }
}
await browser.close();

// Table and counts.
const rows = HOSTILE_CASES.map((c) => {
  if (c.format === 'note') {
    const failures = buildFailures.get(c.id);
    const verdict: Verdict =
      failures === undefined
        ? 'unexpected'
        : failures.length === 0
          ? c.expect.outcome === 'build-fails'
            ? 'clear error'
            : 'accepted-ok'
          : failures.some((f) => /stack trace/.test(f))
            ? 'crash'
            : 'unexpected';
    return { c, verdict, detail: failures === undefined ? 'not built (--quick)' : failures.join('; ') };
  }
  const f = findingsOf(c, all, baseline.papers);
  const { verdict, detail } = classify(c, f, outcomeFailures(c, f, all), all, site.get(c.id));
  return { c, verdict, detail };
});
const order: Verdict[] = ['crash', 'injection', 'silent loss', 'unexpected', 'clear error', 'accepted-ok'];
rows.sort((a, b) => order.indexOf(a.verdict) - order.indexOf(b.verdict) || (a.c.id < b.c.id ? -1 : 1));
const out: string[] = ['| case | format | verdict | known defect | detail |', '| --- | --- | --- | --- | --- |'];
for (const { c, verdict, detail } of rows) {
  out.push(
    `| ${c.id} | ${c.format} | ${verdict} | ${KNOWN_DEFECTS[c.id]?.split(':')[0] ?? ''} | ${detail.replace(/\|/g, '\\|').replace(/\s+/g, ' ').slice(0, 140)} |`,
  );
}
out.push('', `${HOSTILE_CASES.length} cases${quick ? ' (--quick: known defects and notes judged by ingest only)' : ''}:`);
for (const v of order) out.push(`  ${v.padEnd(12)} ${rows.filter((r) => r.verdict === v).length}`);
if (unattributed.length) out.push('', `Not tied to a case (${unattributed.length}):`, ...unattributed.slice(0, 20).map((u) => `  ${u}`));
out.push('', `(${((performance.now() - started) / 1000).toFixed(0)} s; work files in ${root})`);
process.stdout.write(`${out.join('\n')}\n`);
