/**
 * `npm run ingest [-- PATH…]`: digests → `content/papers/`, with a reconciliation report.
 * Thin by design: arguments, progress, printing and the exit code; the work is in src/ingest.
 *
 * Exit codes: 0 every entry accepted (warnings allowed), 1 some entries rejected or another
 * content error (a file not read, a lost permalink, a broken note; everything readable was still
 * written), 2 usage or I/O error. Which errors must stop a build is in the report (`--report`,
 * `buildBlockers`), not in the exit code.
 */
import { parseArgs } from 'node:util';
import { performance } from 'node:perf_hooks';
import path from 'node:path';
import pc from 'picocolors';
import { config, ConfigError, type Config } from '../src/config.ts';
import { assignTopics, compileTopics } from '../src/ingest/topics.ts';
import type { Topic } from '../src/schemas/topic.ts';
import { TopicsFileError } from '../src/schemas/topic-error.ts';
import { runPipeline, type IngestResult, type PaperSummary, type PipelineOptions } from '../src/ingest/pipeline.ts';
import type { Paper } from '../src/schemas/paper.ts';
import { defaultWorkers, runPipelineParallel, startPool, type ParallelRun } from '../src/ingest/parallel.ts';
import { parseLedger } from '../src/ingest/ledger.ts';
import { formatReport, hasErrors, type Painter } from '../src/ingest/report.ts';
import type { IngestReport } from '../src/ingest/types.ts';
import {
  ensureDir,
  existingEntries,
  IngestIoError,
  type DigestFile,
  listDigestFiles,
  readDigestFiles,
  readLedger,
  readNotes,
  readTopicsText,
  removeStaleEntries,
  writeArchive,
  writeLedger,
  writeEmptyDaysCopy,
  writePapers,
  writeReportFile,
} from '../src/ingest/io.ts';

const USAGE = `Usage: npm run ingest -- [PATH…] [options]

Reads digests (default: content/digests/, or $PAPERSHELF_DIGESTS; *.txt, *.md, *.json,
recursively) and writes one JSON entry per paper to content/papers/ (or $PAPERSHELF_PAPERS, or
--out). An empty-days.txt (the weekdays the API had no papers for, written by npm run fetch) is
not a digest: its days are not reported missing, and it is copied there for the site. Every other file found is listed in the report as not read, with the reason.

Options:
  --out DIR       write paper entries to DIR
  --archive FILE  also write the archive as JSON lines to FILE
  --ledger FILE   the permalink ledger to check and extend (default: content/permalinks.txt, or
                  $PAPERSHELF_LEDGER, when no PATH is given; none otherwise)
  --no-ledger     do not check or extend any ledger
  --notes DIR     check the notes (<paper-id>.mdx) in DIR (default: content/notes, or
                  $PAPERSHELF_NOTES, when no PATH is given; none otherwise)
  --report FILE   also write the report as JSON to FILE
  --topics FILE   the topic taxonomy (default: content/topics.yaml, or $PAPERSHELF_TOPICS)
  --json          print the report as JSON
  --quiet         print only problems
  --workers N     worker threads that read the digests and build the papers beside the main
                  one (default: one, for 24 digest files or more on two cores or more; 0: all
                  on one thread); the output is the same
  -h, --help      show this help

Exit codes: 0 all entries accepted, 1 some entries rejected or another error in the content
(a file not read, a lost permalink, a broken note), 2 usage or I/O error.
`;

const EXIT_OK = 0;
const EXIT_REJECTED = 1;
const EXIT_USAGE = 2;

function fail(message: string): number {
  process.stderr.write(`ingest: ${message}\nRun with --help for usage.\n`);
  return EXIT_USAGE;
}

/** What one run does, from the arguments and the settings. */
interface Options {
  inputs: string[];
  outDir: string;
  archive: string | undefined;
  report: string | undefined;
  /** The permalink ledger to check and extend, or null. */
  ledgerFile: string | null;
  /** The notes folder to check, or null. */
  notesFolder: string | null;
  taxonomyFile: string;
  /** Only an explicitly named taxonomy must exist; without the default one, papers get no topics. */
  taxonomyRequired: boolean;
  json: boolean;
  quiet: boolean;
  /** Worker threads (parallel.ts), or null for the default (`defaultWorkers`). */
  workers: number | null;
  base: string;
  ci: boolean;
  noColor: boolean;
}

/** The options of a run, or an exit code (`--help`, a usage error). The settings are read after the arguments. */
function parseCli(argv: string[], settings: () => Config): Options | { exit: number } {
  let args;
  try {
    args = parseArgs({
      args: argv,
      allowPositionals: true,
      strict: true,
      options: {
        out: { type: 'string' },
        archive: { type: 'string' },
        ledger: { type: 'string' },
        'no-ledger': { type: 'boolean', default: false },
        notes: { type: 'string' },
        report: { type: 'string' },
        topics: { type: 'string' },
        json: { type: 'boolean', default: false },
        quiet: { type: 'boolean', default: false },
        workers: { type: 'string' },
        help: { type: 'boolean', short: 'h', default: false },
      },
    });
  } catch (err) {
    return { exit: fail((err as Error).message) };
  }
  const { values, positionals } = args;
  if (values.help) {
    process.stdout.write(USAGE);
    return { exit: EXIT_OK };
  }
  if (values.out === '') return { exit: fail('--out needs a directory') };
  if (values.archive === '') return { exit: fail('--archive needs a file name') };
  if (values.ledger === '') return { exit: fail('--ledger needs a file name') };
  if (values.topics === '') return { exit: fail('--topics needs a file name') };
  if (values.notes === '') return { exit: fail('--notes needs a directory') };
  if (values.report === '') return { exit: fail('--report needs a file name') };
  const workers = values.workers === undefined ? null : Number(values.workers);
  if (workers !== null && !(Number.isInteger(workers) && workers >= 0 && workers <= 16))
    return { exit: fail(`--workers needs a whole number from 0 to 16, found ${JSON.stringify(values.workers)}`) };
  if (values.ledger && values['no-ledger']) return { exit: fail('--ledger and --no-ledger contradict each other') };
  const ownDigests = positionals.length === 0;
  const cfg = settings();
  return {
    inputs: ownDigests ? [cfg.digestsDir] : positionals,
    outDir: values.out ?? cfg.papersDir,
    archive: values.archive,
    report: values.report,
    // The committed ledger belongs to the archive's own digests; other inputs are checked only on request.
    ledgerFile: values['no-ledger'] ? null : (values.ledger ?? (ownDigests ? cfg.ledgerFile : null)),
    // Notes, like the ledger, belong to the archive's own digests.
    notesFolder: values.notes ?? (ownDigests ? cfg.notesDir : null),
    taxonomyFile: values.topics ?? cfg.topicsFile,
    taxonomyRequired: values.topics !== undefined,
    json: values.json,
    quiet: values.quiet,
    workers,
    base: cfg.base,
    ci: cfg.ci,
    noColor: cfg.noColor,
  };
}

/** A path as messages show it: relative to the working directory, the way the user can open it. */
const shown = (file: string): string => path.relative(process.cwd(), file) || file;

/**
 * Lists the digests (failing at once on an output path that cannot be written) and starts the
 * worker threads for them, if any, then reads the ledger and the taxonomy, and the digests
 * themselves when no worker will (and then parses the taxonomy: with workers, one of them does).
 */
async function loadInputs(opts: Options) {
  const files = await listDigestFiles(opts.inputs, { exclude: [opts.outDir] });
  // Started first: the workers load their modules while this thread does the rest.
  const workers = opts.workers ?? defaultWorkers(files.length);
  const pool = workers > 0 ? startPool(workers) : null;
  try {
    // Every output folder before the work: a path that cannot be written fails at once.
    await ensureDir(opts.outDir);
    for (const file of [opts.archive, opts.ledgerFile, opts.report]) if (file) await ensureDir(path.dirname(path.resolve(file)));
    const texts = pool ? null : readDigestFiles(files);
    const ledger = opts.ledgerFile ? { file: shown(opts.ledgerFile), ledger: parseLedger(await readLedger(opts.ledgerFile)) } : undefined;
    const taxonomyText = await readTopicsText(opts.taxonomyFile);
    if (taxonomyText === null && opts.taxonomyRequired) throw new IngestIoError(`cannot read ${opts.taxonomyFile}: no such file`);
    const taxonomy = taxonomyText === null ? null : { text: taxonomyText, file: opts.taxonomyFile };
    // With workers, one of them parses the taxonomy while this thread merges (runPipelineParallel):
    // its parser (zod and yaml, ~170 modules) and the parse were a fifth of the time before this
    // thread read its first digest. Alone, this thread parses it now, loading the parser only then.
    const topics: Topic[] | null =
      pool || taxonomy === null ? null : (await import('../src/schemas/topic.ts')).parseTopics(taxonomy.text, taxonomy.file);
    return { files, texts, ledger, topics, taxonomy, pool };
  } catch (err) {
    await pool?.close();
    throw err;
  }
}

/** Runs the pipeline (with a progress bar on an interactive terminal) and checks the notes. */
async function ingest(opts: Options, input: Awaited<ReturnType<typeof loadInputs>>) {
  const { files, texts, ledger, topics, taxonomy, pool } = input;
  const interactive = process.stderr.isTTY === true && !opts.ci && !opts.json && !opts.quiet;
  // Loaded only for a terminal: its modules are a share of the start-up a script or CI run never uses.
  const cliProgress = interactive ? (await import('cli-progress')).default : null;
  const bar = cliProgress
    ? new cliProgress.SingleBar(
        { format: 'ingest [{bar}] {value}/{total} files', clearOnComplete: true },
        cliProgress.Presets.shades_classic,
      )
    : null;
  bar?.start(files.filter((f) => !f.notRead && !f.emptyDays).length, 0);
  let result: IngestResult<PaperSummary>;
  // Every paper whole, for what still writes them: writePapers (one thread) or the archive.
  let whole: Paper[] | null = null;
  // With workers, they write each paper's entry as they build it; the stale ones are removed after (writeOutputs).
  let written: { written: number; unchanged: number; existing: ReadonlySet<string> } | null = null;
  try {
    if (pool) {
      const existing = await existingEntries(opts.outDir);
      const options = {
        onFile: (done: number) => bar?.update(done),
        ledger,
        topics: null,
        ...(taxonomy ? { taxonomy } : {}),
        out: { dir: opts.outDir, existing },
      };
      // Without an archive, the report, the ledger and the notes need only each paper's summary.
      let run: ParallelRun<PaperSummary>;
      if (opts.archive) {
        const full = await runPipelineParallel(pool, files, options);
        whole = full.result.papers;
        run = full;
      } else run = await runPipelineParallel(pool, files, { ...options, summaries: true });
      result = run.result;
      written = { ...run.written!, existing };
    } else {
      const run = runSingleThreaded(texts!, topics, ledger, (done) => bar?.update(done));
      whole = run.papers;
      result = run;
    }
  } finally {
    bar?.stop();
    await pool?.close();
  }
  if (opts.notesFolder !== null) {
    // Loaded only when there are notes to check: the checker needs yaml and MDX.
    const { checkNotes } = await import('../src/ingest/notes.ts');
    const notes = await readNotes(opts.notesFolder);
    result.report.notes = { dir: shown(opts.notesFolder), checked: notes.length, problems: await checkNotes(notes, result.papers) };
  }
  return { ...result, whole, written };
}

/** The pipeline on this thread alone (`--workers 0`, or a few files). */
function runSingleThreaded(
  texts: Parameters<typeof runPipeline>[0],
  topics: readonly Topic[] | null,
  ledger: PipelineOptions['ledger'],
  onFile: (done: number) => void,
): IngestResult {
  const taxonomy = topics ? compileTopics(topics) : null;
  return runPipeline(texts, { onFile, ledger, assignTopics: taxonomy ? (paper) => assignTopics(paper, taxonomy) : undefined });
}

/** Writes the papers, the archive, the ledger and the JSON report; what was written. */
async function writeOutputs(opts: Options, { papers, whole, report, ledgerText, written: already }: Awaited<ReturnType<typeof ingest>>) {
  const wholePapers = (): Paper[] => {
    if (whole === null) throw new Error('the papers were not kept whole');
    return whole;
  };
  const written = already
    ? {
        written: already.written,
        unchanged: already.unchanged,
        ...(await removeStaleEntries(
          opts.outDir,
          already.existing,
          papers.map((p) => p.id),
        )),
      }
    : await writePapers(opts.outDir, wholePapers());
  await writeEmptyDaysCopy(opts.outDir, report.emptyDays.days);
  if (opts.archive) await writeArchive(opts.archive, wholePapers(), opts.base);
  const ledgerChanged = opts.ledgerFile && ledgerText !== null ? await writeLedger(opts.ledgerFile, ledgerText) : false;
  if (opts.report) await writeReportFile(opts.report, report);
  return { written, ledgerChanged };
}

/** Prints the report: JSON, or text with what was written where. */
function printReport(
  opts: Options,
  report: IngestReport,
  files: readonly DigestFile[],
  outputs: Awaited<ReturnType<typeof writeOutputs>>,
  started: number,
): void {
  if (opts.json) {
    process.stdout.write(JSON.stringify(report, null, 2) + '\n');
    return;
  }
  // Messages show files the way the user can open them: relative to the working directory.
  const byFile = new Map(files.map((f) => [f.file, shown(f.path)]));
  const display = (file: string): string => byFile.get(file) ?? file;
  const paint: Painter = pc.createColors(process.stdout.isTTY === true && !opts.noColor);
  const seconds = ((performance.now() - started) / 1000).toFixed(2);
  const { written, ledgerChanged } = outputs;
  const footer = [
    `  ${opts.outDir}: ${written.written} written, ${written.unchanged} unchanged, ${written.removed.length} removed (${seconds} s)`,
    ...(opts.archive ? [`  archive: ${opts.archive}`] : []),
    ...(ledgerChanged ? [`  ${opts.ledgerFile}: ${report.permalinks.added.length} new permalinks recorded (commit this file)`] : []),
    ...written.foreign.map((n) => paint.yellow(`  left ${path.join(opts.outDir, n)} alone: not a paper entry`)),
    ...(report.filesRead === 0 ? [paint.yellow(`  no digest files read in ${opts.inputs.join(', ')}`)] : []),
  ];
  const text = formatReport(report, { paint, quiet: opts.quiet, display, footer });
  (opts.quiet ? process.stderr : process.stdout).write(text);
}

async function main(argv: string[]): Promise<number> {
  try {
    const opts = parseCli(argv, config);
    if ('exit' in opts) return opts.exit;
    const started = performance.now();
    const input = await loadInputs(opts);
    const result = await ingest(opts, input);
    const outputs = await writeOutputs(opts, result);
    printReport(opts, result.report, input.files, outputs, started);
    return hasErrors(result.report) ? EXIT_REJECTED : EXIT_OK;
  } catch (err) {
    if (err instanceof IngestIoError || err instanceof TopicsFileError || err instanceof ConfigError) return fail(err.message);
    // A bug, not bad input; exit 2 rather than Node's 1, which would read as "entries rejected".
    process.stderr.write(`ingest: internal error: ${(err as Error).stack ?? String(err)}\n`);
    return EXIT_USAGE;
  }
}

process.exitCode = await main(process.argv.slice(2));
