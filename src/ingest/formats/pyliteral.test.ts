/**
 * Python-literal reader. Fixtures under `fixtures/pyliteral/<case>/`: `input.txt` is CPython's
 * `repr()` of a value and `expected.json` CPython's `json.dump` of the same value (both written by
 * Python, so the expected side is not this code's opinion, and UPDATE=1 never rewrites it).
 */
import { readFileSync } from 'node:fs';
import path from 'node:path';
import { fileURLToPath } from 'node:url';
import { describe, expect, it } from 'vitest';
import fc from 'fast-check';
import { parsePyLiteral, PyLiteralError } from './pyliteral.ts';
import { toPyRepr } from '../../../tests/support/render-digests.ts';
import { fixtureCases } from '../../../tests/support/fixtures.ts';

const fixtures = path.join(path.dirname(fileURLToPath(import.meta.url)), 'fixtures', 'pyliteral');

describe('parsePyLiteral on CPython output', () => {
  for (const name of fixtureCases(fixtures)) {
    it(`${name} reads as Python wrote it`, () => {
      const input = readFileSync(path.join(fixtures, name, 'input.txt'), 'utf8');
      const expected = JSON.parse(readFileSync(path.join(fixtures, name, 'expected.json'), 'utf8'));
      expect(parsePyLiteral(input)).toEqual(expected);
    });
  }

  it('keeps the characters an API entry depends on', () => {
    /** The shape of the fixture's entry (CPython wrote it). */
    type Entry = {
      paper: { title: string; githubRepo: unknown; nested: unknown; authors: Array<{ name: string; hidden?: boolean }> };
    };
    const value = parsePyLiteral(readFileSync(path.join(fixtures, 'api-entry', 'input.txt'), 'utf8')) as Entry;
    expect(value.paper.authors.map((a) => a.name)).toEqual(["Aoife O'Brien", 'Zoë "Z" Ng']);
    expect(value.paper.authors[1]?.hidden).toBe(true);
    expect(value.paper.title).toBe('Gödel-Bench:\n  Testing $\\nabla^2$ at 50% (and $5 prices)');
    expect(value.paper.githubRepo).toBeNull();
    expect(value.paper.nested).toEqual([[1, 2], []]);
  });
});

describe('parsePyLiteral', () => {
  it('reads adjacent strings as one, and prefixed and triple-quoted strings', () => {
    expect(parsePyLiteral('\'ab\' "cd"')).toBe('abcd');
    expect(parsePyLiteral("r'a\\nb'")).toBe('a\\nb');
    expect(parsePyLiteral("u'x'")).toBe('x');
    expect(parsePyLiteral("'''a\nb'''")).toBe('a\nb');
    expect(parsePyLiteral('[1, -2, 3.5, 1e3, 0x1f, True, None,]')).toEqual([1, -2, 3.5, 1000, 31, true, null]);
  });

  it.each([
    ["__import__('os').system('x')", /expected a Python literal/],
    ['1 + 1', /expected the end of the literal/],
    ["{'a': b}", /expected a Python literal/],
    ["{'a' 1}", /expected ":"/],
    ["'unterminated", /expected the end of a string/],
    ["'line\nbreak'", /found a line break/],
    ['[1, 2', /expected "," or "\]"/],
    ['1j', /complex/],
    ['['.repeat(300), /levels of nesting/],
  ])('refuses %j without evaluating it', (text, message) => {
    expect(() => parsePyLiteral(text)).toThrow(PyLiteralError);
    expect(() => parsePyLiteral(text)).toThrow(message);
  });

  it('keeps a __proto__ key as data, never touching the prototype', () => {
    const value = parsePyLiteral("{'__proto__': {'polluted': True}}") as Record<string, unknown>;
    expect(Object.keys(value)).toEqual(['__proto__']);
    expect(({} as Record<string, unknown>).polluted).toBeUndefined();
    expect(Object.getPrototypeOf(value)).toBe(Object.prototype);
  });

  it('reads back whatever toPyRepr writes (JSON-shaped values, any text)', () => {
    const json = fc.letrec((tie) => ({
      value: fc.oneof(
        { depthSize: 'small' },
        fc.constantFrom(null, true, false),
        fc.integer({ min: -1e9, max: 1e9 }),
        fc.string({ unit: 'binary', maxLength: 30 }),
        fc.array(tie('value'), { maxLength: 4 }),
        fc.dictionary(fc.string({ unit: 'binary', maxLength: 8 }), tie('value'), { maxKeys: 4 }),
      ),
    })).value;
    fc.assert(
      fc.property(json, (value) => {
        expect(parsePyLiteral(toPyRepr(value))).toEqual(value);
      }),
      { numRuns: 300 },
    );
  });
});
