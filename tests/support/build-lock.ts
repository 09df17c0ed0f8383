/**
 * One `astro build` at a time per checkout, across Vitest's worker processes and the e2e setup.
 *
 * Test files run in parallel, but two builds of one checkout must not overlap: every build writes
 * the checkout's `.astro/` (its `content-modules.mjs` lists the notes that build bundles, whatever
 * PAPERSHELF_NOTES says), and the builds that keep the default PAPERSHELF_CACHE share
 * `node_modules/.astro`. So a build waits here for the one before it, while tests that only read
 * a built site, ingest or drive a browser go on beside it.
 *
 * Hand-written (an exclusive-create lock file holding its owner's pid) because no lock library is
 * a dependency and this needs only take, wait and release, plus taking over from a dead owner (a
 * worker killed by a timeout).
 */
import { createHash } from 'node:crypto';
import { openSync, closeSync, readFileSync, rmSync, writeSync } from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { repoRoot } from './repo.ts';

/** The lock of this checkout (one per repository root, so two worktrees never wait for each other). */
const LOCK_FILE = path.join(os.tmpdir(), `papershelf-astro-build-${createHash('sha256').update(repoRoot).digest('hex').slice(0, 12)}.lock`);
const POLL_MS = 100;

/** True for a command that runs `astro build` (or a script that does) in the checkout. */
export function buildsSite(command: string, args: readonly string[]): boolean {
  return /^(npx astro build|npm run (--silent )?(build|bench))(\s|$)/.test([command, ...args].join(' '));
}

/** False once the process that wrote `pid` has exited. */
function alive(pid: number): boolean {
  try {
    process.kill(pid, 0);
    return true;
  } catch (err) {
    return (err as NodeJS.ErrnoException).code === 'EPERM';
  }
}

/** Takes the lock `file` if it is free or its owner is dead; false while a live process holds it. */
function tryTake(file: string): boolean {
  try {
    const fd = openSync(file, 'wx');
    writeSync(fd, String(process.pid));
    closeSync(fd);
    return true;
  } catch (err) {
    if ((err as NodeJS.ErrnoException).code !== 'EEXIST') throw err;
  }
  let owner: number;
  try {
    owner = Number(readFileSync(file, 'utf8'));
  } catch {
    return false; // Released between our open and read: try again on the next poll.
  }
  // An empty file is an owner between its open and its write: wait for it.
  if (Number.isInteger(owner) && owner > 0 && !alive(owner)) rmSync(file, { force: true });
  return false;
}

/** Runs `task` holding the lock `file` (by default the checkout's build lock); waits for it first. */
export async function withBuildLock<T>(task: () => Promise<T>, file = LOCK_FILE): Promise<T> {
  while (!tryTake(file)) await new Promise((r) => setTimeout(r, POLL_MS));
  try {
    return await task();
  } finally {
    rmSync(file, { force: true });
  }
}
