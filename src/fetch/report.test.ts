import { describe, expect, it } from 'vitest';
import { dayLine, exitCode, summarize, summaryLines, type DayOutcome, type Painter } from './report.ts';

const plain: Painter = { green: (s) => s, red: (s) => s, yellow: (s) => s, dim: (s) => s };
const days: DayOutcome[] = [
  { day: '2026-08-15', outcome: 'empty', attempts: 1 },
  { day: '2026-08-17', outcome: 'already-saved', files: ['2026-08-17.json'] },
  {
    day: '2026-08-18',
    outcome: 'saved',
    file: '2026-08-18.2.json',
    papers: 1,
    beside: ['2026-08-18.json'],
    attempts: 2,
    warnings: ['line 9 of the response: expected …'],
  },
  { day: '2026-08-19', outcome: 'unchanged', file: '2026-08-19.json', papers: 13, attempts: 1 },
  { day: '2026-08-20', outcome: 'failed', reason: 'HTTP 500 Internal Server Error; gave up after 3 attempts', attempts: 3 },
];

describe('the fetch report', () => {
  it('tallies every day once, and exits 1 only when a day failed', () => {
    const report = summarize('https://api.example', 'content/digests', days);
    expect(report.counts).toEqual({ saved: 1, 'already-saved': 1, unchanged: 1, counted: 0, empty: 1, failed: 1 });
    expect(Object.values(report.counts).reduce((a, b) => a + b)).toBe(days.length);
    expect(exitCode(report)).toBe(1);
    expect(
      exitCode(
        summarize(
          'a',
          'b',
          days.filter((d) => d.outcome !== 'failed'),
        ),
      ),
    ).toBe(0);
    expect(exitCode(summarize('a', 'b', []))).toBe(0);
  });

  it('prints a line per day and the command that retries the failed ones', () => {
    expect(days.map((d) => dayLine(d, plain))).toEqual([
      '2026-08-15  no papers that day: nothing saved',
      '2026-08-17  already saved (2026-08-17.json): skipped',
      '2026-08-18  saved 2026-08-18.2.json beside 2026-08-18.json (1 paper)\n2026-08-18  warning: line 9 of the response: expected …',
      '2026-08-19  unchanged since 2026-08-19.json (13 papers): nothing saved',
      '2026-08-20  failed: HTTP 500 Internal Server Error; gave up after 3 attempts',
    ]);
    expect(summaryLines(summarize('https://api.example', 'content/digests', days), plain)).toBe(
      'fetch: 5 days from https://api.example: 1 saved, 1 already saved, 1 unchanged, 1 with no papers, 1 failed (content/digests)\n' +
        'Nothing was written for the failed days; try them again later: npm run fetch -- --date 2026-08-20\n',
    );
  });
});
