/**
 * The real ingest CLI as a child process (`npm run ingest -- …`), as a user or CI runs it:
 * exit codes, the report, the files written, determinism. Outputs go to temporary folders.
 */
import type { IngestReport } from '../../src/ingest/types.ts';
import { copyFile, mkdir, mkdtemp, readdir, readFile, rm, writeFile } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { pathToFileURL } from 'node:url';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { repoRoot } from '../support/repo.ts';
import { run, type RunResult } from '../support/run.ts';
import { renderApi, renderMarkdown, renderPlaintext, renderTextBrowser } from '../support/render-digests.ts';
import { countedCard } from '../support/builders.ts';

const SEED = path.join(repoRoot, 'content/digests/2026-01-08.txt');
let tmp: string;

/** Runs the CLI; runs on the default input use a temporary copy of the committed ledger, never the repo's. */
function ingest(args: string[], env: Record<string, string> = {}): Promise<RunResult> {
  // The command users run: `npm run ingest` (Node's own type stripping, no tsx; issue 9's start-up budget).
  return run('npm', ['run', '--silent', 'ingest', '--', ...args], { PAPERSHELF_LEDGER: ledgerCopy, ...env });
}
let ledgerCopy: string;

async function readOut(dir: string): Promise<Map<string, string>> {
  const names = (await readdir(dir)).sort();
  return new Map(await Promise.all(names.map(async (n) => [n, await readFile(path.join(dir, n), 'utf8')] as [string, string])));
}

function reconciles(r: IngestReport): boolean {
  return r.entriesRead === r.papersWritten + r.duplicatesMerged + r.entriesRejected;
}

beforeAll(async () => {
  tmp = await mkdtemp(path.join(tmpdir(), 'papershelf-cli-'));
  ledgerCopy = path.join(tmp, 'permalinks.txt');
  await copyFile(path.join(repoRoot, 'content/permalinks.txt'), ledgerCopy);
});
afterAll(async () => {
  await rm(tmp, { recursive: true, force: true });
});

describe('npm run ingest on the sample digest', () => {
  let result: RunResult;
  let out: string;
  beforeAll(async () => {
    out = path.join(tmp, 'seed-out');
    result = await ingest(['content/digests', '--out', out, '--json']);
  });

  it('exits 0 with a JSON report that reconciles: 44 read, 44 written, 0 rejected', () => {
    expect(result.stderr).toBe('');
    expect(result.code).toBe(0);
    const report = JSON.parse(result.stdout) as IngestReport;
    expect(report).toMatchObject({
      filesRead: 1,
      entriesRead: 44,
      papersWritten: 44,
      duplicatesMerged: 0,
      entriesRejected: 0,
      problems: [],
    });
    expect(reconciles(report)).toBe(true);
  });

  it('writes 44 paper files: 3 with an organisation, 17 with a comment count, LaTeX leftovers repaired', async () => {
    const files = await readOut(out);
    expect(files.size).toBe(44);
    const papers = [...files.values()].map((t) => JSON.parse(t));
    expect(papers.flatMap((p) => (p.org ? [p.org.slug] : [])).sort()).toEqual(['furiosa-ai', 'kyutai', 'nvidia']);
    expect(papers.filter((p) => p.comments !== null)).toHaveLength(17);
    for (const [name, text] of files) {
      expect(name).toBe(`${JSON.parse(text).id}.json`);
      expect(text.endsWith('}\n')).toBe(true);
    }
    const abstracts = papers.map((p) => p.abstract).join('\n');
    expect(abstracts).toContain('up to ~5× and 1.29× speedups');
    expect(abstracts).toContain('consistently ~18GB');
    expect(abstracts).toContain('requires <2MB');
  });

  it('prints a readable report without --json, and nothing with --quiet when all is well', async () => {
    const text = await ingest(['--out', path.join(tmp, 'text-out')]);
    expect(text.code).toBe(0);
    expect(text.stdout).toMatch(/files read +1\n/);
    expect(text.stdout).toMatch(/entries read +44\n/);
    expect(text.stdout).toMatch(/papers written +44\n/);
    expect(text.stdout).toMatch(/duplicates merged +0\n/);
    expect(text.stdout).toMatch(/entries rejected +0\n/);
    // The committed ledger: every permalink it lists still resolves, and nothing new appeared.
    expect(text.stdout).toMatch(/permalinks +44 known, 0 added, 0 lost \(.*permalinks\.txt\)\n/);
    const quiet = await ingest(['--quiet', '--out', path.join(tmp, 'quiet-out')]);
    expect(quiet).toMatchObject({ code: 0, stdout: '', stderr: '' });
  });

  it('--archive writes 44 lines sorted by id, with URLs under BASE', async () => {
    const archive = path.join(tmp, 'arch/archive.jsonl');
    const r = await ingest(['--out', path.join(tmp, 'arch-out'), '--archive', archive, '--quiet'], { BASE: '/papershelf' });
    expect(r.code).toBe(0);
    const lines = (await readFile(archive, 'utf8')).split('\n');
    expect(lines.pop()).toBe('');
    expect(lines).toHaveLength(44);
    const records = lines.map((l) => JSON.parse(l));
    const ids = records.map((x) => x.id);
    expect(ids).toEqual([...ids].sort());
    expect(records[0].url).toBe(`/papershelf/papers/${ids[0]}/`);
    expect(Object.keys(records[0])).toEqual([
      'id',
      'url',
      'aliases',
      'title',
      'abstract',
      'published',
      'authors',
      'authorCount',
      'org',
      'upvotes',
      'comments',
      'arxiv',
      'github',
      'project',
      'digests',
      'topics',
      'appearances',
    ]);
    // Every capture of the sample digest: one plain-text appearance per paper, with its counts.
    expect(records[0].appearances).toEqual([
      { digest: '2026-01-08', format: 'plaintext', upvotes: records[0].upvotes, comments: records[0].comments },
    ]);
  });

  it('honours PAPERSHELF_PAPERS when --out is not given', async () => {
    const dir = path.join(tmp, 'env-out');
    const r = await ingest(['--quiet'], { PAPERSHELF_PAPERS: dir });
    expect(r.code).toBe(0);
    expect((await readdir(dir)).length).toBe(44);
  });
});

describe('exit codes', () => {
  it('exits 1 when an entry is rejected, still writing the good papers, and names file:line', async () => {
    const dir = path.join(tmp, 'broken-in');
    await mkdir(dir, { recursive: true });
    const seed = await readFile(SEED, 'utf8');
    await writeFile(path.join(dir, '2026-01-08.txt'), seed.replace('Oct 6, 2025 2', 'Oct 66, 2025 2'));
    const out = path.join(tmp, 'broken-out');
    const json = await ingest([dir, '--out', out, '--json']);
    expect(json.code).toBe(1);
    const report = JSON.parse(json.stdout) as IngestReport;
    expect(report).toMatchObject({ entriesRead: 44, papersWritten: 43, entriesRejected: 1 });
    expect(reconciles(report)).toBe(true);
    expect((await readdir(out)).length).toBe(43);
    const text = await ingest([dir, '--out', out]);
    expect(text.code).toBe(1);
    const where = path.relative(repoRoot, path.join(dir, '2026-01-08.txt'));
    expect(text.stdout).toContain(
      `${where}:91: error: expected a date line like "Jan 8" or "Dec 15, 2023 3" after "·", found "Oct 66, 2025 2"`,
    );
    const quiet = await ingest([dir, '--out', out, '--quiet']);
    expect(quiet.stdout).toBe('');
    expect(quiet.stderr.trim().split('\n')).toHaveLength(1);
  });

  it('refuses every card of an implausible digest day with file:line (exit 1), so it never reaches the build', async () => {
    const dir = path.join(tmp, 'days-in');
    await mkdir(dir, { recursive: true });
    for (const name of ['2026-01-08.txt', '0026-01-08.txt', '9999-12-30.txt']) await copyFile(SEED, path.join(dir, name));
    const out = path.join(tmp, 'days-out');
    const r = await ingest([dir, '--out', out, '--json']);
    expect(r.code).toBe(1);
    const report = JSON.parse(r.stdout) as IngestReport;
    expect(report).toMatchObject({ entriesRead: 132, papersWritten: 44, entriesRejected: 88 });
    expect((await readdir(out)).length).toBe(44);
    const text = await ingest([dir, '--out', out]);
    const where = (name: string) => path.relative(repoRoot, path.join(dir, name));
    expect(text.stdout).toContain(
      `${where('0026-01-08.txt')}:13: error: expected a digest day that exists, from 1991-01-01 to 2050-12-31, found "0026-01-08"`,
    );
    expect(text.stdout).toContain(
      `${where('9999-12-30.txt')}:13: error: expected a digest day that exists, from 1991-01-01 to 2050-12-31, found "9999-12-30"`,
    );
  });

  it.each([
    [['no/such/dir'], /cannot read no\/such\/dir: no such file or directory/],
    [['--bogus'], /Unknown option '--bogus'/],
    [['--out'], /--out/],
  ])('exits 2 for %j with a clear message', async (args, message) => {
    const r = await ingest([...args, ...(args[0] === '--out' ? [] : ['--out', path.join(tmp, 'never')])]);
    expect(r.code).toBe(2);
    expect(r.stderr).toMatch(message);
    expect(r.stdout).toBe('');
    await expect(readdir(path.join(tmp, 'never'))).rejects.toThrow();
  });
});

/**
 * The sample digest as its day and a second day repeating its cards with new comment counts
 * (merges, digests and appearances), in `dir`; the sample's text.
 */
async function writeTwoDays(dir: string): Promise<string> {
  await mkdir(dir, { recursive: true });
  const seed = await readFile(SEED, 'utf8');
  await copyFile(SEED, path.join(dir, '2026-01-08.txt'));
  await writeFile(path.join(dir, '2026-01-09.txt'), seed.replace('Jan 8', 'Jan 9').replaceAll(/^(\w{3} \d+, \d{4})$/gm, '$1 9'));
  return seed;
}

describe('determinism', () => {
  it('gives byte-identical papers on two runs and whatever the order the files are given in', async () => {
    const dir = path.join(tmp, 'two-in');
    await writeTwoDays(dir);
    const a = path.join(dir, '2026-01-08.txt');
    const b = path.join(dir, '2026-01-09.txt');
    const outs = ['det-1', 'det-2', 'det-3'].map((d) => path.join(tmp, d));
    const runs = await Promise.all([
      ingest([a, b, '--out', outs[0]!, '--json']),
      ingest([a, b, '--out', outs[1]!, '--json']),
      ingest([b, a, '--out', outs[2]!, '--json']),
    ]);
    for (const r of runs) expect(r.code).toBe(0);
    expect(runs[2]!.stdout).toBe(runs[0]!.stdout);
    const report = JSON.parse(runs[0]!.stdout) as IngestReport;
    expect(report).toMatchObject({ filesRead: 2, entriesRead: 88, papersWritten: 44, duplicatesMerged: 44 });
    const [one, two, three] = await Promise.all(outs.map(readOut));
    expect(one!.size).toBe(44);
    expect(two).toEqual(one);
    expect(three).toEqual(one);
    const sample = JSON.parse([...one!.values()][0]!);
    expect(sample.digests).toEqual(['2026-01-08', '2026-01-09']);
    expect(sample.appearances.map((x: { file: string }) => x.file)).toEqual(['2026-01-08.txt', '2026-01-09.txt']);
  });

  it('removes entries of papers no digest produces any more', async () => {
    const out = path.join(tmp, 'stale-out');
    await mkdir(out, { recursive: true });
    await writeFile(path.join(out, 'gone-paper.json'), JSON.stringify({ id: 'gone-paper', appearances: [] }));
    const r = await ingest(['--out', out]);
    expect(r.code).toBe(0);
    expect(r.stdout).toMatch(/1 removed/);
    expect(await readdir(out)).not.toContain('gone-paper.json');
  });
});

describe('worker threads (--workers)', () => {
  it('writes the same papers and report with one worker as on one thread, and removes stale entries after the workers wrote', async () => {
    const dir = path.join(tmp, 'workers-in');
    const seed = await writeTwoDays(dir);
    // A third day with a card whose date is broken (a rejection).
    await writeFile(path.join(dir, '2026-01-10.txt'), seed.replace('Jan 8', 'Jan 10').replace(/^\w{3} \d+, \d{4}$/m, 'Smarch 99, 2026'));
    const outs = ['workers-0', 'workers-1'].map((d) => path.join(tmp, d));
    await mkdir(outs[1]!, { recursive: true });
    await writeFile(path.join(outs[1]!, 'gone-paper.json'), JSON.stringify({ id: 'gone-paper', appearances: [] }));
    const runs = await Promise.all([
      ingest([dir, '--out', outs[0]!, '--json', '--workers', '0']),
      ingest([dir, '--out', outs[1]!, '--json', '--workers', '1']),
    ]);
    expect(runs.map((r) => r.code)).toEqual([1, 1]);
    expect(runs[1]!.stdout).toBe(runs[0]!.stdout);
    const report = JSON.parse(runs[0]!.stdout) as IngestReport;
    expect(report).toMatchObject({ filesRead: 3, entriesRejected: 1, papersWritten: 44 });
    expect(report.duplicatesMerged).toBeGreaterThan(40);
    expect(report.problems.find((p) => p.severity === 'error')).toMatchObject({ file: '2026-01-10.txt' });
    expect(await readOut(outs[1]!)).toEqual(await readOut(outs[0]!));
  });

  it('refuses a --workers that is not a small whole number', async () => {
    const r = await ingest(['content/digests', '--workers', 'two']);
    expect(r.code).toBe(2);
    expect(r.stderr).toMatch(/--workers needs a whole number/);
  });
});

describe('every format, one folder', () => {
  it('reads api JSON, markdown, text-browser and plain text by content, merges across them, and names unknown files', async () => {
    const dir = path.join(tmp, 'formats-in');
    await mkdir(dir, { recursive: true });
    const card = countedCard({
      title: 'One Paper Four Ways',
      abstract: 'It appears everywhere.',
      published: '2025-06-02',
      authors: ['A B', 'C D'],
      authorCount: 2,
      arxiv: '2506.00042',
    });
    await writeFile(path.join(dir, '2025-06-03.txt'), renderPlaintext('2025-06-03', [card]));
    await writeFile(path.join(dir, '2025-06-04.md'), renderMarkdown('2025-06-04', [card]));
    // A text-browser dump saved with a .md extension: detection goes by content.
    await writeFile(path.join(dir, '2025-06-05.md'), renderTextBrowser('2025-06-05', [card]));
    await writeFile(path.join(dir, '2025-06-06.json'), renderApi('2025-06-06', [card], 'repr'));
    await writeFile(path.join(dir, 'notes.txt'), 'remember to buy milk\n');
    const out = path.join(tmp, 'formats-out');
    const r = await ingest([dir, '--out', out, '--json']);
    expect(r.code).toBe(1);
    const report = JSON.parse(r.stdout);
    expect(report.files.map((f: { file: string; format: string | null }) => [f.file, f.format])).toEqual([
      ['2025-06-03.txt', 'plaintext'],
      ['2025-06-04.md', 'markdown'],
      ['2025-06-05.md', 'textbrowser'],
      ['2025-06-06.json', 'api'],
      ['notes.txt', null],
    ]);
    expect(report).toMatchObject({ entriesRead: 4, papersWritten: 1, duplicatesMerged: 3, entriesRejected: 0 });
    expect(report.problems).toEqual([
      expect.objectContaining({
        file: 'notes.txt',
        line: 0,
        severity: 'error',
        message: expect.stringMatching(
          /^expected one of the digest formats Papershelf reads \(api\/daily_papers JSON, a counts file, a text-browser capture, a markdown capture or a plain-text copy of a papers page\)/,
        ),
      }),
    ]);
    const paper = JSON.parse(await readFile(path.join(out, '2506.00042.json'), 'utf8'));
    expect(paper).toMatchObject({
      aliases: ['one-paper-four-ways'],
      authors: ['A B', 'C D'],
      digests: ['2025-06-03', '2025-06-04', '2025-06-05', '2025-06-06'],
    });
  });
});

describe('the permalink ledger', () => {
  it('appends new ids, keeps old ones, and names a lost one with file:line (exit 1)', async () => {
    const ledger = path.join(tmp, 'ledger-test.txt');
    await writeFile(ledger, 'a-paper-that-is-gone\n');
    const out = path.join(tmp, 'ledger-out');
    const r = await ingest(['content/digests', '--out', out, '--ledger', ledger]);
    expect(r.code).toBe(1);
    expect(r.stdout).toMatch(/permalinks +1 known, 44 added, 1 lost \(/);
    expect(r.stdout).toContain(
      `${path.relative(repoRoot, ledger)}:1: error: expected the published permalink "a-paper-that-is-gone" to resolve`,
    );
    const ids = (await readFile(ledger, 'utf8')).trim().split('\n');
    expect(ids).toHaveLength(45);
    expect(ids).toEqual([...ids].sort());
    expect(ids).toContain('a-paper-that-is-gone');
    const again = await ingest(['content/digests', '--out', out, '--ledger', ledger, '--json']);
    // Sorted in with the others, the lost id is still named by its (new) line.
    expect(JSON.parse(again.stdout).permalinks).toMatchObject({
      known: 45,
      added: [],
      missing: [{ line: ids.indexOf('a-paper-that-is-gone') + 1 }],
    });
  });

  it('is left alone for other inputs unless asked for, and --no-ledger turns it off', async () => {
    const r = await ingest(['--out', path.join(tmp, 'noledger-out'), '--no-ledger', '--json']);
    expect(r.code).toBe(0);
    expect(JSON.parse(r.stdout).permalinks).toMatchObject({ ledger: null, known: 0 });
    const both = await ingest(['--ledger', 'x.txt', '--no-ledger']);
    expect(both.code).toBe(2);
    expect(both.stderr).toMatch(/contradict/);
  });
});

describe('topics from content/topics.yaml', () => {
  it('assigns the taxonomy to the sample papers, each with reasons', async () => {
    const out = path.join(tmp, 'topics-out');
    const result = await ingest(['content/digests', '--out', out, '--quiet']);
    expect(result.code, result.stderr).toBe(0);
    const papers = [...(await readOut(out)).values()].map(
      (text) => JSON.parse(text) as { title: string; topics: Array<{ slug: string; reasons: string[] }> },
    );
    const withTopics = papers.filter((p) => p.topics.length > 0);
    expect(withTopics.length / papers.length).toBeGreaterThan(0.9);
    for (const p of withTopics) for (const t of p.topics) expect(t.reasons.length, `${p.title} ${t.slug}`).toBeGreaterThan(0);
    const medusa = papers.find((p) => p.title.startsWith('Medusa'))!;
    expect(medusa.topics.map((t) => t.slug)).toContain('speculative-decoding');
  });

  it('exits 2 naming the file and line of a broken taxonomy', async () => {
    const bad = path.join(tmp, 'bad-topics.yaml');
    await writeFile(bad, '- slug: agents\n  name: Agents\n  phrases: 3\n');
    const result = await ingest(['content/digests', '--out', path.join(tmp, 'bad-topics-out'), '--topics', bad]);
    expect(result.code).toBe(2);
    expect(result.stderr).toContain('bad-topics.yaml:');
    expect(result.stderr).toMatch(/expected/);
  });

  it('exits 2 when a named taxonomy does not exist', async () => {
    const result = await ingest(['content/digests', '--out', path.join(tmp, 'no-topics-out'), '--topics', path.join(tmp, 'missing.yaml')]);
    expect(result.code).toBe(2);
    expect(result.stderr).toContain('missing.yaml');
  });

  it('exits 2 naming the variable when a setting cannot be used (src/config.ts reads them all)', async () => {
    const out = path.join(tmp, 'bad-setting-out');
    const result = await ingest(['content/digests', '--out', out], { PAPERSHELF_SEARCH_SHARD: 'lots' });
    expect(result.code).toBe(2);
    expect(result.stderr).toContain('ingest: PAPERSHELF_SEARCH_SHARD: expected a whole number of papers (e.g. 10000), found "lots"');
    await expect(readdir(out)).rejects.toThrow(); // nothing written
  });
});

describe('start-up (issue 9: the corpus in at most 1.5 s, start-up included)', () => {
  it('turns on the compile cache before the CLI loads, and loads neither the notes compiler without notes nor the progress bar off a terminal', async () => {
    // A preload through NODE_OPTIONS that records every module Node 24 loads for the CLI (npm's own
    // Node, older and without module.registerHooks, skips it).
    const hook = path.join(tmp, 'module-log.mjs');
    const log = path.join(tmp, 'module-log.json');
    await writeFile(
      hook,
      `import module from 'node:module';
import { writeFileSync } from 'node:fs';
if (typeof module.registerHooks === 'function' && process.argv[1]?.endsWith('ingest.ts')) {
  const loaded = [];
  module.registerHooks({ load(url, context, next) { loaded.push(url); return next(url, context); } });
  process.on('exit', () => writeFileSync(${JSON.stringify(log)}, JSON.stringify({ loaded, cache: module.getCompileCacheDir() ?? null })));
}
`,
    );
    const result = await ingest(['content/digests', '--out', path.join(tmp, 'start-up-out'), '--quiet'], {
      NODE_OPTIONS: `--import=${pathToFileURL(hook).href}`,
    });
    expect(result.code).toBe(0);
    const { loaded, cache } = JSON.parse(await readFile(log, 'utf8')) as { loaded: string[]; cache: string | null };
    expect(cache).not.toBeNull();
    expect(loaded.some((u) => u.endsWith('/src/ingest/pipeline.ts'))).toBe(true);
    // Astro's zod re-export is the schemas' zod; nothing else of Astro belongs in ingest.
    const needless = loaded.filter((u) => /node_modules\/(@mdx-js|remark-math|katex|cli-progress|astro\/dist\/(?!zod\.js))/.test(u));
    expect(needless).toEqual([]);
  });
});
