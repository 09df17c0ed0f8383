/**
 * The site-build case of `npm run bench -- --build`: ingest a folder of digests into a temporary
 * papers folder with the real ingest CLI, then run the real `npx astro build` on it (fresh process,
 * temporary `dist/`) and measure wall time, the phases Astro logs, peak memory and output size.
 * Nothing is written inside the repository except what `astro build` itself caches.
 */
import { spawn, spawnSync } from 'node:child_process';
import { existsSync } from 'node:fs';
import { lstat, mkdtemp, readdir, readFile, rm } from 'node:fs/promises';
import path from 'node:path';
import { fileURLToPath } from 'node:url';
import { performance } from 'node:perf_hooks';
import { parseBuildLog, type BuildLogTimes } from './build-log.ts';

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

/** Vite puts these in `process.env` under Vitest; a child `astro build` would take them as its own. */
const VITE_ENV_KEYS = ['BASE_URL', 'MODE', 'DEV', 'PROD', 'SSR'];

/** Our environment minus what Vite/Vitest inject, plus `extra`, without colour (the log is parsed). */
function buildEnv(extra: Record<string, string>): NodeJS.ProcessEnv {
  const env: NodeJS.ProcessEnv = { ...process.env };
  for (const key of Object.keys(env))
    if (VITE_ENV_KEYS.includes(key) || key.startsWith('VITEST') || key.startsWith('VITE_')) delete env[key];
  return { ...env, ...extra, FORCE_COLOR: '0', NO_COLOR: '1' };
}

/**
 * Ingests `digestsDir` into `<work>/papers` with `scripts/ingest.ts` (topics from the repo's
 * taxonomy, no permalink ledger: the repo's ledger belongs to its own digests).
 */
export async function ingestForBuild(repoRoot: string, digestsDir: string, work: string): Promise<BuildInput> {
  const papersDir = path.join(work, 'papers');
  const started = performance.now();
  const r = spawnSync(
    process.execPath,
    ['--import', 'tsx', path.join(repoRoot, 'scripts/ingest.ts'), digestsDir, '--out', papersDir, '--no-ledger', '--json'],
    { cwd: repoRoot, encoding: 'utf8', maxBuffer: 256 << 20, env: buildEnv({}) },
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

/** Runs `command args…` in `cwd`, returning its exit code and combined output. */
function runLogged(
  command: string,
  args: string[],
  cwd: string,
  env: NodeJS.ProcessEnv,
  onSpawn: (pid: number) => void,
): Promise<{ code: number | null; log: string }> {
  return new Promise((resolve, reject) => {
    const child = spawn(command, args, { cwd, env, stdio: ['ignore', 'pipe', 'pipe'] });
    if (child.pid) onSpawn(child.pid);
    let log = '';
    child.stdout.on('data', (d) => (log += d));
    child.stderr.on('data', (d) => (log += d));
    child.on('error', reject);
    child.on('close', (code) => resolve({ code, log }));
  });
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
export async function runBuild(repoRoot: string, papersDir: string, work: string): Promise<BuildRun> {
  const out = await mkdtemp(path.join(work, 'dist-'));
  const dist = path.join(out, 'dist');
  const rssFile = path.join(out, 'maxrss');
  const env = buildEnv({ PAPERSHELF_PAPERS: papersDir, PAPERSHELF_OUT: dist });
  const gnuTime = hasGnuTime();
  const [command, args] = gnuTime
    ? ['/usr/bin/time', ['-f', '%M', '-o', rssFile, 'npx', 'astro', 'build']]
    : [process.execPath, ['--import', 'tsx', path.join(repoRoot, 'scripts/bench/site-build.ts'), '--astro-build']];
  try {
    let sampler: { stop: () => Promise<number | null> } | undefined;
    const started = performance.now();
    const { code, log } = await runLogged(command, args, repoRoot, env, (pid) => (sampler = sampleTreeRss(pid)));
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

if (process.argv[1] && path.resolve(process.argv[1]) === fileURLToPath(import.meta.url) && process.argv.includes('--astro-build')) {
  wrapperBuild().catch((err: unknown) => {
    process.stderr.write(`bench site-build: ${(err as Error).stack ?? String(err)}\n`);
    process.exitCode = 1;
  });
}
