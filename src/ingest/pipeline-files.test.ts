/** What the pipeline does with files it could not read, and with files that hold no paper (item 13). */
import { describe, expect, it } from 'vitest';
import { runPipeline } from './pipeline.ts';
import { formatReport, hasErrors } from './report.ts';
import { renderApi } from '../../tests/support/render-digests.ts';
import { countedCard } from '../../tests/support/builders.ts';

const card = countedCard({ title: 'One Paper', abstract: 'It appears.', published: '2025-06-02', arxiv: '2506.00042' });

describe('files the ingest did not read', () => {
  const { report } = runPipeline([
    { file: '2025-06-03.json', text: renderApi('2025-06-03', [card]) },
    {
      file: 'leak.txt',
      text: '',
      notRead: { line: 0, severity: 'error', reason: 'a link to a file outside the input folder (/etc/passwd); not followed' },
    },
    {
      file: 'scan.pdf',
      text: '',
      notRead: { line: 0, severity: 'warning', reason: 'not a digest file name (expected .txt, .md, .json or a counts .jsonl)' },
    },
    { file: '.gitkeep', text: '', notRead: { line: 0, severity: 'info', reason: 'a hidden file' } },
    { file: 'latin1.txt', text: '', notRead: { line: 3, severity: 'error', reason: 'expected UTF-8 text, found the byte 0xE9' } },
  ]);

  it('are counted on their own and listed with the reason, sorted by file; the rest reconciles', () => {
    expect(report).toMatchObject({ filesRead: 1, filesNotRead: 4, entriesRead: 1, papersWritten: 1, entriesRejected: 0 });
    expect(report.notRead.map((n) => [n.file, n.line, n.severity])).toEqual([
      ['.gitkeep', 0, 'info'],
      ['latin1.txt', 3, 'error'],
      ['leak.txt', 0, 'error'],
      ['scan.pdf', 0, 'warning'],
    ]);
    expect(report.files.map((f) => f.file)).toEqual(['2025-06-03.json']);
  });

  it('an unreadable digest is an error (exit 1); a file that is no digest by its name or a hidden one is not', () => {
    expect(hasErrors(report)).toBe(true);
    const { report: benign } = runPipeline([
      { file: '2025-06-03.json', text: renderApi('2025-06-03', [card]) },
      { file: 'scan.pdf', text: '', notRead: { line: 0, severity: 'warning', reason: 'not a digest file name' } },
    ]);
    expect(hasErrors(benign)).toBe(false);
  });

  it('the text report says "files not read" and names each file with its line; quiet mode leaves out hidden files', () => {
    const text = formatReport(report);
    expect(text).toMatch(/ {2}files read +1\n {2}files not read +4\n/);
    expect(text).toContain('latin1.txt:3: error: not read: expected UTF-8 text, found the byte 0xE9\n');
    expect(text).toContain('leak.txt: error: not read: a link to a file outside the input folder (/etc/passwd); not followed\n');
    expect(text).toContain('scan.pdf: warning: not read: not a digest file name (expected .txt, .md, .json or a counts .jsonl)\n');
    expect(text).toContain('.gitkeep: info: not read: a hidden file\n');
    const quiet = formatReport(report, { quiet: true });
    expect(quiet).toContain('leak.txt: error: not read');
    expect(quiet).not.toContain('.gitkeep');
  });
});

describe('a digest with no paper in it', () => {
  it('an API day that is an empty list is a warning that says so, not silently an empty day', () => {
    const { report } = runPipeline([{ file: '2025-06-04.json', text: '[]\n' }]);
    expect(report.problems).toEqual([
      {
        file: '2025-06-04.json',
        line: 0,
        severity: 'warning',
        message: 'expected at least one paper, found an empty list (an empty day adds nothing to the archive)',
      },
    ]);
    expect(hasErrors(report)).toBe(false);
  });
});

describe('empty-days.txt (the weekdays the API had no papers for)', () => {
  // Monday 2025-06-02 and Thursday 2025-06-05: the 3rd and 4th have no digest; the 4th is listed.
  const inputs = [
    { file: '2025-06-02.json', text: renderApi('2025-06-02', [card]) },
    { file: '2025-06-05.json', text: renderApi('2025-06-05', [{ ...card, arxiv: '2506.00043', title: 'Another Paper' }]) },
  ];

  it('is not a digest: no entries, not a file read; its days are not missing weekdays', () => {
    const { report } = runPipeline([...inputs, { file: 'empty-days.txt', text: '# holidays\n2025-06-04\n', emptyDays: true }]);
    expect(report).toMatchObject({ filesRead: 2, entriesRead: 2, papersWritten: 2, entriesRejected: 0, problems: [] });
    expect(report.missingWeekdays).toEqual(['2025-06-03']);
    expect(report.emptyDays).toEqual({ files: ['empty-days.txt'], days: ['2025-06-04'], problems: [] });
    expect(hasErrors(report)).toBe(false);
    const text = formatReport(report);
    expect(text).toContain('  empty days         1 (weekdays the API had no papers for, not missing; empty-days.txt)');
    expect(text).toContain('warning: 1 weekday has no digest between the first and last digest day (2025-06-03)');
    expect(runPipeline(inputs).report.missingWeekdays).toEqual(['2025-06-03', '2025-06-04']);
  });

  it('a line that is not a day is an error naming file and line; the other days still count', () => {
    const { report } = runPipeline([...inputs, { file: 'empty-days.txt', text: '2025-06-04\n2025-06-31\n', emptyDays: true }]);
    expect(report.emptyDays.problems).toEqual([
      { file: 'empty-days.txt', line: 2, severity: 'error', message: 'expected a date YYYY-MM-DD, found "2025-06-31"' },
    ]);
    expect(report.emptyDays.days).toEqual(['2025-06-04']);
    expect(report.entriesRejected).toBe(0);
    expect(hasErrors(report)).toBe(true);
    expect(formatReport(report, { quiet: true })).toContain('empty-days.txt:2: error: expected a date YYYY-MM-DD, found "2025-06-31"');
  });
});
