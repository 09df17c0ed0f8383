import { describe, expect, it } from 'vitest';
import fc from 'fast-check';
import { firstNonBlankLine, splitLines } from './lines.ts';

/** `splitLines` as it was before it split the whole text at once (and before it remembered the last split). */
const plainSplit = (text: string): string[] =>
  text
    .replace(/^\uFEFF/, '')
    .split(/\r\n|\r|\n/)
    .map((l) => l.replace(/[\u00a0\u2007\u202f\u200b\uFEFF]/g, (c) => (c === '\u200b' || c === '\uFEFF' ? '' : ' ')).trimEnd());

// Lines of words, blanks, every line end, odd and zero-width spaces, a BOM anywhere.
const tricky = fc
  .array(fc.constantFrom('{"a":1}', 'x y', ' ', '\t', '\n', '\r\n', '\r', '\u00a0', '\u2007', '\u202f', '\u200b', '\ufeff', '\u3000'), {
    maxLength: 30,
  })
  .map((parts) => parts.join(''));

describe('splitLines', () => {
  it('splits as splitting line by line did', () => {
    fc.assert(
      fc.property(tricky, (t) => {
        expect(splitLines(t)).toEqual(plainSplit(t));
      }),
      { numRuns: 2000 },
    );
  });

  it('hands out a new array each time, so a caller changing its lines changes no later call', () => {
    const text = 'one\ntwo';
    splitLines(text).push('three');
    splitLines(text)[0] = 'changed';
    expect(splitLines(text)).toEqual(['one', 'two']);
  });
});

describe('firstNonBlankLine', () => {
  it('is the first line splitLines gives that is not blank', () => {
    fc.assert(
      fc.property(tricky, (t) => firstNonBlankLine(t) === splitLines(t).find((l) => l.trim() !== '')),
      { numRuns: 2000 },
    );
  });

  it('finds a line after blank, zero-width and BOM-only lines', () => {
    expect(firstNonBlankLine('\ufeff\r\n \u200b\u00a0\r\n\r  {"arxiv":"2401.00001"}\u00a0 \nnext')).toBe('  {"arxiv":"2401.00001"}');
    expect(firstNonBlankLine(' \n\u200b\n')).toBeUndefined();
  });
});
