import { describe, expect, it } from 'vitest';
import { backoffMs, decideRetry, DEFAULT_POLICY, isRetryableStatus, parseRetryAfter, type RetryPolicy } from './retry.ts';

const NOW = Date.parse('2026-08-22T06:00:00.000Z');
const policy: RetryPolicy = { attempts: 4, baseDelayMs: 1000, maxDelayMs: 5000, budgetMs: 20_000, timeoutMs: 30_000 };

describe('isRetryableStatus', () => {
  it('retries 429 and every 5xx, nothing else', () => {
    expect([429, 500, 502, 503, 504, 599].every(isRetryableStatus)).toBe(true);
    expect([200, 301, 400, 401, 403, 404, 410, 428, 600].some(isRetryableStatus)).toBe(false);
  });
});

describe('parseRetryAfter', () => {
  it('reads delay-seconds', () => {
    expect(parseRetryAfter('1', NOW)).toBe(1000);
    expect(parseRetryAfter(' 120 ', NOW)).toBe(120_000);
    expect(parseRetryAfter('0', NOW)).toBe(0);
  });
  it('reads an HTTP date as the time left until it (a past date is no wait)', () => {
    expect(parseRetryAfter('Sat, 22 Aug 2026 06:00:30 GMT', NOW)).toBe(30_000);
    expect(parseRetryAfter(new Date(NOW + 90_000).toUTCString(), NOW)).toBe(90_000);
    expect(parseRetryAfter('Sat, 22 Aug 2026 05:00:00 GMT', NOW)).toBe(0);
  });
  it('ignores what it cannot read (the backoff applies)', () => {
    for (const v of [null, undefined, '', '-5', '1.5', 'soon', 'tomorrow 2026', 'Fri, 99 Foo 2026 25:00:00 GMT'])
      expect(parseRetryAfter(v, NOW)).toBeNull();
  });
});

describe('backoff and decideRetry', () => {
  it('doubles the wait from the base up to the cap', () => {
    expect([1, 2, 3, 4, 5].map((r) => backoffMs(policy, r))).toEqual([1000, 2000, 4000, 5000, 5000]);
  });

  it('retries with the backoff, then gives up after the last attempt', () => {
    const at = (attempts: number) => decideRetry(policy, { attempts, elapsedMs: 0, retryAfterMs: null, retryable: true });
    expect(at(1)).toEqual({ retry: true, waitMs: 1000 });
    expect(at(2)).toEqual({ retry: true, waitMs: 2000 });
    expect(at(3)).toEqual({ retry: true, waitMs: 4000 });
    expect(at(4)).toEqual({ retry: false, why: 'gave up after 4 attempts' });
  });

  it('honours Retry-After, longer or shorter than the backoff', () => {
    expect(decideRetry(policy, { attempts: 1, elapsedMs: 0, retryAfterMs: 7000, retryable: true })).toEqual({ retry: true, waitMs: 7000 });
    expect(decideRetry(policy, { attempts: 3, elapsedMs: 0, retryAfterMs: 0, retryable: true })).toEqual({ retry: true, waitMs: 0 });
  });

  it('never waits past the budget: gives up at once and says why', () => {
    const asked = decideRetry(policy, { attempts: 1, elapsedMs: 2000, retryAfterMs: 3_600_000, retryable: true });
    expect(asked).toEqual({
      retry: false,
      why: 'gave up after 1 attempt: the server asked to wait 3600 s, more than the 18 s left of the 20 s budget (--retry-for)',
    });
    const backoff = decideRetry(policy, { attempts: 3, elapsedMs: 17_000, retryAfterMs: null, retryable: true });
    expect(backoff).toMatchObject({ retry: false, why: expect.stringContaining('the next wait 4 s, more than the 3 s left') });
    // Exactly what is left still fits.
    expect(decideRetry(policy, { attempts: 3, elapsedMs: 16_000, retryAfterMs: null, retryable: true })).toEqual({
      retry: true,
      waitMs: 4000,
    });
  });

  it('does not retry what is not worth retrying', () => {
    expect(decideRetry(policy, { attempts: 1, elapsedMs: 0, retryAfterMs: 1000, retryable: false })).toMatchObject({ retry: false });
  });

  it('the default policy ends a day within its budget plus one request', () => {
    // Worst case: every wait granted up to the budget, then one last request of at most timeoutMs.
    let elapsed = 0;
    for (let attempts = 1; ; attempts++) {
      elapsed += DEFAULT_POLICY.timeoutMs;
      const d = decideRetry(DEFAULT_POLICY, { attempts, elapsedMs: elapsed, retryAfterMs: null, retryable: true });
      if (!d.retry) break;
      elapsed += d.waitMs;
    }
    expect(elapsed).toBeLessThanOrEqual(DEFAULT_POLICY.budgetMs + DEFAULT_POLICY.timeoutMs);
  });
});
