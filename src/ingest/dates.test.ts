import { describe, expect, it } from 'vitest';
import fc from 'fast-check';
import { digestFromFileName, digestFromHeader, parseMonthDay, resolveDate } from './dates.ts';

describe('parseMonthDay', () => {
  it.each([
    ['Jan 8', { month: 1, day: 8, year: null }],
    ['Dec 15, 2023', { month: 12, day: 15, year: 2023 }],
    ['Sept 3, 2024', { month: 9, day: 3, year: 2024 }],
    ['September 3', { month: 9, day: 3, year: null }],
    ['Feb 29', { month: 2, day: 29, year: null }],
    ['Feb 29, 2024', { month: 2, day: 29, year: 2024 }],
  ])('%s', (text, expected) => expect(parseMonthDay(text)).toEqual(expected));

  it.each(['Feb 29, 2025', 'Apr 31', 'Jan 0', 'Janu 8', '8 Jan', 'Jan 8 2024', 'Jan 8, 24'])('rejects %j', (text) => {
    expect(parseMonthDay(text)).toBeNull();
  });
});

describe('digestFromFileName', () => {
  it.each([
    ['2026-01-08.txt', '2026-01-08'],
    ['content/digests/2025/2025-12-31-evening.md', '2025-12-31'],
    // A day the name states is kept as written; the pipeline refuses it (implausibleDate).
    ['2026-02-30.txt', '2026-02-30'],
    ['0026-01-08.txt', '0026-01-08'],
    ['20260108.txt', null],
    ['notes-2026-01-08.txt', null],
    ['2026-01-081.txt', null],
  ])('%s → %s', (name, expected) => expect(digestFromFileName(name)).toBe(expected));
});

describe('resolveDate', () => {
  it('uses the digest year, or the year before when the date would be after the digest', () => {
    expect(resolveDate({ month: 1, day: 5, year: null }, '2026-01-08')).toBe('2026-01-05');
    expect(resolveDate({ month: 1, day: 8, year: null }, '2026-01-08')).toBe('2026-01-08');
    expect(resolveDate({ month: 1, day: 9, year: null }, '2026-01-08')).toBe('2025-01-09');
    expect(resolveDate({ month: 12, day: 30, year: null }, '2026-01-08')).toBe('2025-12-30');
    expect(resolveDate({ month: 12, day: 30, year: 2020 }, '2026-01-08')).toBe('2020-12-30');
  });

  it('places a year-less Feb 29 in the nearest leap year at or before the digest, else nowhere', () => {
    expect(resolveDate({ month: 2, day: 29, year: null }, '2024-03-01')).toBe('2024-02-29');
    expect(resolveDate({ month: 2, day: 29, year: null }, '2025-03-01')).toBe('2024-02-29');
    expect(resolveDate({ month: 2, day: 29, year: null }, '2026-03-01')).toBeNull();
  });

  it('never resolves a date after the digest, and stays within a year of it', () => {
    fc.assert(
      fc.property(
        fc.date({ min: new Date('2001-01-01'), max: new Date('2098-12-31'), noInvalidDate: true }),
        fc.integer({ min: 1, max: 12 }),
        fc.integer({ min: 1, max: 28 }),
        (d, month, day) => {
          const digest = d.toISOString().slice(0, 10);
          const iso = resolveDate({ month, day, year: null }, digest)!;
          expect(iso <= digest).toBe(true);
          expect(Number(digest.slice(0, 4)) - Number(iso.slice(0, 4))).toBeLessThanOrEqual(1);
          expect(iso.slice(5)).toBe(`${String(month).padStart(2, '0')}-${String(day).padStart(2, '0')}`);
        },
      ),
    );
  });
});

describe('digestFromHeader', () => {
  it('picks the year that puts the header date on or after the newest dated card, closest to it', () => {
    expect(digestFromHeader({ month: 1, day: 8, year: null }, '2025-12-11')).toBe('2026-01-08');
    expect(digestFromHeader({ month: 12, day: 20, year: null }, '2025-12-11')).toBe('2025-12-20');
    expect(digestFromHeader({ month: 12, day: 11, year: null }, '2025-12-11')).toBe('2025-12-11');
    expect(digestFromHeader({ month: 1, day: 8, year: 2027 }, '2025-12-11')).toBe('2027-01-08');
    expect(digestFromHeader({ month: 1, day: 8, year: null }, null)).toBeNull();
  });
});
