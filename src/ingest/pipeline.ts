/**
 * The ingest pipeline as one pure function: digest texts in, papers and a report out. Reading
 * and writing files is `write.ts`'s job; the CLI glues the two.
 *
 * detect format → parse → normalise → merge → ids → validate (paperSchema) → report
 */
import { paperSchema, type Paper } from '../schemas/paper.ts';
import type { DigestFormat, ParsedFile, Problem } from './types.ts';
import { detectFormat, FORMATS, type FormatReader } from './formats/index.ts';
import { digestFromFileName } from './dates.ts';
import { normalizeEntry, type NormalizedEntry } from './normalize.ts';
import { mergeEntries, type MergedPaper } from './merge.ts';
import { assignIds } from './ids.ts';
import { assertReconciles, quote, sortProblems, type FileSummary, type IngestReport } from './report.ts';

/** One digest file: its path relative to the input root, and its text. */
export interface DigestInput {
  file: string;
  text: string;
}

/** Papers (sorted by id) ready to write, and the report. */
export interface IngestResult {
  papers: Paper[];
  report: IngestReport;
}

export interface PipelineOptions {
  /** Readers to try (tests pass their own); defaults to the registry. */
  formats?: readonly FormatReader[];
  /** Called after each file is parsed (for a progress bar). */
  onFile?: (done: number, total: number) => void;
}

/** What reading one file gave; `format` is null when no reader recognised the text. */
export type ReadResult = Omit<ParsedFile, 'format'> & { format: DigestFormat | null };

/** Reads one file with the first format that recognises it; never throws. */
export function parseDigest(input: DigestInput, formats: readonly FormatReader[] = FORMATS): ReadResult {
  const reader = detectFormat(input.text, input.file, formats);
  const empty = { digest: null, entries: [], entriesRead: 0 };
  if (!reader) {
    const firstLine = input.text.replace(/^\uFEFF/, '').trim().split(/\r?\n/)[0] ?? '';
    const message =
      input.text.trim() === ''
        ? 'expected a digest, found an empty file'
        : `expected a digest (plain text, markdown, text-browser or api JSON), found ${quote(firstLine)}`;
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

/** Turns a merged paper into the schema's shape (key order = schema order) or explains why not. */
function toPaper(paper: MergedPaper, id: string, aliases: string[]): { paper: Paper } | { problems: Problem[] } {
  const candidate = {
    id,
    aliases,
    title: paper.title,
    abstract: paper.abstract,
    published: paper.published,
    authors: paper.authors,
    authorCount: paper.authorCount,
    org: paper.org,
    upvotes: paper.upvotes,
    comments: paper.comments,
    arxiv: paper.arxiv,
    github: paper.github,
    project: paper.project,
    links: paper.links,
    keywords: paper.keywords,
    digests: paper.digests,
    appearances: paper.appearances,
    topics: [],
  };
  const parsed = paperSchema.safeParse(candidate);
  if (parsed.success) return { paper: parsed.data };
  const issues = parsed.error.issues.map((issue) => {
    const path = issue.path.join('.');
    const found = path ? quote(String(issue.path.reduce<unknown>((o, k) => (o as Record<PropertyKey, unknown>)?.[k as PropertyKey], candidate))) : '';
    return `${path || 'paper'}: ${issue.message}${found ? `, found ${found}` : ''}`;
  });
  return {
    problems: paper.entries.map((e: NormalizedEntry) => ({
      file: e.file,
      line: e.line,
      severity: 'error' as const,
      message: `expected a valid paper, found ${issues.join('; ')}`,
    })),
  };
}

/** An error about one entry (a line of its own) is a rejected entry; line 0 means the whole file. */
const isRejection = (p: Problem): boolean => p.severity === 'error' && p.line > 0;

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

/** Runs the whole ingest on digest texts. The same inputs in any order give the same result. */
export function runPipeline(inputs: readonly DigestInput[], options: PipelineOptions = {}): IngestResult {
  const sorted = [...inputs].sort((a, b) => (a.file < b.file ? -1 : a.file > b.file ? 1 : 0));
  const problems: Problem[] = [];
  const files: FileSummary[] = [];
  const entries: NormalizedEntry[] = [];
  let entriesRead = 0;
  sorted.forEach((input, i) => {
    const parsed = parseDigest(input, options.formats);
    checkReaderCounts(input.file, parsed);
    problems.push(...parsed.problems);
    entriesRead += parsed.entriesRead;
    entries.push(...parsed.entries.map(normalizeEntry));
    files.push({
      file: input.file,
      format: parsed.format,
      digest: parsed.digest,
      entriesRead: parsed.entriesRead,
      entriesAccepted: parsed.entries.length,
    });
    options.onFile?.(i + 1, sorted.length);
  });

  const merged = mergeEntries(entries);
  const { ids, aliases, collisions } = assignIds(merged);
  const papers: Paper[] = [];
  let accepted = 0;
  merged.forEach((m, i) => {
    const result = toPaper(m, ids[i]!, aliases[i]!);
    if ('paper' in result) {
      papers.push(result.paper);
      accepted += m.entries.length;
    } else problems.push(...result.problems);
  });
  papers.sort((a, b) => (a.id < b.id ? -1 : a.id > b.id ? 1 : 0));

  const report: IngestReport = {
    filesRead: sorted.length,
    entriesRead,
    papersWritten: papers.length,
    duplicatesMerged: accepted - papers.length,
    entriesRejected: problems.filter(isRejection).length,
    problems: sortProblems(problems),
    slugCollisions: collisions,
    files,
  };
  assertReconciles(report);
  return { papers, report };
}
