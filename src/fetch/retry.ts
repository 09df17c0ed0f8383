/**
 * When to try a request again, and how long to wait first. Pure: the clock is passed in.
 *
 * 429 (rate limited) and 5xx (the server failed) are worth another try; any other answer is the
 * server's last word. Waits grow exponentially (base, 2×base, 4×base, … up to a cap) unless the
 * server says how long with `Retry-After`, which is honoured as given. No jitter: one client
 * fetching once a day does not stampede, and fixed waits keep the behaviour testable. A day gives
 * up when it runs out of attempts or when the next wait would take it past its time budget, so a
 * run always ends in bounded time, however long a server asks us to wait.
 */

/** How hard a day's request is tried. */
export interface RetryPolicy {
  /** Attempts in all, the first included (3: one try and two retries). */
  attempts: number;
  /** The wait before the first retry, in ms; it doubles for each retry after that. */
  baseDelayMs: number;
  /** The longest backoff wait, in ms (a `Retry-After` may ask for longer, within the budget). */
  maxDelayMs: number;
  /** The longest a day may spend from its first request to its last one, waits included, in ms. */
  budgetMs: number;
  /** How long one request may take before it is abandoned (and counts as a failed attempt), in ms. */
  timeoutMs: number;
}

/** The policy `npm run fetch` uses unless told otherwise (`--attempts`, `--retry-for`, `--timeout`). */
export const DEFAULT_POLICY: RetryPolicy = {
  attempts: 3,
  baseDelayMs: 1_000,
  maxDelayMs: 30_000,
  budgetMs: 120_000,
  timeoutMs: 30_000,
};

/** True for the statuses worth retrying: 429 Too Many Requests and every 5xx. */
export function isRetryableStatus(status: number): boolean {
  return status === 429 || (status >= 500 && status <= 599);
}

/**
 * A `Retry-After` header as a wait in ms from `nowMs`: delay-seconds (`120`) or an HTTP date
 * (`Wed, 21 Oct 2026 07:28:00 GMT`; a date in the past means 0). Null when absent or unreadable,
 * in which case the backoff applies.
 */
export function parseRetryAfter(value: string | null | undefined, nowMs: number): number | null {
  if (value === null || value === undefined) return null;
  const text = value.trim();
  if (/^\d+$/.test(text)) return Number(text) * 1000;
  // Only a date-like value: Date.parse would also take "1.5" or "soon 2026" as some date.
  if (!/^[A-Za-z]{3},? /.test(text)) return null;
  const at = Date.parse(text);
  return Number.isNaN(at) ? null : Math.max(0, at - nowMs);
}

/** The backoff wait before retry number `retry` (1 for the first retry), in ms. */
export function backoffMs(policy: RetryPolicy, retry: number): number {
  return Math.min(policy.maxDelayMs, policy.baseDelayMs * 2 ** (retry - 1));
}

/** What to do after a failed attempt. */
export type RetryDecision = { retry: true; waitMs: number } | { retry: false; why: string };

/** The state of a day's request after a failed attempt. */
export interface AttemptState {
  /** Attempts made so far (1 after the first). */
  attempts: number;
  /** Time since the day's first request began, in ms. */
  elapsedMs: number;
  /** The server's `Retry-After`, already turned into ms (`parseRetryAfter`), or null. */
  retryAfterMs: number | null;
  /** False when the failure is not worth retrying (a 404, an HTML page with status 200). */
  retryable: boolean;
}

/** Whether to try again after a failed attempt, and how long to wait first. */
export function decideRetry(policy: RetryPolicy, state: AttemptState): RetryDecision {
  if (!state.retryable) return { retry: false, why: 'not worth retrying' };
  if (state.attempts >= policy.attempts) return { retry: false, why: `gave up after ${plural(state.attempts, 'attempt')}` };
  const waitMs = state.retryAfterMs ?? backoffMs(policy, state.attempts);
  const left = policy.budgetMs - state.elapsedMs;
  if (waitMs > left) {
    const asked = state.retryAfterMs === null ? 'the next wait' : 'the server asked to wait';
    return {
      retry: false,
      why: `gave up after ${plural(state.attempts, 'attempt')}: ${asked} ${seconds(waitMs)}, more than the ${seconds(Math.max(0, left))} left of the ${seconds(policy.budgetMs)} budget (--retry-for)`,
    };
  }
  return { retry: true, waitMs };
}

/** `1 attempt`, `3 attempts`. */
function plural(n: number, word: string): string {
  return `${n} ${word}${n === 1 ? '' : 's'}`;
}

/** A duration for messages: `1 s`, `2.5 s`, `3600 s`. */
export function seconds(ms: number): string {
  const s = ms / 1000;
  return `${Number.isInteger(s) ? s : s.toFixed(1)} s`;
}
