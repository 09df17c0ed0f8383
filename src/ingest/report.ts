/**
 * The ingest report: what was read, written, merged and rejected, and how to print it. The
 * numbers always reconcile: entries read = papers written + duplicates merged + entries rejected.
 */
import type { IngestReport, NotReadFile, Problem } from './types.ts';
import { compareStrings } from '../core/compare.ts';
import { escapeControlCharacters } from '../core/escape.ts';

/** Orders problems by file, then line, then message, so reports are stable. */
export function sortProblems(problems: readonly Problem[]): Problem[] {
  return [...problems].sort((a, b) => compareStrings(a.file, b.file) || a.line - b.line || compareStrings(a.message, b.message));
}

/**
 * True when the report holds an error (a rejected entry, an unreadable file, a lost permalink, a
 * broken note): exit code 1.
 */
export function hasErrors(report: IngestReport): boolean {
  return (
    report.problems.some((p) => p.severity === 'error') ||
    report.permalinks.missing.length > 0 ||
    report.notRead.some((n) => n.severity === 'error') ||
    report.notes.problems.some((p) => p.severity === 'error') ||
    report.emptyDays.problems.length > 0
  );
}

const plural = (n: number, one: string, many: string): string => `${n} ${n === 1 ? one : many}`;

/**
 * Why the site must not be built from this ingest, or nothing. A rejected card or an unreadable
 * file only leaves a paper out (the rest is published, as the README promises); a permalink the
 * ledger lists and nothing resolves would turn a published URL into a 404 (an unreadable ledger
 * line is counted with them: the ledger can no longer vouch for it), and a broken note would
 * crash `astro build` with a stack trace.
 */
export function buildBlockers(report: IngestReport): string[] {
  const blockers: string[] = [];
  const lost = report.permalinks.missing.length;
  if (lost > 0)
    blockers.push(
      `${plural(lost, 'published permalink would', 'published permalinks would')} stop resolving (${report.permalinks.ledger})`,
    );
  const notes = report.notes.problems.filter((p) => p.severity === 'error').length;
  if (notes > 0) blockers.push(`${plural(notes, 'note cannot', 'notes cannot')} be rendered (${report.notes.dir})`);
  return blockers;
}

/** Checks the reconciliation invariant; a failure is a bug in ingest, never in the input. */
export function assertReconciles(report: IngestReport): void {
  const { entriesRead, papersWritten, duplicatesMerged, entriesRejected } = report;
  if (entriesRead !== papersWritten + duplicatesMerged + entriesRejected) {
    throw new Error(
      `ingest report does not reconcile: ${entriesRead} read != ${papersWritten} written + ` +
        `${duplicatesMerged} merged + ${entriesRejected} rejected`,
    );
  }
}

/** Colour functions the text report uses (picocolors' shape), so tests can pass plain ones. */
export interface Painter {
  red(s: string): string;
  yellow(s: string): string;
  green(s: string): string;
  bold(s: string): string;
  dim(s: string): string;
}

const plain: Painter = { red: id, yellow: id, green: id, bold: id, dim: id };
function id(s: string): string {
  return s;
}

/** Formats one problem as `file:line: severity: message`; `display` maps a file to how to show it. */
export function formatProblem(p: Problem, paint: Painter = plain, display: (file: string) => string = id): string {
  const where =
    p.line > 0
      ? `${escapeControlCharacters(display(p.file))}:${p.line}${p.column ? `:${p.column}` : ''}`
      : escapeControlCharacters(display(p.file));
  const tag = p.severity === 'error' ? paint.red('error') : paint.yellow('warning');
  return `${where}: ${tag}: ${p.message}`;
}

/** Formats a file that was not read as `file[:line]: severity: not read: reason`. */
function formatNotRead(n: NotReadFile, paint: Painter = plain, display: (file: string) => string = id): string {
  const where = n.line > 0 ? `${escapeControlCharacters(display(n.file))}:${n.line}` : escapeControlCharacters(display(n.file));
  const tag = n.severity === 'error' ? paint.red('error') : n.severity === 'warning' ? paint.yellow('warning') : paint.dim('info');
  // A reason may name a link's target, which is as untrusted as a file name.
  return `${where}: ${tag}: not read: ${escapeControlCharacters(n.reason)}`;
}

/** The one warning line for weekdays with no digest between the first and last digest day. */
function gapLine(days: readonly string[], paint: Painter): string {
  const shown = days.length > 5 ? `${days.slice(0, 5).join(', ')}, … ${days.at(-1)}` : days.join(', ');
  return (
    `${paint.yellow('warning')}: ${plural(days.length, 'weekday has', 'weekdays have')} no digest between the first and last digest day ` +
    `(${shown}); /digests/ lists them, \`npm run fetch -- --date YYYY-MM-DD\` saves one`
  );
}

/** Options for the human-readable report. */
export interface FormatOptions {
  paint?: Painter;
  /** Print only problems (`--quiet`). */
  quiet?: boolean;
  /** How to show a file path (the CLI shows paths as the user typed them). */
  display?: (file: string) => string;
  /** Extra summary lines (e.g. what was written where), printed after the counts. */
  footer?: string[];
}

/** The report as text: counts, then every problem with its `file:line`. */
export function formatReport(report: IngestReport, options: FormatOptions = {}): string {
  const paint = options.paint ?? plain;
  const ledger = report.permalinks.ledger;
  const lost = report.permalinks.missing.map((m) =>
    formatProblem({ file: ledger ?? 'permalinks', line: m.line, severity: 'error', message: m.message }, paint, options.display),
  );
  // Hidden files are listed in the full report only: `--quiet` is for problems.
  const unread = report.notRead.filter((n) => !options.quiet || n.severity !== 'info').map((n) => formatNotRead(n, paint, options.display));
  const notes = report.notes.problems.map((p) => formatProblem(p, paint));
  const gaps = report.missingWeekdays.length > 0 ? [gapLine(report.missingWeekdays, paint)] : [];
  const empty = report.emptyDays.problems.map((p) => formatProblem(p, paint, options.display));
  const problems = [
    ...unread,
    ...report.problems.map((p) => formatProblem(p, paint, options.display)),
    ...lost,
    ...notes,
    ...empty,
    ...gaps,
  ];
  if (options.quiet) return problems.map((l) => l + '\n').join('');
  const rejected = report.entriesRejected > 0 ? paint.red : id;
  const lines = [
    paint.bold('Ingest report'),
    `  files read         ${report.filesRead}`,
    `  files not read     ${report.notRead.some((n) => n.severity === 'error') ? paint.red(String(report.filesNotRead)) : report.filesNotRead}`,
    `  entries read       ${report.entriesRead}`,
    `  papers written     ${paint.green(String(report.papersWritten))}`,
    `  duplicates merged  ${report.duplicatesMerged}`,
    `  entries rejected   ${rejected(String(report.entriesRejected))}`,
  ];
  const warnings = [...report.problems, ...report.notes.problems].filter((p) => p.severity === 'warning').length;
  if (warnings > 0) lines.push(`  warnings           ${paint.yellow(String(warnings))}`);
  if (ledger !== null) {
    const { known, added, recovered, missing } = report.permalinks;
    const parts = [
      `${known} known`,
      `${added.length} added`,
      ...(recovered.length ? [`${recovered.length} recovered`] : []),
      `${missing.length} lost`,
    ];
    lines.push(`  permalinks         ${parts.join(', ')} (${ledger})`);
  }
  if (report.notes.dir !== null) lines.push(`  notes checked      ${report.notes.checked} (${report.notes.dir})`);
  if (report.emptyDays.files.length > 0)
    lines.push(
      `  empty days         ${report.emptyDays.days.length} (weekdays the API had no papers for, not missing; ${report.emptyDays.files.map((f) => escapeControlCharacters(options.display?.(f) ?? f)).join(', ')})`,
    );
  if (report.conflicts > 0)
    lines.push(`  conflicts          ${report.conflicts} (fields captures disagree on; each paper page notes the older value)`);
  for (const c of report.slugCollisions) {
    lines.push(paint.dim(`  shared URL "${c.slug}": ${c.ids.join(', ')}`));
  }
  lines.push(...(options.footer ?? []));
  if (problems.length > 0) lines.push('', ...problems);
  return lines.map((l) => l + '\n').join('');
}
