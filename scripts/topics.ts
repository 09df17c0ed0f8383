/**
 * `npm run topics -- suggest`: frequent phrases among papers that no topic matches, to grow
 * `content/topics.yaml`. Thin by design: arguments, reading files and printing; the matching is
 * src/ingest/topics.ts and the counting src/ingest/phrases.ts.
 *
 * Exit codes: 0 done, 2 usage or I/O error (an invalid taxonomy or input file included).
 */
import { readdir, readFile } from 'node:fs/promises';
import path from 'node:path';
import { parseArgs } from 'node:util';
import { pathToFileURL } from 'node:url';
import { z } from 'astro/zod';
import { config, type Config } from '../src/config.ts';
import { countPhrases } from '../src/ingest/phrases.ts';
import { assignTopics, compileTopics, type TopicInput } from '../src/ingest/topics.ts';
import { parseTopics, TopicsFileError } from '../src/schemas/topic.ts';

const USAGE = `Usage: npm run topics -- suggest [options]

Lists frequent 2–3 word phrases (by number of papers) among the papers that no topic in the
taxonomy matches: candidates for new topics or new phrases.

Options:
  --top N         how many phrases to list (default 40)
  --input FILE    read papers from a JSON-lines file (one {"title", "abstract", "keywords"} per
                  line) instead of the ingested entries in content/papers/ ($PAPERSHELF_PAPERS)
  --topics FILE   the taxonomy to check (default content/topics.yaml, or $PAPERSHELF_TOPICS)
  -h, --help      show this help

Exit codes: 0 done, 2 usage or I/O error.
`;

const EXIT_OK = 0;
const EXIT_USAGE = 2;

/** Thrown for anything that should end the run with exit code 2 and a one-line message. */
class UsageError extends Error {}

// The fields suggestion needs; the corpus JSONL writes `keywords: null` where the API had none.
const paperText = z.object({
  title: z.string().min(1),
  abstract: z.string(),
  keywords: z
    .array(z.string())
    .nullish()
    .transform((k) => k ?? []),
});

function toPaper(value: unknown, where: string): TopicInput {
  const result = paperText.safeParse(value);
  if (!result.success) {
    throw new UsageError(`${where}: expected a paper object with a "title" and an "abstract" (strings)`);
  }
  return result.data;
}

function parseJson(text: string, where: string): unknown {
  try {
    return JSON.parse(text);
  } catch (err) {
    throw new UsageError(`${where}: expected JSON (${(err as Error).message})`);
  }
}

async function readText(file: string): Promise<string> {
  try {
    return await readFile(file, 'utf8');
  } catch (err) {
    throw new UsageError(`cannot read ${file}: ${(err as NodeJS.ErrnoException).code ?? (err as Error).message}`);
  }
}

async function readJsonl(file: string): Promise<TopicInput[]> {
  const lines = (await readText(file)).split('\n');
  const papers: TopicInput[] = [];
  lines.forEach((line, i) => {
    if (line.trim()) papers.push(toPaper(parseJson(line, `${file}:${i + 1}`), `${file}:${i + 1}`));
  });
  return papers;
}

async function readPaperEntries(dir: string): Promise<TopicInput[]> {
  let names: string[];
  try {
    names = (await readdir(dir)).filter((n) => n.endsWith('.json')).sort();
  } catch {
    throw new UsageError(`cannot read ${dir}: run \`npm run ingest\` first, or pass --input FILE.jsonl`);
  }
  const papers: TopicInput[] = [];
  for (const name of names) {
    const file = path.join(dir, name);
    papers.push(toPaper(parseJson(await readText(file), file), file));
  }
  return papers;
}

/** Where output goes: the process streams, or a test's buffers. */
export interface Io {
  out: (text: string) => void;
  err: (text: string) => void;
}

const processIo: Io = {
  out: (text) => process.stdout.write(text),
  err: (text) => process.stderr.write(text),
};

async function suggest(options: { top: number; input?: string; topics: string; papersDir: string }, io: Io): Promise<void> {
  let compiled;
  try {
    compiled = compileTopics(parseTopics(await readText(options.topics), options.topics));
  } catch (err) {
    if (err instanceof TopicsFileError) throw new UsageError(err.message);
    throw err;
  }
  const papers = options.input ? await readJsonl(options.input) : await readPaperEntries(options.papersDir);
  const unmatched = papers.filter((p) => assignTopics(p, compiled).length === 0);
  const share = papers.length ? ((100 * unmatched.length) / papers.length).toFixed(1) : '0.0';
  io.out(`${papers.length} papers read; ${unmatched.length} (${share}%) match no topic.\n`);
  if (unmatched.length === 0) return;

  const phrases = countPhrases(unmatched.map((p) => `${p.title}.\n${p.abstract}`)).slice(0, options.top);
  if (phrases.length === 0) {
    io.out('No phrase occurs in two or more of them.\n');
    return;
  }
  io.out('Frequent phrases among them (papers, phrase):\n');
  for (const { phrase, docs } of phrases) io.out(`${String(docs).padStart(6)}  ${phrase}\n`);
}

/** Runs the CLI on `argv` (without `node script`) with the settings `cfg` and returns the exit code. */
export async function main(argv: string[], io: Io = processIo, cfg: Pick<Config, 'papersDir' | 'topicsFile'> = config()): Promise<number> {
  try {
    const { values, positionals } = parseArgs({
      args: argv,
      allowPositionals: true,
      strict: true,
      options: {
        top: { type: 'string', default: '40' },
        input: { type: 'string' },
        topics: { type: 'string', default: cfg.topicsFile },
        help: { type: 'boolean', short: 'h', default: false },
      },
    });
    if (values.help) {
      io.out(USAGE);
      return EXIT_OK;
    }
    const [command, ...extra] = positionals;
    if (command !== 'suggest') {
      throw new UsageError(command ? `unknown command "${command}", expected "suggest"` : 'expected a command: suggest');
    }
    if (extra.length > 0) throw new UsageError(`unexpected argument "${extra[0]}"`);
    const top = Number(values.top);
    if (!/^\d+$/.test(values.top) || top < 1) throw new UsageError(`--top expects a positive whole number, got "${values.top}"`);
    if (values.input === '') throw new UsageError('--input needs a file name');
    await suggest({ top, input: values.input, topics: values.topics, papersDir: cfg.papersDir }, io);
    return EXIT_OK;
  } catch (err) {
    // parseArgs reports unknown options and missing values with a TypeError carrying a code.
    const isUsage = err instanceof UsageError || (err as { code?: string }).code?.startsWith('ERR_PARSE_ARGS');
    if (!isUsage) throw err;
    io.err(`topics: ${(err as Error).message}\nRun with --help for usage.\n`);
    return EXIT_USAGE;
  }
}

// Run only when executed (`tsx scripts/topics.ts`), not when a test imports `main`.
if (process.argv[1] && import.meta.url === pathToFileURL(path.resolve(process.argv[1])).href) {
  process.exitCode = await main(process.argv.slice(2));
}
