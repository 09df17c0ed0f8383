import { describe, expect, it } from 'vitest';
import { lineAt, scanJsonItems, splitAtItemStarts } from './jsonitems.ts';

const texts = (raw: string) => {
  const { text, items } = scanJsonItems(raw);
  return items.map((i) => [text.slice(i.start, i.end), i.complete] as const);
};

describe('scanJsonItems', () => {
  it('cuts a list into items, strings and scalars included, without trusting the whole to parse', () => {
    expect(texts('[{"a": "}]"}, "x,]", 42, {"b": [1, {"c": 2}]}')).toEqual([
      ['{"a": "}]"}', true],
      ['"x,]"', true],
      ['42', true],
      ['{"b": [1, {"c": 2}]}', true],
    ]);
    expect(texts('[{"a": 1}, {"b": ')).toEqual([
      ['{"a": 1}', true],
      ['{"b": ', false],
    ]);
  });

  it("finds the wrapper's data list, and nothing in other JSON", () => {
    const scan = scanJsonItems('{"status": "ok", "data": ["{\'paper\': 1}"], "date": "2025-01-10"}');
    expect(scan.shape).toBe('wrapper');
    expect(scan.items).toHaveLength(1);
    expect(scanJsonItems('{"foo": [1]}')).toMatchObject({ shape: null, items: [] });
    expect(scanJsonItems('"text"')).toMatchObject({ shape: null, items: [] });
  });

  it('turns non-breaking spaces between tokens into spaces, leaving string contents alone', () => {
    const { text } = scanJsonItems('[\u00a0{"a":\u00a0"b\u00a0c"}]');
    expect(JSON.parse(text)).toEqual([{ a: 'b\u00a0c' }]);
  });
});

describe('splitAtItemStarts', () => {
  it('gives back the items a span swallowed when a closing brace was lost', () => {
    const raw = '[\n    {\n        "a": 1,\n    {\n        "b": 2\n    }\n]';
    const { text, items } = scanJsonItems(raw);
    expect(items).toHaveLength(1);
    const pieces = splitAtItemStarts(text, items[0]!);
    expect(pieces.map((p) => lineAt(text, p.start))).toEqual([2, 4]);
    expect(pieces[0]!.complete).toBe(false);
  });
});
