/**
 * `npm run bench:ingest`: ingest benchmarks in every format. Each case is a folder of digests ingested end to end (list,
 * read, detect + parse + merge + ids, write `content/papers/`-style entries) in a fresh child
 * process, so its peak memory is its own; each case runs `--runs` times and the median is kept.
 * Prints a table and writes `bench/ingest-results.json` (gitignored) with the machine it ran on.
 *
 * Cases: the real corpus (../shared/corpus, or $PAPERSHELF_CORPUS) written as plain text and in a
 * rotation of every format, and a synthetic archive (`--synthetic N` papers, seeded, every format);
 * `--cases plaintext,mixed,synthetic` picks some (`--cases plaintext`: issue 9's 1.5 s case alone).
 * Each case is then run as users run it, `npm run ingest` start-up included (wall and CPU, with the
 * machine's load).
 *
 * `--build` adds the site build (scripts/bench/site-build.ts): the corpus in every format (or a seeded
 * random `--build-papers N` of its papers) ingested into a temporary folder, then the real
 * `npx astro build` of it, `--runs` times (default 1: one full build takes minutes).
 *
 * Usage: npm run bench:ingest -- [--runs 3] [--cases plaintext,mixed,synthetic] [--synthetic 20000] [--json] [--build [--build-papers N]]
 */
import { existsSync } from 'node:fs';
import { mkdir, mkdtemp, rm, writeFile } from 'node:fs/promises';
import os from 'node:os';
import path from 'node:path';
import { parseArgs } from 'node:util';
import { config } from '../../src/config.ts';
import { repoRoot } from '../../tests/support/repo.ts';
import { runIngestCases, writeCorpus, writeSynthetic, type IngestCaseResult } from './ingest-cases.ts';
import { benchSiteBuild, formatSiteBuild } from './site-build.ts';
import { table } from './table.ts';

const corpusDir = config().corpusDir;

/** The options of a run, or an exit code for a usage error. */
interface BenchOptions {
  runs: number;
  /** Site builds: one run unless `--runs` was given (a full build takes minutes). */
  buildRuns: number;
  synthetic: number;
  /** The ingest cases to run (`plaintext`, `mixed`, `synthetic`). */
  cases: ReadonlySet<string>;
  json: boolean;
  /** Papers of the site-build case (`Infinity`: the whole corpus), or null without `--build`. */
  buildPapers: number | null;
}

function parseBenchArgs(argv: string[]): BenchOptions | { exit: number } {
  const { values } = parseArgs({
    args: argv,
    options: {
      runs: { type: 'string' },
      synthetic: { type: 'string', default: '20000' },
      cases: { type: 'string', default: CASES.join(',') },
      json: { type: 'boolean', default: false },
      build: { type: 'boolean', default: false },
      'build-papers': { type: 'string' },
    },
  });
  const runs = Math.max(1, Number(values.runs) || 3);
  const cases = new Set(values.cases.split(',').filter(Boolean));
  const unknown = [...cases].filter((c) => !CASES.includes(c));
  if (unknown.length || cases.size === 0) {
    process.stderr.write(`bench: --cases takes ${CASES.join(', ')}; got ${JSON.stringify(values.cases)}\n`);
    return { exit: 2 };
  }
  // Asking for a subset is asking for the build.
  const build = values.build || values['build-papers'] !== undefined;
  const buildPapers = values['build-papers'] === undefined ? Infinity : Number(values['build-papers']);
  if (!(Number.isInteger(buildPapers) && buildPapers >= 1) && buildPapers !== Infinity) {
    process.stderr.write(`bench: --build-papers needs a whole number of papers, got ${JSON.stringify(values['build-papers'])}\n`);
    return { exit: 2 };
  }
  if (build && !existsSync(path.join(corpusDir, 'papers.jsonl'))) {
    process.stderr.write(`bench: the site build case needs the corpus; none at ${corpusDir}\n`);
    return { exit: 2 };
  }
  return {
    runs,
    buildRuns: values.runs === undefined ? 1 : runs,
    synthetic: Math.max(100, Number(values.synthetic) || 20000),
    cases,
    json: values.json,
    buildPapers: build ? buildPapers : null,
  };
}

/** The ingest cases `--cases` can name. */
const CASES = ['plaintext', 'mixed', 'synthetic'];

/** The chosen ingest cases' digest folders, written into `work`: the corpus (when there) and the synthetic archive. */
async function writeCases(work: string, options: BenchOptions): Promise<Array<{ name: string; dir: string }>> {
  const cases: Array<{ name: string; dir: string }> = [];
  const chosen = options.cases;
  if (existsSync(path.join(corpusDir, 'papers.jsonl'))) {
    for (const [mode, name] of [
      ['plaintext', 'corpus, plain text'],
      ['mixed', 'corpus, every format'],
    ] as const) {
      if (!chosen.has(mode)) continue;
      await writeCorpus(path.join(work, `corpus-${mode}`), mode);
      cases.push({ name, dir: path.join(work, `corpus-${mode}`) });
    }
  } else if (chosen.has('plaintext') || chosen.has('mixed')) process.stderr.write(`bench: no corpus at ${corpusDir}; no corpus case\n`);
  if (chosen.has('synthetic')) {
    await writeSynthetic(path.join(work, 'synthetic'), options.synthetic);
    cases.push({ name: `synthetic, ${options.synthetic} papers`, dir: path.join(work, 'synthetic') });
  }
  return cases;
}

/** The machine the numbers were measured on (results from different machines are not comparable). */
function machineInfo() {
  const cpus = os.cpus();
  return {
    cpu: cpus[0]?.model.trim() ?? 'unknown',
    cores: cpus.length,
    memoryGb: Math.round(os.totalmem() / 2 ** 30),
    platform: `${os.platform()} ${os.release()} ${os.arch()}`,
    node: process.version,
  };
}

/** The ingest cases as a table, then the site build's. */
function formatResults(
  machine: ReturnType<typeof machineInfo>,
  runs: number,
  results: readonly IngestCaseResult[],
  siteBuild: Awaited<ReturnType<typeof benchSiteBuild>> | null,
): string {
  const head = ['case', 'files', 'entries', 'papers', 'pipeline s', 'end-to-end s', 'papers/s', 'papers/s e2e', 'peak MB', 'npm run ingest s', 'CPU s', 'load'];
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
      (r.cli.wallMs / 1000).toFixed(2),
      (r.cli.cpuMs / 1000).toFixed(2),
      `${Math.min(...r.cli.load).toFixed(1)}–${Math.max(...r.cli.load).toFixed(1)}`,
    ].map(String),
  );
  return (
    `Ingest benchmark: ${machine.cpu}, ${machine.cores} cores, ${machine.memoryGb} GB, Node ${machine.node}; median of ${runs} runs\n` +
    table(head, rows) +
    '(npm run ingest: the command as users run it, start-up included, into a new folder; CPU = user + system of npm and node; load = 1-minute load average)\n' +
    (siteBuild ? '\n' + formatSiteBuild(siteBuild) : '') +
    '\nWrote bench/ingest-results.json\n'
  );
}

async function main(argv: string[]): Promise<number> {
  const options = parseBenchArgs(argv);
  if ('exit' in options) return options.exit;
  const work = await mkdtemp(path.join(os.tmpdir(), 'papershelf-bench-'));
  try {
    const results = await runIngestCases(await writeCases(work, options), options.runs, path.join(work, 'outputs'));
    const siteBuild = options.buildPapers === null ? null : await benchSiteBuild(work, options.buildPapers, options.buildRuns);
    const machine = machineInfo();
    const output = {
      date: new Date().toISOString(),
      machine,
      runsPerCase: options.runs,
      results,
      ...(siteBuild ? { build: siteBuild } : {}),
    };
    await mkdir(path.join(repoRoot, 'bench'), { recursive: true });
    await writeFile(path.join(repoRoot, 'bench/ingest-results.json'), JSON.stringify(output, null, 2) + '\n');
    process.stdout.write(options.json ? JSON.stringify(output, null, 2) + '\n' : formatResults(machine, options.runs, results, siteBuild));
    return 0;
  } finally {
    await rm(work, { recursive: true, force: true });
  }
}

main(process.argv.slice(2)).then(
  (code) => (process.exitCode = code),
  (err: unknown) => {
    process.stderr.write(`bench: ${(err as Error).stack ?? String(err)}\n`);
    process.exitCode = 2;
  },
);
