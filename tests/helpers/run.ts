/** Runs the project's own npm scripts and CLIs as a user would, capturing output. */
import { spawn } from 'node:child_process';
import { repoRoot } from './repo.ts';

export interface RunResult {
  code: number | null;
  stdout: string;
  stderr: string;
}

/** Spawns `command args…` in the repo root with extra env; resolves when it exits (never rejects on exit code). */
export function run(command: string, args: string[], env: Record<string, string> = {}): Promise<RunResult> {
  return new Promise((resolve, reject) => {
    const child = spawn(command, args, {
      cwd: repoRoot,
      env: { ...process.env, ...env, FORCE_COLOR: '0', NO_COLOR: '1' },
      stdio: ['ignore', 'pipe', 'pipe'],
    });
    let stdout = '';
    let stderr = '';
    child.stdout.on('data', (d) => (stdout += d));
    child.stderr.on('data', (d) => (stderr += d));
    child.on('error', reject);
    child.on('close', (code) => resolve({ code, stdout, stderr }));
  });
}
