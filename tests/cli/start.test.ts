/**
 * `npm start` as the README's main line runs it (after `npm ci`): the site built by the e2e setup
 * is up to date, so it is served as is on http://localhost:4321.
 */
import { afterAll, expect, it } from 'vitest';
import { spawn, type ChildProcess } from 'node:child_process';
import { repoRoot } from '../support/repo.ts';
import { childEnv } from '../support/run.ts';

let child: ChildProcess | undefined;
afterAll(() => {
  // npm → tsx → astro preview: stop the whole process group.
  if (child?.pid) process.kill(-child.pid, 'SIGTERM');
});

async function waitFor(url: string, ms: number): Promise<Response> {
  const until = Date.now() + ms;
  for (;;) {
    try {
      return await fetch(url);
    } catch (err) {
      if (Date.now() > until) throw err;
      await new Promise((r) => setTimeout(r, 250));
    }
  }
}

it('serves the built site on port 4321 without rebuilding it', async () => {
  let output = '';
  child = spawn('npm', ['start'], { cwd: repoRoot, detached: true, stdio: ['ignore', 'pipe', 'pipe'], env: childEnv({}) });
  child.stdout!.on('data', (d) => (output += d));
  child.stderr!.on('data', (d) => (output += d));
  const home = await waitFor('http://localhost:4321/', 60_000);
  expect(home.status).toBe(200);
  expect(await home.text()).toContain('Papershelf');
  expect(output).toContain('dist/ is up to date');
  const missing = await fetch('http://localhost:4321/papers/no-such-paper/');
  expect(missing.status).toBe(404);
  const archive = await fetch('http://localhost:4321/archive.jsonl');
  expect((await archive.text()).trim().split('\n')).toHaveLength(44);
});
