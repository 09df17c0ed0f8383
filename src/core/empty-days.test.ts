import { describe, expect, it } from 'vitest';
import { emptyDaysText, nextEmptyDays, parseEmptyDays } from './empty-days.ts';

describe('empty-days.txt', () => {
  it('reads days, skips blank lines and comments, and names each line that is not a day', () => {
    const parsed = parseEmptyDays('\uFEFF# holidays\n2025-12-25\n\n2025-01-01\r\n2025-01-01\nJan 2\n2025-02-30\n  2025-07-04  \n');
    expect(parsed.days).toEqual(['2025-01-01', '2025-07-04', '2025-12-25']);
    expect(parsed.comments).toEqual(['# holidays']);
    expect(parsed.invalid).toEqual([
      { line: 6, found: 'Jan 2' },
      { line: 7, found: '2025-02-30' },
    ]);
  });

  it('writes a header saying what the file is, then the days sorted and unique', () => {
    const text = emptyDaysText(['2025-12-25', '2025-01-01', '2025-12-25']);
    expect(text).toMatch(/^# Weekdays the api\/daily_papers endpoint answered with an empty list/);
    expect(text.endsWith('\n2025-01-01\n2025-12-25\n')).toBe(true);
    expect(parseEmptyDays(text)).toMatchObject({ days: ['2025-01-01', '2025-12-25'], invalid: [] });
  });

  it('adds new days in order, keeps the comments, and writes nothing when every day is listed', () => {
    const first = nextEmptyDays(null, ['2025-12-25'])!;
    expect(parseEmptyDays(first).days).toEqual(['2025-12-25']);
    const second = nextEmptyDays(first, ['2025-01-01', '2025-12-25'])!;
    expect(second).toBe(emptyDaysText(['2025-01-01', '2025-12-25']));
    expect(nextEmptyDays(second, ['2025-01-01'])).toBeNull();
    expect(nextEmptyDays('# mine\n2025-12-25\n', ['2025-01-01'])).toBe('# mine\n2025-01-01\n2025-12-25\n');
    // A line that is not a day would be lost in a rewrite: nothing is written.
    expect(nextEmptyDays('2025-12-25\nsoon\n', ['2025-01-01'])).toBeNull();
  });
});
