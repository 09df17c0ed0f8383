import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { addDays } from '../core/dates.ts';
import { daysFromTo, isDay, utcDay } from './days.ts';

describe('isDay', () => {
  it.each(['2026-01-08', '2024-02-29', '2000-02-29', '1991-01-01', '0099-12-31'])('accepts %s', (d) => expect(isDay(d)).toBe(true));
  it.each([
    '2025-02-29',
    '1900-02-29',
    '2026-02-30',
    '2026-13-01',
    '2026-00-10',
    '2026-04-31',
    '2026-1-8',
    '20260108',
    '2026-01-08T00:00Z',
    ' 2026-01-08',
    '',
  ])('refuses %j', (d) => expect(isDay(d)).toBe(false));
});

describe('utcDay', () => {
  it('is the UTC day, whatever the local time zone says', () => {
    expect(utcDay(new Date('2026-08-21T23:59:59.999Z'))).toBe('2026-08-21');
    expect(utcDay(new Date('2026-08-22T00:00:00.000Z'))).toBe('2026-08-22');
    // 01:30 in Berlin on the 22nd is still the 21st in UTC.
    expect(utcDay(new Date('2026-08-22T01:30:00+02:00'))).toBe('2026-08-21');
  });
});

describe('addDays and daysFromTo', () => {
  it('cross months, years and leap days', () => {
    expect(addDays('2024-02-28', 1)).toBe('2024-02-29');
    expect(addDays('2025-02-28', 1)).toBe('2025-03-01');
    expect(addDays('2026-12-31', 1)).toBe('2027-01-01');
    expect(addDays('2026-01-01', -7)).toBe('2025-12-25');
    expect(daysFromTo('2026-08-15', '2026-08-21')).toEqual([
      '2026-08-15',
      '2026-08-16',
      '2026-08-17',
      '2026-08-18',
      '2026-08-19',
      '2026-08-20',
      '2026-08-21',
    ]);
    expect(daysFromTo('2026-08-21', '2026-08-21')).toEqual(['2026-08-21']);
    expect(daysFromTo('2026-08-22', '2026-08-21')).toEqual([]);
  });

  it('a range of n days holds n consecutive, valid, distinct days', () => {
    const day = fc.date({ min: new Date('1991-01-01T00:00:00Z'), max: new Date('2050-12-31T00:00:00Z'), noInvalidDate: true }).map(utcDay);
    fc.assert(
      fc.property(day, fc.integer({ min: 0, max: 400 }), (first, n) => {
        const days = daysFromTo(first, addDays(first, n));
        expect(days).toHaveLength(n + 1);
        expect(days.every(isDay)).toBe(true);
        for (let i = 1; i < days.length; i++) expect(days[i]).toBe(addDays(days[i - 1]!, 1));
        expect(addDays(days.at(-1)!, -n)).toBe(first);
      }),
    );
  });
});
