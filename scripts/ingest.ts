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
import cliProgress from 'cli-progress';
import { config, ConfigError } from '../src/config.ts';
import { assignTopics, compileTopics } from '../src/ingest/topics.ts';
import { parseTopics, TopicsFileError } from '../src/schemas/topic.ts';
import { runPipeline } from '../src/ingest/pipeline.ts';
import { parseLedger } from '../src/ingest/ledger.ts';
import { formatReport, hasErrors, type Painter } from '../src/ingest/report.ts';
import { checkNotes } from '../src/ingest/notes.ts';
import {
  ensureDir,
  IngestIoError,
  listDigestFiles,
  readDigestFiles,
  readLedger,
  readNotes,
  readTopicsText,
  writeArchive,
  writeLedger,
  writePapers,
  writeReportFile,
} from '../src/ingest/io.ts';

const USAGE = `Usage: npm run ingest -- [PATH…] [options]

Reads digests (default: content/digests/, or $PAPERSHELF_DIGESTS; *.txt, *.md, *.json,
recursively) and writes one JSON entry per paper to content/papers/ (or $PAPERSHELF_PAPERS, or
--out). Every other file found is listed in the report as not read, with the reason.

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

async function main(argv: string[]): Promise<number> {
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
        help: { type: 'boolean', short: 'h', default: false },
      },
    });
  } catch (err) {
    return fail((err as Error).message);
  }
  const { values, positionals } = args;
  if (values.help) {
    process.stdout.write(USAGE);
    return EXIT_OK;
  }
  if (values.out === '') return fail('--out needs a directory');
  if (values.archive === '') return fail('--archive needs a file name');
  if (values.ledger === '') return fail('--ledger needs a file name');
  if (values.topics === '') return fail('--topics needs a file name');
  if (values.notes === '') return fail('--notes needs a directory');
  if (values.report === '') return fail('--report needs a file name');
  if (values.ledger && values['no-ledger']) return fail('--ledger and --no-ledger contradict each other');

  let cfg;
  try {
    cfg = config();
  } catch (err) {
    if (err instanceof ConfigError) return fail(err.message);
    throw err;
  }
  const started = performance.now();
  const inputs = positionals.length > 0 ? positionals : [cfg.digestsDir];
  const outDir = values.out ?? cfg.papersDir;
  // The committed ledger belongs to the archive's own digests; other inputs are checked only on request.
  const ledgerFile = values['no-ledger'] ? null : (values.ledger ?? (positionals.length === 0 ? cfg.ledgerFile : null));
  // Notes, like the ledger, belong to the archive's own digests.
  const notesFolder = values.notes ?? (positionals.length === 0 ? cfg.notesDir : null);
  const interactive = process.stderr.isTTY === true && !cfg.ci && !values.json && !values.quiet;
  const bar = interactive
    ? new cliProgress.SingleBar(
        { format: 'ingest [{bar}] {value}/{total} files', clearOnComplete: true },
        cliProgress.Presets.shades_classic,
      )
    : null;

  try {
    const files = await listDigestFiles(inputs, { exclude: [outDir] });
    // Every output folder before the work: a path that cannot be written fails at once.
    await ensureDir(outDir);
    for (const file of [values.archive, ledgerFile, values.report]) if (file) await ensureDir(path.dirname(path.resolve(file)));
    const texts = await readDigestFiles(files);
    // Messages name the ledger the way the user can open it, like the digests.
    const ledger = ledgerFile
      ? { file: path.relative(process.cwd(), ledgerFile) || ledgerFile, ledger: parseLedger(await readLedger(ledgerFile)) }
      : undefined;
    const taxonomyFile = values.topics ?? cfg.topicsFile;
    const taxonomyText = await readTopicsText(taxonomyFile);
    // Only an explicitly named taxonomy must exist; without the default one, papers get no topics.
    if (taxonomyText === null && values.topics) return fail(`cannot read ${taxonomyFile}: no such file`);
    const taxonomy = taxonomyText === null ? null : compileTopics(parseTopics(taxonomyText, taxonomyFile));
    bar?.start(texts.length, 0);
    const { papers, report, ledgerText } = runPipeline(texts, {
      onFile: (done) => bar?.update(done),
      ledger,
      assignTopics: taxonomy ? (paper) => assignTopics(paper, taxonomy) : undefined,
    });
    bar?.stop();
    if (notesFolder !== null) {
      const notes = await readNotes(notesFolder);
      report.notes = {
        dir: path.relative(process.cwd(), notesFolder) || notesFolder,
        checked: notes.length,
        problems: await checkNotes(notes, papers),
      };
    }
    const written = await writePapers(outDir, papers);
    if (values.archive) await writeArchive(values.archive, papers, cfg.base);
    const ledgerChanged = ledgerFile && ledgerText !== null ? await writeLedger(ledgerFile, ledgerText) : false;
    if (values.report) await writeReportFile(values.report, report);

    // Messages show files the way the user can open them: relative to the working directory.
    const byFile = new Map(files.map((f) => [f.file, path.relative(process.cwd(), f.path) || f.path]));
    const display = (file: string): string => byFile.get(file) ?? file;
    if (values.json) {
      process.stdout.write(JSON.stringify(report, null, 2) + '\n');
    } else {
      const useColor = process.stdout.isTTY === true && !cfg.noColor;
      const paint: Painter = pc.createColors(useColor);
      const seconds = ((performance.now() - started) / 1000).toFixed(2);
      const footer = [
        `  ${outDir}: ${written.written} written, ${written.unchanged} unchanged, ${written.removed.length} removed (${seconds} s)`,
        ...(values.archive ? [`  archive: ${values.archive}`] : []),
        ...(ledgerChanged ? [`  ${ledgerFile}: ${report.permalinks.added.length} new permalinks recorded (commit this file)`] : []),
        ...written.foreign.map((n) => paint.yellow(`  left ${path.join(outDir, n)} alone: not a paper entry`)),
        ...(report.filesRead === 0 ? [paint.yellow(`  no digest files read in ${inputs.join(', ')}`)] : []),
      ];
      const text = formatReport(report, { paint, quiet: values.quiet, display, footer });
      (values.quiet ? process.stderr : process.stdout).write(text);
    }
    return hasErrors(report) ? EXIT_REJECTED : EXIT_OK;
  } catch (err) {
    bar?.stop();
    if (err instanceof IngestIoError || err instanceof TopicsFileError) return fail(err.message);
    // A bug, not bad input; exit 2 rather than Node's 1, which would read as "entries rejected".
    process.stderr.write(`ingest: internal error: ${(err as Error).stack ?? String(err)}\n`);
    return EXIT_USAGE;
  }
}

process.exitCode = await main(process.argv.slice(2));
