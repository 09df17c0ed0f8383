/**
 * What a share of parallel ingest does (parallel.ts), in a worker thread or on the calling thread:
 * reads and parses the digest files it is given, and builds (topics, schema check, JSON text) and
 * writes the papers it is given. Only moves the CPU: every step is the pipeline's own pure
 * function (pipeline.ts), the one a single-threaded run calls.
 */
import { buildPaper, readFile } from './pipeline.ts';
import { IngestIoError, readDigestFile, serializePaper, writeEntryFiles } from './io.ts';
import { assignTopics, compileTopics, type CompiledTopics } from './topics.ts';
import { titleFacts, type TitleFacts } from './ids.ts';
import type { Topic } from '../schemas/topic.ts';
import type * as TopicModule from '../schemas/topic.ts';
import { TopicsFileError } from '../schemas/topic-error.ts';
import { requireOnce } from './require-once.ts';
import type { DigestFile } from './io.ts';
import type { BuiltPaper, FileRead, PaperJob, PaperSummary } from './pipeline.ts';
import type { NotRead } from './types.ts';

/** What the calling thread asks a worker. */
export type WorkerRequest =
  /** Parse a taxonomy file's text (`parseTopics`): asked of a worker while the calling thread merges. */
  | { kind: 'taxonomy'; text: string; file: string }
  | { kind: 'setup'; topics: readonly Topic[] | null; existing: string[] }
  | { kind: 'read'; jobs: Array<{ index: number; file: DigestFile }> }
  /** `summaries`: send back each written paper's `PaperSummary`, not the whole paper (it needs `dir`). */
  | { kind: 'build'; jobs: Array<{ index: number; job: PaperJob }>; dir: string | null; summaries: boolean };

/** A worker's answer to one request, in the order asked. */
export type WorkerReply =
  | { kind: 'taxonomy'; topics: Topic[] }
  | { kind: 'ready' }
  /** `facts`: the `titleFacts` of the file's entries, which the merge on the calling thread takes (`rememberTitleFacts`). */
  | { kind: 'read'; results: Array<{ index: number; read: FileRead; facts: TitleFacts } | { index: number; notRead: NotRead }> }
  | { kind: 'built'; results: Array<{ index: number; built: BuiltPaper<PaperSummary> }>; written: number; unchanged: number }
  /**
   * `io`: the message of an `IngestIoError`, `taxonomy` that of a `TopicsFileError` (either is
   * exit 2 for the CLI); both null for a bug.
   */
  | { kind: 'failed'; message: string; io: string | null; taxonomy: string | null };

/** The taxonomy's parser (zod and yaml), loaded the first time a taxonomy is parsed. */
const topicParser = requireOnce<typeof TopicModule>(import.meta.url, '../schemas/topic.ts');

/**
 * A handler of parallel.ts's requests, with its own state (the compiled taxonomy and the names
 * already in the output folder, from the `setup` request). Never throws: a failure is a `failed` reply.
 */
export function createHandler(): (request: WorkerRequest) => WorkerReply {
  let taxonomy: CompiledTopics | null = null;
  let existing: ReadonlySet<string> = new Set();
  const handle = (request: WorkerRequest): WorkerReply => {
    switch (request.kind) {
      case 'taxonomy':
        return { kind: 'taxonomy', topics: topicParser().parseTopics(request.text, request.file) };
      case 'setup':
        taxonomy = request.topics ? compileTopics(request.topics) : null;
        existing = new Set(request.existing);
        return { kind: 'ready' };
      case 'read':
        return {
          kind: 'read',
          results: request.jobs.map(({ index, file }) => {
            const input = readDigestFile(file);
            if (input.notRead) return { index, notRead: input.notRead };
            const read = readFile(input);
            return { index, read, facts: titleFacts(read.entries) };
          }),
        };
      case 'build': {
        const compiled = taxonomy;
        const assign = compiled ? (paper: Parameters<typeof assignTopics>[0]) => assignTopics(paper, compiled) : undefined;
        const results = request.jobs.map(({ index, job }) => ({ index, built: buildPaper(job, assign) }));
        const papers = results.flatMap(({ built }) => ('paper' in built ? [built.paper] : []));
        const counts = request.dir
          ? writeEntryFiles(
              request.dir,
              papers.map((p) => ({ id: p.id, bytes: serializePaper(p) })),
              existing,
            )
          : { written: 0, unchanged: 0 };
        // A summary is a few hundred bytes to copy to the calling thread, a whole paper ~3.5 kB.
        const sent = request.summaries && request.dir ? results.map(({ index, built }) => ({ index, built: summarised(built) })) : results;
        return { kind: 'built', results: sent, ...counts };
      }
    }
  };
  return (request) => {
    try {
      return handle(request);
    } catch (err) {
      return {
        kind: 'failed',
        message: err instanceof Error ? (err.stack ?? err.message) : String(err),
        io: err instanceof IngestIoError ? err.message : null,
        taxonomy: err instanceof TopicsFileError ? err.message : null,
      };
    }
  };
}

/** A built paper reduced to its `PaperSummary` (problems kept whole). */
function summarised(built: BuiltPaper): BuiltPaper<PaperSummary> {
  if (!('paper' in built)) return built;
  const { id, aliases, digests, conflicts } = built.paper;
  return { paper: { id, aliases, digests, conflicts } };
}
