/**
 * The ingest cases of `npm run bench`: each case is a folder of digests ingested end to end (list,
 * read, detect + parse + merge + ids, write `content/papers/`-style entries) in a fresh child
 * process (`--child DIR`), so its peak memory is its own; each case runs `runs` times and the
 * median is kept. Cases: the real corpus written as plain text and in a rotation of every format,
 * and a synthetic archive (seeded, every format).
 */
import { spawnSync } from 'node:child_process';
import { mkdir, writeFile } from 'node:fs/promises';
import path from 'node:path';
import { fileURLToPath } from 'node:url';
import { performance } from 'node:perf_hooks';
import { runPipeline } from '../../src/ingest/pipeline.ts';
import { listDigestFiles, readDigestFiles, writePapers } from '../../src/ingest/io.ts';
import { addDays } from '../../src/core/dates.ts';
import { renderApi, renderMarkdown, renderPlaintext, renderTextBrowser, type CardRecord } from '../../tests/support/render-digests.ts';
import { writeDays, type CorpusPaper, type DayFormat } from '../../tests/support/corpus.ts';
import { seededRandom } from '../../tests/support/random.ts';
import { repoRoot } from '../../tests/support/repo.ts';
import { runMeasured, type Measured } from './peak-memory.ts';
import { median, medianOf } from './table.ts';

/** What one run of a case measured (printed as JSON by the child process). */
export interface RunResult {
  files: number;
  entries: number;
  papers: number;
  readMs: number;
  pipelineMs: number;
  writeMs: number;
  totalMs: number;
  peakRssMb: number;
}

/** Child mode: ingest one folder once into `out` (a folder that does not exist yet) and print what it measured. */
async function child(dir: string, out: string): Promise<void> {
  const t0 = performance.now();
  const inputs = readDigestFiles(await listDigestFiles([dir]));
  const t1 = performance.now();
  const { papers, report } = runPipeline(inputs);
  const t2 = performance.now();
  await writePapers(out, papers);
  const t3 = performance.now();
  const result: RunResult = {
    files: report.filesRead,
    entries: report.entriesRead,
    papers: papers.length,
    readMs: t1 - t0,
    pipelineMs: t2 - t1,
    writeMs: t3 - t2,
    totalMs: t3 - t0,
    // maxRSS is in kilobytes and covers the whole (fresh) process.
    peakRssMb: process.resourceUsage().maxRSS / 1024,
  };
  process.stdout.write(JSON.stringify(result) + '\n');
}

/** The four formats the bench's "every format" cases rotate through, one digest day each. */
const ROTATION: readonly DayFormat[] = ['plaintext', 'markdown', 'textbrowser', 'api'];

/** The corpus (or `papers` of it) written as digests: all plain text, or a rotation of every format. */
export async function writeCorpus(dir: string, mode: 'plaintext' | 'mixed', papers?: readonly CorpusPaper[]): Promise<void> {
  await writeDays(dir, (_day, i) => (mode === 'plaintext' ? 'plaintext' : ROTATION[i % ROTATION.length]!), papers);
}

const WORDS =
  'model language diffusion agent reasoning vision token attention sparse retrieval benchmark data training policy video audio graph scaling memory efficient multimodal alignment reward search robust'.split(
    ' ',
  );

/** `count` synthetic papers over digest days of 20, rendered in a rotation of every format. */
export async function writeSynthetic(dir: string, count: number): Promise<void> {
  const random = seededRandom(42);
  const pick = <T>(list: readonly T[]): T => list[Math.floor(random() * list.length)]!;
  const words = (n: number) => Array.from({ length: n }, () => pick(WORDS)).join(' ');
  const perDay = 20;
  const formats = [
    (d: string, c: CardRecord[]) => ({ name: `${d}.txt`, text: renderPlaintext(d, c) }),
    (d: string, c: CardRecord[]) => ({ name: `${d}.md`, text: renderMarkdown(d, c) }),
    (d: string, c: CardRecord[]) => ({ name: `${d}-browser.txt`, text: renderTextBrowser(d, c) }),
    (d: string, c: CardRecord[]) => ({ name: `${d}.json`, text: renderApi(d, c, 'list') }),
  ];
  await mkdir(dir, { recursive: true });
  const start = '2024-01-01';
  for (let day = 0; day * perDay < count; day++) {
    const digest = addDays(start, day);
    const cards: CardRecord[] = [];
    for (let k = 0; k < perDay && day * perDay + k < count; k++) {
      const n = day * perDay + k;
      const authors = Array.from(
        { length: 1 + Math.floor(random() * 8) },
        () => `${pick(['Ada', 'Alan', 'Grace', 'Edsger'])} ${pick(['Lovelace', 'Turing', 'Hopper', 'Dijkstra'])}`,
      );
      cards.push({
        title: `${words(2)} ${n}: ${words(6)}`,
        abstract: `${words(120)}. Code at https://github.com/lab${n % 97}/repo${n}.`,
        published: addDays(start, day - 1 - Math.floor(random() * 3)),
        authors,
        authorCount: authors.length,
        org: random() < 0.3 ? { slug: `org${n % 50}`, name: `Org ${n % 50}` } : null,
        upvotes: Math.floor(random() * 200),
        comments: Math.floor(random() * 10),
        arxiv: `${String(24 + Math.floor(day / 365)).padStart(2, '0')}${String(1 + (Math.floor(day / 30) % 12)).padStart(2, '0')}.${String(10000 + n).slice(-5)}`,
        github: null,
        project: null,
        keywords: [pick(WORDS), pick(WORDS)],
      });
    }
    const { name, text } = formats[day % formats.length]!(digest, cards);
    await writeFile(path.join(dir, name), text);
  }
}

/**
 * A new output folder for every run, none deleted until the benchmark ends: on ext4 without a
 * journal (this machine's disk) creating files right after deleting thousands scans the
 * recently freed inodes (`recently_deleted`), which made a fresh ingest after `rm -rf` of the
 * last one's output several times slower than the first; users' output folders are not
 * deleted between runs either.
 */
function outFolder(outRoot: string): string {
  return path.join(outRoot, `out-${outputs++}`);
}
let outputs = 0;

/** Runs a case `runs` times, each in a fresh process, writing into `outRoot`. */
function measure(dir: string, outRoot: string, runs: number): RunResult[] {
  const script = fileURLToPath(import.meta.url);
  return Array.from({ length: runs }, () => {
    const r = spawnSync(process.execPath, ['--import', 'tsx', script, '--child', dir, outFolder(outRoot)], {
      cwd: repoRoot,
      encoding: 'utf8',
      maxBuffer: 1 << 20,
    });
    if (r.status !== 0) throw new Error(`benchmark run failed (exit ${r.status}):\n${r.stderr}`);
    return JSON.parse(r.stdout.trim().split('\n').at(-1)!) as RunResult;
  });
}

/** What `npm run ingest` of a case took end to end, start-up included (the command users run), median of its runs. */
export interface CliResult {
  /** Wall time, ms. */
  wallMs: number;
  /** User + system CPU of the whole process tree (npm and node), ms. */
  cpuMs: number;
  /** 1-minute load average at the start of each run (the machine is shared). */
  load: number[];
}

/**
 * `npm run ingest -- DIR --out <new folder> --no-ledger --quiet` `runs` times, measured with GNU
 * time, without `nice`: the figure issue 9's start-up-included budget is about. A first run fills
 * Node's compile cache (scripts/compile-cache.mjs) and the file cache, as any earlier run would have.
 */
export async function measureCli(dir: string, outRoot: string, runs: number): Promise<CliResult> {
  const args = ['run', 'ingest', '--', dir, '--no-ledger', '--quiet', '--out'];
  await runMeasured('npm', [...args, outFolder(outRoot)], { cwd: repoRoot, nice: 0 });
  const all: Measured[] = [];
  for (let i = 0; i < runs; i++) {
    const m = await runMeasured('npm', [...args, outFolder(outRoot)], { cwd: repoRoot, nice: 0 });
    if (m.exitCode !== 0 && m.exitCode !== 1) throw new Error(`npm run ingest failed (exit ${m.exitCode}):\n${m.log.slice(-3000)}`);
    all.push(m);
  }
  return {
    wallMs: Math.round(median(all.map((m) => m.wallMs))),
    cpuMs: Math.round(medianOf(all.map((m) => (m.userMs === null || m.systemMs === null ? null : m.userMs + m.systemMs))) ?? NaN),
    load: all.map((m) => m.loadAvg[0]),
  };
}

/** What a case measured: medians over its runs, and every run. */
export interface IngestCaseResult extends RunResult {
  name: string;
  papersPerSecond: number;
  papersPerSecondEndToEnd: number;
  /** `npm run ingest` of the case, start-up included. */
  cli: CliResult;
  runs: RunResult[];
}

/** Runs every case `runs` times (in-process phases, then `npm run ingest`) and keeps the medians; outputs go under `outRoot`. */
export async function runIngestCases(
  cases: ReadonlyArray<{ name: string; dir: string }>,
  runs: number,
  outRoot: string,
): Promise<IngestCaseResult[]> {
  const results: IngestCaseResult[] = [];
  for (const { name, dir } of cases) {
    const all = measure(dir, outRoot, runs);
    const pipelineMs = median(all.map((r) => r.pipelineMs));
    const totalMs = median(all.map((r) => r.totalMs));
    results.push({
      name,
      files: all[0]!.files,
      entries: all[0]!.entries,
      papers: all[0]!.papers,
      readMs: Math.round(median(all.map((r) => r.readMs))),
      pipelineMs: Math.round(pipelineMs),
      writeMs: Math.round(median(all.map((r) => r.writeMs))),
      totalMs: Math.round(totalMs),
      papersPerSecond: Math.round(all[0]!.papers / (pipelineMs / 1000)),
      papersPerSecondEndToEnd: Math.round(all[0]!.papers / (totalMs / 1000)),
      peakRssMb: Math.round(median(all.map((r) => r.peakRssMb))),
      cli: await measureCli(dir, outRoot, runs),
      runs: all,
    });
  }
  return results;
}

// Child mode: `tsx scripts/bench/ingest-cases.ts --child DIR OUT`, spawned by `measure`.
const childAt = process.argv.indexOf('--child');
if (process.argv[1] && path.resolve(process.argv[1]) === fileURLToPath(import.meta.url) && childAt > 0) {
  await child(process.argv[childAt + 1]!, process.argv[childAt + 2]!);
}
