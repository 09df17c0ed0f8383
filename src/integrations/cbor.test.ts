import { describe, expect, it } from 'vitest';
import { CborReader, decodeCbor } from './cbor.ts';

/** Bytes from hex written with spaces between items, for legibility. */
const hex = (text: string): Uint8Array => Buffer.from(text.replace(/ /g, ''), 'hex');

/**
 * One item of each form Pagefind (minicbor) writes, and a few it might: [hex, decoded value].
 * The lengths cover every head size (in the head byte, 1, 2, 4 and 8 bytes after it).
 */
const samples: [string, unknown][] = [
  ['00', 0],
  ['17', 23],
  ['18 18', 24],
  ['19 01f4', 500],
  ['1a 00011170', 70000],
  ['1b 0000000100000000', 2n ** 32n],
  ['1b ffffffffffffffff', 2n ** 64n - 1n],
  ['20', -1],
  ['39 01f3', -500],
  ['3b 0000000000000000', -1n],
  ['40', new Uint8Array()],
  ['42 0102', Uint8Array.from([1, 2])],
  ['60', ''],
  ['64 61e282ac', 'a€'],
  ['78 18 ' + '61'.repeat(24), 'a'.repeat(24)],
  ['80', []],
  ['83 01 82 02 03 64 61e282ac', [1, [2, 3], 'a€']],
  ['98 19 ' + '01'.repeat(25), Array<number>(25).fill(1)],
  ['a1 616b f5', new Map([['k', true]])],
  [
    'a2 01 80 02 a0',
    new Map<unknown, unknown>([
      [1, []],
      [2, new Map()],
    ]),
  ],
  ['c1 1a 00011170', 70000],
  ['f4', false],
  ['f5', true],
  ['f6', null],
  ['f7', undefined],
  ['fa 3fc00000', 1.5],
  ['fb 3ff8000000000000', 1.5],
];

describe('decodeCbor', () => {
  it('reads unsigned and negative integers, strings, byte strings, arrays, maps and simple values', () => {
    // [0, 24, 500, 70000, -1, -500, "a€", h'0102', {"k": true}, false, null, 1.5 (float64)]
    const bytes = hex('8c0018181901f41a0001117020390 1f3 6461e282ac 420102 a1616bf5 f4 f6 fb3ff8000000000000');
    expect(decodeCbor(bytes)).toEqual([
      0,
      24,
      500,
      70000,
      -1,
      -500,
      'a€',
      Uint8Array.from([1, 2]),
      new Map([['k', true]]),
      false,
      null,
      1.5,
    ]);
  });

  it.each(samples)('reads %s', (bytes, value) => {
    expect(decodeCbor(hex(bytes))).toEqual(value);
  });

  it('refuses truncated input, trailing bytes and indefinite lengths', () => {
    expect(() => decodeCbor(hex('8301'))).toThrow(/ends early/);
    expect(() => decodeCbor(hex('6361'))).toThrow(/ends early/);
    expect(() => decodeCbor(hex('0101'))).toThrow(/after its item/);
    expect(() => decodeCbor(hex('9f01ff'))).toThrow(/unsupported/);
  });

  it('refuses half-precision floats rather than misreading them', () => {
    expect(() => decodeCbor(hex('f9 3e00'))).toThrow(/half-precision/);
  });

  it('refuses text that is not UTF-8', () => {
    expect(() => decodeCbor(hex('62 c328'))).toThrow();
  });
});

describe('CborReader', () => {
  it.each(samples)('skips %s to the same byte that reading it ends at, and to the end', (bytes) => {
    const read = new CborReader(hex(bytes));
    read.read();
    const skip = new CborReader(hex(bytes));
    skip.skip();
    expect(skip.at).toBe(read.at);
    expect(skip.done).toBe(true);
  });

  it('reads the words of an index chunk and skips the rest of each, as word-shards.ts does', () => {
    // [[["ab", [[1, [2, 3]]], h'00'], ["c€", {1: [4]}]], 7]: words with pages, positions and a map.
    const cbor = new CborReader(hex('82 82 83 626162 81 82 01 82 02 03 41 00 82 6463e282ac a1 01 81 04 07'));
    expect(cbor.array()).toBe(2);
    const words: string[] = [];
    for (let i = cbor.array(); i > 0; i--) {
      const fields = cbor.array();
      words.push(cbor.text());
      for (let f = 1; f < fields; f++) cbor.skip();
    }
    expect(words).toEqual(['ab', 'c€']);
    expect(cbor.read()).toBe(7);
    expect(cbor.done).toBe(true);
  });

  it('names the type it expected when the item is another', () => {
    expect(() => new CborReader(hex('61 61')).array()).toThrow(/expected a CBOR array at byte 0, found major type 3/);
    expect(() => new CborReader(hex('81 01')).text()).toThrow(/expected a CBOR text string at byte 0, found major type 4/);
  });

  it.each([
    ['no item at all', ''],
    ['an array short of items', '83 01 02'],
    ['a map short of a value', 'a1 01'],
    ['a string short of bytes', '63 6161'],
    ['a byte string short of bytes', '42 01'],
    ['a head short of its argument', '1a 0001'],
    ['a tag with nothing tagged', 'c1'],
    ['an array count beyond the input (8-byte head)', '9b 7fffffffffffffff 01'],
  ])('throws "ends early" on truncated input: %s', (_, bytes) => {
    expect(() => new CborReader(hex(bytes)).skip()).toThrow(/CBOR ends early/);
    expect(() => new CborReader(hex(bytes)).read()).toThrow(/CBOR ends early/);
  });

  it('throws on a truncated word in array() and text() too', () => {
    expect(() => new CborReader(hex('98')).array()).toThrow(/CBOR ends early/);
    expect(() => new CborReader(hex('63 6161')).text()).toThrow(/CBOR ends early/);
  });

  it.each([
    ['an indefinite-length array', '9f 01 ff'],
    ['an indefinite-length map', 'bf 01 02 ff'],
    ['an indefinite-length text string', '7f 6161 ff'],
    ['a reserved head form', '1c'],
  ])('refuses %s, naming its form', (_, bytes) => {
    expect(() => new CborReader(hex(bytes)).skip()).toThrow(/unsupported form \(major type \d, info (28|31)\) at byte 0/);
    expect(() => new CborReader(hex(bytes)).read()).toThrow(/unsupported form/);
  });
});
