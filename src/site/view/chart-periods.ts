/**
 * Counts for a chart with a bounded number of bars or points, whatever the archive's span: the
 * finest period (week, month, quarter, year) whose number of buckets fits, so a chart costs the
 * same bytes at two years or twenty (DESIGN.md "Cost model": pages do not grow with the archive).
 * A week per bar while the archive is young (the real corpus, ~120 weeks, keeps weekly bars),
 * months or quarters once weeks would be too many to see or to send. Pure.
 */
import { countByMonth, countByWeek } from '../../core/dates.ts';
import type { ChartPoint } from './charts.ts';

/** The unit one bar or point counts. */
type ChartPeriod = 'week' | 'month' | 'quarter' | 'year';

/** Counts per period, and the period, which the chart's title and caption must name. */
export interface PeriodCounts {
  period: ChartPeriod;
  points: ChartPoint[];
}

/** A period made of whole months. */
export type MonthPeriod = Exclude<ChartPeriod, 'week'>;

/** The bucket a `YYYY-MM` month falls in: itself, `YYYY-Qn` or `YYYY`. */
export function monthKey(month: string, period: MonthPeriod): string {
  if (period === 'month') return month;
  if (period === 'year') return month.slice(0, 4);
  return `${month.slice(0, 4)}-Q${Math.ceil(Number(month.slice(5, 7)) / 3)}`;
}

/**
 * Sums contiguous monthly counts (labels `YYYY-MM`, oldest first, as `countByMonth` and
 * `monthlyCounts` give them) into months, quarters (`2024-Q2`) or years (`2024`): the finest with
 * at most `max` buckets. Years are the last resort and are returned even when more than `max`.
 * Every series over the same months gets the same period, so charts side by side stay comparable.
 */
export function coarsenMonths(months: readonly ChartPoint[], max: number): PeriodCounts & { period: MonthPeriod } {
  const periods = ['month', 'quarter', 'year'] as const;
  let out: PeriodCounts & { period: MonthPeriod } = { period: 'month', points: [...months] };
  for (const period of periods) {
    const buckets = new Map<string, number>();
    for (const m of months) {
      const key = monthKey(m.label, period);
      buckets.set(key, (buckets.get(key) ?? 0) + m.count);
    }
    out = { period, points: [...buckets].map(([label, count]) => ({ label, count })) };
    if (out.points.length <= max) return out;
  }
  return out;
}

/**
 * Counts days (`YYYY-MM-DD`) per ISO week (label `week of <Monday>`) while the span has at most
 * `max` weeks, else per month, quarter or year as `coarsenMonths` picks. Empty periods in the span
 * count 0; no days give no points (weekly).
 */
export function countByPeriod(days: readonly string[], max: number): PeriodCounts {
  const weeks = countByWeek(days);
  if (weeks.length <= max) return { period: 'week', points: weeks.map((w) => ({ label: `week of ${w.start}`, count: w.count })) };
  return coarsenMonths(
    countByMonth(days).map((m) => ({ label: m.month, count: m.count })),
    max,
  );
}
