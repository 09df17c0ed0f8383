import { describe, expect, it } from 'vitest';
import { stripControlCharacters } from './sanitize.ts';
import { runPipeline } from './pipeline.ts';
import { renderApi, renderMarkdown, renderPlaintext, renderTextBrowser } from '../../tests/support/render-digests.ts';
import { countedCard } from '../../tests/support/builders.ts';

describe('stripControlCharacters', () => {
  it('keeps tab, newline and carriage return, and text without controls as it is', () => {
    const text = 'a\tb\r\nc\rd\n  é ∑ 😀\n';
    expect(stripControlCharacters(text, 'x.txt')).toEqual({ text, problems: [] });
  });

  it('removes NUL, \\x01, ESC, DEL and C1 controls with one warning naming the first line and every line', () => {
    const { text, problems } = stripControlCharacters('ok\nA\u0000B\u0001\n\u001b[31mred\nfine\n\u007f\u0085x\n', 'd.txt');
    expect(text).toBe('ok\nAB\n[31mred\nfine\nx\n');
    expect(problems).toEqual([
      {
        file: 'd.txt',
        line: 2,
        severity: 'warning',
        message:
          'expected text without control characters, found 5 (U+0000, U+0001, U+001B, U+007F, U+0085) on lines 2, 3, 5; removed them',
      },
    ]);
  });

  it('turns a form feed or vertical tab into a space, so the words around it stay apart', () => {
    expect(stripControlCharacters('two\fwords\vhere', 'f.txt').text).toBe('two words here');
  });
});

describe('control characters in every format (item 5)', () => {
  const card = countedCard({
    title: 'Decoding\u0000 With\u001b Heads',
    abstract: 'We speed up\u0001 decoding.',
    published: '2025-06-02',
    arxiv: '2506.00042',
  });
  it.each([
    ['plaintext', '2025-06-03.txt', renderPlaintext('2025-06-03', [card])],
    ['markdown', '2025-06-03.md', renderMarkdown('2025-06-03', [card])],
    ['textbrowser', '2025-06-03.txt', renderTextBrowser('2025-06-03', [card])],
    ['api', '2025-06-03.json', renderApi('2025-06-03', [card])],
  ])('%s: the paper has none, and the report warns with file:line', (_format, file, text) => {
    const { papers, report } = runPipeline([{ file, text }]);
    expect(papers).toHaveLength(1);
    expect(papers[0]!.title).toBe('Decoding With Heads');
    expect(JSON.stringify(papers)).not.toMatch(/\\u00(?:0|1)[0-9a-f]|\\u007f/i);
    const warning = report.problems.find((p) => p.message.startsWith('expected text without control characters'));
    expect(warning).toMatchObject({ file, severity: 'warning' });
    expect(warning!.line).toBeGreaterThan(0);
  });
});
