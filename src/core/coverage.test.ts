import { describe, expect, it } from 'vitest';
import { fetchLine, isWeekend, missingWeekdays } from './coverage.ts';

describe('coverage', () => {
  it('lists weekdays without a digest between the first and last day, never a weekend', () => {
    // 2026-01-05 is a Monday; the 10th and 11th a weekend.
    const days = ['2026-01-05', '2026-01-06', '2026-01-08', '2026-01-09', '2026-01-12', '2026-01-14'];
    expect(missingWeekdays(days)).toEqual(['2026-01-07', '2026-01-13']);
    expect(missingWeekdays([])).toEqual([]);
    expect([isWeekend('2026-01-10'), isWeekend('2026-01-11'), isWeekend('2026-01-12')]).toEqual([true, true, false]);
    expect(fetchLine('2026-01-07')).toBe('npm run fetch -- --date 2026-01-07');
  });

  it('a weekday the API had no papers for (empty-days.txt) is not missing', () => {
    const days = ['2026-01-05', '2026-01-06', '2026-01-08', '2026-01-09', '2026-01-12', '2026-01-14'];
    expect(missingWeekdays(days, new Set(['2026-01-07', '2026-01-10', '2026-02-02']))).toEqual(['2026-01-13']);
  });
});
