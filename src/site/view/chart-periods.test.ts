import { describe, expect, it } from 'vitest';
import fc from 'fast-check';
import { coarsenMonths, countByPeriod } from './chart-periods.ts';
import { addDays, countByMonth } from '../../core/dates.ts';

/** `n` consecutive days from `start`. */
const daysFrom = (start: string, n: number) => Array.from({ length: n }, (_, i) => addDays(start, i));

describe('countByPeriod', () => {
  it('keeps a bar per week while the span has at most `max` weeks (the real corpus: ~120 weeks)', () => {
    const days = daysFrom('2024-05-06', 120 * 7);
    const { period, points } = countByPeriod(days, 160);
    expect(period).toBe('week');
    expect(points).toHaveLength(120);
    expect(points[0]).toEqual({ label: 'week of 2024-05-06', count: 7 });
  });

  it('switches to months past `max` weeks, and to quarters past `max` months (50,000 papers: 2015-03 to 2026-08)', () => {
    expect(countByPeriod(daysFrom('2024-01-01', 161 * 7), 160).period).toBe('month');
    const long = ['2015-03-20', '2019-08-01', '2019-08-02', '2026-08-21'];
    const months = countByPeriod(long, 160);
    expect(months.period).toBe('month');
    expect(months.points).toHaveLength(138);
    expect(months.points[0]).toEqual({ label: '2015-03', count: 1 });
    expect(months.points.find((p) => p.label === '2019-08')!.count).toBe(2);
    const quarters = countByPeriod(long, 60);
    expect(quarters.period).toBe('quarter');
    expect(quarters.points.map((p) => p.label).slice(0, 2)).toEqual(['2015-Q1', '2015-Q2']);
    expect(quarters.points.at(-1)).toEqual({ label: '2026-Q3', count: 1 });
    expect(quarters.points).toHaveLength(47);
  });

  it('gives no points for no days', () => {
    expect(countByPeriod([], 160)).toEqual({ period: 'week', points: [] });
  });

  it('never exceeds `max` points (unless even years do) and never loses or invents a paper', () => {
    const day = fc
      .date({ min: new Date('2000-01-01'), max: new Date('2030-12-31'), noInvalidDate: true })
      .map((d) => d.toISOString().slice(0, 10));
    fc.assert(
      fc.property(fc.array(day, { minLength: 1, maxLength: 60 }), fc.integer({ min: 1, max: 200 }), (days, max) => {
        const { period, points } = countByPeriod(days, max);
        if (period !== 'year') expect(points.length).toBeLessThanOrEqual(max);
        expect(points.reduce((n, p) => n + p.count, 0)).toBe(days.length);
      }),
    );
  });
});

describe('coarsenMonths', () => {
  const months = countByMonth(['2023-11-15', '2024-02-01', '2024-02-02', '2024-04-30']).map((m) => ({ label: m.month, count: m.count }));

  it('keeps months that fit, else sums them into calendar quarters, else years', () => {
    expect(coarsenMonths(months, 6)).toEqual({ period: 'month', points: months });
    expect(coarsenMonths(months, 5)).toEqual({
      period: 'quarter',
      points: [
        { label: '2023-Q4', count: 1 },
        { label: '2024-Q1', count: 2 },
        { label: '2024-Q2', count: 1 },
      ],
    });
    const years = {
      period: 'year',
      points: [
        { label: '2023', count: 1 },
        { label: '2024', count: 3 },
      ],
    };
    expect(coarsenMonths(months, 2)).toEqual(years);
    // Years even when they do not fit: there is no coarser period.
    expect(coarsenMonths(months, 1)).toEqual(years);
  });
});
