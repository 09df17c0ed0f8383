/**
 * The only I/O of `npm run fetch`: HTTP requests (Node's global fetch) with retries, and the
 * digests folder (listing what is saved, reading a saved capture, saving a new one atomically).
 */
import { randomBytes } from 'node:crypto';
import { link, mkdir, open, readdir, readFile, rename, stat, unlink } from 'node:fs/promises';
import path from 'node:path';
import { setTimeout as sleepFor } from 'node:timers/promises';
import { captureName, countsName } from './names.ts';
import { EMPTY_DAYS_FILE } from '../core/empty-days.ts';
import { decideRetry, isRetryableStatus, parseRetryAfter, seconds, type RetryPolicy } from './retry.ts';
import { snippet } from './validate.ts';

/** An answer with a 2xx status. */
interface Answer {
  status: number;
  contentType: string | null;
  body: string;
}

/** The outcome of asking for one day: its answer, or why there is none. */
export type GetResult = ({ ok: true; answer: Answer } | { ok: false; reason: string }) & { attempts: number };

/** A failed attempt about to be retried, for the progress line. */
export interface RetryNote {
  /** The attempt about to be made (2 for the first retry). */
  attempt: number;
  attempts: number;
  waitMs: number;
  /** What went wrong (`HTTP 429 Too Many Requests`, `no answer within 30 s`). */
  problem: string;
}

/** What `getDay` needs besides the URL; everything but `policy` defaults to the real thing. */
export interface GetOptions {
  policy: RetryPolicy;
  fetch?: typeof globalThis.fetch;
  sleep?: (ms: number) => Promise<unknown>;
  now?: () => number;
  onRetry?: (note: RetryNote) => void;
}

const HEADERS = { accept: 'application/json', 'user-agent': 'papershelf-fetch (npm run fetch)' };

/** A network failure in words (undici hides the useful part in `cause`). */
function describeError(err: unknown, policy: RetryPolicy): string {
  const e = err as Error & { cause?: { code?: string; message?: string } };
  if (e?.name === 'TimeoutError') return `no answer within ${seconds(policy.timeoutMs)} (--timeout)`;
  const code = e?.cause?.code;
  if (code === 'ECONNREFUSED') return 'connection refused';
  if (code === 'ENOTFOUND' || code === 'EAI_AGAIN') return 'host not found';
  if (code === 'ECONNRESET' || e?.message === 'terminated') return 'the connection closed before the whole answer arrived';
  return [e?.message ?? String(err), e?.cause?.message].filter(Boolean).join(': ');
}

/**
 * GETs `url`, retrying 429, 5xx and network failures as `policy` allows (`decideRetry`). Never
 * throws: a day that cannot be had is a reason, and the run goes on with the next day.
 */
export async function getDay(url: string, options: GetOptions): Promise<GetResult> {
  const { policy, fetch = globalThis.fetch, sleep = sleepFor, now = Date.now, onRetry } = options;
  const started = now();
  for (let attempts = 1; ; attempts++) {
    let problem: string;
    let retryable = true;
    let retryAfterMs: number | null = null;
    try {
      // The timeout covers the body too: a server that stalls mid-answer is abandoned like a silent one.
      const res = await fetch(url, { headers: HEADERS, redirect: 'follow', signal: AbortSignal.timeout(policy.timeoutMs) });
      const body = await res.text();
      if (res.ok) return { ok: true, attempts, answer: { status: res.status, contentType: res.headers.get('content-type'), body } };
      problem = `HTTP ${res.status}${res.statusText ? ` ${res.statusText}` : ''}`;
      retryable = isRetryableStatus(res.status);
      if (!retryable && body.trim()) problem += `: ${snippet(body)}`;
      retryAfterMs = parseRetryAfter(res.headers.get('retry-after'), now());
    } catch (err) {
      problem = describeError(err, policy);
    }
    const decision = decideRetry(policy, { attempts, elapsedMs: now() - started, retryAfterMs, retryable });
    if (!decision.retry) return { ok: false, attempts, reason: retryable ? `${problem}; ${decision.why}` : problem };
    onRetry?.({ attempt: attempts + 1, attempts: policy.attempts, waitMs: decision.waitMs, problem });
    await sleep(decision.waitMs);
  }
}

/** An I/O failure in the digests folder: `npm run fetch` stops with exit 2. */
export class FetchIoError extends Error {}

const ioError = (what: string, file: string, err: unknown) =>
  new FetchIoError(`cannot ${what} ${file}: ${(err as NodeJS.ErrnoException).code ?? (err as Error).message}`, { cause: err });

/** Creates the digests folder if needed (an unwritable path fails here, before any request). */
export async function ensureDigestsDir(dir: string): Promise<void> {
  try {
    await mkdir(dir, { recursive: true });
    if (!(await stat(dir)).isDirectory()) throw Object.assign(new Error('not a folder'), { code: 'ENOTDIR' });
  } catch (err) {
    throw ioError('use the digests folder', dir, err);
  }
}

/**
 * Every file under `dir`, as paths relative to it (ingest reads subfolders too). Hidden files and
 * folders are skipped, as ingest skips them; a missing folder holds nothing.
 */
export async function listSaved(dir: string): Promise<string[]> {
  let entries;
  try {
    entries = await readdir(dir, { recursive: true, withFileTypes: true });
  } catch (err) {
    if ((err as NodeJS.ErrnoException).code === 'ENOENT') return [];
    throw ioError('list', dir, err);
  }
  return entries
    .filter((e) => !e.isDirectory())
    .map((e) => path.relative(dir, path.join(e.parentPath, e.name)))
    .filter((rel) => !rel.split(path.sep).some((part) => part.startsWith('.')))
    .sort();
}

/** A saved file's text. */
export async function readSaved(dir: string, name: string): Promise<string> {
  try {
    return await readFile(path.join(dir, name), 'utf8');
  } catch (err) {
    throw ioError('read', path.join(dir, name), err);
  }
}

/** Saves a counts file for `day` as `counts/DAY.jsonl` (then `counts/DAY.2.jsonl`, …), atomically, never over one. */
export async function saveCounts(dir: string, day: string, text: string): Promise<string> {
  await ensureDigestsDir(path.join(dir, 'counts'));
  return saveCapture(dir, day, text, countsName);
}

/** The text of `empty-days.txt` in `dir`, or null when there is none yet. */
export async function readEmptyDays(dir: string): Promise<string | null> {
  try {
    return await readFile(path.join(dir, EMPTY_DAYS_FILE), 'utf8');
  } catch (err) {
    if ((err as NodeJS.ErrnoException).code === 'ENOENT') return null;
    throw ioError('read', path.join(dir, EMPTY_DAYS_FILE), err);
  }
}

/** Writes `text` to a new file (`wx`: never one that exists) and flushes it to disk before returning. */
async function writeNewSynced(file: string, text: string): Promise<void> {
  const handle = await open(file, 'wx');
  try {
    await handle.writeFile(text, 'utf8');
    await handle.sync();
  } finally {
    await handle.close();
  }
}

/**
 * Replaces `empty-days.txt` in `dir` atomically: the text is written and flushed to a hidden
 * temporary file, then renamed over the old one (unlike a digest, this file is meant to be
 * replaced), so a reader sees the old file or the new one, never half of one.
 */
export async function writeEmptyDays(dir: string, text: string): Promise<void> {
  const target = path.join(dir, EMPTY_DAYS_FILE);
  const temp = path.join(dir, `.${EMPTY_DAYS_FILE}.${process.pid}.${randomBytes(4).toString('hex')}.tmp`);
  try {
    await writeNewSynced(temp, text);
    await rename(temp, target);
  } catch (err) {
    await unlink(temp).catch(() => {});
    throw ioError('write', target, err);
  }
}

/** Fallback for file systems without hard links: rename, after checking the name is free. */
const NO_LINKS = new Set(['EPERM', 'ENOTSUP', 'EOPNOTSUPP', 'ENOSYS', 'EXDEV']);

/**
 * Saves a capture of `day` under the first free name (`day.json`, then `day.2.json`, …) and
 * returns that name. Atomic and never overwriting: the text is written and flushed to a hidden
 * temporary file, then hard-linked to its name, which fails rather than replace a file that
 * exists (`rename` would replace it silently); a reader sees the whole file or none.
 */
export async function saveCapture(
  dir: string,
  day: string,
  text: string,
  nameOf: (day: string, n: number) => string = captureName,
): Promise<string> {
  const temp = path.join(dir, `.${day}.${process.pid}.${randomBytes(4).toString('hex')}.tmp`);
  try {
    await writeNewSynced(temp, text);
  } catch (err) {
    await unlink(temp).catch(() => {});
    throw ioError('write', temp, err);
  }
  try {
    for (let n = 1; ; n++) {
      const name = nameOf(day, n);
      const target = path.join(dir, name);
      try {
        await link(temp, target);
        return name;
      } catch (err) {
        const code = (err as NodeJS.ErrnoException).code ?? '';
        if (code === 'EEXIST') continue;
        if (!NO_LINKS.has(code)) throw ioError('write', target, err);
        // No hard links here: a tiny window between the check and the rename is the price.
        if (
          await stat(target).then(
            () => true,
            () => false,
          )
        )
          continue;
        await rename(temp, target).catch((e: unknown) => {
          throw ioError('write', target, e);
        });
        return name;
      }
    }
  } finally {
    await unlink(temp).catch(() => {});
  }
}
