/** Markdown-capture reader: fixtures (see fixture-cases.ts), then explicit checks per case. */
import { describe, expect, it } from 'vitest';
import { markdownFormat, unescapeMarkdown } from './markdown.ts';
import { caseNames, checkCase, readCase } from './fixture-cases.ts';
import { plaintextFormat } from './plaintext.ts';

const read = (name: string) => readCase('markdown', name, markdownFormat).parsed;

describe('markdown fixtures', () => {
  for (const name of caseNames('markdown')) it(`${name} matches expected.json`, () => checkCase('markdown', name, markdownFormat));
});

describe('unescapeMarkdown', () => {
  it.each([
    ['F\\_1 and \\[x\\] and 2024\\.', 'F_1 and [x] and 2024.'],
    ['\\-\\- and \\\\ stays one backslash', '-- and \\ stays one backslash'],
    ['Engage\\  with', 'Engage with'],
    ['a \\d stays', 'a \\d stays'],
  ])('%j', (input, output) => expect(unescapeMarkdown(input)).toBe(output));
});

describe('markdown cases, explicitly', () => {
  it('reads the arXiv id from the linked title, upvotes before it (- is 0), comments after the date', () => {
    const { entries, digest } = read('search-page');
    expect(digest).toBe('2026-10-02');
    expect(entries.map((e) => [e.arxiv, e.upvotes, e.comments, e.published])).toEqual([
      ['2606.00683', 101, 6, '2026-05-29'],
      ['2502.20581', 0, 2, '2025-02-27'],
      ['2609.00319', 7, null, '2026-08-30'],
    ]);
  });

  it('joins hard-wrapped titles and abstracts and undoes markdown escapes', () => {
    const { entries } = read('search-page');
    expect(entries[0]!.abstract).toBe('We release OCC-RAG and score 0.762 paper F_1 at 2 -- 6x [our] size.');
    expect(entries[1]!.title).toBe('The Noisy Path from Source to Citation: Measuring How Scholars Engage with Past Research');
    expect(entries[1]!.abstract).toBe('Academic citations are widely used for evaluating research and tracing\nknowledge flows at the LLM4Eval workshop at SIGIR\n2024. Code at https://github.com/a/b_c.');
    expect(entries[2]!.title).toBe('[Citation needed] Sources of Truth');
  });

  it('reads organisation badges and author blocks with avatars', () => {
    const { entries } = read('search-page');
    expect(entries.map((e) => [e.org, e.authorCount])).toEqual([
      [{ slug: 'occ-ai', name: 'OCC' }, null],
      [null, 3],
      [null, 10],
    ]);
  });

  it('keeps a card repeated on the page as two entries (the merge counts one as a duplicate)', () => {
    const { entries, digest } = read('repeated-card');
    expect(digest).toBe('2026-03-02');
    expect(entries.map((e) => [e.line, e.arxiv, e.upvotes])).toEqual([[3, '2602.23452', 5], [15, '2602.23452', 8]]);
  });

  it('reads the trending capture: wrapped headings, GitHub links, no dates (published left null)', () => {
    const { entries, problems } = read('trending');
    expect(problems).toEqual([]);
    expect(entries).toHaveLength(4);
    expect(entries[0]).toMatchObject({
      title: 'SmolDocling: An ultra-compact vision-language model for end-to-end multi-modal document conversion',
      authorCount: 13, github: 'https://github.com/docling-project/docling', published: null, upvotes: null, comments: null,
    });
    expect(entries[2]).toMatchObject({ authorCount: null, github: 'https://github.com/kyutai-labs/pocket-tts' });
    expect(entries[2]!.abstract).toMatch(/^Audio Language Models \(ALM\).*\nof discrete tokens\.$/s);
  });

  it('rejects a card with a bad date on its own line and keeps its neighbours', () => {
    const { entries, problems } = read('bad-date-between-good');
    expect(entries.map((e) => [e.title, e.published])).toEqual([['First Good', '2026-01-03'], ['Last Good', '2025-12-30']]);
    expect(problems).toEqual([
      expect.objectContaining({ line: 23, severity: 'error', message: expect.stringMatching(/^expected a date line like .* after "·", found "Jan 33\[4\]/) }),
      expect.objectContaining({ line: 27, severity: 'warning', message: expect.stringMatching(/^expected a byline/) }),
    ]);
  });

  it('rejects a card that lost its heading instead of dropping it silently', () => {
    const { entries, problems, entriesRead } = read('lost-heading-between-good');
    expect(entries.map((e) => e.title)).toEqual(['First Good', 'Last Good']);
    expect(entriesRead).toBe(3);
    expect(problems).toEqual([expect.objectContaining({ line: 13, severity: 'error', message: expect.stringMatching(/^expected a card heading/) })]);
  });

  it('rejects every card, each with its line, when nothing gives the digest day', () => {
    const { entries, problems } = read('no-digest-date');
    expect(entries).toEqual([]);
    expect(problems.map((p) => [p.line, p.message])).toEqual([[3, expect.stringMatching(/^expected a digest date \(file name YYYY-MM-DD…, front matter "retrieved:"/)]]);
  });

  it('is detected by content, and plain text does not take it', () => {
    for (const name of caseNames('markdown')) {
      const { input, file } = readCase('markdown', name, markdownFormat);
      expect(plaintextFormat.detect(input, file), name).toBe(false);
    }
    expect(markdownFormat.detect('Daily Papers\n\nTitle\n\nAbstract\n\n  • 3 authors\n·\nJan 8\n', 'x.md')).toBe(false);
  });
});
