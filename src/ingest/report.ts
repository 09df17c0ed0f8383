/**
 * The ingest report: what was read, written, merged and rejected, and how to print it. The
 * numbers always reconcile: entries read = papers written + duplicates merged + entries rejected.
 */
import type { DigestFormat, Problem } from './types.ts';
import type { PermalinkReport } from './ledger.ts';

/** Per-file summary in the report. */
export interface FileSummary {
  file: string;
  /** Format the file was read as, or null when no reader recognised it. */
  format: DigestFormat | null;
  digest: string | null;
  entriesRead: number;
  entriesAccepted: number;
}

/** A URL two or more papers' captures imply (a shared title slug): the site renders it as a page linking each. */
export interface SlugCollision {
  slug: string;
  ids: string[];
}

/** Everything `npm run ingest` reports; `--json` prints exactly this object. */
export interface IngestReport {
  filesRead: number;
  entriesRead: number;
  papersWritten: number;
  duplicatesMerged: number;
  entriesRejected: number;
  /** Errors (each a rejected entry or an unreadable file) and warnings, sorted by file and line. */
  problems: Problem[];
  /** URLs shared by different papers; each is a page linking them (src/lib/permalinks.ts). */
  slugCollisions: SlugCollision[];
  /** What the permalink ledger check found (README, "Permalinks"). */
  permalinks: PermalinkReport;
  files: FileSummary[];
}

/** Longest excerpt of bad input quoted in a message. */
const QUOTE_MAX = 60;

/**
 * Quotes untrusted input for a message: JSON-style escaping (so control characters and ANSI
 * escapes cannot reach a terminal raw) and truncated with `…`.
 */
export function quote(text: string, max: number = QUOTE_MAX): string {
  const chars = [...text];
  const cut = chars.length > max ? chars.slice(0, max).join('') + '…' : text;
  return JSON.stringify(cut);
}

/** Orders problems by file, then line, then message, so reports are stable. */
export function sortProblems(problems: readonly Problem[]): Problem[] {
  return [...problems].sort(
    (a, b) => cmp(a.file, b.file) || a.line - b.line || cmp(a.message, b.message),
  );
}

function cmp(a: string, b: string): number {
  return a < b ? -1 : a > b ? 1 : 0;
}

/** True when the report holds an error (a rejected entry, an unreadable file, a lost permalink): exit code 1. */
export function hasErrors(report: IngestReport): boolean {
  return report.problems.some((p) => p.severity === 'error') || report.permalinks.missing.length > 0;
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
export function formatProblem(
  p: Problem,
  paint: Painter = plain,
  display: (file: string) => string = id,
): string {
  const where = p.line > 0 ? `${display(p.file)}:${p.line}` : display(p.file);
  const tag = p.severity === 'error' ? paint.red('error') : paint.yellow('warning');
  return `${where}: ${tag}: ${p.message}`;
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
  const problems = [...report.problems.map((p) => formatProblem(p, paint, options.display)), ...lost];
  if (options.quiet) return problems.map((l) => l + '\n').join('');
  const rejected = report.entriesRejected > 0 ? paint.red : id;
  const lines = [
    paint.bold('Ingest report'),
    `  files read         ${report.filesRead}`,
    `  entries read       ${report.entriesRead}`,
    `  papers written     ${paint.green(String(report.papersWritten))}`,
    `  duplicates merged  ${report.duplicatesMerged}`,
    `  entries rejected   ${rejected(String(report.entriesRejected))}`,
  ];
  const warnings = report.problems.filter((p) => p.severity === 'warning').length;
  if (warnings > 0) lines.push(`  warnings           ${paint.yellow(String(warnings))}`);
  if (ledger !== null) {
    const { known, added, recovered, missing } = report.permalinks;
    const parts = [`${known} known`, `${added.length} added`, ...(recovered.length ? [`${recovered.length} recovered`] : []), `${missing.length} lost`];
    lines.push(`  permalinks         ${parts.join(', ')} (${ledger})`);
  }
  for (const c of report.slugCollisions) {
    lines.push(paint.dim(`  shared URL "${c.slug}": ${c.ids.join(', ')}`));
  }
  lines.push(...(options.footer ?? []));
  if (problems.length > 0) lines.push('', ...problems);
  return lines.map((l) => l + '\n').join('');
}
