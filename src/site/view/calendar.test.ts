import { describe, expect, it } from 'vitest';
import { calendarDays, coverageCalendar } from './calendar.ts';

describe('coverage calendar', () => {
  // Monday 2026-01-05 to Friday 2026-01-16; Tuesday the 13th missing.
  const counts = new Map(
    ['2026-01-05', '2026-01-06', '2026-01-07', '2026-01-08', '2026-01-09', '2026-01-12', '2026-01-14', '2026-01-15', '2026-01-16'].map(
      (d, i) => [d, i + 1] as const,
    ),
  );

  it('marks each day between the first and last digest: digest (shaded by count), weekend, or missing weekday', () => {
    const days = calendarDays(counts);
    expect(days).toHaveLength(12);
    expect(days.filter((d) => d.kind === 'missing').map((d) => d.day)).toEqual(['2026-01-13']);
    expect(days.filter((d) => d.kind === 'weekend').map((d) => d.day)).toEqual(['2026-01-10', '2026-01-11']);
    // Quartile cuts of the counts 1…9 are 3, 5 and 7: up to 3 papers is the lightest shade.
    expect(days.filter((d) => d.kind === 'digest').map((d) => d.level)).toEqual([1, 1, 1, 2, 2, 3, 3, 4, 4]);
  });

  it('draws one year per SVG, the missing day as one outlined square in its week column and weekday row', () => {
    const [year] = coverageCalendar(counts);
    expect(year!.year).toBe('2026');
    // 2026-01-13 is the Tuesday (row 1) of the third week column (col 2): x = 28 + 2*11 + .75, y = 14 + 11 + .75.
    expect(year!.svg).toContain('<path d="M50.75 25.75h7.5v7.5h-7.5z" fill="none"');
    expect(year!.svg).toContain('aria-label="2026: 9 digest days (45 papers), 1 missing weekday, 2 weekend days without a digest."');
  });

  it('draws a weekday the API had no papers for like a weekend, says so in the text alternative, and a digest day stays one', () => {
    // The 13th had no papers; the 12th is listed too but has a digest: a digest day.
    const empty = new Set(['2026-01-13', '2026-01-12']);
    const days = calendarDays(counts, empty);
    expect(days.filter((d) => d.kind === 'empty').map((d) => d.day)).toEqual(['2026-01-13']);
    expect(days.filter((d) => d.kind === 'missing')).toEqual([]);
    expect(days.find((d) => d.day === '2026-01-12')).toMatchObject({ kind: 'digest', papers: 6 });
    const [year] = coverageCalendar(counts, empty);
    expect(year!.svg).toContain(
      'aria-label="2026: 9 digest days (45 papers), 0 missing weekdays, 2 weekend days without a digest, 1 weekday with no digest (the API had none)."',
    );
    // One faint path holds the two weekend days and the 13th (a full square, not an outline).
    const faint = /<path d="([^"]*)" opacity=".15"\/>/.exec(year!.svg)![1]!;
    expect(faint.match(/M/g)).toHaveLength(3);
    expect(faint).toContain('M50 25h9v9h-9z');
    expect(year!.svg).not.toContain('fill="none"');
  });
});
