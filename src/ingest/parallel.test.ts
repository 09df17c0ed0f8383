/**
 * The parallel pipeline (parallel.ts) against the single-threaded one: the same report and the
 * same papers, byte for byte, whichever thread took which file or paper; problems keep their
 * file:line when a worker found them; a worker's I/O failure is an `IngestIoError`.
 */
import { copyFile, mkdir, mkdtemp, readdir, readFile, rm, writeFile } from 'node:fs/promises';
import { readdirSync, readFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { spawnSync } from 'node:child_process';
import { pathToFileURL } from 'node:url';
import path from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { repoRoot } from '../../tests/support/repo.ts';
import { parseTopics, TopicsFileError } from '../schemas/topic.ts';
import { IngestIoError, listDigestFiles, readDigestFiles, serializePaper } from './io.ts';
import { parseLedger } from './ledger.ts';
import { defaultWorkers, runPipelineParallel, startPool, type IngestPool } from './parallel.ts';
import { runPipeline, type IngestResult } from './pipeline.ts';
import { assignTopics, compileTopics } from './topics.ts';

const topicsFile = path.join(repoRoot, 'content/topics.yaml');
const topics = parseTopics(readFileSync(topicsFile, 'utf8'), topicsFile);
const ledger = { file: 'permalinks.txt', ledger: parseLedger('2601.99999\n') };
let tmp: string;
let digests: string;
let pool: IngestPool;

/** Every format reader's fixture digests, the sample digest (its papers appear in fixtures too: duplicates) and two files not read. */
async function writeDigests(dir: string): Promise<void> {
  await mkdir(dir, { recursive: true });
  const formats = path.join(repoRoot, 'src/ingest/formats/fixtures');
  for (const format of readdirSync(formats)) {
    for (const fixture of readdirSync(path.join(formats, format))) {
      for (const name of readdirSync(path.join(formats, format, fixture))) {
        if (name === 'expected.json') continue;
        await mkdir(path.join(dir, format, fixture), { recursive: true });
        await copyFile(path.join(formats, format, fixture, name), path.join(dir, format, fixture, name));
      }
    }
  }
  await copyFile(path.join(repoRoot, 'content/digests/2026-01-08.txt'), path.join(dir, '2026-01-08.txt'));
  await writeFile(path.join(dir, 'latin1.txt'), Buffer.from([0x63, 0x61, 0x66, 0xe9, 0x0a]));
  await writeFile(path.join(dir, 'empty-days.txt'), '2026-01-01\nnot a day\n');
}

beforeAll(async () => {
  tmp = await mkdtemp(path.join(tmpdir(), 'papershelf-parallel-'));
  digests = path.join(tmp, 'digests');
  await writeDigests(digests);
  pool = startPool(1);
});
afterAll(async () => {
  await pool.close();
  await rm(tmp, { recursive: true, force: true });
});

describe('the parallel pipeline', () => {
  let single: IngestResult;
  let parallel: Awaited<ReturnType<typeof runPipelineParallel>>;
  const out = () => path.join(tmp, 'out');

  beforeAll(async () => {
    const files = await listDigestFiles([digests]);
    const taxonomy = compileTopics(topics);
    single = runPipeline(readDigestFiles(files), { ledger, assignTopics: (p) => assignTopics(p, taxonomy) });
    await mkdir(out());
    // One file and seven papers a chunk: both threads take many, in an order timing decides.
    parallel = await runPipelineParallel(pool, files, {
      ledger,
      topics,
      out: { dir: out(), existing: new Set() },
      chunks: { files: 1, papers: 7 },
    });
  });

  it('reads a fixture set with duplicates, rejections, files not read and an empty-days file', () => {
    expect(single.report.duplicatesMerged).toBeGreaterThan(0);
    expect(single.report.entriesRejected).toBeGreaterThan(0);
    expect(single.report.filesNotRead).toBeGreaterThan(0);
    expect(single.report.emptyDays.problems).toHaveLength(1);
    expect(single.papers.some((p) => p.topics.length > 0)).toBe(true);
  });

  it('gives the same report, papers and ledger as the single-threaded pipeline', () => {
    expect(parallel.result.report).toEqual(single.report);
    expect(parallel.result.papers).toEqual(single.papers);
    expect(parallel.result.ledgerText).toBe(single.ledgerText);
  });

  it('writes every paper byte for byte as the single-threaded run serialises it', async () => {
    const names = (await readdir(out())).sort();
    expect(names).toEqual(single.papers.map((p) => `${p.id}.json`).sort());
    for (const paper of single.papers) expect(await readFile(path.join(out(), `${paper.id}.json`), 'utf8')).toBe(serializePaper(paper));
    expect(parallel.written).toEqual({ written: single.papers.length, unchanged: 0 });
  });

  it('shares the work: the worker and the calling thread each read files and built papers', () => {
    expect(parallel.taken.files).toHaveLength(2);
    for (const n of [...parallel.taken.files, ...parallel.taken.papers]) expect(n).toBeGreaterThan(0);
  });

  it('reports a rejected card found in a worker with its file and line', () => {
    const rejection = parallel.result.report.problems.find((p) => p.file.includes('malformed-date-between-good') && p.severity === 'error');
    expect(rejection).toBeDefined();
    expect(rejection!.line).toBeGreaterThan(1);
  });

  it('leaves files already identical on disk untouched on a second run', async () => {
    const files = await listDigestFiles([digests]);
    const existing = new Set(await readdir(out()));
    const again = await runPipelineParallel(pool, files, {
      ledger,
      topics,
      out: { dir: out(), existing },
      chunks: { files: 2, papers: 5 },
    });
    expect(again.written).toEqual({ written: 0, unchanged: single.papers.length });
  });

  it("keeps each paper's summary only, when asked, with the same report and ledger and the same files written", async () => {
    const files = await listDigestFiles([digests]);
    const dir = path.join(tmp, 'out-summaries');
    await mkdir(dir);
    const run = await runPipelineParallel(pool, files, {
      ledger,
      topics,
      out: { dir, existing: new Set() },
      summaries: true,
      chunks: { files: 2, papers: 6 },
    });
    expect(run.taken.papers.every((n) => n > 0)).toBe(true);
    expect(run.result.papers).toEqual(single.papers.map(({ id, aliases, digests, conflicts }) => ({ id, aliases, digests, conflicts })));
    expect(run.result.report).toEqual(single.report);
    expect(run.result.ledgerText).toBe(single.ledgerText);
    for (const paper of single.papers) expect(await readFile(path.join(dir, `${paper.id}.json`), 'utf8')).toBe(serializePaper(paper));
  });

  it('gives the same papers when a worker parses the taxonomy from its text while this thread merges', async () => {
    const files = await listDigestFiles([digests]);
    const taxonomy = { text: readFileSync(topicsFile, 'utf8'), file: topicsFile };
    const fromText = await runPipelineParallel(pool, files, { ledger, topics: null, taxonomy, chunks: { files: 3, papers: 9 } });
    expect(fromText.result.papers).toEqual(single.papers);
    expect(fromText.result.report).toEqual(single.report);
  });

  it("throws a broken taxonomy's TopicsFileError, with the parser's own message, before building any paper", async () => {
    const files = await listDigestFiles([digests]);
    const taxonomy = { text: '- slug: Not A Slug\n  name: x\n', file: 'broken-topics.yaml' };
    const expected = (() => {
      try {
        parseTopics(taxonomy.text, taxonomy.file);
      } catch (err) {
        return err as Error;
      }
      throw new Error('the taxonomy was expected not to parse');
    })();
    const built = path.join(tmp, 'not-built');
    await mkdir(built);
    const run = runPipelineParallel(pool, files, { ledger, topics: null, taxonomy, out: { dir: built, existing: new Set() } });
    await expect(run).rejects.toThrow(TopicsFileError);
    await expect(run).rejects.toThrow(expected.message);
    expect(await readdir(built)).toEqual([]);
  });

  it("turns a worker's write failure into an IngestIoError naming the folder", async () => {
    const files = await listDigestFiles([digests]);
    const missing = path.join(tmp, 'no-such-folder');
    await expect(runPipelineParallel(pool, files, { ledger, topics, out: { dir: missing, existing: new Set() } })).rejects.toThrow(
      IngestIoError,
    );
    await expect(runPipelineParallel(pool, files, { ledger, topics, out: { dir: missing, existing: new Set() } })).rejects.toThrow(
      `cannot write ${missing}`,
    );
  });
});

describe("a worker thread's start-up", () => {
  it('reads and builds plain-text digests without loading zod or yaml (the schema and the front-matter parser load on first need)', async () => {
    // A fresh Node process (not Vitest's module graph) that records every module it loads, as a worker would.
    const script = path.join(tmp, 'worker-modules.mjs');
    const url = (file: string) => JSON.stringify(pathToFileURL(path.join(repoRoot, file)).href);
    await writeFile(
      script,
      `import module from 'node:module';
const loaded = [];
module.registerHooks({ load(url, context, next) { loaded.push(url); return next(url, context); } });
const { createHandler } = await import(${url('src/ingest/ingest-jobs.ts')});
const { listDigestFiles } = await import(${url('src/ingest/io.ts')});
const { paperJobs, planPapers } = await import(${url('src/ingest/pipeline.ts')});
const handle = createHandler();
const files = await listDigestFiles([${JSON.stringify(path.join(repoRoot, 'content/digests'))}]);
const read = handle({ kind: 'read', jobs: files.map((file, index) => ({ index, file })) });
const jobs = paperJobs(planPapers(read.results.map((r) => r.read), undefined));
handle({ kind: 'setup', topics: null, existing: [] });
const built = handle({ kind: 'build', jobs: jobs.map(({ job }, index) => ({ index, job })), dir: null, summaries: false });
process.stdout.write(JSON.stringify({ loaded, papers: built.results.filter((r) => 'paper' in r.built).length }));
`,
    );
    const child = spawnSync(process.execPath, [script], { encoding: 'utf8' });
    expect(child.stderr).not.toMatch(/Error/);
    const { loaded, papers } = JSON.parse(child.stdout) as { loaded: string[]; papers: number };
    expect(papers).toBeGreaterThan(0);
    expect(loaded.some((u) => u.endsWith('/src/ingest/pipeline.ts'))).toBe(true);
    expect(loaded.filter((u) => /\/node_modules\/(zod|yaml|astro)\//.test(u))).toEqual([]);
  });
});

describe('defaultWorkers', () => {
  it('uses one worker beside the calling thread for 24 files or more on two cores or more, whatever the load', () => {
    expect(defaultWorkers(580, 2)).toBe(1);
    expect(defaultWorkers(24, 2)).toBe(1);
    expect(defaultWorkers(580, 8)).toBe(1);
    expect(defaultWorkers(23, 2)).toBe(0);
    expect(defaultWorkers(580, 1)).toBe(0);
  });
});
