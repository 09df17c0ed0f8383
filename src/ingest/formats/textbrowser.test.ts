/** Text-browser reader: fixtures (see tests/support/fixtures.ts), then explicit checks per case. */
import { describe, expect, it } from 'vitest';
import { textbrowserFormat } from './textbrowser.ts';
import { markdownFormat } from './markdown.ts';
import { plaintextFormat } from './plaintext.ts';
import { checkReaderCase, readerCase, readerCaseNames } from '../../../tests/support/fixtures.ts';

const read = (name: string) => readerCase('textbrowser', name, textbrowserFormat).parsed;

describe('text-browser fixtures', () => {
  for (const name of readerCaseNames('textbrowser'))
    it(`${name} matches expected.json`, () => checkReaderCase('textbrowser', name, textbrowserFormat));
});

describe('text-browser cases, explicitly', () => {
  it('reads upvote blocks, titles split over two ### lines, bylines, dates and comment references', () => {
    const { entries, digest, problems } = read('search-page');
    expect(problems).toEqual([]);
    expect(digest).toBe('2026-06-29');
    expect(entries.map((e) => [e.title, e.upvotes, e.authorCount, e.org, e.published, e.comments, e.arxiv])).toEqual([
      ['MURMUR: An Efficient Inference System for Long-Form ASR', 0, 3, null, '2026-05-30', null, null],
      [
        'KV Cache Compression, But What Must We Give in Return? A Comprehensive Benchmark of Long Context Capable Approaches',
        65,
        null,
        { slug: 'microsoft', name: 'Microsoft' },
        '2024-03-08',
        6,
        null,
      ],
    ]);
  });

  it("keeps the abstract's own backslashes (they are not escapes here)", () => {
    expect(read('search-page').entries[0]!.abstract).toBe(
      'Long-form automatic speech recognition (ASR) requires both high accuracy and low latency, reaching 45\\% less delay at\n{\\color{red} half} the cost. The code is at https://github.com/uw-syfi/Murmur.',
    );
  });

  it('rejects the card a truncation cut, quoting the marker, and keeps the one before', () => {
    const { entries, problems, entriesRead } = read('truncated-last-card');
    expect(entries.map((e) => [e.title, e.org, e.comments])).toEqual([
      [
        'Distilling Conversations: Abstract Compression of Conversational Audio Context',
        { slug: 'Idiap', name: 'Idiap Research Institute' },
        2,
      ],
    ]);
    expect(entriesRead).toBe(2);
    expect(problems).toEqual([
      expect.objectContaining({
        line: 21,
        severity: 'error',
        message:
          'expected the card "Reducing Distraction in Long-Context Lan…" to end with a byline, "·" and a date line, found "[Content truncated]" after "Ho"',
      }),
    ]);
  });

  it('rejects a card that lost its "·" and keeps its neighbours', () => {
    const { entries, problems } = read('missing-separator-between-good');
    expect(entries.map((e) => e.title)).toEqual(['First Good', 'Last Good']);
    expect(problems).toEqual([
      expect.objectContaining({
        line: 22,
        severity: 'error',
        message: 'expected the card "Lost Its Separator" to end with a byline, "·" and a date line, found "Jan 19"',
      }),
    ]);
  });

  it('refuses a card whose abstract swallowed page chrome (a "Submitted by" and a reference), naming its line', () => {
    const { input, file, parsed } = readerCase('textbrowser', 'search-page', textbrowserFormat);
    const lines = input.split('\n');
    const close = lines.findIndex((l) => /^\]\[\d+\]$/.test(l.trim()) && lines[lines.indexOf(l) - 1]!.trim() === '');
    lines.splice(close, 0, 'Submitted by', '[akhaliq][99]');
    const damaged = textbrowserFormat.parse(lines.join('\n'), { file, digestFromName: null });
    expect(damaged.entries).toHaveLength(parsed.entries.length - 1);
    expect(damaged.problems).toEqual([
      expect.objectContaining({
        line: close + 1,
        severity: 'error',
        message: expect.stringMatching(/^expected the abstract of ".*" to end before the page around the card, found "Submitted by"/),
      }),
    ]);
  });

  it('is told apart from markdown and plain text by content', () => {
    for (const name of readerCaseNames('textbrowser')) {
      const { input, file } = readerCase('textbrowser', name, textbrowserFormat);
      expect(markdownFormat.detect(input, file) && !textbrowserFormat.detect(input, file), name).toBe(false);
      expect(plaintextFormat.detect(input, file), name).toBe(false);
    }
  });
});
