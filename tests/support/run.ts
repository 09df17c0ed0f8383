/** Runs the project's own npm scripts and CLIs as a user would (tests and benchmarks), capturing output. */
import { spawn } from 'node:child_process';
import { buildsSite, withBuildLock } from './build-lock.ts';
import { repoRoot } from './repo.ts';

export interface RunResult {
  code: number | null;
  stdout: string;
  stderr: string;
  /** stdout and stderr interleaved as they arrived (a build log). */
  output: string;
}

/**
 * Vitest puts Vite's `import.meta.env` values into a worker's `process.env`; a child `astro build`
 * would read them back as its own (`BASE_URL=/` silently dropped the base path from every link).
 */
const VITE_ENV_KEYS = ['BASE_URL', 'MODE', 'DEV', 'PROD', 'SSR'];

/** The environment a user's shell would give a child: ours, minus what Vite and Vitest injected, without colour. */
export function childEnv(extra: Record<string, string>): NodeJS.ProcessEnv {
  const env: NodeJS.ProcessEnv = { ...process.env };
  for (const key of Object.keys(env))
    if (VITE_ENV_KEYS.includes(key) || key.startsWith('VITEST') || key.startsWith('VITE_')) delete env[key];
  return { ...env, ...extra, FORCE_COLOR: '0', NO_COLOR: '1' };
}

/** Options of `run`. */
export interface RunOptions {
  /**
   * Kill the command (and every process it started) after this many milliseconds; it then
   * resolves with `code: null`. For tests of a hang: a test timeout alone would leave it spinning.
   */
  timeoutMs?: number;
  /** Working directory (default: the repository root). */
  cwd?: string;
  /** Called with the child's pid once it started (a benchmark samples its memory). */
  onSpawn?: (pid: number) => void;
}

/**
 * Spawns `command args…` (in the repo root unless `cwd`) with extra env; resolves when it exits
 * (never rejects on exit code). A build of the checkout first waits for any other (build-lock.ts).
 */
export function run(command: string, args: string[], env: Record<string, string> = {}, options: RunOptions = {}): Promise<RunResult> {
  const cwd = options.cwd ?? repoRoot;
  if (cwd === repoRoot && buildsSite(command, args)) return withBuildLock(() => spawnAndWait(command, args, env, cwd, options));
  return spawnAndWait(command, args, env, cwd, options);
}

function spawnAndWait(command: string, args: string[], env: Record<string, string>, cwd: string, options: RunOptions): Promise<RunResult> {
  return new Promise((resolve, reject) => {
    const child = spawn(command, args, {
      cwd,
      env: childEnv(env),
      stdio: ['ignore', 'pipe', 'pipe'],
      // Its own process group, so a timeout can kill npx, tsx and node together.
      detached: options.timeoutMs !== undefined,
    });
    if (child.pid) options.onSpawn?.(child.pid);
    let stdout = '';
    let stderr = '';
    let output = '';
    const timer =
      options.timeoutMs === undefined
        ? undefined
        : setTimeout(() => {
            try {
              process.kill(-child.pid!, 'SIGKILL');
            } catch {
              // Already gone.
            }
          }, options.timeoutMs);
    child.stdout.on('data', (d) => ((stdout += d), (output += d)));
    child.stderr.on('data', (d) => ((stderr += d), (output += d)));
    child.on('error', reject);
    child.on('close', (code) => {
      clearTimeout(timer);
      resolve({ code, stdout, stderr, output });
    });
  });
}
