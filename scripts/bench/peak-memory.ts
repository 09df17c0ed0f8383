/**
 * Runs a command the way the issue-9 benchmark measures everything: under `nice`, through GNU
 * time (wall, user and system CPU, the largest single process's peak RSS), while sampling the
 * summed RSS of the whole process tree from /proc (npm → tsx → ingest, astro, Pagefind's binary:
 * GNU time alone sees one process at a time, and Pagefind's indexer runs beside Astro's heap).
 * The peak is also broken down by program (node, pagefind_extended, …) at the moment of the peak.
 *
 * CLI: npx tsx scripts/bench/peak-memory.ts [--nice 10] -- COMMAND ARGS…  (prints JSON)
 */
import { spawn, spawnSync } from 'node:child_process';
import { existsSync } from 'node:fs';
import { mkdtemp, readdir, readFile, rm } from 'node:fs/promises';
import os from 'node:os';
import path from 'node:path';
import { fileURLToPath } from 'node:url';
import { performance } from 'node:perf_hooks';

/** What one measured run gave. Memory in MB, times in ms; `null` where it could not be measured. */
export interface Measured {
  exitCode: number | null;
  /** Start to exit as this process saw it (includes npm / npx / tsx start-up). */
  wallMs: number;
  /** CPU time of the whole tree (GNU time: the command and every child it waited for). */
  userMs: number | null;
  systemMs: number | null;
  /** Peak RSS of the largest single process (GNU time `%M`). */
  peakProcessMb: number | null;
  /** Peak of the summed RSS of the process tree, sampled every `everyMs`. */
  peakTreeMb: number | null;
  /** The tree's RSS by program name at the moment of its peak. */
  peakTreeBy: Record<string, number>;
  /** The machine's 1-minute load average when the run started and when it ended (other users' work shows here). */
  loadAvg: [number, number];
  /** stdout and stderr, interleaved as they came. */
  log: string;
}

/** Options of `runMeasured`. */
export interface MeasureOptions {
  cwd?: string;
  env?: NodeJS.ProcessEnv;
  /** `nice -n` level; 0 runs without nice. Default 10 (the machine is shared). */
  nice?: number;
  /** Sampling period of the tree RSS. */
  everyMs?: number;
}

/** Whether `/usr/bin/time` is GNU time (the only one with `-f`). */
function gnuTime(): boolean {
  return existsSync('/usr/bin/time') && spawnSync('/usr/bin/time', ['-f', '%M', 'true'], { stdio: 'ignore' }).status === 0;
}

/** One /proc snapshot: parent, RSS (kB) and program name of every process. */
async function snapshot(): Promise<Map<number, { ppid: number; rssKb: number; name: string }>> {
  const procs = new Map<number, { ppid: number; rssKb: number; name: string }>();
  for (const entry of await readdir('/proc')) {
    if (!/^\d+$/.test(entry)) continue;
    try {
      const status = await readFile(`/proc/${entry}/status`, 'utf8');
      const ppid = /^PPid:\s+(\d+)/m.exec(status);
      const rss = /^VmRSS:\s+(\d+) kB/m.exec(status);
      const name = /^Name:\s+(.+)$/m.exec(status);
      if (ppid) procs.set(Number(entry), { ppid: Number(ppid[1]), rssKb: rss ? Number(rss[1]) : 0, name: name?.[1]?.trim() ?? '?' });
    } catch {
      // The process ended between readdir and read: nothing to count.
    }
  }
  return procs;
}

/**
 * Samples the summed RSS of `rootPid` and its descendants until stopped (Linux /proc; hand-written
 * because no package measures a process tree's sum).
 */
export function sampleTree(rootPid: number, everyMs = 200): { stop: () => Promise<{ peakMb: number | null; by: Record<string, number> }> } {
  if (!existsSync('/proc/self/status')) return { stop: async () => ({ peakMb: null, by: {} }) };
  let peakKb = 0;
  let by: Record<string, number> = {};
  let running = true;
  const loop = (async () => {
    while (running) {
      const procs = await snapshot();
      const inTree = (pid: number): boolean => {
        for (let p: number | undefined = pid, hops = 0; p && hops < 64; p = procs.get(p)?.ppid, hops++) if (p === rootPid) return true;
        return false;
      };
      let total = 0;
      const names: Record<string, number> = {};
      for (const [pid, p] of procs) {
        if (!inTree(pid)) continue;
        total += p.rssKb;
        names[p.name] = (names[p.name] ?? 0) + p.rssKb;
      }
      if (total > peakKb) {
        peakKb = total;
        by = Object.fromEntries(Object.entries(names).map(([n, kb]) => [n, Math.round(kb / 1024)]));
      }
      await new Promise((r) => setTimeout(r, everyMs));
    }
  })();
  return {
    stop: async () => {
      running = false;
      await loop;
      return { peakMb: peakKb / 1024, by };
    },
  };
}

/** Runs `command args…` measured (see the file comment). Never throws on a failing command. */
export async function runMeasured(command: string, args: readonly string[], options: MeasureOptions = {}): Promise<Measured> {
  const scratch = await mkdtemp(path.join(os.tmpdir(), 'papershelf-measure-'));
  const timeFile = path.join(scratch, 'time');
  const niced = options.nice === 0 ? [command, ...args] : ['nice', '-n', String(options.nice ?? 10), command, ...args];
  const useTime = gnuTime();
  const [cmd, ...argv] = useTime ? ['/usr/bin/time', '-f', '%e %U %S %M', '-o', timeFile, ...niced] : niced;
  try {
    const loadAtStart = os.loadavg()[0]!;
    const started = performance.now();
    const child = spawn(cmd!, argv, { cwd: options.cwd, env: options.env ?? process.env, stdio: ['ignore', 'pipe', 'pipe'] });
    const sampler = child.pid ? sampleTree(child.pid, options.everyMs) : null;
    let log = '';
    child.stdout.on('data', (d) => (log += d));
    child.stderr.on('data', (d) => (log += d));
    const exitCode = await new Promise<number | null>((resolve, reject) => {
      child.on('error', reject);
      child.on('close', (code) => resolve(code));
    });
    const wallMs = performance.now() - started;
    const tree = sampler ? await sampler.stop() : { peakMb: null, by: {} };
    let userMs: number | null = null;
    let systemMs: number | null = null;
    let peakProcessMb: number | null = null;
    if (useTime) {
      // GNU time writes "Command exited with non-zero status N" first when the command failed.
      const last = (await readFile(timeFile, 'utf8').catch(() => '')).trim().split('\n').at(-1) ?? '';
      const [, user, sys, maxKb] = last.split(' ').map(Number);
      if (Number.isFinite(user)) userMs = user! * 1000;
      if (Number.isFinite(sys)) systemMs = sys! * 1000;
      if (Number.isFinite(maxKb)) peakProcessMb = maxKb! / 1024;
    }
    const loadAvg: [number, number] = [Math.round(loadAtStart * 100) / 100, Math.round(os.loadavg()[0]! * 100) / 100];
    return { exitCode, wallMs, userMs, systemMs, peakProcessMb, peakTreeMb: tree.peakMb, peakTreeBy: tree.by, loadAvg, log };
  } finally {
    await rm(scratch, { recursive: true, force: true });
  }
}

/** Median of the numbers given (null when there are none). */
export function median(values: ReadonlyArray<number | null | undefined>): number | null {
  const s = values.filter((v): v is number => typeof v === 'number' && Number.isFinite(v)).sort((a, b) => a - b);
  if (!s.length) return null;
  const m = s.length >> 1;
  return s.length % 2 ? s[m]! : (s[m - 1]! + s[m]!) / 2;
}

if (process.argv[1] && path.resolve(process.argv[1]) === fileURLToPath(import.meta.url)) {
  const argv = process.argv.slice(2);
  const dash = argv.indexOf('--');
  const niceAt = argv.indexOf('--nice');
  const nice = niceAt >= 0 && niceAt < dash ? Number(argv[niceAt + 1]) : 10;
  if (dash < 0 || dash === argv.length - 1) {
    process.stderr.write('usage: peak-memory.ts [--nice N] -- COMMAND ARGS…\n');
    process.exitCode = 2;
  } else {
    const m = await runMeasured(argv[dash + 1]!, argv.slice(dash + 2), { nice });
    process.stdout.write(JSON.stringify({ ...m, log: m.log.slice(-2000) }, null, 2) + '\n');
    process.exitCode = m.exitCode ?? 1;
  }
}
