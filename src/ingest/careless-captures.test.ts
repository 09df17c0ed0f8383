/**
 * Careless and hostile captures through the whole pipeline, next to the seed digest: each case is
 * one way a digest could take over a paper, break the build or lose data silently, and what
 * ingest must do instead (read it exactly, or refuse the card with `file:line` and a reason).
 */
import { readFileSync } from 'node:fs';
import path from 'node:path';
import { fileURLToPath } from 'node:url';
import { describe, expect, it } from 'vitest';
import { idCollisions, runPipeline } from './pipeline.ts';
import type { DigestInput, RawEntry } from './types.ts';
import { mergeEntries } from './merge.ts';
import { normalizeEntry } from './normalize.ts';
import { renderApi, renderMarkdown, renderPlaintext, type CardRecord } from '../../tests/support/render-digests.ts';
import { hasErrors } from './report.ts';
import { testEntry } from '../../tests/support/builders.ts';

const repoRoot = path.resolve(path.dirname(fileURLToPath(import.meta.url)), '../..');
const seed = readFileSync(path.join(repoRoot, 'content/digests/2026-01-08.txt'), 'utf8');
const seedInput: DigestInput = { file: '2026-01-08.txt', text: seed };
const seedPapers = runPipeline([seedInput]).papers;

const card = (over: Partial<CardRecord>): CardRecord => ({
  title: 'Sparse Attention Goes Far',
  abstract: 'We make attention sparse.',
  published: '2025-06-02',
  authors: ['Ada Lovelace'],
  authorCount: 1,
  org: null,
  upvotes: 5,
  comments: 1,
  arxiv: '2506.01234',
  github: null,
  project: null,
  keywords: [],
  ...over,
});

function rawCard(file: string, line: number, title: string): RawEntry {
  return testEntry({ file, line, title, abstract: '', published: '2026-01-02', authorCount: 1 });
}

const errorsOf = (r: ReturnType<typeof runPipeline>) => r.report.problems.filter((p) => p.severity === 'error');

describe('an API paper.id cannot take over a paper', () => {
  it('refuses an entry whose paper.id is another paper’s slug, naming file:line; the seed paper keeps its URL and content', () => {
    // The shortest id, so the message quotes it whole.
    const victim = [...seedPapers].sort((a, b) => a.id.length - b.id.length)[0]!;
    const intruder = {
      file: '2026-01-09.json',
      text: renderApi('2026-01-09', [card({ title: 'Intruder', arxiv: victim.id }), card({ title: 'Honest' })]),
    };
    const { papers, report } = runPipeline([seedInput, intruder]);
    expect(new Set(papers.map((p) => p.id)).size).toBe(papers.length);
    expect(papers.find((p) => p.id === victim.id)).toEqual(victim);
    expect(papers).toHaveLength(45);
    expect(report).toMatchObject({ entriesRead: 46, papersWritten: 45, entriesRejected: 1 });
    expect(report.problems).toEqual([
      {
        file: '2026-01-09.json',
        line: 2,
        severity: 'error',
        message: `expected "paper.id" to be an arXiv id like "2401.04558" or "hep-th/9901001", found ${JSON.stringify(victim.id)}`,
      },
    ]);
  });

  it('gives an old-style id a dotted URL id no title slug can have, and keeps the id itself for arXiv links', () => {
    const old = {
      file: '2026-01-09.json',
      text: renderApi('2026-01-09', [
        card({ title: 'Hep-th 9901001', arxiv: 'hep-th/9901001v2', published: '1999-01-05' }),
        card({ title: 'Knots', arxiv: 'math.GT/0309136', published: '2003-09-09' }),
      ]),
    };
    const slugTwin = {
      file: '2026-01-10.txt',
      text: renderPlaintext('2026-01-10', [card({ title: 'hep-th 9901001', arxiv: null, published: '2026-01-02' })]),
    };
    const { papers, report } = runPipeline([old, slugTwin]);
    expect(errorsOf({ papers, report, ledgerText: null })).toEqual([]);
    expect(papers.map((p) => [p.id, p.arxiv])).toEqual([
      ['hep-th-9901001', null],
      ['hep-th.9901001', 'hep-th/9901001'],
      ['math.0309136', 'math/0309136'],
    ]);
  });
});

describe('the id collision guard', () => {
  // Unreachable through the readers (arXiv URL ids have a dot, slugs never do), so driven directly.
  it('refuses every capture of a second paper given a taken id or an alias that is another paper’s id, naming both sources', () => {
    const entries = [
      normalizeEntry({ ...rawCard('2026-01-08.txt', 13, 'First'), capturedAt: null }),
      normalizeEntry({ ...rawCard('h/2026-01-09.json', 2, 'Intruder'), capturedAt: null }),
      normalizeEntry({ ...rawCard('h/2026-01-09.md', 7, 'Third'), capturedAt: null }),
    ];
    const merged = mergeEntries(entries);
    const { rejected, problems } = idCollisions(merged, ['first', 'first', 'third'], [[], [], ['first']]);
    expect([...rejected].sort()).toEqual([1, 2]);
    expect(problems).toEqual([
      {
        file: 'h/2026-01-09.json',
        line: 2,
        severity: 'error',
        message: 'expected a permalink of its own, found "first", already the URL of the paper from 2026-01-08.txt:13',
      },
      {
        file: 'h/2026-01-09.md',
        line: 7,
        severity: 'error',
        message: 'expected an old URL of its own, found "first", the URL of the paper from 2026-01-08.txt:13',
      },
    ]);
  });
});

describe('implausible days are refused before they reach the site', () => {
  const renamed = (file: string) => runPipeline([{ file, text: seed }]);

  it.each([
    ['0026-01-08.txt', '"0026-01-08"'],
    ['9999-12-30.txt', '"9999-12-30"'],
    ['2026-02-30.txt', '"2026-02-30"'],
  ])('%s: every card refused with file:line, none written', (file, found) => {
    const r = renamed(file);
    expect(r.papers).toEqual([]);
    expect(r.report).toMatchObject({ entriesRead: 44, papersWritten: 0, entriesRejected: 44 });
    const errors = errorsOf(r);
    expect(errors).toHaveLength(44);
    expect(errors[0]).toEqual({
      file,
      line: 13,
      severity: 'error',
      message: `expected a digest day that exists, from 1991-01-01 to 2050-12-31, found ${found}`,
    });
  });

  it('refuses a card dated outside the range or after its digest day, keeping the rest', () => {
    const text = renderPlaintext('2026-01-08', [
      card({ title: 'Ancient', published: '0026-01-08', arxiv: null }),
      card({ title: 'Fine', published: '2025-12-30', arxiv: null }),
      card({ title: 'From The Future', published: '2027-03-01', arxiv: null }),
    ]);
    const api = renderApi('2026-01-08', [
      card({ title: 'Far Future', published: '9999-12-30' }),
      card({ title: 'A Day Early Is Time Zones', published: '2026-01-09', arxiv: '2601.00009' }),
    ]);
    const r = runPipeline([
      { file: '2026-01-08.txt', text },
      { file: '2026-01-08.json', text: api },
    ]);
    expect(r.papers.map((p) => p.title)).toEqual(['A Day Early Is Time Zones', 'Fine']);
    expect(errorsOf(r).map((p) => [p.file, p.line, p.message])).toEqual([
      ['2026-01-08.json', 2, 'expected a publication date from 1991-01-01 to 2050-12-31, found "9999-12-30"'],
      ['2026-01-08.txt', 13, 'expected a publication date from 1991-01-01 to 2050-12-31, found "0026-01-08"'],
      ['2026-01-08.txt', 29, 'expected a publication date on or before the day after the digest day 2026-01-08, found "2027-03-01"'],
    ]);
  });
});

describe('titles are keyed and read as they are', () => {
  it('keeps titles without letters or digits apart, each with its abstract', () => {
    const titles = ['!!! ???', '..', '🚀🔥'];
    const text = renderPlaintext(
      '2026-01-08',
      titles.map((title, i) => card({ title, abstract: `Abstract ${i}.`, arxiv: null, published: '2026-01-02' })),
    );
    const r = runPipeline([{ file: '2026-01-08.txt', text }]);
    expect(errorsOf(r)).toEqual([]);
    expect(r.papers.map((p) => [p.title, p.abstract]).sort()).toEqual(titles.map((t, i) => [t, `Abstract ${i}.`]).sort());
    expect(new Set(r.papers.map((p) => p.id)).size).toBe(3);
  });

  it('reads a title made of digits as a title, in a copy with upvote counts and in one without', () => {
    const cards = [
      card({ title: '404', abstract: 'Missing pages.', arxiv: null, upvotes: 7 }),
      card({ title: 'Other', abstract: 'Other text.', arxiv: null, upvotes: 0 }),
    ];
    for (const upvotes of [false, true]) {
      const r = runPipeline([{ file: '2026-01-08.txt', text: renderPlaintext('2026-01-08', cards, { upvotes }) }]);
      expect(r.report.problems).toEqual([]);
      expect(r.papers.map((p) => [p.title, p.abstract, p.upvotes])).toEqual([
        ['404', 'Missing pages.', upvotes ? 7 : null],
        ['Other', 'Other text.', upvotes ? 0 : null],
      ]);
    }
  });

  it('joins a re-capture dated a day off to the same paper, without changing the URL it already had', () => {
    const first = { file: '2026-01-08.txt', text: renderPlaintext('2026-01-08', [card({ arxiv: null, published: '2026-01-02' })]) };
    const again = { file: '2026-01-09.md', text: renderMarkdown('2026-01-09', [card({ arxiv: null, published: '2026-01-03' })]) };
    const alone = runPipeline([first]).papers;
    const both = runPipeline([first, again]);
    expect(both.papers).toHaveLength(1);
    expect(both.papers[0]!.id).toBe(alone[0]!.id);
    expect(both.papers[0]!.digests).toEqual(['2026-01-08', '2026-01-09']);
    expect(both.report.slugCollisions).toEqual([]);
  });
});

describe('wrong types in API counts', () => {
  it('coerces "7", and turns -5, 3.5, 1e20 and "many" into null with a warning naming the field; never rejects the paper', () => {
    const entries = JSON.parse(
      renderApi(
        '2026-01-08',
        [1, 2, 3, 4, 5].map((n) => card({ title: `Count ${n}`, arxiv: `2601.0000${n}` })),
      ),
    ) as Array<{ paper: Record<string, unknown>; numComments: unknown }>;
    const bad: Array<[unknown, unknown]> = [
      ['7', '2'],
      [-5, 3.5],
      [1e20, 'many'],
      [null, true],
      [12, 0],
    ];
    entries.forEach((e, i) => {
      e.paper.upvotes = bad[i]![0];
      e.numComments = bad[i]![1];
    });
    const r = runPipeline([{ file: '2026-01-08.json', text: JSON.stringify(entries, null, 4) }]);
    expect(r.report).toMatchObject({ entriesRead: 5, papersWritten: 5, entriesRejected: 0 });
    expect(r.papers.map((p) => [p.upvotes, p.comments])).toEqual([
      [7, 2],
      [null, null],
      [null, null],
      [null, null],
      [12, 0],
    ]);
    // Entries start on lines 2, 23, 44, 65 and 86 of the rendered day.
    const w = (field: string, found: string) =>
      `expected "${field}" to be a whole number from 0 to 9007199254740991, found ${found} (kept the paper without it)`;
    expect(r.report.problems.map((p) => [p.line, p.severity, p.message])).toEqual([
      [23, 'warning', w('numComments', '3.5')],
      [23, 'warning', w('paper.upvotes', '-5')],
      [44, 'warning', w('numComments', '"many"')],
      [44, 'warning', w('paper.upvotes', '100000000000000000000')],
      [65, 'warning', w('numComments', 'true')],
    ]);
  });
});

describe('older api/daily_papers days (2024)', () => {
  it('takes the digest day from the entries’ top-level publishedAt when there is no submittedOnDailyAt, organization or githubRepo', () => {
    const entries = JSON.parse(
      renderApi('2024-06-03', [
        card({ title: 'Old Day One', published: '2024-05-31' }),
        card({ title: 'Old Day Two', arxiv: '2405.21075', published: '2024-05-30' }),
      ]),
    ) as Array<{ paper: Record<string, unknown> }>;
    for (const e of entries) delete e.paper.submittedOnDailyAt;
    const r = runPipeline([{ file: 'daily_papers.json', text: JSON.stringify(entries, null, 4) }]);
    expect(r.report).toMatchObject({ entriesRead: 2, papersWritten: 2, entriesRejected: 0, problems: [] });
    expect(r.report.files[0]!.digest).toBe('2024-06-03');
    expect(r.papers.map((p) => p.digests)).toEqual([['2024-06-03'], ['2024-06-03']]);
  });
});

describe('two captures of the same day', () => {
  const capture = (retrieved: string | null, upvotes: number, comments: number) => {
    const text = renderMarkdown('2026-01-08', [card({ upvotes, comments })]);
    return retrieved === null ? text.replace(/^retrieved: .*\n/m, '') : text.replace(/^retrieved: .*$/m, `retrieved: ${retrieved}`);
  };

  it('take the counts of the newest capture, whatever the files are called', () => {
    const morning = capture('2026-01-08T08:00:00Z', 50, 9);
    const evening = capture('2026-01-08T21:30:00Z', 20, 4);
    for (const [a, b] of [
      ['2026-01-08-a.md', '2026-01-08-b.md'],
      ['2026-01-08-b.md', '2026-01-08-a.md'],
    ]) {
      const r = runPipeline([
        { file: a!, text: evening },
        { file: b!, text: morning },
      ]);
      expect(r.papers[0]).toMatchObject({ upvotes: 20, comments: 4 });
    }
  });

  it('take the larger counts when a capture time is unknown, whatever the files are called', () => {
    const one = capture(null, 50, 4);
    const two = capture(null, 20, 9);
    for (const [a, b] of [
      ['2026-01-08-a.md', '2026-01-08-b.md'],
      ['2026-01-08-b.md', '2026-01-08-a.md'],
    ]) {
      const r = runPipeline([
        { file: a!, text: one },
        { file: b!, text: two },
      ]);
      expect(r.papers[0]).toMatchObject({ upvotes: 50, comments: 9 });
    }
  });
});

describe('a trending capture by another HTML-to-markdown converter', () => {
  it('is read exactly (dates, upvotes, orgs, author counts), and its card that swallowed page chrome is refused, not half-read', () => {
    const file = '2026-10-06-trending.md';
    const text = readFileSync(path.join(repoRoot, 'src/ingest/formats/fixtures/markdown/trending-other-converter', file), 'utf8');
    const r = runPipeline([{ file, text }]);
    expect(r.report).toMatchObject({ entriesRead: 10, papersWritten: 4, duplicatesMerged: 4, entriesRejected: 2 });
    expect(hasErrors(r.report)).toBe(true);
    expect(r.papers.map((p) => [p.id, p.published, p.upvotes, p.org?.slug ?? null, p.authorCount, p.digests])).toEqual([
      ['2609.29321', '2026-09-30', 39, 'nvidia', null, ['2026-10-06']],
      ['2610.01984', '2026-10-01', 0, null, 3, ['2026-10-06']],
      ['2610.03680', '2026-10-02', 121, null, 8, ['2026-10-06']],
      ['2610.04871', '2026-10-04', 484, 'samsung', null, ['2026-10-06']],
    ]);
    expect(r.papers.every((p) => !/\]\(|·|Upvote|Published on|Submitted by/.test(p.abstract))).toBe(true);
    expect(errorsOf(r).map((p) => `${p.file}:${p.line}`)).toEqual([`${file}:131`, `${file}:147`]);
  });
});
