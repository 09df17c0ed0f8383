/**
 * Issue 9's scale benchmark, one size after another (1k, the real corpus, ~5× the corpus):
 *
 * 1. the scale corpus (scale-corpus.ts) as plain-text digests and as `api/daily_papers` JSON, the
 *    newest JSON day held out as "one more digest";
 * 2. `npm run ingest` of the plain text, exactly as a user runs it (env paths, ledger and notes
 *    checked), fresh (empty output folder, as in CI) and re-run (nothing changed), and
 *    `tsx scripts/ingest.ts` alone (no npm), median of `--ingest-runs`;
 * 3. `--runs` cold builds (no Astro cache, no papers folder) of the real `npm run build` on the
 *    JSON digests, each followed by a cold floor build (floor.ts) in the same run, so their
 *    ratio sees the same machine load: wall, CPU, Astro's phases, render time per page type,
 *    Pagefind, the service worker, peak memory (whole tree and largest process);
 * 4. optionally (`--profile`) one more cold `astro build` under `--cpu-prof`, summarised;
 * 5. page weight (page-weight.ts) of the built site; Pagefind (pagefind-phases.ts) and the
 *    service-worker step (sw-phases.ts) measured apart on it;
 * 6. rebuilds with a warm cache: nothing changed, then one more digest day; the floor likewise.
 *
 * Everything runs under `nice -n 10` (a shared machine) in a temporary folder; the only thing
 * written inside the repository is Astro's own cache (`node_modules/.astro`), which cold runs
 * delete. Results: a table on stdout and JSON (`--out`, default `$TMPDIR/papershelf-scale-results.json`).
 *
 * Usage: npx tsx scripts/bench/scale-build.ts [--sizes 1k,10k,50k] [--runs 3] [--ingest-runs 5]
 *          [--rebuild-runs 1] [--no-floor] [--no-rebuild] [--no-ingest] [--profile] [--work DIR] [--out FILE]
 */
import { existsSync, readdirSync, statSync } from 'node:fs';
import { copyFile, cp, mkdir, mkdtemp, readFile, rename, rm, writeFile } from 'node:fs/promises';
import os from 'node:os';
import path from 'node:path';
import { fileURLToPath } from 'node:url';
import { parseArgs } from 'node:util';
import { buildFloor, parseFloorLog, type FloorLogTimes } from './floor.ts';
import { median, runMeasured, type Measured } from './peak-memory.ts';
import { pageWeight, formatPageWeight, type PageWeight } from './page-weight.ts';
import { runPagefind, type PagefindRun } from './pagefind-phases.ts';
import { runSw, type SwRun } from './sw-phases.ts';
import { describeTree, readTreeState, sameTree, type TreeState } from './tree-state.ts';
import { summarise, formatSummary, DEFAULT_INCLUSIVE, type ProfileSummary } from './cpu-profile.ts';
import { defaultCorpusFile, scaleCorpus, writeDigests } from './scale-corpus.ts';
import { readCorpusFile } from './repo-imports.ts';
import { parseBuildLog, parseTimeStat, type BuildLogTimes } from './repo-imports.ts';
import { table } from './table.ts';

const repoRoot = path.resolve(path.dirname(fileURLToPath(import.meta.url)), '../..');

/** Render time of one kind of page, from Astro's per-page `(+Nms)` log lines. */
export interface RouteTimes {
  pages: number;
  ms: number;
}

/** One measured run of the real build or the floor: the process measures (peak-memory.ts) plus what its log and dist say. */
export interface BuildMeasure extends Pick<Measured, 'wallMs' | 'userMs' | 'systemMs' | 'peakProcessMb' | 'peakTreeMb' | 'peakTreeBy' | 'loadAvg'> {
  /** Astro's phases (real: BuildLogTimes; floor: FloorLogTimes). */
  times: Partial<BuildLogTimes & FloorLogTimes>;
  /** Vite's bundling (`[vite] ✓ built in`, summed over environments). */
  viteMs: number | null;
  /** Render time per kind of page (sum of the per-page times Astro logs). */
  routes: Record<string, RouteTimes>;
  /** Whether the log says the content store was cleared (config or version changed). */
  storeCleared: boolean;
  /** Astro's own phase timer (`ASTRO_TIMER_PATH`): ms and heap used at the end of each phase, MB. */
  astroTimer: Record<string, { ms: number; heapMb: number }>;
  distBytes: number;
  distFiles: number;
}

/** Folder size (apparent bytes, files). */
function folderSize(dir: string): { bytes: number; files: number } {
  if (!existsSync(dir)) return { bytes: 0, files: 0 };
  let bytes = 0;
  let files = 0;
  for (const e of readdirSync(dir, { recursive: true, withFileTypes: true })) {
    if (!e.isFile()) continue;
    bytes += statSync(path.join(e.parentPath, e.name)).size;
    files++;
  }
  return { bytes, files };
}

/** Groups Astro's per-page render lines (`├─ /papers/x/index.html (+12ms)`) by the path's first segment. */
export function routeTimes(log: string): Record<string, RouteTimes> {
  const out: Record<string, RouteTimes> = {};
  for (const m of log.matchAll(/[├└]─ (\/[^\s]*) \(\+([^)]+)\)/g)) {
    const seg = /^\/([^/.]+)\//.exec(m[1]!)?.[1] ?? 'other';
    const kind = ['papers', 'topics', 'digests', 'orgs'].includes(seg) ? seg : 'other';
    const ms = parseTimeStat(m[2]!) ?? 0;
    out[kind] ??= { pages: 0, ms: 0 };
    out[kind].pages++;
    out[kind].ms += ms;
  }
  for (const r of Object.values(out)) r.ms = Math.round(r.ms);
  return out;
}

/** Turns a measured run and its dist into a BuildMeasure. */
async function toMeasure(m: Measured, dist: string, floor: boolean, timerFile: string): Promise<BuildMeasure> {
  const timer = JSON.parse(await readFile(timerFile, 'utf8').catch(() => '{}')) as Record<string, { elapsedTime: number; heapUsedTotal: number }>;
   
  const log = m.log.replace(/\u001b\[[0-9;]*m/g, '');
  const vite = [...log.matchAll(/\[vite\] ✓ built in (\S+)/g)].map((x) => parseTimeStat(x[1]!) ?? 0);
  const size = folderSize(dist);
  return {
    wallMs: Math.round(m.wallMs),
    userMs: m.userMs,
    systemMs: m.systemMs,
    peakProcessMb: m.peakProcessMb && Math.round(m.peakProcessMb),
    peakTreeMb: m.peakTreeMb && Math.round(m.peakTreeMb),
    peakTreeBy: m.peakTreeBy,
    times: floor ? parseFloorLog(log, parseTimeStat) : parseBuildLog(log),
    viteMs: vite.length ? Math.round(vite.reduce((a, b) => a + b, 0)) : null,
    routes: routeTimes(log),
    storeCleared: /Clearing content store/.test(log),
    astroTimer: Object.fromEntries(Object.entries(timer).map(([k, v]) => [k, { ms: Math.round(v.elapsedTime), heapMb: Math.round(v.heapUsedTotal / 2 ** 20) }])),
    distBytes: size.bytes,
    distFiles: size.files,
    loadAvg: m.loadAvg,
  };
}

/**
 * Moves `target` into the work folder's trash instead of deleting it: on this machine's ext4
 * (mounted with `discard`), creating thousands of files right after deleting thousands makes
 * the creation several times slower (10,000 small files: 0.25–0.4 s on a quiet disk, 2.4–2.9 s
 * just after an `rm -rf` of as many), which would charge one build for the previous one's
 * clean-up. The trash is emptied between sizes, followed by a pause.
 */
let trash: string | null = null;
let trashed = 0;
async function discard(target: string): Promise<void> {
  if (!existsSync(target)) return;
  if (!trash) throw new Error('discard() before the trash folder was set');
  await rename(target, path.join(trash, String(trashed++)));
}

/** Deletes the trash, then waits for the disk to settle. */
async function emptyTrash(settleMs = 20_000): Promise<void> {
  if (!trash || !existsSync(trash) || readdirSync(trash).length === 0) return;
  process.stderr.write('  emptying the trash…\n');
  await rm(trash, { recursive: true, force: true });
  await mkdir(trash, { recursive: true });
  await new Promise((r) => setTimeout(r, settleMs));
}

/** Environment for child builds: ours minus Vite/Vitest's injected keys, no colour. */
function childEnv(extra: Record<string, string>): NodeJS.ProcessEnv {
  const env: NodeJS.ProcessEnv = { ...process.env };
  for (const key of Object.keys(env)) if (['BASE_URL', 'MODE', 'DEV', 'PROD', 'SSR'].includes(key) || key.startsWith('VITEST') || key.startsWith('VITE_')) delete env[key];
  return { ...env, ...extra, NO_COLOR: '1', FORCE_COLOR: '0' };
}

/** Paths of one size's work. */
interface Work {
  root: string;
  txt: string;
  json: string;
  next: string;
  papers: string;
  ledger: string;
  dist: string;
  floorProject: string;
  floorDist: string;
  logs: string;
  /** Astro's cache for this size's builds (PAPERSHELF_CACHE): the repository's own is never touched. */
  cache: string;
}

/** Median of each numeric field of a list of measures (maps of route times and the like from the first). */
function medianMeasure(runs: readonly BuildMeasure[]): BuildMeasure {
  const first = runs[0]!;
  const med = (f: (r: BuildMeasure) => number | null | undefined) => {
    const v = median(runs.map(f));
    return v === null ? null : Math.round(v);
  };
  const times: Record<string, number | null> = {};
  for (const k of Object.keys(first.times)) times[k] = med((r) => (r.times as Record<string, number | null>)[k]);
  const routes: Record<string, RouteTimes> = {};
  for (const k of Object.keys(first.routes)) routes[k] = { pages: first.routes[k]!.pages, ms: med((r) => r.routes[k]?.ms) ?? 0 };
  const astroTimer: BuildMeasure['astroTimer'] = {};
  for (const k of Object.keys(first.astroTimer)) astroTimer[k] = { ms: med((r) => r.astroTimer[k]?.ms) ?? 0, heapMb: med((r) => r.astroTimer[k]?.heapMb) ?? 0 };
  return {
    ...first,
    astroTimer,
    wallMs: med((r) => r.wallMs)!,
    userMs: med((r) => r.userMs),
    systemMs: med((r) => r.systemMs),
    peakProcessMb: med((r) => r.peakProcessMb),
    peakTreeMb: med((r) => r.peakTreeMb),
    times,
    viteMs: med((r) => r.viteMs),
    routes,
  };
}

/** One `npm run build` of the size's JSON digests into its fixed dist (the dist is removed first). */
async function realBuild(w: Work, label: string, options: { cold: boolean }): Promise<BuildMeasure> {
  if (options.cold) {
    await discard(w.cache);
    await discard(w.papers);
  }
  await discard(w.dist);
  const timerFile = path.join(w.logs, `${label}.timer.json`);
  const env = childEnv({ PAPERSHELF_DIGESTS: w.json, PAPERSHELF_PAPERS: w.papers, PAPERSHELF_LEDGER: w.ledger, PAPERSHELF_OUT: w.dist, PAPERSHELF_CACHE: w.cache, ASTRO_TIMER_PATH: timerFile });
  process.stderr.write(`  ${label}…`);
  const m = await runMeasured('npm', ['run', 'build'], { cwd: repoRoot, env });
  await writeFile(path.join(w.logs, `${label}.log`), m.log);
  if (m.exitCode !== 0) throw new Error(`npm run build failed (exit ${m.exitCode}); log in ${path.join(w.logs, `${label}.log`)}:\n${m.log.slice(-3000)}`);
  const measure = await toMeasure(m, w.dist, false, timerFile);
  process.stderr.write(` ${(measure.wallMs / 1000).toFixed(1)} s, tree ${measure.peakTreeMb} MB, load ${measure.loadAvg.join('→')}\n`);
  return measure;
}

/** One floor build of the size's papers. */
async function floorBuild(w: Work, label: string, options: { cold: boolean }): Promise<BuildMeasure> {
  process.stderr.write(`  ${label}…`);
  const timerFile = path.join(w.logs, `${label}.timer.json`);
  const m = await buildFloor(w.floorProject, w.papers, w.floorDist, { cold: options.cold, env: { ASTRO_TIMER_PATH: timerFile }, remove: discard });
  await writeFile(path.join(w.logs, `${label}.log`), m.log);
  if (m.exitCode !== 0) throw new Error(`floor build failed (exit ${m.exitCode}):\n${m.log.slice(-3000)}`);
  const measure = await toMeasure(m, w.floorDist, true, timerFile);
  process.stderr.write(` ${(measure.wallMs / 1000).toFixed(1)} s, tree ${measure.peakTreeMb} MB, load ${measure.loadAvg.join('→')}\n`);
  return measure;
}

/** Ingest timings of one variant. */
export interface IngestMeasure {
  variant: string;
  runs: number;
  wallMs: number;
  /** The CLI's own "(x s)" from its footer: arguments parsed → report printed. */
  internalMs: number | null;
  userMs: number | null;
  peakProcessMb: number | null;
  written: number | null;
}

/** `npm run ingest` (or tsx alone) of the plain-text digests, `runs` times, median. */
async function ingestBench(w: Work, runs: number, quick: boolean): Promise<IngestMeasure[]> {
  const out = path.join(w.root, 'ingest-papers');
  const ledger = path.join(w.root, 'ingest-ledger.txt');
  const env = childEnv({ PAPERSHELF_DIGESTS: w.txt, PAPERSHELF_PAPERS: out, PAPERSHELF_LEDGER: ledger });
  const variants: Array<{ variant: string; cmd: string; args: string[]; fresh: boolean }> = [
    { variant: 'npm run ingest, fresh output', cmd: 'npm', args: ['run', 'ingest'], fresh: true },
    { variant: 'npm run ingest, re-run (unchanged)', cmd: 'npm', args: ['run', 'ingest'], fresh: false },
    { variant: 'node scripts/ingest.ts, fresh output', cmd: process.execPath, args: ['scripts/ingest.ts'], fresh: true },
  ];
  // A first run writes the ledger (committed in a real repository) and warms the file cache.
  await runMeasured('npm', ['run', 'ingest', '--', '--quiet'], { cwd: repoRoot, env });
  const results: IngestMeasure[] = [];
  for (const v of quick ? variants.slice(0, 1) : variants) {
    const all: Measured[] = [];
    for (let i = 0; i < runs; i++) {
      if (v.fresh) await discard(out);
      const m = await runMeasured(v.cmd, v.args, { cwd: repoRoot, env });
      if (m.exitCode !== 0 && m.exitCode !== 1) throw new Error(`ingest failed (exit ${m.exitCode}):\n${m.log.slice(-3000)}`);
      all.push(m);
    }
    const footer = (m: Measured) => /(\d+) written, \d+ unchanged, \d+ removed \((\d+(?:\.\d+)?) s\)/.exec(m.log);
    results.push({
      variant: v.variant,
      runs,
      wallMs: Math.round(median(all.map((m) => m.wallMs))!),
      internalMs: median(all.map((m) => (footer(m) ? Number(footer(m)![2]) * 1000 : null))),
      userMs: median(all.map((m) => m.userMs)),
      peakProcessMb: median(all.map((m) => m.peakProcessMb && Math.round(m.peakProcessMb))),
      written: footer(all[0]!) ? Number(footer(all[0]!)![1]) : null,
    });
    process.stderr.write(`  ${v.variant}: ${results.at(-1)!.wallMs} ms (internal ${results.at(-1)!.internalMs} ms)\n`);
  }
  return results;
}

/** One cold `astro build` under `--cpu-prof` (Node's own flag; `NODE_OPTIONS` refuses it). */
async function profileBuild(w: Work): Promise<{ main: ProfileSummary; workers: ProfileSummary | null; wallMs: number }> {
  const dir = path.join(w.root, 'cpuprof');
  await discard(dir);
  await discard(w.cache);
  await discard(w.dist);
  const env = childEnv({ PAPERSHELF_PAPERS: w.papers, PAPERSHELF_OUT: w.dist, PAPERSHELF_CACHE: w.cache });
  process.stderr.write('  profiled astro build…');
  const m = await runMeasured(process.execPath, ['--cpu-prof', '--cpu-prof-interval', '2000', '--cpu-prof-dir', dir, path.join(repoRoot, 'node_modules/astro/bin/astro.mjs'), 'build'], { cwd: repoRoot, env });
  await writeFile(path.join(w.logs, 'profiled-build.log'), m.log);
  if (m.exitCode !== 0) throw new Error(`profiled build failed:\n${m.log.slice(-3000)}`);
  process.stderr.write(` ${(m.wallMs / 1000).toFixed(1)} s\n`);
  // One profile per thread, named CPU.<date>.<time>.<pid>.<thread>.<seq>.cpuprofile; thread 0 is the main one.
  const files = readdirSync(dir).filter((f) => f.endsWith('.cpuprofile'));
  const load = async (f: string) => JSON.parse(await readFile(path.join(dir, f), 'utf8'));
  const isMain = (f: string) => /\.\d+\.0\.\d+\.cpuprofile$/.test(f);
  const main = summarise(await Promise.all(files.filter(isMain).map(load)), 40, DEFAULT_INCLUSIVE);
  const workerFiles = files.filter((f) => !isMain(f));
  const workers = workerFiles.length ? summarise(await Promise.all(workerFiles.map(load)), 10) : null;
  return { main, workers, wallMs: Math.round(m.wallMs) };
}

/** Everything measured for one size. */
export interface SizeResult {
  label: string;
  papers: number;
  days: number;
  heldOutDay: { day: string; cards: number } | null;
  digests: { txtBytes: number; jsonBytes: number };
  ingest: IngestMeasure[];
  build: { runs: BuildMeasure[]; median: BuildMeasure };
  floor: { runs: BuildMeasure[]; median: BuildMeasure } | null;
  ratios: Record<string, number | null>;
  profile: Awaited<ReturnType<typeof profileBuild>> | null;
  pageWeight: PageWeight;
  pagefind: PagefindRun[];
  sw: SwRun[];
  /** Medians of the rebuild rounds, and every round. */
  rebuild: {
    /** Null with `--quick`. */
    noChange: BuildMeasure | null;
    oneMoreDay: BuildMeasure;
    floorOneMoreDay: BuildMeasure | null;
    runs: { noChange: BuildMeasure[]; oneMoreDay: BuildMeasure[]; floorOneMoreDay: BuildMeasure[] };
  } | null;
  /** The code measured, read before the size's first step and after its last (tree-state.ts). */
  tree?: { before: TreeState; after: TreeState };
}

/** Runs every measurement for `count` papers. */
async function benchSize(label: string, count: number, workRoot: string, opts: { runs: number; ingestRuns: number; floor: boolean; rebuild: boolean; rebuildRuns: number; ingest: boolean; profile: boolean; apart: boolean; quick: boolean }): Promise<SizeResult> {
  const root = path.join(workRoot, label);
  const w: Work = {
    root,
    txt: path.join(root, 'digests-txt'),
    json: path.join(root, 'digests-json'),
    next: path.join(root, 'next-json'),
    papers: path.join(root, 'papers'),
    ledger: path.join(root, 'permalinks.txt'),
    dist: path.join(root, 'dist'),
    floorProject: path.join(root, 'floor'),
    // Inside the floor project: its prerender chunks resolve packages through the project's node_modules.
    floorDist: path.join(root, 'floor', 'dist'),
    logs: path.join(root, 'logs'),
    cache: path.join(root, 'astro-cache'),
  };
  await mkdir(w.logs, { recursive: true });
  process.stderr.write(`${label}: generating ${count} papers…\n`);
  const scaled = scaleCorpus(readCorpusFile(defaultCorpusFile()), count);
  await writeDigests(w.txt, scaled.days, ['txt']);
  const held = scaled.days.at(-1)!;
  await writeDigests(w.json, scaled.days.slice(0, -1), ['json']);
  await writeDigests(w.next, [held], ['json']);

  const ingest = opts.ingest ? await ingestBench(w, opts.ingestRuns, opts.quick) : [];

  const builds: BuildMeasure[] = [];
  const floors: BuildMeasure[] = [];
  for (let i = 1; i <= opts.runs; i++) {
    builds.push(await realBuild(w, `real-cold-${i}`, { cold: true }));
    if (opts.floor) floors.push(await floorBuild(w, `floor-cold-${i}`, { cold: true }));
  }
  const profile = opts.profile ? await profileBuild(w) : null;
  process.stderr.write('  page weight, Pagefind and service worker apart…\n');
  const weight = pageWeight(w.dist);
  const pagefind = opts.apart ? [await runPagefind('html', w.dist, w.papers, discard), await runPagefind('records', w.dist, w.papers, discard)] : [];
  const sw = opts.apart ? [await runSw('today', w.dist), await runSw('shell-only', w.dist)] : [];

  let rebuild: SizeResult['rebuild'] = null;
  if (opts.rebuild) {
    // The cache is warm from the last build (cold runs, or the profiled one: same papers, same config).
    const ledgerBackup = `${w.ledger}.before-one-more-day`;
    await copyFile(w.ledger, ledgerBackup);
    const noChange: BuildMeasure[] = [];
    const oneMore: BuildMeasure[] = [];
    const floorOneMore: BuildMeasure[] = [];
    for (let i = 1; i <= opts.rebuildRuns; i++) {
      // From the second round on, one unmeasured build first puts the cache back to the size's own digests.
      if (i > 1) await realBuild(w, `real-settle-${i}`, { cold: false });
      if (!opts.quick) noChange.push(await realBuild(w, `real-rebuild-no-change-${i}`, { cold: false }));
      await cp(w.next, w.json, { recursive: true });
      oneMore.push(await realBuild(w, `real-rebuild-one-more-day-${i}`, { cold: false }));
      if (opts.floor) floorOneMore.push(await floorBuild(w, `floor-rebuild-one-more-day-${i}`, { cold: false }));
      // Back to the size's own digests (and its ledger, which now lists the extra day's papers).
      await rm(path.join(w.json, `${held.day}.json`), { force: true });
      await copyFile(ledgerBackup, w.ledger);
    }
    rebuild = {
      noChange: noChange.length ? medianMeasure(noChange) : null,
      oneMoreDay: medianMeasure(oneMore),
      floorOneMoreDay: floorOneMore.length ? medianMeasure(floorOneMore) : null,
      runs: { noChange, oneMoreDay: oneMore, floorOneMoreDay: floorOneMore },
    };
  }
  const med = medianMeasure(builds);
  const fmed = floors.length ? medianMeasure(floors) : null;
  const ratio = (a: number | null | undefined, b: number | null | undefined) => (a && b ? Math.round((a / b) * 100) / 100 : null);
  return {
    label,
    papers: scaled.papers,
    days: scaled.days.length,
    heldOutDay: { day: held.day, cards: held.cards.length },
    digests: { txtBytes: folderSize(w.txt).bytes, jsonBytes: folderSize(w.json).bytes },
    ingest,
    build: { runs: builds, median: med },
    floor: fmed ? { runs: floors, median: fmed } : null,
    ratios: {
      wall: ratio(med.wallMs, fmed?.wallMs),
      astroTotal: ratio(med.times.astroTotalMs, fmed?.times.astroTotalMs),
      cpu: ratio((med.userMs ?? 0) + (med.systemMs ?? 0), fmed ? (fmed.userMs ?? 0) + (fmed.systemMs ?? 0) : null),
      peakTree: ratio(med.peakTreeMb, fmed?.peakTreeMb),
    },
    profile,
    pageWeight: weight,
    pagefind,
    sw,
    rebuild,
  };
}

/** The results of one size as text. */
function formatSize(r: SizeResult): string {
  const s = (ms: number | null | undefined) => (ms === null || ms === undefined ? '–' : (ms / 1000).toFixed(1));
  const lines = [`== ${r.label}: ${r.papers} papers, ${r.days} digest days ==`];
  if (r.tree) lines.push(treeChanged(r) ?? `code: ${describeTree(r.tree.before)}`);
  for (const i of r.ingest) lines.push(`ingest (plain text) ${i.variant}: wall ${s(i.wallMs)} s, internal ${s(i.internalMs)} s, cpu ${s(i.userMs)} s, peak ${i.peakProcessMb} MB, wrote ${i.written}`);
  const row = (name: string, b: BuildMeasure) => {
    const t = b.times;
    const routes = Object.entries(b.routes).map(([k, v]) => `${k} ${s(v.ms)}s/${v.pages}`).join(', ');
    return `${name.padEnd(26)} wall ${s(b.wallMs).padStart(6)} s | astro ${s(t.astroTotalMs)} | sync ${s(t.syncMs)} | render ${s(t.pagesMs)} | vite ${s(b.viteMs)} | pagefind ${s(t.pagefindMs)}${t.pagefindWaitMs != null ? ` (waited ${s(t.pagefindWaitMs)})` : ''} | sw ${s(t.offlineMs)} | cpu ${s((b.userMs ?? 0) + (b.systemMs ?? 0))} s | tree ${b.peakTreeMb} MB, largest ${b.peakProcessMb} MB | dist ${(b.distBytes / 1e6).toFixed(0)} MB, ${b.distFiles} files | load ${b.loadAvg.join('→')}${b.storeCleared ? ' | store cleared' : ''}\n${' '.repeat(28)}render by kind: ${routes}\n${' '.repeat(28)}astro timer: ${Object.entries(b.astroTimer).map(([k, v]) => `${k} ${s(v.ms)} s (heap ${v.heapMb} MB)`).join(', ')}`;
  };
  lines.push(row(`build (median of ${r.build.runs.length})`, r.build.median));
  if (r.floor) lines.push(row(`floor (median of ${r.floor.runs.length})`, r.floor.median));
  lines.push(`ratios real/floor: ${JSON.stringify(r.ratios)}`);
  if (r.rebuild) {
    if (r.rebuild.noChange) lines.push(row(`rebuild, nothing changed (median of ${r.rebuild.runs.noChange.length})`, r.rebuild.noChange));
    lines.push(row(`rebuild, +1 day (${r.heldOutDay?.cards})`, r.rebuild.oneMoreDay));
    if (r.rebuild.floorOneMoreDay) lines.push(row('floor rebuild, +1 day', r.rebuild.floorOneMoreDay));
  }
  for (const p of r.pagefind) lines.push(`pagefind apart (${p.mode}): add ${s(p.addMs)} s, write ${s(p.writeMs)} s, peak ${p.peakTreeMb} MB ${JSON.stringify(p.peakBy)}, ${(p.outBytes / 1e6).toFixed(1)} MB in ${p.outFiles} files`);
  for (const x of r.sw) lines.push(`service worker apart (${x.mode}): ${s(x.ms)} s, ${x.precached} files (${x.precacheMb} MB), sw.js ${x.swBytes} B`);
  lines.push(formatPageWeight(r.pageWeight));
  if (r.profile) lines.push(`profile (cold astro build, ${s(r.profile.wallMs)} s wall):\n${formatSummary(r.profile.main)}`);
  return lines.join('\n') + '\n';
}

/** `1k` → 1000, `corpus` → the real corpus (9,877), `10k` → 10000 (the corpus and 123 more), `50k` → 50000, or a number. */
function parseSize(text: string, corpusSize: number): number {
  if (text === 'corpus') return corpusSize;
  const m = /^(\d+)(k?)$/.exec(text);
  if (!m) throw new Error(`expected a size such as 1k, 10k (the corpus), 50k or 2000, found "${text}"`);
  return Number(m[1]) * (m[2] ? 1000 : 1);
}

/** Runs the benchmark; `argv` as on the command line. Returns the results and where they were written. */
export async function main(argv: string[], defaults: { sizes: string; out: string }): Promise<{ results: SizeResult[]; out: string }> {
  const { values } = parseArgs({
    args: argv,
    options: {
      sizes: { type: 'string', default: defaults.sizes },
      runs: { type: 'string', default: '3' },
      'ingest-runs': { type: 'string', default: '5' },
      'rebuild-runs': { type: 'string', default: '1' },
      'no-floor': { type: 'boolean', default: false },
      'no-rebuild': { type: 'boolean', default: false },
      'no-ingest': { type: 'boolean', default: false },
      profile: { type: 'boolean', default: false },
      'no-apart': { type: 'boolean', default: false },
      quick: { type: 'boolean', default: false },
      settle: { type: 'string', default: '20' },
      work: { type: 'string' },
      out: { type: 'string' },
      keep: { type: 'boolean', default: false },
    },
  });
  const corpusSize = readCorpusFile(defaultCorpusFile()).length;
  // Inside the repository (bench/ is gitignored): Astro puts the prerender chunks of a build whose
  // output folder lies outside the working directory in the repository's shared `.astro/.prerender`,
  // where two builds at once (the test suite, another benchmark) would overwrite each other's.
  await mkdir(path.join(repoRoot, 'bench'), { recursive: true });
  const work = values.work ?? (await mkdtemp(path.join(repoRoot, 'bench', 'work-')));
  // On the same file system as the repository's node_modules (Astro's cache is moved there too).
  trash = path.join(work, '.trash');
  await rm(trash, { recursive: true, force: true });
  await mkdir(trash, { recursive: true });
  const results: SizeResult[] = [];
  const out = path.resolve(values.out ?? defaults.out);
  const machine = { cpus: os.cpus().length, cpu: os.cpus()[0]?.model, memGb: Math.round(os.totalmem() / 2 ** 30), node: process.version, loadavgAtStart: os.loadavg() };
  // Read at each boundary between sizes: one size's "after" is the next one's "before".
  let before = readTreeState(repoRoot);
  try {
    for (const size of values.sizes.split(',')) {
      const count = parseSize(size.trim(), corpusSize);
      const measured = await benchSize(size.trim(), count, work, {
        runs: Number(values.runs),
        ingestRuns: Number(values['ingest-runs']),
        floor: !values['no-floor'],
        rebuild: !values['no-rebuild'],
        rebuildRuns: Math.max(1, Number(values['rebuild-runs'])),
        ingest: !values['no-ingest'],
        profile: values.profile,
        apart: !values['no-apart'] && !values.quick,
        quick: values.quick,
      });
      const after = readTreeState(repoRoot);
      const r: SizeResult = { ...measured, tree: { before, after } };
      before = after;
      results.push(r);
      await emptyTrash(Number(values.settle) * 1000);
      process.stderr.write(formatSize(r));
      // Written after every size, so a long run that stops keeps what it measured.
      await mkdir(path.dirname(out), { recursive: true });
      await writeFile(out, JSON.stringify({ machine: { ...machine, loadavgAtEnd: os.loadavg() }, results }, null, 2) + '\n');
    }
  } finally {
    await rm(trash, { recursive: true, force: true });
    if (!values.keep && !values.work) await rm(work, { recursive: true, force: true });
  }
  return { results, out };
}

const mb = (bytes: number) => (bytes / 1e6).toFixed(0);
const sec = (ms: number | null | undefined) => (ms === null || ms === undefined ? '–' : (ms / 1000).toFixed(1));
const x = (v: number | null | undefined) => (v === null || v === undefined ? '–' : `${v.toFixed(2)}×`);

/** A warning when the code changed while `r` was measured, else null. */
function treeChanged(r: SizeResult): string | null {
  if (!r.tree || sameTree(r.tree.before, r.tree.after)) return null;
  return `warning: the code changed while ${r.label} was measured (${describeTree(r.tree.before)}, then ${describeTree(r.tree.after)}): its builds may mix two versions, and a rebuild of changed code renders every page again; run the benchmark from a clone nobody edits`;
}

/** The summary table: one row per size (what the closing note and the README quote). */
export function summaryTable(results: readonly SizeResult[]): string {
  const head = ['size', 'papers', 'ingest s', 'build s', 'floor s', 'build/floor', 'pagefind s', 'peak MB', 'dist MB', 'files', 'paper page kB raw/gzip', 'rebuild +1 day s', 'load'];
  const rows = results.map((r) => {
    const b = r.build.median;
    const f = r.floor?.median;
    const ingest = r.ingest.find((i) => i.variant.startsWith('npm run ingest, fresh'));
    const pages = r.pageWeight.paperPages;
    return [
      r.label,
      String(r.papers),
      sec(ingest?.wallMs),
      sec(b.wallMs),
      sec(f?.wallMs),
      x(r.ratios.wall),
      sec(b.times.pagefindMs),
      String(b.peakTreeMb ?? '–'),
      mb(b.distBytes),
      String(b.distFiles),
      `${(pages.raw.median / 1000).toFixed(1)} / ${(pages.gzip.median / 1000).toFixed(1)}`,
      sec(r.rebuild?.oneMoreDay.wallMs),
      b.loadAvg.map((l) => l.toFixed(1)).join('→'),
    ];
  });
  const notes = results.flatMap((r) => treeChanged(r) ?? []);
  const code = [...new Set(results.flatMap((r) => (r.tree ? [describeTree(r.tree.before)] : [])))];
  if (code.length) notes.unshift(`code: ${code.join(', ')}`);
  return [table(head, rows), ...notes].join('\n');
}

if (process.argv[1] && path.resolve(process.argv[1]) === fileURLToPath(import.meta.url)) {
  const { results, out } = await main(process.argv.slice(2), { sizes: 'corpus', out: path.join(os.tmpdir(), 'papershelf-scale-results.json') });
  process.stdout.write(summaryTable(results) + `\nresults: ${out}\n`);
}
