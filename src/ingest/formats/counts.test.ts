import { describe, expect, it } from 'vitest';
import { countsFormat } from './counts.ts';
import { detectFormat } from './index.ts';
import { runPipeline } from '../pipeline.ts';
import { renderApi } from '../../../tests/support/render-digests.ts';
import { testCard } from '../../../tests/support/builders.ts';

const ctx = { file: 'counts/2026-01-12.jsonl', digestFromName: '2026-01-12' };
const line = (v: Record<string, unknown>) => JSON.stringify(v);

describe('counts reader', () => {
  it('is detected by content, and an API day is not taken for one', () => {
    const text = `${line({ arxiv: '2401.04558', upvotes: 3, comments: 0, capturedAt: '2026-01-12T06:00:00Z' })}\n`;
    expect(detectFormat(text, 'counts/2026-01-12.jsonl')?.name).toBe('counts');
    expect(
      detectFormat(renderApi('2026-01-08', [testCard({ title: 'T', published: '2026-01-07', arxiv: '2401.04558' })]), 'a.json')?.name,
    ).toBe('api');
  });

  it('reads each line as a counts capture with its own time, and refuses a bad line on its line', () => {
    const text = [
      line({ arxiv: 'arXiv:2401.04558v2', upvotes: 41, comments: 3, capturedAt: '2026-01-12T06:00:00Z' }),
      '',
      '{"arxiv": "2401.04559", "upvotes": 4',
      line({ arxiv: 'not-an-id', upvotes: 1, comments: 1, capturedAt: '2026-01-12T06:00:00Z' }),
      line({ arxiv: '2401.04560', upvotes: -2, comments: 1, capturedAt: '2026-01-12T06:00:00Z' }),
      line({ arxiv: '2401.04561', upvotes: 2, comments: 1, capturedAt: 'yesterday' }),
      line({ arxiv: '2401.04562', upvotes: null, comments: 5, capturedAt: '2026-01-12T07:00:00+01:00' }),
    ].join('\n');
    const parsed = countsFormat.parse(text, ctx);
    expect(parsed.entries.map((e) => [e.line, e.arxiv, e.upvotes, e.comments, e.capturedAt, e.digest])).toEqual([
      [1, '2401.04558', 41, 3, '2026-01-12T06:00:00.000Z', '2026-01-12'],
      [7, '2401.04562', null, 5, '2026-01-12T06:00:00.000Z', '2026-01-12'],
    ]);
    expect(parsed.problems.map((p) => `${p.line}: ${p.message}`)).toEqual([
      '3: expected a counts line {"arxiv", "upvotes", "comments", "capturedAt"}, found "{\\"arxiv\\": \\"2401.04559\\", \\"upvotes\\": 4"',
      '4: expected an arXiv id in "arxiv", found "\\"not-an-id\\""',
      '5: expected a whole number ≥ 0 in "upvotes", found "-2"',
      '6: expected a capture time like 2026-12-01T06:00:00Z in "capturedAt", found "\\"yesterday\\""',
    ]);
    expect(parsed.entriesRead).toBe(6);
  });
});

describe('counts in the pipeline', () => {
  const api = renderApi('2026-01-09', [testCard({ title: 'Counted Paper', published: '2026-01-08', arxiv: '2601.00002', upvotes: 3 })]);
  const counts = [
    line({ arxiv: '2601.00002', upvotes: 17, comments: 2, capturedAt: '2026-01-12T06:00:00Z' }),
    line({ arxiv: '2601.09999', upvotes: 5, comments: 0, capturedAt: '2026-01-12T06:00:00Z' }),
  ].join('\n');
  const { papers, report } = runPipeline([
    { file: '2026-01-09.json', text: api },
    { file: 'counts/2026-01-12.jsonl', text: counts },
  ]);

  it('adds a counts appearance to the paper of its id, whose counts become the newest', () => {
    expect(papers).toHaveLength(1);
    const paper = papers[0]!;
    expect(paper).toMatchObject({ upvotes: 17, comments: 2, digests: ['2026-01-09'], sources: { upvotes: 1, comments: 1 } });
    expect(paper.appearances.map((a) => [a.format, a.digest, a.upvotes])).toEqual([
      ['api', '2026-01-09', 3],
      ['counts', '2026-01-09', 17],
    ]);
  });

  it('refuses a line for a paper no digest shows (never a paper of its own) and still reconciles', () => {
    expect(report.problems.filter((p) => p.severity === 'error').map((p) => `${p.file}:${p.line}`)).toEqual(['counts/2026-01-12.jsonl:2']);
    expect(report.problems[0]!.message).toMatch(/^expected the arXiv id of a paper some digest shows, found "2601.09999" in no digest/);
    expect(report).toMatchObject({ entriesRead: 3, papersWritten: 1, duplicatesMerged: 1, entriesRejected: 1 });
  });
});
