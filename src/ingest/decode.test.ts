import { describe, expect, it } from 'vitest';
import { decodeDigest } from './decode.ts';

const utf8 = (s: string): Uint8Array => new TextEncoder().encode(s);
const utf16 = (s: string, order: 'le' | 'be', bom: boolean): Uint8Array => {
  const bytes: number[] = bom ? (order === 'le' ? [0xff, 0xfe] : [0xfe, 0xff]) : [];
  for (let i = 0; i < s.length; i++) {
    const c = s.charCodeAt(i);
    bytes.push(...(order === 'le' ? [c & 0xff, c >> 8] : [c >> 8, c & 0xff]));
  }
  return Uint8Array.from(bytes);
};
const concat = (...parts: Array<Uint8Array | number[]>): Uint8Array => Uint8Array.from(parts.flatMap((p) => [...p]));

describe('decodeDigest', () => {
  it('reads UTF-8, with or without a byte-order mark', () => {
    expect(decodeDigest(utf8('Jan 8\nDaily — Papers\n'))).toEqual({ text: 'Jan 8\nDaily — Papers\n' });
    expect(decodeDigest(concat([0xef, 0xbb, 0xbf], utf8('[1]')))).toEqual({ text: '[1]' });
  });

  it('reads UTF-16 with a byte-order mark, in either byte order (item 13: 44 cards were lost)', () => {
    const text = 'Jan 8\n\nSparse Attention — ∑ ok\n';
    expect(decodeDigest(utf16(text, 'le', true))).toEqual({ text });
    expect(decodeDigest(utf16(text, 'be', true))).toEqual({ text });
  });

  it('refuses UTF-16 without a byte-order mark, rather than guessing its byte order', () => {
    const result = decodeDigest(utf16('Jan 8\n\nA title\n', 'le', false));
    expect(result).toEqual({ line: 0, reason: expect.stringMatching(/^expected UTF-8 text, found UTF-16 without a byte-order mark/) });
    expect(decodeDigest(utf16('Jan 8\n\nA title\n', 'be', false))).toMatchObject({ line: 0, reason: expect.stringContaining('UTF-16') });
  });

  it('refuses invalid UTF-8 naming the line and column of the first bad byte, instead of passing U+FFFD (item 5)', () => {
    // "café" saved as Windows-1252 on line 3: the é is the single byte 0xE9.
    const bytes = concat(utf8('Jan 8\n\nA caf'), [0xe9], utf8(' paper\n'));
    expect(decodeDigest(bytes)).toEqual({
      line: 3,
      reason:
        'expected UTF-8 text, found the byte 0xE9 at column 6, which is not valid UTF-8 (the file is in another encoding: save it as UTF-8)',
    });
    // A sequence cut short by the end of the file.
    expect(decodeDigest(concat(utf8('ok\nend '), [0xe2, 0x82]))).toMatchObject({
      line: 2,
      reason: expect.stringContaining('0xE2 at column 5'),
    });
    // A real U+FFFD in the text is text, not an error.
    expect(decodeDigest(utf8('a \uFFFD b'))).toEqual({ text: 'a \uFFFD b' });
  });

  it('refuses invalid UTF-16 (a lone surrogate) rather than passing U+FFFD', () => {
    const bytes = concat([0xff, 0xfe], utf16('ok\n', 'le', false), [0x00, 0xd8, 0x41, 0x00]);
    expect(decodeDigest(bytes)).toMatchObject({
      line: 0,
      reason: expect.stringMatching(/^expected UTF-16 text after the byte-order mark, found/),
    });
  });

  it('refuses binary data as binary, for the whole file, not as "another encoding" (hostile set: binary-garbage)', () => {
    const garbage = Uint8Array.from(Array.from({ length: 4096 }, (_, i) => (i * 7919 + 13) % 256));
    expect(decodeDigest(garbage)).toEqual({
      line: 0,
      reason: expect.stringMatching(
        /^expected a text digest, found binary data \(\d+ of its first 4096 bytes are control bytes, NUL among them, and it is not UTF-8\): not a saved page/,
      ),
    });
    // Control bytes without a NUL count too; text in another encoding has none.
    expect(decodeDigest(concat(utf8('Jan 8\n'), [0x01, 0x02, 0x03, 0xff]))).toMatchObject({
      line: 0,
      reason: expect.stringContaining('binary data'),
    });
    expect(decodeDigest(concat(utf8('Jan 8\n\nUn r'), [0xe9], utf8('sum\u00e9 \u00e9crit\n'.replace(/\u00e9/g, 'e'))))).toMatchObject({
      line: 3,
      reason: expect.stringContaining('another encoding'),
    });
    // UTF-8 text with a control character decodes (sanitize.ts strips it with a warning).
    expect(decodeDigest(utf8('a \u0000 b \u001b[31m'))).toEqual({ text: 'a \u0000 b \u001b[31m' });
  });
});
