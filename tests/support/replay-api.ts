/**
 * A stand-in for Hugging Face's `api/daily_papers` on a free loopback port, for the fetch tests:
 * it replays recorded days (`<dir>/YYYY-MM-DD.json`, the corpus's real answers) for
 * `GET <any path>?date=YYYY-MM-DD`, answers `[]` for a day it has no recording of (a weekend, a
 * holiday), and plays scripted replies instead where a test injects a fault. Every request is
 * logged with its path, day and time, so tests can assert what was asked, and when.
 */
import http from 'node:http';
import { existsSync, readFileSync } from 'node:fs';
import path from 'node:path';
import type { AddressInfo, Socket } from 'node:net';

/** One scripted answer. */
interface Reply {
  status?: number;
  headers?: Record<string, string>;
  body?: string;
  /** Send this many bytes of the body (with the full Content-Length), then drop the connection. */
  dropAfter?: number;
  /** Never answer (the client's timeout must end the request). */
  hang?: boolean;
  /** Send `Retry-After` as an HTTP date this many seconds after the moment of the answer. */
  retryAfterDateIn?: number;
}

/** A request the server saw. */
interface Seen {
  path: string;
  day: string | null;
  /** `performance.now()` when it arrived. */
  at: number;
}

export interface ReplayServer {
  /** The endpoint's base as `--api` takes it: `http://127.0.0.1:PORT/api/daily_papers`. */
  api: string;
  /** `http://127.0.0.1:PORT`, for other paths on the same server. */
  origin: string;
  requests: Seen[];
  /** Requests for one day. */
  requestsFor(day: string): Seen[];
  /** Plays `replies` in order for `day`; the last one answers every later request. */
  script(day: string, replies: Reply[]): void;
  /** Drops every script and the request log. */
  reset(): void;
  close(): Promise<void>;
}

/** Starts the server, replaying the recordings in `recordedDir`. */
export async function startReplayApi(recordedDir: string): Promise<ReplayServer> {
  const scripts = new Map<string, Reply[]>();
  const requests: Seen[] = [];
  const sockets = new Set<Socket>();
  const server = http.createServer((req, res) => {
    const url = new URL(req.url ?? '/', 'http://127.0.0.1');
    const day = url.searchParams.get('date');
    requests.push({ path: url.pathname, day, at: performance.now() });
    const queue = day === null ? undefined : scripts.get(day);
    const reply: Reply = queue?.length ? (queue.length > 1 ? queue.shift()! : queue[0]!) : recorded(recordedDir, day);
    if (reply.hang) return;
    const body = Buffer.from(reply.body ?? '');
    const retryAfter =
      reply.retryAfterDateIn === undefined ? {} : { 'retry-after': new Date(Date.now() + reply.retryAfterDateIn * 1000).toUTCString() };
    res.writeHead(reply.status ?? 200, {
      'content-type': 'application/json; charset=utf-8',
      'content-length': String(body.length),
      ...retryAfter,
      ...reply.headers,
    });
    if (reply.dropAfter === undefined) return res.end(body);
    res.write(body.subarray(0, reply.dropAfter), () => req.socket.destroy());
  });
  server.on('connection', (s) => {
    sockets.add(s);
    s.on('close', () => sockets.delete(s));
  });
  await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', resolve));
  const origin = `http://127.0.0.1:${(server.address() as AddressInfo).port}`;
  return {
    api: `${origin}/api/daily_papers`,
    origin,
    requests,
    requestsFor: (day) => requests.filter((r) => r.day === day),
    script: (day, replies) => void scripts.set(day, [...replies]),
    reset: () => {
      scripts.clear();
      requests.length = 0;
    },
    close: () =>
      new Promise((resolve) => {
        // Hanging requests keep their sockets open: end them so close() returns.
        for (const s of sockets) s.destroy();
        server.close(() => resolve());
      }),
  };
}

/** The recorded answer for `day`, or `[]` (the API's answer for a day without papers). */
function recorded(dir: string, day: string | null): Reply {
  const file = day === null ? null : path.join(dir, `${day}.json`);
  if (file && /^\d{4}-\d{2}-\d{2}$/.test(day!) && existsSync(file)) return { body: readFileSync(file, 'utf8') };
  if (day === null) return { status: 400, body: '{"error":"date is required"}' };
  return { body: '[]' };
}

/**
 * A recorded day's text answering for another day: its `submittedOnDailyAt` days moved to `day`,
 * the way the API dates a list (the recordings are weeks apart; a test of a week needs seven).
 */
export function redated(text: string, day: string): string {
  return text.replace(/("submittedOnDailyAt"\s*:\s*")\d{4}-\d{2}-\d{2}/g, `$1${day}`);
}
