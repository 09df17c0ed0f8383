/**
 * What `npm run fetch` did, day by day, and the exit code that follows (the ingest contract:
 * 0 every day saved or accounted for, 1 some days failed, 2 usage or I/O error). Pure.
 */

/** What happened to one day. */
export type DayOutcome =
  /** A new capture was written: `file`, beside the day's earlier captures when there are some. */
  | { day: string; outcome: 'saved'; file: string; papers: number; beside: string[]; attempts: number; warnings: string[] }
  /** `--since` skipped a day that already has a digest (no request made). */
  | { day: string; outcome: 'already-saved'; files: string[] }
  /** A refetch returned exactly what a saved capture holds: nothing new to keep. */
  | { day: string; outcome: 'unchanged'; file: string; papers: number; attempts: number }
  /** Counts mode: a saved day fetched again; `changed` papers' counts go to the run's counts file. */
  | { day: string; outcome: 'counted'; changed: number; papers: number; attempts: number }
  /** The API has no papers that day (a weekend or holiday): nothing written. */
  | { day: string; outcome: 'empty'; attempts: number }
  /** No usable answer: nothing written. */
  | { day: string; outcome: 'failed'; reason: string; attempts: number };

/** The whole run. */
export interface FetchReport {
  /** The endpoint's base (`--api`, `PAPERSHELF_API` or the default). */
  api: string;
  /** The digests folder. */
  out: string;
  days: DayOutcome[];
  /** Days per outcome; they add up to `days.length`. */
  counts: Record<DayOutcome['outcome'], number>;
}

/** Tallies the outcomes. */
export function summarize(api: string, out: string, days: DayOutcome[]): FetchReport {
  const counts: FetchReport['counts'] = { saved: 0, 'already-saved': 0, unchanged: 0, counted: 0, empty: 0, failed: 0 };
  for (const d of days) counts[d.outcome]++;
  return { api, out, days, counts };
}

/** 0 when no day failed, 1 otherwise (2, usage or I/O, is decided before or outside the days). */
export function exitCode(report: FetchReport): 0 | 1 {
  return report.counts.failed > 0 ? 1 : 0;
}

/** Colours for the terminal (picocolors' shape); identity functions when colour is off. */
export interface Painter {
  green(s: string): string;
  red(s: string): string;
  yellow(s: string): string;
  dim(s: string): string;
}

const papers = (n: number) => `${n} paper${n === 1 ? '' : 's'}`;

/** The progress line of a finished day. */
export function dayLine(d: DayOutcome, paint: Painter): string {
  switch (d.outcome) {
    case 'saved': {
      const beside = d.beside.length ? ` beside ${d.beside.join(', ')}` : '';
      const notes = d.warnings.map((w) => `\n${d.day}  ${paint.yellow(`warning: ${w}`)}`).join('');
      return `${d.day}  ${paint.green(`saved ${d.file}`)}${beside} (${papers(d.papers)})${notes}`;
    }
    case 'already-saved':
      return `${d.day}  ${paint.dim(`already saved (${d.files.join(', ')}): skipped`)}`;
    case 'unchanged':
      return `${d.day}  ${paint.dim(`unchanged since ${d.file} (${papers(d.papers)}): nothing saved`)}`;
    case 'counted':
      return `${d.day}  ${d.changed ? paint.green(`counts changed for ${papers(d.changed)}`) : paint.dim('no count changed')} (of ${papers(d.papers)})`;
    case 'empty':
      return `${d.day}  ${paint.dim('no papers that day: nothing saved')}`;
    case 'failed':
      return `${d.day}  ${paint.red(`failed: ${d.reason}`)}`;
  }
}

/** The closing lines: the tally, and for failed days the command that retries them. */
export function summaryLines(report: FetchReport, paint: Painter): string {
  const c = report.counts;
  const parts = [
    `${c.saved} saved`,
    `${c['already-saved']} already saved`,
    `${c.unchanged} unchanged`,
    ...(c.counted ? [`${c.counted} re-counted`] : []),
    `${c.empty} with no papers`,
    `${c.failed} failed`,
  ];
  const tally = `fetch: ${report.days.length} day${report.days.length === 1 ? '' : 's'} from ${report.api}: ${parts.join(', ')} (${report.out})`;
  const failed = report.days.filter((d) => d.outcome === 'failed').map((d) => `--date ${d.day}`);
  const retry = failed.length
    ? `\n${paint.red(`Nothing was written for the failed days; try them again later: npm run fetch -- ${failed.join(' ')}`)}`
    : '';
  return `${c.failed ? paint.red(tally) : tally}${retry}\n`;
}
