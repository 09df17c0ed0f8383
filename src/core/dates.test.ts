import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { addDays, countByMonth, countByWeek, daysApart, isoWeek, isValidDate, toIsoDate, utcDate } from './dates.ts';

describe('isValidDate', () => {
  it('knows month lengths and leap years', () => {
    expect([isValidDate(2024, 2, 29), isValidDate(2100, 2, 29), isValidDate(2000, 2, 29), isValidDate(2025, 4, 31)]).toEqual([
      true,
      false,
      true,
      false,
    ]);
  });
});

describe('addDays', () => {
  it('crosses month and year ends in UTC', () => {
    expect(addDays('2026-01-03', -6)).toBe('2025-12-28');
    expect(addDays('2024-02-28', 1)).toBe('2024-02-29');
  });
});

describe('daysApart', () => {
  it('counts whole days either way, and is NaN (never a throw) for what is not a date', () => {
    expect(daysApart('2025-12-31', '2026-01-02')).toBe(2);
    expect(daysApart('2026-01-02', '2025-12-31')).toBe(2);
    expect(daysApart('2026-01-02', 'soon')).toBeNaN();
  });
});

describe('toIsoDate and utcDate', () => {
  it('zero-pads, and reads a day back at UTC midnight', () => {
    expect(toIsoDate(987, 3, 4)).toBe('0987-03-04');
    expect(utcDate('2026-01-08').toISOString()).toBe('2026-01-08T00:00:00.000Z');
  });

  it('refuses a day that does not exist instead of rolling it over (2024-02-30 is not March 1)', () => {
    for (const bad of ['2024-02-30', 'Dec 15', '2024-1-01'])
      expect(() => utcDate(bad), bad).toThrow(`expected a date as YYYY-MM-DD, found "${bad}"`);
  });
});

describe('isoWeek', () => {
  it('follows ISO 8601 at year boundaries', () => {
    expect(isoWeek('2024-12-30')).toEqual({ week: '2025-W01', start: '2024-12-30' }); // Monday, belongs to 2025
    expect(isoWeek('2021-01-03')).toEqual({ week: '2020-W53', start: '2020-12-28' }); // Sunday of 2020's week 53
    expect(isoWeek('2026-01-01')).toEqual({ week: '2026-W01', start: '2025-12-29' }); // a Thursday
    expect(isoWeek('2024-05-26')).toEqual({ week: '2024-W21', start: '2024-05-20' });
  });

  it('rejects what is not a real YYYY-MM-DD date', () => {
    for (const bad of ['2024-02-30', '2024-1-01', 'May 29', '']) expect(() => isoWeek(bad), bad).toThrow(RangeError);
  });
});

describe('countByWeek', () => {
  it('counts per ISO week and fills gaps with 0, whatever the input order', () => {
    expect(countByWeek(['2024-01-20', '2024-01-01', '2024-01-07'])).toEqual([
      { week: '2024-W01', start: '2024-01-01', count: 2 },
      { week: '2024-W02', start: '2024-01-08', count: 0 },
      { week: '2024-W03', start: '2024-01-15', count: 1 },
    ]);
  });

  it('crosses a 53-week year', () => {
    expect(countByWeek(['2020-12-28', '2021-01-11']).map((w) => `${w.week}:${w.count}`)).toEqual([
      '2020-W53:1',
      '2021-W01:0',
      '2021-W02:1',
    ]);
  });

  it('handles empty input', () => {
    expect(countByWeek([])).toEqual([]);
  });

  it('keeps every date, one entry per consecutive Monday', () => {
    const day = fc.integer({ min: 0, max: 3000 }).map((d) => new Date(Date.UTC(2019, 0, 1) + d * 86_400_000).toISOString().slice(0, 10));
    fc.assert(
      fc.property(fc.array(day, { minLength: 1, maxLength: 30 }), (dates) => {
        const weeks = countByWeek(dates);
        expect(weeks.reduce((s, w) => s + w.count, 0)).toBe(dates.length);
        expect(new Set(weeks.map((w) => w.week)).size).toBe(weeks.length);
        const steps = weeks.slice(1).map((w, i) => Date.parse(w.start) - Date.parse(weeks[i]!.start));
        expect(steps.every((ms) => ms === 7 * 86_400_000)).toBe(true);
        expect(weeks.every((w) => new Date(w.start).getUTCDay() === 1)).toBe(true);
      }),
      { numRuns: 100 },
    );
  });
});

describe('countByMonth', () => {
  it('counts per month and fills gaps across a year end', () => {
    expect(countByMonth(['2025-02-01', '2024-11-05', '2024-11-30'])).toEqual([
      { month: '2024-11', count: 2 },
      { month: '2024-12', count: 0 },
      { month: '2025-01', count: 0 },
      { month: '2025-02', count: 1 },
    ]);
  });

  it('handles empty input and rejects bad dates', () => {
    expect(countByMonth([])).toEqual([]);
    for (const bad of ['2024-13-01', '2024-00-10', '2023-02-29']) expect(() => countByMonth([bad]), bad).toThrow(RangeError);
  });
});
