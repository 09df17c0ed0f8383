/**
 * A hostile and careless set for the readers, normalisation, merge and ids: 60+ inputs, each
 * ingested next to the seed digest. Every one must be read exactly (its `check` holds, no error)
 * or refused with `file:line: expected …` (an error on its own file, line ≥ 1); none may crash,
 * lose a card silently (the report reconciles, per file), or change a seed paper or its URLs.
 * The tally printed at the end is the figure the issue asks for.
 */
import { readFileSync } from 'node:fs';
import path from 'node:path';
import { fileURLToPath } from 'node:url';
import { afterAll, describe, expect, it } from 'vitest';
import { runPipeline, type IngestResult } from './pipeline.ts';
import type { DigestInput } from './types.ts';
import {
  renderApi,
  renderMarkdown,
  renderPlaintext,
  renderTextBrowser,
  renderTrending,
  renderTrendingVariant,
  toPyRepr,
  type CardRecord,
} from '../../tests/support/render-digests.ts';
import type { Paper } from '../schemas/paper.ts';
import { countedCard } from '../../tests/support/builders.ts';

const repoRoot = path.resolve(path.dirname(fileURLToPath(import.meta.url)), '../..');
const SEED: DigestInput = { file: '2026-01-08.txt', text: readFileSync(path.join(repoRoot, 'content/digests/2026-01-08.txt'), 'utf8') };
const alone = runPipeline([SEED]).papers;
const VARIANT = readFileSync(
  path.join(repoRoot, 'src/ingest/formats/fixtures/markdown/trending-other-converter/2026-10-06-trending.md'),
  'utf8',
);

const card = (over: Partial<CardRecord> = {}): CardRecord =>
  countedCard({
    title: 'Hostile Paper',
    abstract: 'Plain abstract.',
    published: '2026-01-02',
    authors: ['Ada Lovelace'],
    upvotes: 5,
    arxiv: '2601.00001',
    ...over,
  });
/** An API day with one field of its first entry set to a raw JSON value. */
function apiWith(set: (entry: { paper: Record<string, unknown> } & Record<string, unknown>) => void, cards = [card()]): string {
  const entries = JSON.parse(renderApi('2026-01-09', cards)) as Array<{ paper: Record<string, unknown> } & Record<string, unknown>>;
  set(entries[0]!);
  return JSON.stringify(entries, null, 4);
}

type Outcome = { refused: RegExp } | { check: (papers: Paper[], r: IngestResult) => void };
interface Case {
  name: string;
  files: DigestInput[];
  expect: Outcome;
}

const paperOf = (r: IngestResult, title: string) => r.papers.find((p) => p.title === title);
const refused = (pattern: RegExp): Outcome => ({ refused: pattern });
const exact = (check: (papers: Paper[], r: IngestResult) => void): Outcome => ({ check });

const CASES: Case[] = [
  // Item 2: ids.
  ...alone.slice(0, 4).map((s, i): Case => ({
    name: `API paper.id = seed slug #${i}`,
    files: [{ file: '2026-01-09.json', text: renderApi('2026-01-09', [card({ arxiv: s.id })]) }],
    expect: refused(/expected "paper\.id" to be an arXiv id/),
  })),
  ...['../../etc/passwd', '2401.1}{x', 'paper-0123456789', 'sparse-attention-goes-far-2025-06-02', 'Ünïcode', '2413.00001', ''].map(
    (id): Case => ({
      name: `API paper.id ${JSON.stringify(id)}`,
      files: [{ file: '2026-01-09.json', text: apiWith((e) => (e.paper.id = id)) }],
      expect: refused(/expected "paper\.id" to be an arXiv id/),
    }),
  ),
  {
    name: 'API paper.id as a number',
    files: [{ file: '2026-01-09.json', text: apiWith((e) => (e.paper.id = 2401.04558)) }],
    expect: refused(/expected "paper\.id" to be an arXiv id/),
  },
  ...(
    [
      ['hep-th/9901001', 'hep-th.9901001'],
      ['HEP-TH/9901001v2', 'hep-th.9901001'],
      ['math.GT/0309136', 'math.0309136'],
      ['arXiv:2401.04558v3', '2401.04558'],
    ] as const
  ).map(([id, url]): Case => ({
    name: `API paper.id ${id} → /papers/${url}/`,
    files: [{ file: '2026-01-09.json', text: renderApi('2026-01-09', [card({ arxiv: id, published: '2003-09-09' })]) }],
    expect: exact((papers) => expect(papers.find((p) => p.title === 'Hostile Paper')!.id).toBe(url)),
  })),
  {
    name: 'markdown link to a slug-like paper page',
    files: [{ file: '2026-01-09.md', text: renderMarkdown('2026-01-09', [card({ arxiv: alone[0]!.id })]) }],
    expect: exact((papers) => expect(paperOf({ papers } as IngestResult, 'Hostile Paper')!.arxiv).toBeNull()),
  },

  // Item 4: days.
  ...['0026-01-08.txt', '9999-12-30.txt', '2026-02-30.txt', '2026-13-01.txt', '1990-12-31.txt', '2051-01-01.txt'].map((file): Case => ({
    name: `file named ${file}`,
    files: [{ file, text: renderPlaintext('2026-01-08', [card({ arxiv: null })]) }],
    expect: refused(/expected a digest day that exists, from 1991-01-01 to 2050-12-31/),
  })),
  ...['0026-01-08', '9999-12-30', '1990-06-01', '2051-01-01'].map((day): Case => ({
    name: `plain-text card dated ${day}`,
    files: [{ file: '2026-01-09.txt', text: renderPlaintext('2026-01-09', [card({ arxiv: null, published: day })]) }],
    expect: refused(/expected a publication date (from 1991-01-01 to 2050-12-31|on or before the day after)/),
  })),
  {
    name: 'plain-text card dated Feb 30, 2025',
    files: [
      {
        file: '2026-01-09.txt',
        text: renderPlaintext('2026-01-09', [card({ arxiv: null, published: '2025-01-30' })]).replace('Jan 30, 2025', 'Feb 30, 2025'),
      },
    ],
    expect: refused(/expected a date line like/),
  },
  {
    name: 'API publishedAt 9999-12-30',
    files: [{ file: '2026-01-09.json', text: apiWith((e) => (e.paper.publishedAt = '9999-12-30T00:00:00Z')) }],
    expect: refused(/expected a publication date from 1991-01-01/),
  },
  {
    name: 'API publishedAt after the digest',
    files: [{ file: '2026-01-09.json', text: apiWith((e) => (e.paper.publishedAt = '2026-03-01T00:00:00Z')) }],
    expect: refused(/on or before the day after the digest day 2026-01-09/),
  },
  {
    name: 'markdown front matter retrieved 9999-01-01, no date in the name',
    files: [{ file: 'capture.md', text: renderMarkdown('9999-01-01', [card()]) }],
    expect: refused(/expected a digest day that exists/),
  },
  {
    name: 'text browser captured 0026-06-29, no date in the name',
    files: [{ file: 'dump.txt', text: renderTextBrowser('0026-06-29', [card({ published: '0026-06-01' })]) }],
    expect: refused(/expected a digest day that exists/),
  },
  {
    name: 'API wrapper dated 9999-12-30, no date in the name',
    files: [{ file: 'day.json', text: renderApi('9999-12-30', [card()], 'wrapper') }],
    expect: refused(/expected a digest day that exists/),
  },

  // Item 11: titles.
  {
    name: 'letterless titles on one day',
    files: [
      {
        file: '2026-01-09.txt',
        text: renderPlaintext(
          '2026-01-09',
          ['!!! ???', '..', '🚀🔥'].map((title, i) => card({ title, abstract: `A${i}.`, arxiv: null })),
        ),
      },
    ],
    expect: exact((papers) =>
      expect(['!!! ???', '..', '🚀🔥'].map((t) => papers.find((p) => p.title === t)?.abstract)).toEqual(['A0.', 'A1.', 'A2.']),
    ),
  },
  ...(['404', '2048', '7'] as const).flatMap((title): Case[] => [
    {
      name: `plain-text title ${title}`,
      files: [
        {
          file: '2026-01-09.txt',
          text: renderPlaintext('2026-01-09', [card({ title, arxiv: null }), card({ title: 'Other', arxiv: null })]),
        },
      ],
      expect: exact((papers) => expect(papers.some((p) => p.title === title && p.abstract === 'Plain abstract.')).toBe(true)),
    },
    {
      name: `plain-text title ${title} with upvote lines`,
      files: [
        {
          file: '2026-01-09.txt',
          text: renderPlaintext('2026-01-09', [card({ title, arxiv: null }), card({ title: 'Other', arxiv: null })], { upvotes: true }),
        },
      ],
      expect: exact((papers) => expect(papers.find((p) => p.title === title)).toMatchObject({ upvotes: 5, abstract: 'Plain abstract.' })),
    },
    {
      name: `markdown title ${title}`,
      files: [{ file: '2026-01-09.md', text: renderMarkdown('2026-01-09', [card({ title })]) }],
      expect: exact((papers) => expect(papers.find((p) => p.id === '2601.00001')).toMatchObject({ title, upvotes: 5 })),
    },
  ]),
  {
    name: 'trending title 404',
    files: [{ file: '2026-01-09-trending.md', text: renderTrending([card({ title: '404', github: 'https://github.com/a/b' })]) }],
    expect: exact((papers) => expect(papers.find((p) => p.title === '404')).toBeDefined()),
  },
  {
    name: "other converter's title 1984",
    files: [{ file: '2026-01-09.md', text: renderTrendingVariant('2026-01-09', [card({ title: '1984' })]) }],
    expect: exact((papers) => expect(papers.find((p) => p.id === '2601.00001')).toMatchObject({ title: '1984', upvotes: 5 })),
  },
  {
    name: 're-capture a day off',
    files: [
      { file: '2026-01-09.txt', text: renderPlaintext('2026-01-09', [card({ arxiv: null })]) },
      { file: '2026-01-10.md', text: renderMarkdown('2026-01-10', [card({ arxiv: null, published: '2026-01-03' })]) },
    ],
    expect: exact((papers) => expect(papers.filter((p) => p.title === 'Hostile Paper').map((p) => p.id)).toEqual(['hostile-paper'])),
  },
  {
    name: 're-capture two days off is another paper',
    files: [
      { file: '2026-01-09.txt', text: renderPlaintext('2026-01-09', [card({ arxiv: null })]) },
      { file: '2026-01-10.md', text: renderMarkdown('2026-01-10', [card({ arxiv: null, published: '2026-01-04', abstract: 'Other.' })]) },
    ],
    expect: exact((papers) => expect(papers.filter((p) => p.title === 'Hostile Paper')).toHaveLength(2)),
  },

  // Item 12: counts.
  ...(
    [
      [-5, null],
      [3.5, null],
      ['7', 7],
      [1e20, null],
      ['many', null],
      [true, null],
      [{}, null],
      [[], null],
    ] as const
  ).map(([value, read]): Case => ({
    name: `API upvotes ${JSON.stringify(value)}`,
    files: [
      {
        file: '2026-01-09.json',
        text: apiWith((e) => {
          e.paper.upvotes = value;
          e.numComments = value;
        }),
      },
    ],
    expect: exact((papers, r) => {
      expect(papers.find((p) => p.id === '2601.00001')).toMatchObject({ upvotes: read, comments: read });
      if (read === null)
        expect(r.report.problems.filter((p) => p.severity === 'warning' && /"(paper\.upvotes|numComments)"/.test(p.message))).toHaveLength(
          2,
        );
    }),
  })),

  // Item 14: 2024 API days without a digest date in the name.
  ...['list', 'repr', 'list, CRLF'].map((shape): Case => ({
    name: `2024 API day (${shape}) without submittedOnDailyAt`,
    files: [
      {
        file: 'daily_papers.json',
        text: (() => {
          const entries = JSON.parse(
            renderApi('2024-06-03', [
              card({ published: '2024-05-31' }),
              card({ title: 'Two', arxiv: '2405.00002', published: '2024-05-30' }),
            ]),
          ) as Array<{ paper: Record<string, unknown>; publishedAt: string }>;
          for (const e of entries) delete e.paper.submittedOnDailyAt;
          entries[1]!.publishedAt = '2024-06-02T22:10:00.000Z';
          const text = shape === 'repr' ? JSON.stringify(entries.map(toPyRepr), null, 4) : JSON.stringify(entries, null, 4);
          return shape === 'list, CRLF' ? text.replace(/\n/g, '\r\n') : text;
        })(),
      },
    ],
    expect: exact((papers) => expect(papers.filter((p) => p.digests.includes('2024-06-03')).length).toBe(2)),
  })),

  // Item 15: another converter's trending page, and page chrome in abstracts.
  {
    name: "another converter's trending page (fixture)",
    files: [{ file: '2026-10-06-trending.md', text: VARIANT }],
    expect: refused(/found "Submitted by" \(page chrome/),
  },
  {
    name: "another converter's page, good cards only",
    files: [{ file: '2026-10-06-trending.md', text: VARIANT.slice(0, VARIANT.indexOf('### [Agents That Read')) }],
    expect: exact((papers) =>
      expect(papers.filter((p) => p.digests.includes('2026-10-06')).map((p) => p.upvotes)).toEqual([39, 0, 121, 484]),
    ),
  },
  {
    name: "another converter's page, footer without a rule",
    files: [
      {
        file: '2026-10-06-trending.md',
        text: VARIANT.slice(0, VARIANT.indexOf('### [Agents That Read')) + 'Company\n\n[TOS](https://huggingface.co/terms-of-service)\n',
      },
    ],
    expect: refused(/page chrome/),
  },
  {
    name: "another converter's card with an impossible date",
    files: [{ file: '2026-10-06-trending.md', text: VARIANT.replace('Published on Oct 4, 2026', 'Published on Oct 33, 2026') }],
    expect: refused(/expected a date like "Oct 4, 2026" after "Published on", found "Oct 33, 2026"/),
  },
  {
    name: "another converter's card with an unknown byline",
    files: [{ file: '2026-10-06-trending.md', text: VARIANT.replace('- 8 authors · Published', 'by someone · Published') }],
    expect: refused(/expected a byline/),
  },
  {
    name: "another converter's upvote button cut off",
    files: [
      { file: '2026-10-06-trending.md', text: VARIANT.replace('484](https://huggingface.co/login?next=%2Fpapers%2F2610.04871)', '484') },
    ],
    expect: refused(/expected the upvote count/),
  },
  {
    name: 'search markdown abstract swallows Submitted by',
    files: [
      {
        file: '2026-01-09.md',
        text: renderMarkdown('2026-01-09', [card()]).replace(
          '](https://huggingface.co/papers/2601.00001)\n\n[- ',
          '](https://huggingface.co/papers/2601.00001)\n\nSubmitted by\n\n[- ',
        ),
      },
    ],
    expect: refused(/page chrome/),
  },
  {
    name: 'search markdown abstract swallows a second date',
    files: [
      {
        file: '2026-01-09.md',
        text: renderMarkdown('2026-01-09', [card()]).replace(
          '](https://huggingface.co/papers/2601.00001)\n\n[- ',
          '](https://huggingface.co/papers/2601.00001)\n\nDec 30, 2025\n\n[- ',
        ),
      },
    ],
    expect: refused(/page chrome/),
  },
  {
    name: 'trending abstract swallows a · line',
    files: [
      {
        file: '2026-01-09-trending.md',
        text: renderTrending([card({ github: 'https://github.com/a/b' })]).replace('Plain abstract.', 'Plain abstract.\n· 12 comments'),
      },
    ],
    expect: refused(/page chrome/),
  },
  {
    name: 'trending abstract swallows a date line',
    files: [
      {
        file: '2026-01-09-trending.md',
        text: renderTrending([card({ github: 'https://github.com/a/b' })]).replace(
          'Plain abstract.',
          'Plain abstract.\n· Published on Jan 2, 2026',
        ),
      },
    ],
    expect: refused(/expected the byline and "· Published on <date>" right after the title, found "Plain abstract\."/),
  },
  {
    name: 'text browser abstract swallows a reference',
    files: [
      {
        file: '2026-01-09.txt',
        text: renderTextBrowser('2026-01-09', [card()]).replace('Plain abstract.', 'Plain abstract.\n[akhaliq][98]'),
      },
    ],
    expect: refused(/page chrome/),
  },

  // Item 16: two captures of one day.
  ...[
    ['a', 'b'],
    ['b', 'a'],
  ].flatMap(([x, y]): Case[] => [
    {
      name: `two timed captures of one day (${x}/${y})`,
      files: [
        {
          file: `2026-01-09-${x}.md`,
          text: renderMarkdown('2026-01-09', [card({ upvotes: 50 })]).replace(/^retrieved: .*$/m, 'retrieved: 2026-01-09T08:00:00Z'),
        },
        {
          file: `2026-01-09-${y}.md`,
          text: renderMarkdown('2026-01-09', [card({ upvotes: 20 })]).replace(/^retrieved: .*$/m, 'retrieved: 2026-01-09T22:00:00Z'),
        },
      ],
      expect: exact((papers) => expect(papers.find((p) => p.id === '2601.00001')!.upvotes).toBe(20)),
    },
    {
      name: `two untimed captures of one day (${x}/${y})`,
      files: [
        { file: `2026-01-09-${x}.txt`, text: renderPlaintext('2026-01-09', [card({ arxiv: null, upvotes: 50 })], { upvotes: true }) },
        { file: `2026-01-09-${y}.txt`, text: renderPlaintext('2026-01-09', [card({ arxiv: null, upvotes: 20 })], { upvotes: true }) },
      ],
      expect: exact((papers) => expect(papers.find((p) => p.title === 'Hostile Paper')!.upvotes).toBe(50)),
    },
  ]),
];

const tally = { cases: 0, exact: 0, refused: 0, crashed: 0, silentLoss: 0, seedChanged: 0 };
afterAll(() =>
  console.log(
    `[hostile set] ${tally.cases} inputs: ${tally.exact} read exactly, ${tally.refused} refused with file:line, ${tally.crashed} crashed, ${tally.silentLoss} lost silently, ${tally.seedChanged} changed a seed paper`,
  ),
);

describe('hostile and careless inputs next to the seed', () => {
  it('has at least 60 of them', () => expect(CASES.length).toBeGreaterThanOrEqual(60));

  it.each(CASES)('$name', ({ files, expect: outcome }) => {
    tally.cases++;
    let r: IngestResult;
    try {
      r = runPipeline([SEED, ...files.map((f) => ({ ...f, file: `h/${f.file}` }))]);
    } catch (cause) {
      tally.crashed++;
      throw cause;
    }
    const { report, papers } = r;
    const mine = new Set(files.map((f) => `h/${f.file}`));
    const errors = report.problems.filter((p) => p.severity === 'error' && mine.has(p.file));
    // Per file, every card read is written, merged or refused: nothing lost silently.
    const accepted = report.files.filter((f) => mine.has(f.file)).reduce((n, f) => n + f.entriesAccepted, 0);
    const read = report.files.filter((f) => mine.has(f.file)).reduce((n, f) => n + f.entriesRead, 0);
    const refusedCards = errors.filter((p) => p.line > 0).length;
    if (read !== accepted + refusedCards || report.entriesRead !== report.papersWritten + report.duplicatesMerged + report.entriesRejected)
      tally.silentLoss++;
    expect(read).toBe(accepted + refusedCards);
    const seedNow = alone.map((s) =>
      papers.find((p) => p.appearances.some((a) => a.file === SEED.file && a.line === s.appearances[0]!.line)),
    );
    if (seedNow.some((p, i) => JSON.stringify(p) !== JSON.stringify(alone[i]))) tally.seedChanged++;
    expect(seedNow).toEqual(alone);
    if ('refused' in outcome) {
      expect(
        errors.some((p) => p.line > 0 && /^expected /.test(p.message) && outcome.refused.test(p.message)),
        JSON.stringify(errors),
      ).toBe(true);
      tally.refused++;
    } else {
      expect(errors).toEqual([]);
      outcome.check(papers, r);
      tally.exact++;
    }
  });
});
