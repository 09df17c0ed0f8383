/** api/daily_papers reader: fixtures (see tests/support/fixtures.ts), then explicit checks per case. */
import { describe, expect, it } from 'vitest';
import { apiFormat, parseApi } from './api.ts';
import { checkReaderCase, readerCase, readerCaseNames } from '../../../tests/support/fixtures.ts';

const read = (name: string) => readerCase('api', name, apiFormat).parsed;

describe('api fixtures', () => {
  for (const name of readerCaseNames('api')) it(`${name} matches expected.json`, () => checkReaderCase('api', name, apiFormat));
});

describe('api cases, explicitly', () => {
  it('reads every field a day carries; hidden authors dropped, newlines in titles and URLs undone', () => {
    const [first, second] = read('list').entries;
    expect(first).toMatchObject({
      line: 2,
      digest: '2024-06-03',
      title: 'State Space Models Are Transformers',
      abstract: 'We study things.\nAcross two lines.',
      published: '2024-05-31',
      authors: ['Ada Lovelace', 'Charles  Babbage'],
      authorCount: 2,
      org: { slug: 'nvidia', name: 'NVIDIA' },
      upvotes: 27,
      comments: 3,
      arxiv: '2405.21060',
      github: 'https://github.com/state-spaces/mamba',
      project: 'https://example.org/ssm',
      keywords: ['state space models', 'SSD'],
    });
    expect(second).toMatchObject({ upvotes: 0, comments: 0, org: null, github: null, project: null, keywords: [] });
  });

  it('reads lists of Python-repr strings, quotes and backslashes intact', () => {
    const parsed = read('python-repr');
    expect(parsed.entries.map((e) => e.title)).toEqual(['It\'s "Quoted" Models', 'Plain Entry With Few Fields']);
    expect(parsed.entries[0]!.abstract).toBe('Costs $5 and 30\\% less.\nWrapped.');
    expect(parsed.entries[0]!.authors).toEqual(['Ada Lovelace', 'Charles  Babbage']);
  });

  it("takes the digest day from the wrapper's date when the file name has none", () => {
    const parsed = read('wrapper');
    expect(parsed.digest).toBe('2025-01-10');
    expect(parsed.entries.map((e) => e.arxiv)).toEqual(['2501.00004', '2501.00005']);
  });

  it('takes the digest day from submittedOnDailyAt when nothing else gives it; a bad publishedAt is no date', () => {
    const parsed = read('date-from-submitted');
    expect(parsed.digest).toBe('2024-06-04');
    expect(parsed.entries.map((e) => e.published)).toEqual(['2024-05-31', null]);
  });

  it('gives back the neighbour an item swallowed when it lost its closing brace', () => {
    const parsed = read('lost-brace-between-good');
    expect(parsed.entries.map((e) => e.title)).toEqual(['First Good', 'Last Good']);
    expect(parsed.problems).toEqual([
      expect.objectContaining({
        severity: 'error',
        line: 37,
        message: expect.stringMatching(/^expected the entry to end with "}", found the next entry/),
      }),
    ]);
  });

  it('rejects only the entry a truncation cut, naming its line', () => {
    const parsed = read('truncated');
    expect(parsed.entries.map((e) => e.title)).toEqual(['First Good', 'Broken Middle']);
    expect(parsed.entriesRead).toBe(3);
    expect(parsed.problems).toEqual([
      expect.objectContaining({ severity: 'error', line: 72, message: expect.stringMatching(/found the end of the file/) }),
    ]);
  });

  it('reads through a BOM, CRLF line ends and non-breaking spaces between tokens', () => {
    expect(read('nbsp-crlf-bom').entries.map((e) => e.title)).toEqual(['First Good', 'Broken Middle']);
  });

  it('rejects items that are not entries, one error each', () => {
    const parsed = read('not-an-entry');
    expect(parsed.entries.map((e) => e.title)).toEqual(['Ok']);
    expect(parsed.problems.filter((p) => p.severity === 'error').map((p) => p.message)).toEqual([
      'expected an api/daily_papers entry (an object), found "42"',
      'expected an entry with a "title", found keys "paper, numComments"',
    ]);
  });

  it('dates a 2024 day (no submittedOnDailyAt, organization or githubRepo) by its entries’ top-level publishedAt', () => {
    const parsed = read('older-day-2024');
    expect(parsed.digest).toBe('2024-06-03');
    expect(parsed.problems).toEqual([]);
    expect(parsed.entries.map((e) => [e.digest, e.published, e.arxiv, e.org, e.github, e.upvotes, e.comments])).toEqual([
      ['2024-06-03', '2024-05-31', '2405.21060', null, null, 27, 3],
      ['2024-06-03', '2024-05-31', '2405.21075', null, null, 15, 0],
    ]);
  });

  it('takes paper.id only when it is an arXiv id (canonical form), refusing the entry otherwise', () => {
    const day = (id: unknown) => JSON.stringify([{ paper: { id, publishedAt: '2024-05-31T00:00:00Z' }, title: 'T' }]);
    const ctx = { file: '2024-06-03.json', digestFromName: '2024-06-03' };
    expect(parseApi(day('arXiv:2401.04558v3'), ctx).entries[0]!.arxiv).toBe('2401.04558');
    expect(parseApi(day('math.GT/0309136'), ctx).entries[0]!.arxiv).toBe('math/0309136');
    expect(parseApi(JSON.stringify([{ paper: {}, title: 'No id' }]), ctx).entries[0]!.arxiv).toBeNull();
    for (const bad of ['sparse-attention-goes-far', '../../etc/passwd', '2401.1}{x', '2413.00001', 2401.04558]) {
      const parsed = parseApi(day(bad), ctx);
      expect(parsed.entries, String(bad)).toEqual([]);
      expect(parsed.problems, String(bad)).toEqual([
        expect.objectContaining({
          line: 1,
          severity: 'error',
          message: expect.stringMatching(/^expected "paper\.id" to be an arXiv id like "2401\.04558" or "hep-th\/9901001", found /),
        }),
      ]);
    }
  });

  describe('fields of the wrong kind: coerced when unambiguous, else dropped with a warning naming file:line and the field; the paper is kept', () => {
    const ctx = { file: '2024-06-03.json', digestFromName: '2024-06-03' };
    const day = (paper: Record<string, unknown>, top: Record<string, unknown> = {}) =>
      JSON.stringify(
        [{ paper: { id: '2406.00001', summary: 'An abstract.', authors: [{ name: 'Ada' }], ...paper }, title: 'T', ...top }],
        null,
        2,
      );
    const warnings = (text: string) => parseApi(text, ctx).problems.map((p) => [p.line, p.severity, p.message]);

    it('keeps web links, and drops javascript:, data: and entity-obfuscated GitHub and project URLs with a warning (issue 7, hostile set)', () => {
      const good = parseApi(day({ githubRepo: 'https://github.com/a/\nb', projectPage: 'www.example.org/x' }), ctx);
      expect(good.problems).toEqual([]);
      expect(good.entries[0]).toMatchObject({ github: 'https://github.com/a/b', project: 'www.example.org/x' });
      for (const [field, bad] of [
        ['githubRepo', 'javascript:alert(1)'],
        ['projectPage', ' JaVaScRiPt:alert(1)'],
        ['projectPage', 'data:text/html,<script>x</script>'],
        ['projectPage', 'java&#115;cript:alert(1)'],
        ['githubRepo', 42],
      ] as const) {
        const parsed = parseApi(day({ [field]: bad }), ctx);
        expect(parsed.entries[0], String(bad)).toMatchObject({ github: null, project: null });
        expect(parsed.problems, String(bad)).toEqual([
          {
            file: ctx.file,
            line: 2,
            severity: 'warning',
            message: `expected "paper.${field}" to be a web address (http or https), found ${typeof bad === 'string' ? JSON.stringify(bad) : bad} (kept the paper without it)`,
          },
        ]);
      }
      // Empty or null: no link, nothing to say.
      expect(warnings(day({ githubRepo: '', projectPage: null }))).toEqual([]);
    });

    it('takes names from a list of {name} or of strings; authors given as an object, or an author without a name, make the authors unknown with a warning', () => {
      expect(parseApi(day({ authors: ['Ada', { name: 'Bob' }, { name: 'Hid', hidden: true }] }), ctx).entries[0]).toMatchObject({
        authors: ['Ada', 'Bob'],
        authorCount: 2,
      });
      const object = parseApi(day({ authors: { name: 'Ada' } }), ctx);
      expect(object.entries[0]).toMatchObject({ title: 'T', authors: null, authorCount: null });
      expect(warnings(day({ authors: { name: 'Ada' } }))).toEqual([
        [
          2,
          'warning',
          'expected "paper.authors" to be a list of authors like [{"name": "Ada Lovelace"}], found "{\\"name\\":\\"Ada\\"}" (kept the paper without its authors)',
        ],
      ]);
      expect(parseApi(day({ authors: [{ name: 'Ada' }, 7] }), ctx).entries[0]!.authors).toBeNull();
      expect(warnings(day({ authors: [{ name: 'Ada' }, 7] }))).toEqual([
        [
          2,
          'warning',
          'expected each of "paper.authors" to be an author like {"name": "Ada Lovelace"}, found 7 at position 2 (kept the paper without its authors)',
        ],
      ]);
    });

    it('keeps an entry with a null, missing or non-text summary without an abstract, with a warning, as the other readers keep a card with none', () => {
      for (const [summary, found] of [
        [null, 'null'],
        [undefined, 'none'],
        ['  ', '"  "'],
        [5, '5'],
      ] as const) {
        const parsed = parseApi(day({ summary }), ctx);
        expect(parsed.entries[0], String(summary)).toMatchObject({ title: 'T', abstract: '' });
        expect(warnings(day({ summary })), String(summary)).toEqual([
          [2, 'warning', `expected an abstract ("paper.summary"), found ${found} (kept the paper without one)`],
        ]);
      }
      // A hand-made entry with its fields at the top level is named by its own keys.
      expect(warnings(JSON.stringify([{ paper: null, id: '2406.00001', title: 'T', authors: [], summary: null }]))).toEqual([
        [1, 'warning', 'expected an abstract ("summary"), found null (kept the paper without one)'],
      ]);
    });
  });

  it('detects JSON days only, and names a JSON file of another shape', () => {
    expect(apiFormat.detect('{"foo": 1}', 'x.json')).toBe(false);
    expect(apiFormat.detect('Daily Papers\n·\nJan 8', 'x.json')).toBe(false);
    expect(apiFormat.detect('[]', 'x.json')).toBe(true);
    expect(parseApi('"just a string"', { file: 'x.json', digestFromName: null }).problems[0]!.message).toMatch(
      /^expected a JSON list of api\/daily_papers entries/,
    );
  });
});
