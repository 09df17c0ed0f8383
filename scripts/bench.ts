/**
 * `npm run bench`: ingest benchmarks. Each case is a folder of digests ingested end to end (list,
 * read, detect + parse + merge + ids, write `content/papers/`-style entries) in a fresh child
 * process, so its peak memory is its own; each case runs `--runs` times and the median is kept.
 * Prints a table and writes `bench/results.json` (gitignored) with the machine it ran on.
 *
 * Cases: the real corpus (../shared/corpus, or $PAPERSHELF_CORPUS) written as plain text and in a
 * rotation of every format, and a synthetic archive (`--synthetic N` papers, seeded, every format).
 *
 * `--build` adds the site build (scripts/bench/site-build.ts): the corpus in every format (or a seeded
 * random `--build-papers N` of its papers) ingested into a temporary folder, then the real
 * `npx astro build` of it, `--runs` times (default 1: one full build takes minutes).
 *
 * Usage: npm run bench -- [--runs 3] [--synthetic 20000] [--json] [--build [--build-papers N]]
 */
import { spawnSync } from 'node:child_process';
import { existsSync, readFileSync } from 'node:fs';
import { mkdir, mkdtemp, rm, writeFile } from 'node:fs/promises';
import os from 'node:os';
import path from 'node:path';
import { fileURLToPath } from 'node:url';
import { parseArgs } from 'node:util';
import { performance } from 'node:perf_hooks';
import { runPipeline } from '../src/ingest/pipeline.ts';
import { listDigestFiles, readDigestFiles, writePapers } from '../src/ingest/io.ts';
import { renderApi, renderMarkdown, renderPlaintext, renderTextBrowser, type CardRecord } from '../tests/support/render-digests.ts';
import { config } from '../src/config.ts';
import { ingestForBuild, runBuild, type BuildRun } from './bench/site-build.ts';

const repoRoot = path.resolve(path.dirname(fileURLToPath(import.meta.url)), '..');
const corpusDir = config().corpusDir;

/** What one run of a case measured (printed as JSON by the child process). */
interface RunResult {
  files: number;
  entries: number;
  papers: number;
  readMs: number;
  pipelineMs: number;
  writeMs: number;
  totalMs: number;
  peakRssMb: number;
}

/** Child mode: ingest one folder once and print what it measured. */
async function child(dir: string): Promise<void> {
  const out = await mkdtemp(path.join(os.tmpdir(), 'papershelf-bench-out-'));
  try {
    const t0 = performance.now();
    const inputs = await readDigestFiles(await listDigestFiles([dir]));
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
  } finally {
    await rm(out, { recursive: true, force: true });
  }
}

/** A small seeded generator (mulberry32): the same synthetic archive on every machine. */
function generator(seed: number): () => number {
  let a = seed;
  return () => {
    a = (a + 0x6d2b79f5) | 0;
    let t = Math.imul(a ^ (a >>> 15), 1 | a);
    t = (t + Math.imul(t ^ (t >>> 7), 61 | t)) ^ t;
    return ((t ^ (t >>> 14)) >>> 0) / 4294967296;
  };
}

const WORDS =
  'model language diffusion agent reasoning vision token attention sparse retrieval benchmark data training policy video audio graph scaling memory efficient multimodal alignment reward search robust'.split(
    ' ',
  );

/** `count` synthetic papers over digest days of 20, rendered in a rotation of every format. */
async function writeSynthetic(dir: string, count: number): Promise<void> {
  const random = generator(42);
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
  const start = Date.UTC(2024, 0, 1);
  for (let day = 0; day * perDay < count; day++) {
    const digest = new Date(start + day * 86_400_000).toISOString().slice(0, 10);
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
        published: new Date(start + (day - 1 - Math.floor(random() * 3)) * 86_400_000).toISOString().slice(0, 10),
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

interface CorpusLine {
  arxiv: string;
  title: string;
  abstract: string;
  authors: string[];
  author_count: number;
  org: { slug: string; name: string } | null;
  published: string;
  upvotes: number;
  digest_dates: string[];
  num_comments: number;
  github: string | null;
  keywords: string[] | null;
}

/** The corpus's papers, in file order. */
function readCorpus(): CorpusLine[] {
  return readFileSync(path.join(corpusDir, 'papers.jsonl'), 'utf8')
    .split('\n')
    .filter((line) => line.trim())
    .map((line) => JSON.parse(line) as CorpusLine);
}

/** `count` papers picked at random (seeded: the same subset on every machine), in corpus order. */
function sampleCorpus(papers: readonly CorpusLine[], count: number, seed = 7): CorpusLine[] {
  if (count >= papers.length) return [...papers];
  const random = generator(seed);
  const order = papers.map((_, i) => i);
  // Partial Fisher–Yates: the first `count` slots end up a uniform random subset.
  for (let i = 0; i < count; i++) {
    const j = i + Math.floor(random() * (order.length - i));
    [order[i], order[j]] = [order[j]!, order[i]!];
  }
  return order
    .slice(0, count)
    .sort((a, b) => a - b)
    .map((i) => papers[i]!);
}

/** The real corpus written as digests: all plain text, or a rotation of every format. */
async function writeCorpus(dir: string, mode: 'plaintext' | 'mixed', papers: readonly CorpusLine[] = readCorpus()): Promise<void> {
  const byDay = new Map<string, CardRecord[]>();
  for (const p of papers) {
    const card: CardRecord = {
      title: p.title,
      abstract: p.abstract,
      published: p.published,
      authors: p.authors,
      authorCount: p.author_count,
      org: p.org,
      upvotes: p.upvotes,
      comments: p.num_comments,
      arxiv: p.arxiv,
      github: p.github,
      project: null,
      keywords: p.keywords ?? [],
    };
    for (const day of p.digest_dates) byDay.set(day, [...(byDay.get(day) ?? []), card]);
  }
  await mkdir(dir, { recursive: true });
  const days = [...byDay].sort(([a], [b]) => (a < b ? -1 : 1));
  await Promise.all(
    days.map(([day, cards], i) => {
      const k = mode === 'plaintext' ? 0 : i % 4;
      const [name, text] =
        k === 0
          ? [`${day}.txt`, renderPlaintext(day, cards)]
          : k === 1
            ? [`${day}.md`, renderMarkdown(day, cards)]
            : k === 2
              ? [`${day}-browser.txt`, renderTextBrowser(day, cards)]
              : [`${day}.json`, renderApi(day, cards, 'list')];
      return writeFile(path.join(dir, name), text);
    }),
  );
}

/** Table helper: columns padded to their widest cell, the first left-aligned. */
function table(head: string[], rows: string[][]): string {
  const widths = head.map((h, i) => Math.max(h.length, ...rows.map((r) => r[i]!.length)));
  const line = (cells: string[]) => cells.map((c, i) => (i === 0 ? c.padEnd(widths[i]!) : c.padStart(widths[i]!))).join('  ');
  return [line(head), line(widths.map((w) => '-'.repeat(w))), ...rows.map(line)].join('\n') + '\n';
}

function median(values: number[]): number {
  const s = [...values].sort((a, b) => a - b);
  const m = s.length >> 1;
  return s.length % 2 ? s[m]! : (s[m - 1]! + s[m]!) / 2;
}

/** Runs a case `runs` times, each in a fresh process. */
function measure(dir: string, runs: number): RunResult[] {
  const script = fileURLToPath(import.meta.url);
  return Array.from({ length: runs }, () => {
    const r = spawnSync(process.execPath, ['--import', 'tsx', script, '--child', dir], {
      cwd: repoRoot,
      encoding: 'utf8',
      maxBuffer: 1 << 20,
    });
    if (r.status !== 0) throw new Error(`benchmark run failed (exit ${r.status}):\n${r.stderr}`);
    return JSON.parse(r.stdout.trim().split('\n').at(-1)!) as RunResult;
  });
}

/** Median of the values that were measured; `null` if none was. */
function medianOf(values: Array<number | null>): number | null {
  const known = values.filter((v): v is number => v !== null);
  return known.length ? median(known) : null;
}

/** The site-build case: corpus (or a seeded subset) in every format → ingest → `runs` × `astro build`. */
async function benchSiteBuild(work: string, count: number, runs: number) {
  const corpus = readCorpus();
  const chosen = sampleCorpus(corpus, count);
  const digests = path.join(work, 'build-digests');
  await writeCorpus(digests, 'mixed', chosen);
  const input = await ingestForBuild(repoRoot, digests, work);
  const all: BuildRun[] = [];
  for (let i = 0; i < runs; i++) {
    process.stderr.write(`bench: astro build ${i + 1}/${runs} of ${input.papers} papers…\n`);
    all.push(await runBuild(repoRoot, input.papersDir, work));
  }
  type Measure = { [K in keyof BuildRun]: BuildRun[K] extends number | null ? K : never }[keyof BuildRun];
  const ms = (key: Measure) => {
    const m = medianOf(all.map((r) => r[key]));
    return m === null ? null : Math.round(m);
  };
  return {
    name: `site build, ${chosen.length === corpus.length ? 'whole corpus' : `${chosen.length} of ${corpus.length} corpus papers (seeded)`}`,
    corpusPapers: chosen.length,
    papers: input.papers,
    entriesRejected: input.entriesRejected,
    ingestMs: Math.round(input.ingestMs),
    runsPerCase: runs,
    pagesBuilt: all[0]!.pagesBuilt,
    pagefindPages: all[0]!.pagefindPages,
    wallMs: ms('wallMs'),
    astroTotalMs: ms('astroTotalMs'),
    syncMs: ms('syncMs'),
    setupMs: ms('setupMs'),
    entrypointsMs: ms('entrypointsMs'),
    pagesMs: ms('pagesMs'),
    pagefindMs: ms('pagefindMs'),
    offlineMs: ms('offlineMs'),
    peakRssMb: ms('peakRssMb'),
    peakRssBy: all[0]!.peakRssBy,
    peakTreeRssMb: ms('peakTreeRssMb'),
    distBytes: all[0]!.distBytes,
    distFiles: all[0]!.distFiles,
    pagefindBytes: all[0]!.pagefindBytes,
    pagefindFiles: all[0]!.pagefindFiles,
    runs: all.map((r) => ({
      ...r,
      wallMs: Math.round(r.wallMs),
      peakRssMb: r.peakRssMb && Math.round(r.peakRssMb),
      peakTreeRssMb: r.peakTreeRssMb && Math.round(r.peakTreeRssMb),
    })),
  };
}

/** The site-build result as a table of its own (its columns are not the ingest cases'). */
function formatSiteBuild(b: Awaited<ReturnType<typeof benchSiteBuild>>): string {
  const s = (v: number | null) => (v === null ? '?' : (v / 1000).toFixed(1));
  const mb = (v: number) => (v / 2 ** 20).toFixed(1);
  const head = [
    'case',
    'papers',
    'pages',
    'wall s',
    'sync s',
    'render s',
    'pagefind s',
    'sw s',
    'peak MB',
    'tree MB',
    'dist MB',
    'dist files',
    'pagefind MB',
    'pf files',
  ];
  const row = [
    b.name,
    b.papers,
    b.pagesBuilt ?? '?',
    s(b.wallMs),
    s(b.syncMs),
    s(b.pagesMs),
    s(b.pagefindMs),
    s(b.offlineMs),
    b.peakRssMb ?? '?',
    b.peakTreeRssMb ?? '?',
    mb(b.distBytes),
    b.distFiles,
    mb(b.pagefindBytes),
    b.pagefindFiles,
  ].map(String);
  return (
    `Site build (ingest ${s(b.ingestMs)} s, then npx astro build); median of ${b.runsPerCase} run${b.runsPerCase === 1 ? '' : 's'}\n` +
    table(head, [row]) +
    'sync: content sync; render: page rendering; sw: service worker (Workbox)\n' +
    `peak MB: largest single process (${b.peakRssBy === 'gnu-time' ? 'GNU time %M' : "the build's own maxRSS"}); tree MB: summed RSS of the build's processes, sampled every 250 ms\n`
  );
}

async function main(): Promise<number> {
  const { values } = parseArgs({
    options: {
      runs: { type: 'string' },
      synthetic: { type: 'string', default: '20000' },
      json: { type: 'boolean', default: false },
      build: { type: 'boolean', default: false },
      'build-papers': { type: 'string' },
      child: { type: 'string' },
    },
  });
  if (values.child) {
    await child(values.child);
    return 0;
  }
  const runs = Math.max(1, Number(values.runs) || 3);
  // A full site build takes minutes: one run unless asked for more.
  const buildRuns = values.runs === undefined ? 1 : runs;
  const synthetic = Math.max(100, Number(values.synthetic) || 20000);
  // Asking for a subset is asking for the build.
  const build = values.build || values['build-papers'] !== undefined;
  const buildPapers = values['build-papers'] === undefined ? Infinity : Number(values['build-papers']);
  if (!(Number.isInteger(buildPapers) && buildPapers >= 1) && buildPapers !== Infinity) {
    process.stderr.write(`bench: --build-papers needs a whole number of papers, got ${JSON.stringify(values['build-papers'])}\n`);
    return 2;
  }
  if (build && !existsSync(path.join(corpusDir, 'papers.jsonl'))) {
    process.stderr.write(`bench: the site build case needs the corpus; none at ${corpusDir}\n`);
    return 2;
  }
  const work = await mkdtemp(path.join(os.tmpdir(), 'papershelf-bench-'));
  const cases: Array<{ name: string; dir: string }> = [];
  try {
    if (existsSync(path.join(corpusDir, 'papers.jsonl'))) {
      await writeCorpus(path.join(work, 'corpus-plaintext'), 'plaintext');
      await writeCorpus(path.join(work, 'corpus-mixed'), 'mixed');
      cases.push(
        { name: 'corpus, plain text', dir: path.join(work, 'corpus-plaintext') },
        { name: 'corpus, every format', dir: path.join(work, 'corpus-mixed') },
      );
    } else process.stderr.write(`bench: no corpus at ${corpusDir}; running the synthetic case only\n`);
    await writeSynthetic(path.join(work, 'synthetic'), synthetic);
    cases.push({ name: `synthetic, ${synthetic} papers`, dir: path.join(work, 'synthetic') });

    const results = cases.map(({ name, dir }) => {
      const all = measure(dir, runs);
      const pipelineMs = median(all.map((r) => r.pipelineMs));
      const totalMs = median(all.map((r) => r.totalMs));
      return {
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
        runs: all,
      };
    });
    const siteBuild = build ? await benchSiteBuild(work, buildPapers, buildRuns) : null;
    const cpus = os.cpus();
    const machine = {
      cpu: cpus[0]?.model.trim() ?? 'unknown',
      cores: cpus.length,
      memoryGb: Math.round(os.totalmem() / 2 ** 30),
      platform: `${os.platform()} ${os.release()} ${os.arch()}`,
      node: process.version,
    };
    const output = { date: new Date().toISOString(), machine, runsPerCase: runs, results, ...(siteBuild ? { build: siteBuild } : {}) };
    await mkdir(path.join(repoRoot, 'bench'), { recursive: true });
    await writeFile(path.join(repoRoot, 'bench/results.json'), JSON.stringify(output, null, 2) + '\n');

    if (values.json) process.stdout.write(JSON.stringify(output, null, 2) + '\n');
    else {
      const head = ['case', 'files', 'entries', 'papers', 'pipeline s', 'end-to-end s', 'papers/s', 'papers/s e2e', 'peak MB'];
      const rows = results.map((r) =>
        [
          r.name,
          r.files,
          r.entries,
          r.papers,
          (r.pipelineMs / 1000).toFixed(2),
          (r.totalMs / 1000).toFixed(2),
          r.papersPerSecond,
          r.papersPerSecondEndToEnd,
          r.peakRssMb,
        ].map(String),
      );
      process.stdout.write(
        `Ingest benchmark: ${machine.cpu}, ${machine.cores} cores, ${machine.memoryGb} GB, Node ${machine.node}; median of ${runs} runs\n` +
          table(head, rows) +
          (siteBuild ? '\n' + formatSiteBuild(siteBuild) : '') +
          '\nWrote bench/results.json\n',
      );
    }
    return 0;
  } finally {
    await rm(work, { recursive: true, force: true });
  }
}

main().then(
  (code) => (process.exitCode = code),
  (err: unknown) => {
    process.stderr.write(`bench: ${(err as Error).stack ?? String(err)}\n`);
    process.exitCode = 2;
  },
);
