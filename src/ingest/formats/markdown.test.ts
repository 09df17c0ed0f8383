/** Markdown-capture reader: fixtures (see tests/support/fixtures.ts), then explicit checks per case. */
import { describe, expect, it } from 'vitest';
import { markdownFormat, unescapeMarkdown } from './markdown.ts';
import { checkReaderCase, readerCase, readerCaseNames } from '../../../tests/support/fixtures.ts';
import { plaintextFormat } from './plaintext.ts';

const read = (name: string) => readerCase('markdown', name, markdownFormat).parsed;

describe('markdown fixtures', () => {
  for (const name of readerCaseNames('markdown'))
    it(`${name} matches expected.json`, () => checkReaderCase('markdown', name, markdownFormat));
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
    expect(entries[1]!.abstract).toBe(
      'Academic citations are widely used for evaluating research and tracing\nknowledge flows at the LLM4Eval workshop at SIGIR\n2024. Code at https://github.com/a/b_c.',
    );
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
    expect(entries.map((e) => [e.line, e.arxiv, e.upvotes])).toEqual([
      [3, '2602.23452', 5],
      [15, '2602.23452', 8],
    ]);
  });

  it('reads the trending capture: wrapped headings, GitHub links, no dates (published left null)', () => {
    const { entries, problems } = read('trending');
    expect(problems).toEqual([]);
    expect(entries).toHaveLength(4);
    expect(entries[0]).toMatchObject({
      title: 'SmolDocling: An ultra-compact vision-language model for end-to-end multi-modal document conversion',
      authorCount: 13,
      github: 'https://github.com/docling-project/docling',
      published: null,
      upvotes: null,
      comments: null,
    });
    expect(entries[2]).toMatchObject({ authorCount: null, github: 'https://github.com/kyutai-labs/pocket-tts' });
    expect(entries[2]!.abstract).toMatch(/^Audio Language Models \(ALM\).*\nof discrete tokens\.$/s);
  });

  it('rejects a card with a bad date on its own line and keeps its neighbours', () => {
    const { entries, problems } = read('bad-date-between-good');
    expect(entries.map((e) => [e.title, e.published])).toEqual([
      ['First Good', '2026-01-03'],
      ['Last Good', '2025-12-30'],
    ]);
    expect(problems).toEqual([
      expect.objectContaining({
        line: 23,
        severity: 'error',
        message: expect.stringMatching(/^expected a date line like .* after "·", found "Jan 33\[4\]/),
      }),
      expect.objectContaining({ line: 27, severity: 'warning', message: expect.stringMatching(/^expected a byline/) }),
    ]);
  });

  it('rejects a card that lost its heading instead of dropping it silently', () => {
    const { entries, problems, entriesRead } = read('lost-heading-between-good');
    expect(entries.map((e) => e.title)).toEqual(['First Good', 'Last Good']);
    expect(entriesRead).toBe(3);
    expect(problems).toEqual([
      expect.objectContaining({ line: 13, severity: 'error', message: expect.stringMatching(/^expected a card heading/) }),
    ]);
  });

  it('rejects every card, each with its line, when nothing gives the digest day', () => {
    const { entries, problems } = read('no-digest-date');
    expect(entries).toEqual([]);
    expect(problems.map((p) => [p.line, p.message])).toEqual([
      [3, expect.stringMatching(/^expected a digest date \(file name YYYY-MM-DD…, front matter "retrieved:"/)],
    ]);
  });

  it('is detected by content, and plain text does not take it', () => {
    for (const name of readerCaseNames('markdown')) {
      const { input, file } = readerCase('markdown', name, markdownFormat);
      expect(plaintextFormat.detect(input, file), name).toBe(false);
    }
    expect(markdownFormat.detect('Daily Papers\n\nTitle\n\nAbstract\n\n  • 3 authors\n·\nJan 8\n', 'x.md')).toBe(false);
  });
});

describe('a trending capture by another HTML-to-markdown converter', () => {
  it('reads every card exactly: linked ### headings, "· Published on" dates, [Upvote N] below them, [[image: slug] Org] badges, author counts; every card twice', () => {
    const { entries, digest } = read('trending-other-converter');
    expect(digest).toBe('2026-10-06');
    const samsung = { slug: 'samsung', name: 'Samsung SAIL Montreal' };
    const nvidia = { slug: 'nvidia', name: 'NVIDIA' };
    const rows = [
      [
        23,
        'Tiny Loops: Recursive Reasoning with Small Networks',
        '2610.04871',
        '2026-10-04',
        484,
        samsung,
        null,
        'https://github.com/example-lab/tiny-loops',
      ],
      [
        47,
        'Agent Workbench: Train Any AI Agent with Reinforcement Learning',
        '2610.03680',
        '2026-10-02',
        121,
        null,
        8,
        'https://github.com/example-lab/agent-workbench',
      ],
      [73, '1984', '2610.01984', '2026-10-01', 0, null, 3, 'https://github.com/example-lab/bench-1984'],
      [97, 'Memory OS: An Operating System for LLM Memory', '2609.29321', '2026-09-30', 39, nvidia, null, null],
    ];
    const twice = rows.flatMap((r) => [r, [(r[0] as number) + (r[0] === 47 ? 13 : 12), ...r.slice(1)]]);
    expect(entries.map((e) => [e.line, e.title, e.arxiv, e.published, e.upvotes, e.org, e.authorCount, e.github])).toEqual(twice);
    expect(entries.every((e) => e.comments === null)).toBe(true);
    expect(entries[0]!.abstract).toBe(
      'A two-layer network that recurses on its own answer outperforms much larger language models on grid puzzles such as Sudoku-Extreme and ARC-AGI.',
    );
    expect(entries[2]!.abstract).toBe(
      'Agent Workbench is a flexible RL framework for training LLMs in various agents, using a hierarchical RL algorithm\nand decoupling execution from training to handle complex interactions.',
    );
    expect(entries[6]!.abstract).toMatch(/^Memory OS unifies .*continual learning for language models\.$/s);
  });

  it('refuses, naming file:line, a card whose abstract swallowed page chrome (Submitted by, a second date, links)', () => {
    const { problems, entriesRead, entries } = read('trending-other-converter');
    expect(entriesRead).toBe(10);
    expect(entries).toHaveLength(8);
    expect(problems).toEqual(
      [131, 147].map((line) => ({
        file: '2026-10-06-trending.md',
        line,
        severity: 'error',
        message:
          'expected the abstract of "Agents That Read the Footer" to end before the page around the card, found "Submitted by" (page chrome: a card layout Papershelf does not read)',
      })),
    );
  });

  it('refuses a card whose abstract starts with a whole-line link (a badge below the upvotes), never gluing that link to a wrapper that ends lines later (hostile set: md-other-converter)', () => {
    const card = (after: string[]) => [
      '### [Hostile Other Converter Paper](https://huggingface.co/papers/2610.80001)',
      '',
      '· Published on Oct 4, 2026',
      '',
      '[Upvote',
      '',
      '42](https://huggingface.co/login?next=%2Fpapers%2F2610.80001)',
      '',
      ...after,
    ];
    const ctx = { file: '2026-10-04-trending.md', digestFromName: null };
    const badge = '[[image: acme] Acme Org](https://huggingface.co/acme)';
    // The link closing the "abstract" points elsewhere: the reader used to take badge … link for one wrapper.
    const text = [
      ...card([badge, '', 'An abstract of the other converter.', '', '[Submitted by someone](https://huggingface.co/someone)', '']),
      '### [Hostile Other Converter Paper](https://huggingface.co/papers/2610.80001)',
      '',
      '· Published on Oct 4, 2026',
      '',
      'An abstract of the other converter.',
      '',
    ].join('\n');
    const parsed = markdownFormat.parse(text, ctx);
    expect(parsed.problems.filter((p) => p.severity === 'error')).toEqual([
      {
        file: ctx.file,
        line: 9,
        severity: 'error',
        message: `expected the abstract of "Hostile Other Converter Paper" to end before the page around the card, found ${JSON.stringify(badge)} (page chrome: a card layout Papershelf does not read)`,
      },
    ]);
    // The second copy shows a clean card: read, its abstract exact.
    expect(parsed.entries.map((e) => [e.line, e.abstract])).toEqual([[15, 'An abstract of the other converter.']]);
    // The same with the abstract's own wrapper to the paper after the badge.
    const wrapped = markdownFormat.parse(
      card([badge, '', '[An abstract of the', 'other converter.](https://huggingface.co/papers/2610.80001)', '']).join('\n'),
      ctx,
    );
    expect(wrapped.entries).toEqual([]);
    expect(wrapped.problems).toEqual([
      expect.objectContaining({ line: 9, severity: 'error', message: expect.stringContaining('page chrome') }),
    ]);
    // A wrapper whose first line ends in a link of its own is still a wrapper.
    const inner = markdownFormat.parse(
      card(['[We use [a tool](https://example.org/tool)', 'and more.](https://example.org/elsewhere)', '']).join('\n'),
      ctx,
    );
    expect(inner.entries.map((e) => e.abstract)).toEqual(['We use [a tool](https://example.org/tool)\nand more.']);
  });

  it('refuses chrome swallowed by a search-page or trending abstract too, and keeps the neighbours', () => {
    const search = readerCase('markdown', 'search-page', markdownFormat);
    const lines = search.input.split('\n');
    const at = lines.findIndex((l) => l.startsWith('[We release OCC-RAG'));
    lines.splice(at + 1, 0, '', 'Submitted by', '', '[akhaliq](https://huggingface.co/akhaliq)');
    const damaged = markdownFormat.parse(lines.join('\n'), { file: search.file, digestFromName: null });
    expect(damaged.entries.map((e) => e.arxiv)).toEqual(['2502.20581', '2609.00319']);
    expect(damaged.problems).toEqual([
      expect.objectContaining({
        line: at + 3,
        severity: 'error',
        message: expect.stringMatching(/^expected the abstract of "OCC-RAG.*found "Submitted by"/),
      }),
    ]);

    const trending = readerCase('markdown', 'trending', markdownFormat);
    const t = trending.input.split('\n');
    const first = t.findIndex((l) => l.startsWith('- ') && / authors?$/.test(l));
    t.splice(first, 0, 'Oct 2, 2026');
    const dated = markdownFormat.parse(t.join('\n'), { file: trending.file, digestFromName: '2026-01-21' });
    expect(dated.entries).toHaveLength(trending.parsed.entries.length - 1);
    expect(dated.problems).toEqual([
      expect.objectContaining({ line: first + 1, severity: 'error', message: expect.stringMatching(/found "Oct 2, 2026" \(page chrome/) }),
    ]);
  });
});
