/**
 * The build lock (build-lock.ts) that lets test files run in parallel while astro builds of the
 * checkout take turns: it must never let two holders overlap, must wait for a live owner in
 * another process, and must take over from a dead one (a worker killed by a timeout).
 */
import { spawn } from 'node:child_process';
import { existsSync, mkdtempSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { afterAll, describe, expect, it } from 'vitest';
import { buildsSite, withBuildLock } from './build-lock.ts';

const dir = mkdtempSync(path.join(os.tmpdir(), 'papershelf-build-lock-'));
afterAll(() => rmSync(dir, { recursive: true, force: true }));
const sleep = (ms: number) => new Promise((r) => setTimeout(r, ms));

describe('the build lock', () => {
  it('runs one holder at a time, in this process, and frees the lock after a failure', async () => {
    const file = path.join(dir, 'serial.lock');
    const log: string[] = [];
    const hold = (name: string) =>
      withBuildLock(async () => {
        log.push(`${name} in`);
        expect(readFileSync(file, 'utf8')).toBe(String(process.pid));
        await sleep(150);
        log.push(`${name} out`);
      }, file);
    await Promise.all([hold('a'), hold('b'), hold('c')]);
    expect(log).toHaveLength(6);
    for (let i = 0; i < 6; i += 2) expect(log[i + 1]).toBe(log[i]!.replace(' in', ' out'));
    await expect(withBuildLock(() => Promise.reject(new Error('build failed')), file)).rejects.toThrow('build failed');
    expect(existsSync(file)).toBe(false);
  });

  it('waits while a live process holds it, and takes it over from a dead one', async () => {
    const file = path.join(dir, 'owned.lock');
    const owner = spawn(process.execPath, ['-e', 'setTimeout(() => {}, 60_000)'], { stdio: 'ignore' });
    writeFileSync(file, String(owner.pid));
    let took = false;
    const waiting = withBuildLock(async () => (took = true), file);
    await sleep(500);
    expect(took).toBe(false);
    const exited = new Promise((r) => owner.once('exit', r));
    owner.kill('SIGKILL');
    await exited;
    await waiting;
    expect(took).toBe(true);
    expect(existsSync(file)).toBe(false);
  });

  it('is taken by every command of the tests that runs astro build in the checkout, and by nothing else', () => {
    expect(buildsSite('npx', ['astro', 'build'])).toBe(true);
    expect(buildsSite('npm', ['run', 'build'])).toBe(true);
    expect(buildsSite('npm', ['run', '--silent', 'bench', '--', '--sizes', '200'])).toBe(true);
    expect(buildsSite('npx', ['tsx', 'scripts/ingest.ts', '--quiet'])).toBe(false);
    expect(buildsSite('npm', ['run', 'ingest', '--', 'digests'])).toBe(false);
    expect(buildsSite('npm', ['run', 'build-something-else'])).toBe(false);
  });
});
