/**
 * The ingest pipeline as one pure function: digest texts in, papers and a report out. Reading
 * and writing files is `io.ts`'s job; the CLI glues the two.
 *
 * detect format → parse → normalise → merge → ids → validate (paperSchema) → report
 */
import { requireOnce } from './require-once.ts';
import type { paperSchema, Paper, TopicMatch } from '../schemas/paper.ts';
import type {
  DigestInput,
  FileSummary,
  FormatReader,
  IngestReport,
  NotReadFile,
  PermalinkReport,
  Problem,
  RawEntry,
  ReadResult,
  SlugCollision,
} from './types.ts';
import { detectFormat, FORMATS, formatList } from './formats/index.ts';
import { isRejection } from './formats/read-log.ts';
import { digestFromFileName, implausibleDate } from './dates.ts';
import { normalizeEntry, type NormalizedEntry } from './normalize.ts';
import { capturesOf, mergeGroup, paperGroups, titleDisagreements, unmatchedCounts, type MergedPaper, type PaperCaptures } from './merge.ts';
import { missingWeekdays } from '../core/coverage.ts';
import { parseEmptyDays } from '../core/empty-days.ts';
import { allChainUrls, assignIds } from './ids.ts';
import { missingMessage, nextLedger, type Ledger } from './ledger.ts';
import { assertReconciles, sortProblems } from './report.ts';
import { quote } from './messages.ts';
import { compareStrings } from '../core/compare.ts';
import { stripControlCharacters, stripEntryControls } from './sanitize.ts';
import { paperEntry } from './paper-entry.ts';

/** The `empty-days.txt` files: their days (sorted, unique) and each line that is not a day, as an error. */
function readEmptyDays(files: readonly DigestInput[]): IngestReport['emptyDays'] {
  const days = new Set<string>();
  const problems: Problem[] = [];
  for (const f of files) {
    const parsed = parseEmptyDays(f.text);
    for (const d of parsed.days) days.add(d);
    for (const bad of parsed.invalid)
      problems.push({ file: f.file, line: bad.line, severity: 'error', message: `expected a date YYYY-MM-DD, found ${quote(bad.found)}` });
  }
  return { files: files.map((f) => f.file), days: [...days].sort(), problems };
}

/**
 * What the report, the ledger and the notes check read of a paper (`finishPipeline`): what a
 * worker thread sends back of each paper it wrote when the caller needs no more (parallel.ts).
 */
export type PaperSummary = Pick<Paper, 'id' | 'aliases' | 'digests' | 'conflicts'>;

/** Papers (sorted by id) ready to write, and the report; `P` is `PaperSummary` when only those were kept (parallel.ts). */
export interface IngestResult<P extends PaperSummary = Paper> {
  papers: P[];
  report: IngestReport;
  /** The ledger's next text (old ids plus every id now published), when a ledger was given. */
  ledgerText: string | null;
}

export interface PipelineOptions {
  /** Readers to try (tests pass their own); defaults to the registry. */
  formats?: readonly FormatReader[];
  /** Called after each file is parsed (for a progress bar). */
  onFile?: (done: number, total: number) => void;
  /** The permalink ledger to honour (`content/permalinks.txt`, parsed) and its name for messages. */
  ledger?: { file: string; ledger: Ledger };
  /** Topic assignment (src/ingest/topics.ts), when the caller has a taxonomy; none by default. */
  assignTopics?: (paper: { title: string; abstract: string; keywords: string[] }) => TopicMatch[];
}

/** Reads one file with the first format that recognises it; never throws. */
function parseDigest(input: DigestInput, formats: readonly FormatReader[] = FORMATS): ReadResult {
  const reader = detectFormat(input.text, input.file, formats);
  const empty = { digest: null, entries: [], entriesRead: 0 };
  if (!reader) {
    const firstLine =
      input.text
        .replace(/^\uFEFF/, '')
        .trim()
        .split(/\r?\n/)[0] ?? '';
    const message =
      input.text.trim() === ''
        ? 'expected a digest, found an empty file'
        : `expected one of the digest formats Papershelf reads (${formatList(formats)}), found ${quote(firstLine)}`;
    return { ...empty, format: null, problems: [{ file: input.file, line: 0, severity: 'error', message }] };
  }
  try {
    return reader.parse(input.text, { file: input.file, digestFromName: digestFromFileName(input.file) });
  } catch (cause) {
    // A reader bug must not stop the other files; it is reported as an unreadable file.
    const message = `expected a readable ${reader.name} digest, found an input the reader failed on (${String(cause)})`;
    return { ...empty, format: reader.name, problems: [{ file: input.file, line: 0, severity: 'error', message }] };
  }
}

/**
 * What turning one paper into a `Paper` needs: its captures (its cards and the counts lines that
 * join it, `paperGroups`), merged by whichever thread builds it (merging is per paper, so it need
 * not wait on the calling thread between the parallel stages, parallel.ts), its URL and old URLs.
 * Plain data, so a worker thread can take it.
 */
export interface PaperJob {
  cards: NormalizedEntry[];
  counts: NormalizedEntry[];
  id: string;
  aliases: string[];
}

/** A merged paper's fields for the schema, and where its captures were (for messages). */
function mergedFields({ cards, counts }: PaperJob): {
  fields: Omit<MergedPaper, 'seenWithoutId' | 'entries'>;
  sources: Array<{ file: string; line: number }>;
} {
  const { seenWithoutId: _seen, entries, ...fields } = mergeGroup(cards, counts);
  return { fields, sources: entries.map((e) => ({ file: e.file, line: e.line })) };
}

/** A paper built from its job: the valid `Paper`, or the problems (one per capture) saying why not. */
export type BuiltPaper<P extends PaperSummary = Paper> = { paper: P } | { problems: Problem[] };

/** Builds one paper: its topics assigned, then checked against the schema (`toPaper`). */
export function buildPaper(job: PaperJob, assign: PipelineOptions['assignTopics']): BuiltPaper {
  const { fields, sources } = mergedFields(job);
  const { title, abstract, keywords } = fields;
  return toPaper({ fields, id: job.id, aliases: job.aliases, sources }, assign?.({ title, abstract, keywords }) ?? []);
}

/**
 * The paper schema (zod), loaded the first time an entry needs it: typed code vouches for nearly
 * every entry (paper-entry.ts). The same module the site's content config imports.
 */
const paperSchemaModule = requireOnce<{ paperSchema: typeof paperSchema }>(import.meta.url, '../schemas/paper.ts');

/** Turns a merged paper into the schema's shape (key order = schema order) or explains why not. */
function toPaper(
  { fields, id, aliases, sources }: ReturnType<typeof mergedFields> & Pick<PaperJob, 'id' | 'aliases'>,
  topics: TopicMatch[],
): BuiltPaper {
  const candidate = { id, aliases, ...fields, topics };
  // Schema fields only, in schema order, so the written JSON is byte-stable: built by typed code
  // when every value is one the schema takes as it is (paper-entry.ts), else the schema's parse.
  const entry = paperEntry(candidate);
  if (entry) return { paper: entry };
  const parsed = paperSchemaModule().paperSchema.safeParse(candidate);
  if (parsed.success) return { paper: parsed.data };
  const issues = parsed.error.issues.map((issue) => {
    const path = issue.path.join('.');
    const found = path
      ? quote(String(issue.path.reduce<unknown>((o, k) => (o as Record<PropertyKey, unknown>)?.[k as PropertyKey], candidate)))
      : '';
    return `${path || 'paper'}: ${issue.message}${found ? `, found ${found}` : ''}`;
  });
  return {
    problems: sources.map((e) => ({
      file: e.file,
      line: e.line,
      severity: 'error' as const,
      message: `expected a valid paper, found ${issues.join('; ')}`,
    })),
  };
}

/**
 * Refuses cards whose digest day or publication date is not plausible (`implausibleDate`): a day
 * like `0026-01-08` or `9999-12-30` would otherwise reach the site's date arithmetic and charts.
 */
function plausiblyDated(entries: readonly RawEntry[]): { kept: RawEntry[]; refused: Problem[] } {
  const kept: RawEntry[] = [];
  const refused: Problem[] = [];
  for (const e of entries) {
    const why = implausibleDate(e.digest, e.published);
    if (why === null) kept.push(e);
    else refused.push({ file: e.file, line: e.line, severity: 'error', message: why });
  }
  return { kept, refused };
}

/**
 * A reader must report one error per rejected card: entries read = accepted + rejected. A reader
 * that breaks this is a bug, and the report could not reconcile, so it fails loudly.
 */
function checkReaderCounts(file: string, parsed: ReadResult): void {
  const rejected = parsed.problems.filter(isRejection).length;
  if (parsed.entriesRead !== parsed.entries.length + rejected) {
    throw new Error(
      `${parsed.format ?? 'unknown'} reader miscounted ${file}: ${parsed.entriesRead} entries read, ` +
        `${parsed.entries.length} accepted, ${rejected} rejected`,
    );
  }
}

/**
 * One warning per file for cards that showed no publication date (trending cards never do): they
 * are kept, dated by their digest day until a dated capture of the same paper says otherwise.
 */
function undatedWarning(file: string, entries: readonly NormalizedEntry[]): Problem[] {
  const undated = entries.filter((e) => e.publishedFromDigest);
  if (undated.length === 0) return [];
  const lines = undated.map((e) => e.line);
  const shown = lines.length > 8 ? `${lines.slice(0, 8).join(', ')}, …` : lines.join(', ');
  return [
    {
      file,
      line: lines[0]!,
      severity: 'warning',
      message:
        `expected a publication date on every card, found none on ${undated.length} card${undated.length === 1 ? '' : 's'} (line${lines.length === 1 ? '' : 's'} ${shown}); ` +
        `using the digest day ${undated[0]!.digest} until a dated capture of the same paper gives the real one`,
    },
  ];
}

/**
 * A file a reader recognised that holds no card at all (an API day saved as `[]`): a warning,
 * so an empty day is never mistaken for a digest that was read.
 */
function emptyWarning(file: string, parsed: ReadResult): Problem[] {
  if (parsed.format === null || parsed.entriesRead > 0 || parsed.problems.some((p) => p.severity === 'error')) return [];
  const found = parsed.format === 'api' ? 'an empty list' : 'no paper card';
  return [
    {
      file,
      line: 0,
      severity: 'warning',
      message: `expected at least one paper, found ${found} (an empty day adds nothing to the archive)`,
    },
  ];
}

/**
 * Papers whose id another paper already holds (as its id or an alias). Ids cannot collide by
 * construction (arXiv URL ids have a dot, slugs none, and a slug is only ever one paper's id), so
 * this is a last guard: a collision would make one paper's file overwrite another's. The paper
 * first in input order keeps the URL; every capture of the other is refused, naming both sources.
 */
export function idCollisions(
  merged: readonly PaperCaptures[],
  ids: readonly string[],
  aliases: readonly string[][],
): { rejected: Set<number>; problems: Problem[] } {
  const holder = new Map<string, number>();
  const rejected = new Set<number>();
  const problems: Problem[] = [];
  const where = (i: number) => `${merged[i]!.entries[0]!.file}:${merged[i]!.entries[0]!.line}`;
  ids.forEach((id, i) => {
    const other = holder.get(id);
    if (other === undefined) {
      holder.set(id, i);
      return;
    }
    rejected.add(i);
    for (const e of merged[i]!.entries) {
      problems.push({
        file: e.file,
        line: e.line,
        severity: 'error',
        message: `expected a permalink of its own, found ${quote(id)}, already the URL of the paper from ${where(other)}`,
      });
    }
  });
  aliases.forEach((list, i) => {
    for (const url of list) {
      const owner = holder.get(url);
      if (owner === undefined || owner === i || rejected.has(owner) || rejected.has(i)) continue;
      rejected.add(i);
      for (const e of merged[i]!.entries) {
        problems.push({
          file: e.file,
          line: e.line,
          severity: 'error',
          message: `expected an old URL of its own, found ${quote(url)}, the URL of the paper from ${where(owner)}`,
        });
      }
    }
  });
  return { rejected, problems };
}

/** URLs held by two or more papers (each becomes a page linking them). */
function sharedUrls(ids: readonly string[], aliases: readonly string[][]): SlugCollision[] {
  const holders = new Map<string, string[]>();
  aliases.forEach((list, i) => {
    for (const url of list) holders.set(url, [...(holders.get(url) ?? []), ids[i]!]);
  });
  return [...holders]
    .filter(([, h]) => h.length > 1)
    .map(([slug, h]) => ({ slug, ids: [...h].sort() }))
    .sort((a, b) => compareStrings(a.slug, b.slug));
}

/**
 * Checks the ledger: a ledger id the current digests no longer publish is resolved through the
 * papers' full title chains when it can be (and kept as an alias), else reported as missing.
 */
function honourLedger(
  option: NonNullable<PipelineOptions['ledger']>,
  merged: readonly PaperCaptures[],
  ids: readonly string[],
  aliases: string[][],
): PermalinkReport {
  const published = new Set([...ids, ...aliases.flat()]);
  const report: PermalinkReport = {
    ledger: option.file,
    known: option.ledger.ids.length,
    added: [],
    recovered: [],
    missing: [...option.ledger.invalid],
  };
  let chains: Map<string, number[]> | null = null;
  for (const { id, line } of option.ledger.ids) {
    if (published.has(id)) continue;
    chains ??= allChainUrls(merged);
    const holders = chains.get(id) ?? [];
    if (holders.length === 0) {
      report.missing.push({ line, message: missingMessage(id) });
      continue;
    }
    for (const i of holders) if (ids[i] !== id) aliases[i] = [...new Set([...aliases[i]!, id])].sort();
    published.add(id);
    report.recovered.push(id);
  }
  const known = new Set(option.ledger.ids.map((l) => l.id));
  report.added = [...published].filter((id) => !known.has(id)).sort();
  return report;
}

/** One file read: its normalised entries, its problems and its line in the report. */
export interface FileRead {
  entries: NormalizedEntry[];
  problems: Problem[];
  summary: FileSummary;
}

/**
 * Reads one file: control characters out (before any reader, so every format is rid of them),
 * the first format that recognises it, the entry count checked, implausible dates refused, the
 * entries normalised.
 */
export function readFile(input: DigestInput, formats?: PipelineOptions['formats']): FileRead {
  const stripped = stripControlCharacters(input.text, input.file);
  const read = parseDigest({ file: input.file, text: stripped.text }, formats);
  checkReaderCounts(input.file, read);
  const escaped = stripEntryControls(read.entries, input.file);
  const parsed = { ...read, entries: escaped.entries };
  const { kept, refused } = plausiblyDated(parsed.entries);
  // A counts line says when it was captured itself; a card has its file's capture time.
  const entries = kept.map((e) =>
    normalizeEntry({ ...e, ...(parsed.format ? { format: parsed.format } : {}), capturedAt: e.capturedAt ?? parsed.capturedAt ?? null }),
  );
  return {
    entries,
    problems: [
      ...stripped.problems,
      ...parsed.problems,
      ...escaped.problems,
      ...refused,
      ...(parsed.format === 'counts' ? [] : undatedWarning(input.file, entries)),
      ...emptyWarning(input.file, parsed),
    ],
    summary: {
      file: input.file,
      format: parsed.format,
      digest: parsed.digest,
      entriesRead: parsed.entriesRead,
      entriesAccepted: kept.length,
    },
  };
}

/** The inputs a run reads as digests (sorted by file), the empty-days files' days, and the files not read. */
export function partitionInputs(inputs: readonly DigestInput[]): {
  digests: DigestInput[];
  emptyDays: IngestReport['emptyDays'];
  notRead: NotReadFile[];
} {
  const byFile = (a: { file: string }, b: { file: string }) => compareStrings(a.file, b.file);
  return {
    digests: inputs.filter((input) => !input.notRead && !input.emptyDays).sort(byFile),
    emptyDays: readEmptyDays(inputs.filter((input) => !input.notRead && input.emptyDays).sort(byFile)),
    notRead: inputs.flatMap((input) => (input.notRead ? [{ file: input.file, ...input.notRead }] : [])).sort(byFile),
  };
}

/**
 * What the files read add up to before the papers are built: each paper's captures (merged when it
 * is built, `buildPaper`), their URLs, and the problems so far.
 */
export interface PaperPlan {
  captures: Array<PaperCaptures & { cards: NormalizedEntry[]; counts: NormalizedEntry[] }>;
  ids: string[];
  aliases: string[][];
  permalinks: PermalinkReport;
  /** Indexes (into `captures`) of papers refused for an id collision. */
  rejected: ReadonlySet<number>;
  problems: Problem[];
}

/** Groups the captures of each paper and gives each its URL, honouring the ledger. */
export function planPapers(reads: readonly FileRead[], ledger: PipelineOptions['ledger']): PaperPlan {
  const all = reads.flatMap((r) => r.entries);
  const entries = all.filter((e) => e.format !== 'counts');
  const counts = all.filter((e) => e.format === 'counts');
  const problems = [...reads.flatMap((r) => r.problems), ...titleDisagreements(entries)];

  const captures = paperGroups(entries, counts).map(({ cards, counts }) => ({ ...capturesOf(cards, counts), counts }));
  problems.push(...unmatchedCounts(captures, counts));
  const { ids, aliases } = assignIds(captures);
  const permalinks: PermalinkReport = ledger
    ? honourLedger(ledger, captures, ids, aliases)
    : { ledger: null, known: 0, added: [], recovered: [], missing: [] };
  const collisions = idCollisions(captures, ids, aliases);
  problems.push(...collisions.problems);
  return { captures, ids, aliases, permalinks, rejected: collisions.rejected, problems };
}

/** The jobs of the papers to build, in `captures` order, with their index there (papers refused for an id collision left out). */
export function paperJobs(plan: PaperPlan): Array<{ index: number; job: PaperJob }> {
  const jobs: Array<{ index: number; job: PaperJob }> = [];
  plan.captures.forEach(({ cards, counts }, i) => {
    if (!plan.rejected.has(i)) jobs.push({ index: i, job: { cards, counts, id: plan.ids[i]!, aliases: plan.aliases[i]! } });
  });
  return jobs;
}

/**
 * The result from the files read, the plan and each job's built paper (`built[k]` for
 * `paperJobs(plan)[k]`): papers sorted by id, the report checked to reconcile, the ledger's text.
 */
export function finishPipeline<P extends PaperSummary>(
  parts: ReturnType<typeof partitionInputs>,
  reads: readonly FileRead[],
  plan: PaperPlan,
  jobs: ReadonlyArray<{ index: number }>,
  built: ReadonlyArray<BuiltPaper<P>>,
  ledger: PipelineOptions['ledger'],
): IngestResult<P> {
  const { emptyDays, notRead } = parts;
  const { captures, ids, aliases, permalinks } = plan;
  const problems = [...plan.problems];
  const papers: P[] = [];
  let accepted = 0;
  built.forEach((result, k) => {
    if ('paper' in result) {
      papers.push(result.paper);
      accepted += captures[jobs[k]!.index]!.entries.length;
    } else problems.push(...result.problems);
  });
  papers.sort((a, b) => compareStrings(a.id, b.id));

  const report: IngestReport = {
    filesRead: reads.length,
    filesNotRead: notRead.length,
    entriesRead: reads.reduce((n, r) => n + r.summary.entriesRead, 0),
    papersWritten: papers.length,
    duplicatesMerged: accepted - papers.length,
    entriesRejected: problems.filter(isRejection).length,
    problems: sortProblems(problems),
    slugCollisions: sharedUrls(ids, aliases),
    permalinks,
    files: reads.map((r) => r.summary),
    notRead,
    notes: { dir: null, checked: 0, problems: [] },
    missingWeekdays: missingWeekdays(
      papers.flatMap((p) => p.digests),
      new Set(emptyDays.days),
    ),
    emptyDays,
    conflicts: papers.reduce((n, p) => n + p.conflicts.length, 0),
  };
  assertReconciles(report);
  const ledgerText = ledger
    ? nextLedger(
        ledger.ledger,
        papers.flatMap((p) => [p.id, ...p.aliases]),
      )
    : null;
  return { papers, report, ledgerText };
}

/**
 * Runs the whole ingest on digest texts: read every file, merge the captures of each paper,
 * give each its URL (honouring the ledger), validate, and report. The same inputs in any order
 * give the same result. parallel.ts runs the same stages with the files and papers spread over
 * worker threads.
 */
export function runPipeline(inputs: readonly DigestInput[], options: PipelineOptions = {}): IngestResult {
  const parts = partitionInputs(inputs);
  const reads = parts.digests.map((input, i) => {
    const read = readFile(input, options.formats);
    options.onFile?.(i + 1, parts.digests.length);
    return read;
  });
  const plan = planPapers(reads, options.ledger);
  const jobs = paperJobs(plan);
  const built = jobs.map(({ job }) => buildPaper(job, options.assignTopics));
  return finishPipeline(parts, reads, plan, jobs, built, options.ledger);
}
