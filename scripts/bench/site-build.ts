/**
 * The site-build case of `npm run bench -- --build`: the corpus in every format (or a seeded random
 * `--build-papers N` of its papers) ingested into a temporary papers folder with the real ingest
 * CLI, then the real `npx astro build` of it (fresh process, temporary `dist/`), `--runs` times,
 * measuring wall time, the phases Astro logs, peak memory and output size.
 * Nothing is written inside the repository except what `astro build` itself caches.
 */
import { spawnSync } from 'node:child_process';
import { existsSync } from 'node:fs';
import { lstat, mkdtemp, readdir, readFile, rm } from 'node:fs/promises';
import path from 'node:path';
import { fileURLToPath } from 'node:url';
import { performance } from 'node:perf_hooks';
import { parseBuildLog, type BuildLogTimes } from './build-log.ts';
import { childEnv, run } from '../../tests/support/run.ts';
import { loadCorpus, sampleCorpus } from '../../tests/support/corpus.ts';
import { repoRoot } from '../../tests/support/repo.ts';
import { writeCorpus } from './ingest-cases.ts';
import { medianOf, table } from './table.ts';

/** What one `astro build` measured. Times in ms, memory in MB; `null` where it could not be measured. */
export interface BuildRun extends BuildLogTimes {
  /** The whole `npx astro build`, start to exit, as the parent saw it. */
  wallMs: number;
  /** Peak RSS of the largest single process of the build (GNU time's `%M`, or a wrapper's `maxRSS`). */
  peakRssMb: number | null;
  /** How `peakRssMb` was measured. */
  peakRssBy: 'gnu-time' | 'wrapper';
  /** Peak of the summed RSS of the whole process tree (astro + Pagefind's binary…), sampled from /proc. */
  peakTreeRssMb: number | null;
  distBytes: number;
  distFiles: number;
  pagefindBytes: number;
  pagefindFiles: number;
}

/** What the ingest step before the builds produced. */
export interface BuildInput {
  papersDir: string;
  papers: number;
  entriesRejected: number;
  ingestMs: number;
}

/**
 * Ingests `digestsDir` into `<work>/papers` with `scripts/ingest.ts` (topics from the repo's
 * taxonomy, no permalink ledger: the repo's ledger belongs to its own digests).
 */
async function ingestForBuild(digestsDir: string, work: string): Promise<BuildInput> {
  const papersDir = path.join(work, 'papers');
  const started = performance.now();
  const r = spawnSync(
    process.execPath,
    ['--import', 'tsx', path.join(repoRoot, 'scripts/ingest.ts'), digestsDir, '--out', papersDir, '--no-ledger', '--json'],
    { cwd: repoRoot, encoding: 'utf8', maxBuffer: 256 << 20, env: childEnv({}) },
  );
  const ingestMs = performance.now() - started;
  // Exit 1 means some entries were rejected and the rest written: still a site to build.
  if (r.status !== 0 && r.status !== 1) throw new Error(`ingest for the build case failed (exit ${r.status}):\n${r.stderr}`);
  const report = JSON.parse(r.stdout) as { papersWritten: number; entriesRejected: number };
  return { papersDir, papers: report.papersWritten, entriesRejected: report.entriesRejected, ingestMs };
}

/** Whether `/usr/bin/time` is GNU time (the only one with `-f %M`). */
function hasGnuTime(): boolean {
  if (!existsSync('/usr/bin/time')) return false;
  return spawnSync('/usr/bin/time', ['-f', '%M', 'true'], { stdio: 'ignore' }).status === 0;
}

/** Files and bytes under `dir` (apparent sizes, as a static host would serve them). */
async function folderSize(dir: string): Promise<{ bytes: number; files: number }> {
  if (!existsSync(dir)) return { bytes: 0, files: 0 };
  let bytes = 0;
  let files = 0;
  for (const entry of await readdir(dir, { recursive: true, withFileTypes: true })) {
    if (!entry.isFile()) continue;
    bytes += (await lstat(path.join(entry.parentPath, entry.name))).size;
    files++;
  }
  return { bytes, files };
}

/**
 * Samples the summed RSS of `rootPid` and its descendants from /proc until stopped. Hand-written
 * because GNU time and `maxRSS` only see one process at a time, while Pagefind's indexer is a
 * separate binary that runs while Astro still holds its heap: the sum is what a CI runner needs.
 * Returns `null` from `stop()` off Linux.
 */
function sampleTreeRss(rootPid: number, everyMs = 250): { stop: () => Promise<number | null> } {
  if (!existsSync('/proc/self/stat')) return { stop: async () => null };
  let peakKb = 0;
  let running = true;
  const sample = async (): Promise<void> => {
    const parents = new Map<number, number>();
    const rssKb = new Map<number, number>();
    for (const name of await readdir('/proc')) {
      if (!/^\d+$/.test(name)) continue;
      try {
        const status = await readFile(`/proc/${name}/status`, 'utf8');
        const ppid = /^PPid:\s+(\d+)/m.exec(status);
        const rss = /^VmRSS:\s+(\d+) kB/m.exec(status);
        if (ppid) parents.set(Number(name), Number(ppid[1]));
        if (rss) rssKb.set(Number(name), Number(rss[1]));
      } catch {
        // The process ended between readdir and read: nothing to count.
      }
    }
    const inTree = (pid: number): boolean => {
      for (let p: number | undefined = pid, hops = 0; p && hops < 64; p = parents.get(p), hops++) if (p === rootPid) return true;
      return false;
    };
    let total = 0;
    for (const [pid, kb] of rssKb) if (inTree(pid)) total += kb;
    peakKb = Math.max(peakKb, total);
  };
  const loop = (async () => {
    while (running) {
      await sample();
      await new Promise((r) => setTimeout(r, everyMs));
    }
  })();
  return {
    stop: async () => {
      running = false;
      await loop;
      return peakKb / 1024;
    },
  };
}

/**
 * Wrapper mode (only without GNU time): run `astro build` through Astro's programmatic API in this
 * fresh process, then print this process's peak RSS, so memory is measured without GNU time.
 */
async function wrapperBuild(): Promise<void> {
  const { build } = await import('astro');
  await build({});
  process.stdout.write(`\nPAPERSHELF_BENCH_MAXRSS_KB ${process.resourceUsage().maxRSS}\n`);
}

/** One `astro build` of `papersDir` into a fresh temporary `dist/`, measured, then removed. */
async function runBuild(papersDir: string, work: string): Promise<BuildRun> {
  const out = await mkdtemp(path.join(work, 'dist-'));
  const dist = path.join(out, 'dist');
  const rssFile = path.join(out, 'maxrss');
  const env = { PAPERSHELF_PAPERS: papersDir, PAPERSHELF_OUT: dist };
  const gnuTime = hasGnuTime();
  const [command, args] = gnuTime
    ? ['/usr/bin/time', ['-f', '%M', '-o', rssFile, 'npx', 'astro', 'build']]
    : [process.execPath, ['--import', 'tsx', path.join(repoRoot, 'scripts/bench/site-build.ts'), '--astro-build']];
  try {
    let sampler: { stop: () => Promise<number | null> } | undefined;
    const started = performance.now();
    const { code, output: log } = await run(command, args, env, { cwd: repoRoot, onSpawn: (pid) => (sampler = sampleTreeRss(pid)) });
    const wallMs = performance.now() - started;
    const peakTreeRssMb = sampler ? await sampler.stop() : null;
    if (code !== 0) throw new Error(`astro build failed (exit ${code}):\n${log.slice(-4000)}`);
    let peakRssMb: number | null = null;
    if (gnuTime) {
      const kb = Number((await readFile(rssFile, 'utf8')).trim().split('\n').at(-1));
      peakRssMb = Number.isFinite(kb) ? kb / 1024 : null;
    } else {
      const m = /PAPERSHELF_BENCH_MAXRSS_KB (\d+)/.exec(log);
      peakRssMb = m ? Number(m[1]) / 1024 : null;
    }
    const whole = await folderSize(dist);
    const pagefind = await folderSize(path.join(dist, 'pagefind'));
    return {
      ...parseBuildLog(log),
      wallMs,
      peakRssMb,
      peakRssBy: gnuTime ? 'gnu-time' : 'wrapper',
      peakTreeRssMb,
      distBytes: whole.bytes,
      distFiles: whole.files,
      pagefindBytes: pagefind.bytes,
      pagefindFiles: pagefind.files,
    };
  } finally {
    await rm(out, { recursive: true, force: true });
  }
}

/** The site-build case: corpus (or a seeded subset) in every format → ingest → `runs` × `astro build`. */
export async function benchSiteBuild(work: string, count: number, runs: number) {
  const corpus = loadCorpus().papers;
  const chosen = sampleCorpus(corpus, count);
  const digests = path.join(work, 'build-digests');
  await writeCorpus(digests, 'mixed', chosen);
  const input = await ingestForBuild(digests, work);
  const all: BuildRun[] = [];
  for (let i = 0; i < runs; i++) {
    process.stderr.write(`bench: astro build ${i + 1}/${runs} of ${input.papers} papers…\n`);
    all.push(await runBuild(input.papersDir, work));
  }
  type Measure = { [K in keyof BuildRun]: BuildRun[K] extends number | null ? K : never }[keyof BuildRun];
  const ms = (key: Measure) => {
    const m = medianOf(all.map((r) => r[key]));
    return m === null ? null : Math.round(m);
  };
  return {
    name: `site build, ${chosen.length === corpus.length ? 'whole corpus' : `${chosen.length} of ${corpus.length} corpus papers (seeded)`}`,
    corpusPapers: chosen.length,
    papers: input.papers,
    entriesRejected: input.entriesRejected,
    ingestMs: Math.round(input.ingestMs),
    runsPerCase: runs,
    pagesBuilt: all[0]!.pagesBuilt,
    pagefindPages: all[0]!.pagefindPages,
    wallMs: ms('wallMs'),
    astroTotalMs: ms('astroTotalMs'),
    syncMs: ms('syncMs'),
    setupMs: ms('setupMs'),
    entrypointsMs: ms('entrypointsMs'),
    pagesMs: ms('pagesMs'),
    pagefindMs: ms('pagefindMs'),
    offlineMs: ms('offlineMs'),
    peakRssMb: ms('peakRssMb'),
    peakRssBy: all[0]!.peakRssBy,
    peakTreeRssMb: ms('peakTreeRssMb'),
    distBytes: all[0]!.distBytes,
    distFiles: all[0]!.distFiles,
    pagefindBytes: all[0]!.pagefindBytes,
    pagefindFiles: all[0]!.pagefindFiles,
    runs: all.map((r) => ({
      ...r,
      wallMs: Math.round(r.wallMs),
      peakRssMb: r.peakRssMb && Math.round(r.peakRssMb),
      peakTreeRssMb: r.peakTreeRssMb && Math.round(r.peakTreeRssMb),
    })),
  };
}

/** The site-build result as a table of its own (its columns are not the ingest cases'). */
export function formatSiteBuild(b: Awaited<ReturnType<typeof benchSiteBuild>>): string {
  const s = (v: number | null) => (v === null ? '?' : (v / 1000).toFixed(1));
  const mb = (v: number) => (v / 2 ** 20).toFixed(1);
  const head = [
    'case',
    'papers',
    'pages',
    'wall s',
    'sync s',
    'render s',
    'pagefind s',
    'sw s',
    'peak MB',
    'tree MB',
    'dist MB',
    'dist files',
    'pagefind MB',
    'pf files',
  ];
  const row = [
    b.name,
    b.papers,
    b.pagesBuilt ?? '?',
    s(b.wallMs),
    s(b.syncMs),
    s(b.pagesMs),
    s(b.pagefindMs),
    s(b.offlineMs),
    b.peakRssMb ?? '?',
    b.peakTreeRssMb ?? '?',
    mb(b.distBytes),
    b.distFiles,
    mb(b.pagefindBytes),
    b.pagefindFiles,
  ].map(String);
  return (
    `Site build (ingest ${s(b.ingestMs)} s, then npx astro build); median of ${b.runsPerCase} run${b.runsPerCase === 1 ? '' : 's'}\n` +
    table(head, [row]) +
    'sync: content sync; render: page rendering; sw: service worker (Workbox)\n' +
    `peak MB: largest single process (${b.peakRssBy === 'gnu-time' ? 'GNU time %M' : "the build's own maxRSS"}); tree MB: summed RSS of the build's processes, sampled every 250 ms\n`
  );
}

if (process.argv[1] && path.resolve(process.argv[1]) === fileURLToPath(import.meta.url) && process.argv.includes('--astro-build')) {
  wrapperBuild().catch((err: unknown) => {
    process.stderr.write(`bench site-build: ${(err as Error).stack ?? String(err)}\n`);
    process.exitCode = 1;
  });
}
