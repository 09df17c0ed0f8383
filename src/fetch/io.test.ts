import { mkdtemp, readdir, readFile, rm, mkdir, writeFile } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { ensureDigestsDir, FetchIoError, getDay, listSaved, saveCapture, type RetryNote } from './io.ts';
import type { RetryPolicy } from './retry.ts';

const policy: RetryPolicy = { attempts: 3, baseDelayMs: 1000, maxDelayMs: 30_000, budgetMs: 60_000, timeoutMs: 5000 };

/** A fake fetch playing scripted answers (a Response, or an error to throw), and a fake clock that sleeping advances. */
function scripted(steps: Array<Response | Error>) {
  let clock = 0;
  const calls: number[] = [];
  const waits: number[] = [];
  const notes: RetryNote[] = [];
  const fetch = (async () => {
    calls.push(clock);
    const step = steps[Math.min(calls.length, steps.length) - 1]!;
    if (step instanceof Error) throw step;
    return step.clone();
  }) as typeof globalThis.fetch;
  return {
    calls,
    waits,
    notes,
    options: {
      policy,
      fetch,
      now: () => clock,
      sleep: async (ms: number) => {
        waits.push(ms);
        clock += ms;
      },
      onRetry: (n: RetryNote) => notes.push(n),
    },
  };
}

const ok = (body = '[]') => new Response(body, { status: 200, headers: { 'content-type': 'application/json' } });

describe('getDay', () => {
  it('returns the first 2xx answer', async () => {
    const s = scripted([ok('[1]')]);
    expect(await getDay('http://x/?date=2026-01-08', s.options)).toEqual({
      ok: true,
      attempts: 1,
      answer: { status: 200, contentType: 'application/json', body: '[1]' },
    });
    expect(s.waits).toEqual([]);
  });

  it('waits as Retry-After says after a 429, then succeeds', async () => {
    const s = scripted([
      new Response('slow down', { status: 429, statusText: 'Too Many Requests', headers: { 'retry-after': '7' } }),
      ok(),
    ]);
    const got = await getDay('http://x/', s.options);
    expect(got).toMatchObject({ ok: true, attempts: 2 });
    expect(s.waits).toEqual([7000]);
    expect(s.notes).toEqual([{ attempt: 2, attempts: 3, waitMs: 7000, problem: 'HTTP 429 Too Many Requests' }]);
  });

  it('backs off exponentially on 5xx and gives up after the last attempt', async () => {
    const s = scripted([new Response('', { status: 500, statusText: 'Internal Server Error' })]);
    expect(await getDay('http://x/', s.options)).toEqual({
      ok: false,
      attempts: 3,
      reason: 'HTTP 500 Internal Server Error; gave up after 3 attempts',
    });
    expect(s.waits).toEqual([1000, 2000]);
    expect(s.calls).toEqual([0, 1000, 3000]);
  });

  it('gives up at once when the server asks for a wait beyond the budget', async () => {
    const s = scripted([new Response('', { status: 503, headers: { 'retry-after': '3600' } })]);
    const got = await getDay('http://x/', s.options);
    expect(got).toMatchObject({ ok: false, attempts: 1, reason: expect.stringContaining('the server asked to wait 3600 s') });
    expect(s.waits).toEqual([]);
  });

  it('retries network failures and timeouts, naming them', async () => {
    const refused = Object.assign(new TypeError('fetch failed'), { cause: { code: 'ECONNREFUSED' } });
    const timeout = new DOMException('The operation was aborted due to timeout', 'TimeoutError');
    const s = scripted([refused, timeout, ok()]);
    expect(await getDay('http://x/', s.options)).toMatchObject({ ok: true, attempts: 3 });
    expect(s.notes.map((n) => n.problem)).toEqual(['connection refused', 'no answer within 5 s (--timeout)']);
  });

  it('does not retry a 404, and quotes what the server said', async () => {
    const s = scripted([new Response('{"error":"Not found"}', { status: 404, statusText: 'Not Found' })]);
    expect(await getDay('http://x/', s.options)).toEqual({
      ok: false,
      attempts: 1,
      reason: 'HTTP 404 Not Found: "{\\"error\\":\\"Not found\\"}"',
    });
  });
});

describe('the digests folder', () => {
  let dir: string;
  beforeEach(async () => {
    dir = await mkdtemp(path.join(tmpdir(), 'papershelf-fetch-io-'));
  });
  afterEach(async () => {
    await rm(dir, { recursive: true, force: true });
  });

  it('saveCapture never overwrites: later captures go beside, and no temporary file stays', async () => {
    expect(await saveCapture(dir, '2026-01-08', 'first')).toBe('2026-01-08.json');
    expect(await saveCapture(dir, '2026-01-08', 'second')).toBe('2026-01-08.2.json');
    expect(await saveCapture(dir, '2026-01-09', 'other day')).toBe('2026-01-09.json');
    expect(await readFile(path.join(dir, '2026-01-08.json'), 'utf8')).toBe('first');
    expect(await readFile(path.join(dir, '2026-01-08.2.json'), 'utf8')).toBe('second');
    expect((await readdir(dir)).sort()).toEqual(['2026-01-08.2.json', '2026-01-08.json', '2026-01-09.json']);
  });

  it('saveCapture run concurrently still gives each capture its own file', async () => {
    const names = await Promise.all(Array.from({ length: 8 }, (_, i) => saveCapture(dir, '2026-01-08', `capture ${i}`)));
    expect(new Set(names).size).toBe(8);
    const texts = await Promise.all(names.map((n) => readFile(path.join(dir, n), 'utf8')));
    expect(texts.sort()).toEqual(Array.from({ length: 8 }, (_, i) => `capture ${i}`).sort());
    expect((await readdir(dir)).filter((n) => n.startsWith('.'))).toEqual([]);
  });

  it('a capture that cannot be written is an I/O error and leaves nothing behind', async () => {
    await expect(saveCapture(path.join(dir, 'missing'), '2026-01-08', 'x')).rejects.toBeInstanceOf(FetchIoError);
    expect(await readdir(dir)).toEqual([]);
  });

  it('listSaved lists files in subfolders, not hidden ones', async () => {
    await mkdir(path.join(dir, '2025'));
    await mkdir(path.join(dir, '.git'));
    for (const f of ['2026-01-08.json', '2025/2025-12-31.txt', '.hidden.json', '.git/2026-01-07.json'])
      await writeFile(path.join(dir, f), '');
    expect(await listSaved(dir)).toEqual(['2025/2025-12-31.txt', '2026-01-08.json']);
    expect(await listSaved(path.join(dir, 'none'))).toEqual([]);
  });

  it('ensureDigestsDir creates the folder, and refuses a file in its place', async () => {
    await ensureDigestsDir(path.join(dir, 'a/b'));
    expect(await readdir(path.join(dir, 'a'))).toEqual(['b']);
    await writeFile(path.join(dir, 'file'), '');
    await expect(ensureDigestsDir(path.join(dir, 'file'))).rejects.toThrow(/cannot use the digests folder .*file: (EEXIST|ENOTDIR)/);
  });
});
