/**
 * Plain-text reader: one fixture folder per case under `fixtures/plaintext/<case>/` holding the
 * input (its name gives the digest date, as in `content/digests/`) and `expected.json`, the
 * `ParsedFile` it must give. Regenerate with `UPDATE=1 npx vitest run src/ingest/formats`.
 * Each case also has explicit checks below, so a regenerated snapshot cannot hide a regression.
 */
import { readFileSync } from 'node:fs';
import path from 'node:path';
import { describe, expect, it } from 'vitest';
import fc from 'fast-check';
import { parseDateLine, parsePlaintext, plaintextFormat } from './plaintext.ts';
import type { ParsedFile } from '../types.ts';
import { checkReaderCase, readerCase, readerCaseNames } from '../../../tests/support/fixtures.ts';
import { repoRoot } from '../../../tests/support/repo.ts';

const readCase = (name: string) => readerCase('plaintext', name, plaintextFormat);

describe('plain-text fixtures', () => {
  // A header without a single card is no recognisable copy (the pipeline reports it as no format); read anyway, it gives nothing.
  for (const name of readerCaseNames('plaintext')) {
    it(`${name} matches expected.json`, () => checkReaderCase('plaintext', name, plaintextFormat, { detects: name !== 'header-only' }));
  }
});

const titles = (p: ParsedFile): string[] => p.entries.map((e) => e.title);

describe('plain-text cases, explicitly', () => {
  it('reads an organisation byline as slug and name, and no author count', () => {
    const { parsed } = readCase('organisation-card');
    expect(parsed.entries.map((e) => e.org)).toEqual([
      { slug: 'furiosa-ai', name: 'FuriosaAI' },
      { slug: 'nvidia', name: 'NVIDIA' },
      { slug: 'Snapchat', name: 'Snapchat Inc.' },
    ]);
    expect(parsed.entries.every((e) => e.authorCount === null)).toBe(true);
  });

  it('reads "• N authors", including "1 authors"', () => {
    const { parsed } = readCase('authors-card');
    expect(parsed.entries.map((e) => e.authorCount)).toEqual([4, 1, 14]);
    expect(parsed.entries.every((e) => e.org === null)).toBe(true);
  });

  it('infers missing years from the digest, across the Dec→Jan boundary', () => {
    const { parsed } = readCase('date-without-year');
    expect(parsed.digest).toBe('2026-01-08');
    expect(parsed.entries.map((e) => e.published)).toEqual(['2026-01-05', '2025-12-30', '2023-12-15', '2026-01-08']);
    expect(parsed.entries.map((e) => e.comments)).toEqual([null, 4, null, 12]);
  });

  it('reads the trailing number as the comment count, never as upvotes', () => {
    const { parsed } = readCase('comment-count');
    expect(parsed.entries.map((e) => e.comments)).toEqual([null, 3, 117]);
    expect(parsed.entries.every((e) => e.upvotes === null)).toBe(true);
  });

  it('reads the last card when the file has no trailing newline', () => {
    const { input, parsed } = readCase('no-trailing-newline');
    expect(input.endsWith('\n')).toBe(false);
    expect(titles(parsed)).toEqual(['Sparse Attention Is All You Need Twice', 'Last Card']);
    expect(parsed.entries[1]!.published).toBe('2025-02-04');
  });

  it('handles CRLF line ends and a BOM like LF input', () => {
    const crlf = readCase('crlf');
    expect(crlf.input).toContain('\r\n'); // guards against a checkout that rewrote line ends
    expect(crlf.parsed.problems).toEqual([]);
    expect(crlf.parsed.entries.map((e) => [e.title, e.org?.slug ?? null, e.comments])).toEqual([
      ['Sparse Attention Is All You Need Twice', null, 2],
      ['Kyutai Speaks: Streaming Speech Models', 'kyutai', 1],
    ]);
    expect(crlf.parsed.entries.some((e) => /\r/.test(e.title + e.abstract + (e.org?.name ?? '')))).toBe(false);
    const bom = readCase('bom');
    expect(bom.input.charCodeAt(0)).toBe(0xfeff);
    expect(bom.parsed.entries.map((e) => e.line)).toEqual(
      readCase('authors-card')
        .parsed.entries.slice(0, 2)
        .map((e) => e.line),
    );
  });

  it('treats non-breaking spaces as spaces in bylines, separators and dates', () => {
    const { input, parsed } = readCase('nbsp');
    expect(input).toContain('\u00a0');
    expect(parsed.problems).toEqual([]);
    expect(parsed.entries[0]).toMatchObject({ authorCount: 9, published: '2024-11-29', comments: 5 });
    expect(parsed.entries[0]!.title).not.toContain('\u00a0');
  });

  it('keeps every paragraph of a multi-paragraph abstract', () => {
    const { parsed } = readCase('multi-paragraph-abstract');
    expect(parsed.entries[0]!.abstract.split('\n\n')).toEqual([
      'First paragraph of the abstract.',
      'Second paragraph, with a blank line before it.',
      'Third paragraph after two blank lines.',
    ]);
    expect(titles(parsed)).toEqual(['Three Paragraphs', 'A Paper With One Author']);
  });

  for (const [name, line, expected] of [
    ['malformed-date-between-good', 27, /^expected a date line .* found "Sometime in 2025"$/],
    ['missing-byline-between-good', 23, /^expected a byline .* found "The byline line was lost/],
    [
      'lost-separator-between-good',
      26,
      /^expected a "·" line between the byline and the date, found "May 20, 2025" right after "• 3 authors"$/,
    ],
  ] as const) {
    it(`${name}: rejects the bad card with file:line and keeps both neighbours`, () => {
      const { parsed, file } = readCase(name);
      expect(titles(parsed)).toEqual(['Sparse Attention Is All You Need Twice', 'A Paper With One Author']);
      expect(parsed.entries.map((e) => e.rank)).toEqual([0, 1]);
      expect(parsed.entriesRead).toBe(3);
      expect(parsed.problems).toHaveLength(1);
      expect(parsed.problems[0]).toMatchObject({ file, line, severity: 'error' });
      expect(parsed.problems[0]!.message).toMatch(expected);
    });
  }

  it('rejects a card cut off at the end of the file', () => {
    const { parsed } = readCase('truncated-last-card');
    expect(parsed.entries).toHaveLength(2);
    expect(parsed.entriesRead).toBe(3);
    expect(parsed.problems[0]).toMatchObject({ severity: 'error', line: 29 });
    expect(parsed.problems[0]!.message).toContain('"A Card Cut Off"');
  });

  it('takes the digest from the header date when the file name has none', () => {
    const { parsed } = readCase('digest-from-header');
    expect(parsed.digest).toBe('2026-01-08');
    expect(parsed.entries.map((e) => e.published)).toEqual(['2025-10-06', '2025-12-11', '2026-01-02']);
  });

  it('takes the digest from the newest card date when there is neither name nor header date', () => {
    const { parsed } = readCase('digest-from-newest');
    expect(parsed.digest).toBe('2025-12-11');
    expect(parsed.entries.every((e) => e.digest === '2025-12-11')).toBe(true);
  });

  it('reads an upvote count kept above the title (`-` = 0) without mistaking it for the title', () => {
    const { parsed } = readCase('upvotes-before-title');
    expect(parsed.entries.map((e) => [e.title, e.upvotes, e.comments, e.line])).toEqual([
      ['Upvoted Paper', 42, 2, 7],
      ['Unvoted Paper', 0, null, 17],
      ['No Button Paper', null, null, 25],
    ]);
  });

  it('reads a title made of digits as the title, even over a two-paragraph abstract, when the copy shows no upvote counts', () => {
    const text =
      'Daily Papers\n\nJan 8\n\n404\n\nFirst paragraph.\n\nSecond paragraph.\n\n  • 2 authors\n·\nJan 7\n\nOther Paper\n\nText.\n\n  • 1 authors\n·\nJan 6\n';
    const parsed = parsePlaintext(text, { file: '2026-01-08.txt', digestFromName: '2026-01-08' });
    expect(parsed.problems).toEqual([]);
    expect(parsed.entries.map((e) => [e.title, e.abstract, e.upvotes])).toEqual([
      ['404', 'First paragraph.\n\nSecond paragraph.', null],
      ['Other Paper', 'Text.', null],
    ]);
    // With counts on every card, the number above a digit title is the count.
    const voted = text.replace('404\n', '12\n\n404\n').replace('Other Paper', '-\n\nOther Paper');
    expect(
      parsePlaintext(voted, { file: '2026-01-08.txt', digestFromName: '2026-01-08' }).entries.map((e) => [e.title, e.upvotes]),
    ).toEqual([
      ['404', 12],
      ['Other Paper', 0],
    ]);
  });

  it('reads a header with no cards as an empty digest', () => {
    const { parsed } = readCase('header-only');
    expect(parsed).toMatchObject({ entries: [], entriesRead: 0, problems: [] });
  });
});

describe('the seed digest', () => {
  const seed = readFileSync(path.join(repoRoot, 'content/digests/2026-01-08.txt'), 'utf8');

  it('reads 44 cards: 3 organisations, 17 comment counts, none rejected', () => {
    const parsed = parsePlaintext(seed, { file: '2026-01-08.txt', digestFromName: '2026-01-08' });
    expect(parsed.entries).toHaveLength(44);
    expect(parsed.problems).toEqual([]);
    expect(parsed.entries.flatMap((e) => (e.org ? [e.org.slug] : []))).toEqual(['furiosa-ai', 'kyutai', 'nvidia']);
    expect(parsed.entries.filter((e) => e.comments !== null)).toHaveLength(17);
    expect(parsed.entries.every((e) => (e.org === null) !== (e.authorCount === null))).toBe(true);
    expect(parsed.entries[0]).toMatchObject({ line: 13, rank: 0, published: '2023-12-15', authorCount: 2 });
  });

  it('gets digest 2026-01-08 from the header date alone (Jan 8, newest card Dec 11 2025)', () => {
    const parsed = parsePlaintext(seed, { file: 'seed.txt', digestFromName: null });
    expect(parsed.digest).toBe('2026-01-08');
    expect(parsed.entries).toHaveLength(44);
  });

  it('is detected as plain text; markdown and JSON are not', () => {
    expect(plaintextFormat.detect(seed, 'x.txt')).toBe(true);
    expect(plaintextFormat.detect('[{"title": "x"}]', 'x.json')).toBe(false);
    expect(plaintextFormat.detect('### [T](https://huggingface.co/papers/1)\n\n·\nMay 29[6](https://x)\n', 'x.md')).toBe(false);
    expect(plaintextFormat.detect('just some prose\n', 'x.txt')).toBe(false);
    expect(plaintextFormat.detect('T\n\nA\n\n[*\n* 3 authors\n][34]\n·\nJan 8\n', 'x.txt')).toBe(false);
  });

  it('still detects a copy whose abstract holds a markdown link of its own', () => {
    const text = seed.replace('https://github.com/Lyn-Lucy/MSD', '[GitHub](https://github.com/Lyn-Lucy/MSD)');
    expect(text).not.toBe(seed);
    expect(plaintextFormat.detect(text, 'x.txt')).toBe(true);
  });
});

describe('date lines', () => {
  it.each([
    ['Dec 15, 2023', { month: 12, day: 15, year: 2023 }, null],
    ['Dec 21, 2022 1', { month: 12, day: 21, year: 2022 }, 1],
    ['Jan 8', { month: 1, day: 8, year: null }, null],
    ['Jan 8 3', { month: 1, day: 8, year: null }, 3],
    ['  Sep 30, 2025 7  ', { month: 9, day: 30, year: 2025 }, 7],
  ])('%s', (line, date, comments) => {
    expect(parseDateLine(line)).toEqual({ date, comments });
  });

  it.each(['Feb 30, 2025', 'Foo 8', '8 Jan', 'Dec 15, 2023 x', '', 'Jan'])('rejects %j', (line) => {
    expect(parseDateLine(line)).toBeNull();
  });
});

describe('robustness', () => {
  const card = (i: number): string => `Title ${i}\n\nAbstract ${i}.\n\n  • ${i + 1} authors\n·\nMar ${(i % 28) + 1}, 2024 ${i}\n\n`;

  it('never loses a good card to an arbitrary junk line inserted anywhere', () => {
    fc.assert(
      fc.property(
        fc.integer({ min: 0, max: 5 }),
        fc.string({ maxLength: 40 }).filter((s) => !/[·•\n\r]/.test(s)),
        (at, junk) => {
          const cards = [0, 1, 2, 3, 4, 5].map(card);
          const text = [...cards.slice(0, at), `${junk}\n\n`, ...cards.slice(at)].join('');
          const parsed = parsePlaintext(text, { file: 'f.txt', digestFromName: '2024-06-01' });
          const errors = parsed.problems.filter((p) => p.severity === 'error' && p.line > 0).length;
          expect(parsed.entriesRead).toBe(parsed.entries.length + errors);
          // The junk can at most spoil the card it lands in (as its title); the others are intact.
          const intact = parsed.entries.filter((e) => /^Title \d$/.test(e.title)).length;
          expect(intact).toBeGreaterThanOrEqual(5);
        },
      ),
      { numRuns: 200 },
    );
  });

  it('keeps read = accepted + rejected on random card soups', () => {
    const piece = fc.constantFrom('Title', 'Abstract text.', '', '·', '  • 3 authors', 'kyutai Kyutai', 'Jan 8', 'Dec 15, 2023 2', 'junk');
    fc.assert(
      fc.property(fc.array(piece, { maxLength: 60 }), (lines) => {
        const parsed = parsePlaintext(lines.join('\n'), { file: 'f.txt', digestFromName: '2026-01-08' });
        const errors = parsed.problems.filter((p) => p.severity === 'error' && p.line > 0).length;
        expect(parsed.entriesRead).toBe(parsed.entries.length + errors);
        expect(parsed.entries.map((e) => e.rank)).toEqual(parsed.entries.map((_, i) => i));
      }),
      { numRuns: 300 },
    );
  });
});
