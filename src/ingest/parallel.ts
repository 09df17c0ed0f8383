/**
 * The ingest pipeline (pipeline.ts) with its two costly stages spread over worker threads
 * (ingest-worker.ts): reading and parsing the digest files, and building the papers (topics,
 * schema check, JSON text) and writing their files. Merging and ids stay on the calling thread,
 * between the two. Work is handed out in chunks to whichever worker is free, but every result is
 * put back at its index, so the output never depends on timing: the same papers and report as
 * `runPipeline`, byte for byte (tests/cli and parallel.test.ts check it).
 */
import module from 'node:module';
import os from 'node:os';
import { Worker } from 'node:worker_threads';
import type { Topic } from '../schemas/topic.ts';
import type { Paper } from '../schemas/paper.ts';
import type { DigestInput, NotRead } from './types.ts';
import type { DigestFile } from './io.ts';
import { IngestIoError, readDigestFiles } from './io.ts';
import { TopicsFileError } from '../schemas/topic-error.ts';
import {
  finishPipeline,
  paperJobs,
  partitionInputs,
  planPapers,
  type BuiltPaper,
  type FileRead,
  type IngestResult,
  type PaperSummary,
  type PipelineOptions,
} from './pipeline.ts';
import { compareStrings } from '../core/compare.ts';
import { rememberTitleFacts } from './ids.ts';
import { createHandler, type WorkerReply, type WorkerRequest } from './ingest-jobs.ts';

// Chunks small enough that a worker slowed by the shared machine leaves the rest to the other, and
// that the thread done first waits little for the other's last chunk at the end of each stage;
// large enough that messages stay few (580 corpus files: 73 chunks; 9,877 papers: 40).
const FILES_PER_CHUNK = 8;
const PAPERS_PER_CHUNK = 250;
const YOUNG_GENERATION_MB = 192;

/** Worker threads for `runPipelineParallel`, and the calling thread beside them; `close` ends them. */
export interface IngestPool {
  /** Threads sharing the work: the workers and the calling thread. */
  readonly size: number;
  /**
   * Sends `requests` to whichever thread is free; `onReply(reply, i)` for each answer. Resolves
   * with how many requests each thread took (workers first, the calling thread last); rejects on a
   * worker's failure.
   */
  spread(requests: readonly WorkerRequest[], onReply: (reply: WorkerReply, i: number) => void): Promise<number[]>;
  /** Sends `request` to one worker (the calling thread when there is none) and waits for its answer. */
  ask(request: WorkerRequest): Promise<WorkerReply>;
  /** Sends `request` to every worker and waits for all. */
  broadcast(request: WorkerRequest): Promise<void>;
  close(): Promise<void>;
}

/**
 * How many worker threads an ingest of `files` digest files is worth: one, beside the calling
 * thread (which takes a share of the work too), on a machine with two cores or more and for a few
 * dozen files or more; none otherwise. A worker costs CPU of its own (its start-up, loading the
 * pipeline's modules; the entries and papers copied between threads), which a few files do not
 * repay. Not judged by the load average: the same command should run the same way on a busy
 * machine as on a quiet one (README, "Ingest alone"). The output is the same either way.
 */
export function defaultWorkers(files: number, cores = os.availableParallelism()): number {
  return files >= 24 && cores >= 2 ? 1 : 0;
}

/**
 * Starts `workers` worker threads, which load the pipeline's modules while the caller does other
 * work; the calling thread takes a share of the work beside them.
 */
export function startPool(workers: number): IngestPool {
  const workerData = { compileCacheDir: module.getCompileCacheDir?.() };
  const local = createHandler();
  const threads = Array.from({ length: workers }, () => {
    // A young generation as large as the CLI's (`--max-semi-space-size` in package.json): the
    // parsed entries and built papers mostly live until the end, and copying them between small
    // semi-spaces was a tenth of the CPU.
    const worker = new Worker(new URL('./ingest-worker.ts', import.meta.url), {
      workerData,
      resourceLimits: { maxYoungGenerationSizeMb: YOUNG_GENERATION_MB },
    });
    const waiting: Array<{ resolve: (r: WorkerReply) => void; reject: (e: Error) => void }> = [];
    const failAll = (err: Error) => {
      for (const w of waiting.splice(0)) w.reject(err);
    };
    worker.on('message', (reply: WorkerReply) => waiting.shift()?.resolve(reply));
    worker.on('error', failAll);
    worker.on('exit', (code) => failAll(new Error(`an ingest worker stopped (exit ${code}) before answering`)));
    const ask = (request: WorkerRequest) =>
      new Promise<WorkerReply>((resolve, reject) => {
        waiting.push({ resolve, reject });
        worker.postMessage(request);
      }).then(checked);
    return { worker, ask };
  });
  // The calling thread answers synchronously, after yielding to the event loop so the workers'
  // replies are taken (and they are handed their next chunk) between its own chunks.
  const here = {
    worker: null,
    ask: async (request: WorkerRequest) => {
      await new Promise((resolve) => setImmediate(resolve));
      return checked(local(request));
    },
  };
  const all = [...threads, here];
  return {
    size: all.length,
    async spread(requests, onReply) {
      let next = 0;
      return Promise.all(
        all.map(async ({ ask }) => {
          let taken = 0;
          while (next < requests.length) {
            const i = next++;
            taken++;
            onReply(await ask(requests[i]!), i);
          }
          return taken;
        }),
      );
    },
    ask: (request) => all[0]!.ask(request),
    async broadcast(request) {
      await Promise.all(all.map(({ ask }) => ask(request)));
    },
    async close() {
      await Promise.all(threads.map(({ worker }) => worker.terminate()));
    },
  };
}

/** A worker's reply, or its failure thrown here: an I/O error as `IngestIoError`, a bug as an `Error` with the worker's stack. */
function checked(reply: WorkerReply): WorkerReply {
  if (reply.kind !== 'failed') return reply;
  if (reply.taxonomy !== null) throw new TopicsFileError(reply.taxonomy);
  throw reply.io !== null ? new IngestIoError(reply.io) : new Error(`ingest worker: ${reply.message}`);
}

function chunks<T>(items: readonly T[], size: number): T[][] {
  const out: T[][] = [];
  for (let i = 0; i < items.length; i += size) out.push(items.slice(i, i + size));
  return out;
}

/** Options of `runPipelineParallel`: the pipeline's, with the taxonomy as data (a worker compiles its own). */
export interface ParallelOptions extends Pick<PipelineOptions, 'ledger' | 'onFile'> {
  /** The parsed taxonomy (`parseTopics`), or null for no topics. */
  topics: readonly Topic[] | null;
  /**
   * A taxonomy file's text to parse instead of `topics`: a worker parses it while this thread
   * merges (stage 2), when it would otherwise wait; its `TopicsFileError`, if any, is thrown here
   * before any paper is built.
   */
  taxonomy?: { text: string; file: string };
  /** Where the workers write the papers' entries as they build them (`writeEntryFiles`), and what that folder already holds. */
  out?: { dir: string; existing: ReadonlySet<string> };
  /**
   * Keep only each paper's `PaperSummary` (`result.papers`) when `out` is given: a worker then sends
   * back a few hundred bytes per paper it wrote instead of the whole paper (~3.5 kB), which both
   * threads spent CPU copying; enough for the report, the ledger and the notes check.
   */
  summaries?: boolean;
  /** Files and papers per chunk handed out (tests make them small, so every thread gets some). */
  chunks?: { files: number; papers: number };
}

/** What `runPipelineParallel` did: the pipeline's result, and what was written. */
export interface ParallelRun<P extends PaperSummary> {
  result: IngestResult<P>;
  written: { written: number; unchanged: number } | null;
  /** Chunks each thread took (workers first, the calling thread last): files read, then papers built. */
  taken: { files: number[]; papers: number[] };
}

/**
 * `runPipeline` over the files `listDigestFiles` found, with the workers of `pool` reading and
 * parsing the files and building (and, with `out`, writing) the papers. The same result as
 * `runPipeline` of the same files; `written` counts the files written and left unchanged when
 * `out` was given.
 */
export async function runPipelineParallel(
  pool: IngestPool,
  files: readonly DigestFile[],
  options: ParallelOptions & { summaries: true; out: NonNullable<ParallelOptions['out']> },
): Promise<ParallelRun<PaperSummary>>;
export async function runPipelineParallel(
  pool: IngestPool,
  files: readonly DigestFile[],
  options: ParallelOptions & { summaries?: false },
): Promise<ParallelRun<Paper>>;
export async function runPipelineParallel(
  pool: IngestPool,
  files: readonly DigestFile[],
  options: ParallelOptions,
): Promise<ParallelRun<PaperSummary>> {
  const digests = files.filter((f) => !f.notRead && !f.emptyDays).sort((a, b) => compareStrings(a.file, b.file));
  const others: DigestInput[] = readDigestFiles(files.filter((f) => f.notRead || f.emptyDays));

  // Stage 1: read and parse every digest file; results kept by the file's place in the sorted list.
  const outcomes: Array<{ read: FileRead } | { notRead: NotRead }> = new Array(digests.length);
  let done = 0;
  const reading = chunks(
    digests.map((file, index) => ({ index, file })),
    options.chunks?.files ?? FILES_PER_CHUNK,
  ).map((jobs): WorkerRequest => ({ kind: 'read', jobs }));
  const filesTaken = await pool.spread(reading, (reply) => {
    if (reply.kind !== 'read') return;
    for (const r of reply.results) {
      outcomes[r.index] = r;
      if ('read' in r) rememberTitleFacts(r.read.entries, r.facts);
    }
    done += reply.results.length;
    options.onFile?.(done, digests.length);
  });
  const reads: FileRead[] = [];
  outcomes.forEach((o, i) => {
    if ('read' in o) reads.push(o.read);
    else others.push({ file: digests[i]!.file, text: '', notRead: o.notRead });
  });
  const parts = partitionInputs(others);

  // Stage 2, on this thread: merge, ids, the ledger; meanwhile a worker parses the taxonomy.
  const parsing = options.taxonomy ? pool.ask({ kind: 'taxonomy', ...options.taxonomy }) : null;
  // Handled here so a failure is not reported as unhandled while this thread merges; awaited below.
  parsing?.catch(() => undefined);
  const plan = planPapers(reads, options.ledger);
  const jobs = paperJobs(plan);

  // Stage 3: build (and write) the papers; results kept by the job's place.
  const parsed = await parsing;
  const topics = parsed?.kind === 'taxonomy' ? parsed.topics : options.topics;
  await pool.broadcast({ kind: 'setup', topics, existing: [...(options.out?.existing ?? [])] });
  const built: Array<BuiltPaper<PaperSummary>> = new Array(jobs.length);
  const written = { written: 0, unchanged: 0 };
  const building = chunks(
    jobs.map(({ job }, index) => ({ index, job })),
    options.chunks?.papers ?? PAPERS_PER_CHUNK,
  ).map((chunk): WorkerRequest => ({ kind: 'build', jobs: chunk, dir: options.out?.dir ?? null, summaries: options.summaries === true }));
  const papersTaken = await pool.spread(building, (reply) => {
    if (reply.kind !== 'built') return;
    for (const r of reply.results) built[r.index] = r.built;
    written.written += reply.written;
    written.unchanged += reply.unchanged;
  });

  return {
    result: finishPipeline(parts, reads, plan, jobs, built, options.ledger),
    written: options.out ? written : null,
    taken: { files: filesTaken, papers: papersTaken },
  };
}
