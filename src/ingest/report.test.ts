import { describe, expect, it } from 'vitest';
import { assertReconciles, buildBlockers, formatProblem, formatReport, hasErrors, sortProblems } from './report.ts';
import { quote } from './messages.ts';
import type { IngestReport } from './types.ts';

const report = (over: Partial<IngestReport> = {}): IngestReport => ({
  filesRead: 2,
  entriesRead: 10,
  papersWritten: 7,
  duplicatesMerged: 2,
  entriesRejected: 1,
  problems: [
    { file: 'b.txt', line: 3, severity: 'warning', message: 'expected a blank line after the title, found "x"' },
    { file: 'a.txt', line: 12, severity: 'error', message: 'expected a date line, found "Oct 66"' },
  ],
  slugCollisions: [],
  permalinks: { ledger: null, known: 0, added: [], recovered: [], missing: [] },
  files: [],
  filesNotRead: 0,
  notRead: [],
  notes: { dir: null, checked: 0, problems: [] },
  missingWeekdays: [],
  emptyDays: { files: [], days: [], problems: [] },
  conflicts: 0,
  ...over,
});

describe('quote', () => {
  it('escapes control characters and ANSI escapes, and truncates long input', () => {
    expect(quote('a\u001b[31mred\nline')).toBe('"a\\u001b[31mred\\nline"');
    expect(quote('x'.repeat(100))).toBe(`"${'x'.repeat(60)}…"`);
    expect(quote('😀'.repeat(61))).toBe(`"${'😀'.repeat(60)}…"`);
  });
});

describe('report', () => {
  it('sorts problems by file then line', () => {
    expect(sortProblems(report().problems).map((p) => p.file)).toEqual(['a.txt', 'b.txt']);
  });

  it('formats counts and every problem as file:line', () => {
    const text = formatReport(report({ problems: sortProblems(report().problems) }), { display: (f) => `content/digests/${f}` });
    expect(text).toContain('entries read       10\n');
    expect(text).toContain('papers written     7\n');
    expect(text).toContain('duplicates merged  2\n');
    expect(text).toContain('entries rejected   1\n');
    expect(text).toContain('content/digests/a.txt:12: error: expected a date line, found "Oct 66"\n');
    expect(text).toContain('content/digests/b.txt:3: warning: expected a blank line');
  });

  it('escapes control characters in a file name, so no name can send ESC to a terminal', () => {
    expect(formatProblem({ file: 'a\u001b]0;x\u0007.txt', line: 2, severity: 'warning', message: 'm' })).toBe(
      'a\\u001b]0;x\\u0007.txt:2: warning: m',
    );
  });

  it('prints only problems when quiet, and a file-level problem without a line', () => {
    const text = formatReport(report({ problems: [{ file: 'x.md', line: 0, severity: 'error', message: 'expected a digest' }] }), {
      quiet: true,
    });
    expect(text).toBe('x.md: error: expected a digest\n');
    expect(formatProblem({ file: 'y', line: 2, severity: 'warning', message: 'm' })).toBe('y:2: warning: m');
  });

  it('knows when the exit code must be 1', () => {
    expect(hasErrors(report())).toBe(true);
    expect(hasErrors(report({ problems: [report().problems[0]!] }))).toBe(false);
  });

  it('throws when the counts do not reconcile', () => {
    expect(() => assertReconciles(report())).not.toThrow();
    expect(() => assertReconciles(report({ papersWritten: 8 }))).toThrow(/does not reconcile/);
  });

  it('prints the permalink check and names a lost permalink by ledger line; it is an error', () => {
    const r = report({
      problems: [],
      permalinks: {
        ledger: 'content/permalinks.txt',
        known: 5,
        added: ['x'],
        recovered: [],
        missing: [{ line: 3, message: 'expected the published permalink "gone" to resolve' }],
      },
    });
    const text = formatReport(r);
    expect(text).toMatch(/permalinks +5 known, 1 added, 1 lost \(content\/permalinks\.txt\)\n/);
    expect(text).toContain('content/permalinks.txt:3: error: expected the published permalink "gone" to resolve');
    expect(hasErrors(r)).toBe(true);
    expect(hasErrors(report({ problems: [] }))).toBe(false);
  });
});

describe('what stops the build (item 9)', () => {
  const lost = {
    ledger: 'content/permalinks.txt',
    known: 5,
    added: [],
    recovered: [],
    missing: [{ line: 3, message: 'expected the published permalink "gone" to resolve' }],
  };

  it('rejected cards and unreadable files do not: the rest is published', () => {
    const r = report({ notRead: [{ file: 'x.txt', line: 2, severity: 'error', reason: 'expected UTF-8 text' }], filesNotRead: 1 });
    expect(hasErrors(r)).toBe(true);
    expect(buildBlockers(r)).toEqual([]);
  });

  it('a lost permalink does: its URL would become a 404', () => {
    expect(buildBlockers(report({ permalinks: lost }))).toEqual(['1 published permalink would stop resolving (content/permalinks.txt)']);
  });

  it('a note that does not compile does, a note for no paper does not', () => {
    const notes = (severity: 'error' | 'warning') => ({
      dir: 'content/notes',
      checked: 2,
      problems: [{ file: 'content/notes/a.mdx', line: 1, column: 2, severity, message: 'm' }],
    });
    expect(buildBlockers(report({ notes: notes('error') }))).toEqual(['1 note cannot be rendered (content/notes)']);
    expect(buildBlockers(report({ notes: notes('warning') }))).toEqual([]);
    expect(hasErrors(report({ problems: [], notes: notes('error') }))).toBe(true);
    const text = formatReport(report({ problems: [], notes: notes('error') }));
    expect(text).toContain('notes checked      2 (content/notes)\n');
    expect(text).toContain('content/notes/a.mdx:1:2: error: m\n');
  });
});
