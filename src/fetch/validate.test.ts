import { readFileSync } from 'node:fs';
import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { API_PAGE_SIZE, checkDay, endsInsideValue } from './validate.ts';

const DAY = '2026-01-08';
const body = readFileSync(new URL('./fixtures/day.json', import.meta.url), 'utf8');
const json = 'application/json; charset=utf-8';
const check = (text: string, contentType: string | null = json) => checkDay(text, { day: DAY, contentType });
const reason = (text: string, contentType: string | null = json): string => {
  const got = check(text, contentType);
  if (got.kind !== 'invalid') throw new Error(`expected invalid, got ${got.kind}`);
  return got.reason;
};

describe('checkDay', () => {
  it('accepts a day the API reader reads whole, entries untouched', () => {
    const got = check(body);
    expect(got.kind).toBe('papers');
    if (got.kind !== 'papers') return;
    expect(got.entries).toEqual(JSON.parse(body));
    expect(got.warnings).toEqual([]);
  });

  it('an empty list is a day without papers, not an error', () => {
    expect(check('[]')).toEqual({ kind: 'empty' });
    expect(check(' [ ]\n')).toEqual({ kind: 'empty' });
  });

  it('refuses an HTML page, by its type or its first character, quoting its title safely', () => {
    const page = '<!DOCTYPE html>\n<html><head><title>502 Bad\n Gateway</title></head><body>…</body></html>';
    expect(reason(page, 'text/html; charset=utf-8')).toBe('expected JSON, found an HTML page ("502 Bad Gateway")');
    expect(reason(page, json)).toBe('expected JSON, found an HTML page ("502 Bad Gateway")');
    expect(reason('<html><body>no title</body></html>', null)).toBe('expected JSON, found an HTML page');
    // A hostile title cannot reach the terminal as an escape sequence.
    expect(reason('<title>\u001b[2J gone</title>')).toContain('"\\u001b[2J gone"');
    expect(reason(body, 'text/html')).toMatch(/HTML page/);
  });

  it('refuses an empty body', () => {
    expect(reason('')).toBe('expected JSON, found an empty body');
    expect(reason(' \n')).toBe('expected JSON, found an empty body');
  });

  it('refuses a body cut off anywhere before its end, saying so', () => {
    const end = body.lastIndexOf(']');
    fc.assert(
      fc.property(fc.integer({ min: 1, max: end }), (cut) => {
        expect(reason(body.slice(0, cut))).toMatch(/^expected a complete JSON list, found a body cut off after \d+ characters/);
      }),
      { numRuns: 300 },
    );
  });

  it('refuses JSON that is not a list of entries, saying what it is', () => {
    expect(reason('{"error":"Invalid date"}')).toBe('expected a JSON list of papers, found the API\'s error "Invalid date"');
    expect(reason('{"status":"ok","items":[]}')).toBe('expected a JSON list of papers, found an object with keys "status, items"');
    expect(reason('42')).toBe('expected a JSON list of papers, found "42"');
    expect(reason('[{"title":"no paper"}]')).toMatch(/^expected every item to be a paper entry with a "paper" object, found item 1 of 1: /);
    expect(reason('[{"paper":{"id":"2601.00001"},"title":"t"}, 5]')).toMatch(/found item 2 of 2: "5"$/);
    expect(reason('[1, 2')).toMatch(/cut off/);
    expect(reason('[1 2]')).toMatch(/^expected JSON, found "\[1 2\]" \(/);
  });

  it("refuses a list the API reader would refuse an entry of, naming the reader's reason", () => {
    const bad = JSON.parse(body) as Array<{ paper: { id: string } }>;
    bad[1]!.paper.id = '../../etc/passwd';
    expect(reason(JSON.stringify(bad, null, 2))).toMatch(
      /^expected every entry to be readable by the API reader, found 1 that is not \(line \d+ of the response: expected "paper.id" to be an arXiv id/,
    );
  });

  it('refuses the list of another day (a server that ignored ?date=)', () => {
    expect(checkDay(body, { day: '2026-01-09', contentType: json })).toEqual({
      kind: 'invalid',
      reason: 'expected the papers of 2026-01-09, found the list of 2026-01-08 (the server ignored ?date=, or answered for another day)',
    });
  });

  it("passes on the reader's warnings (a field it drops, the paper kept)", () => {
    const odd = JSON.parse(body) as Array<{ paper: { upvotes: unknown } }>;
    odd[0]!.paper.upvotes = 'many';
    const got = check(JSON.stringify(odd, null, 2));
    expect(got.kind).toBe('papers');
    if (got.kind === 'papers')
      expect(got.warnings).toEqual([expect.stringMatching(/^line 2 of the response: expected "paper.upvotes" to be a whole number/)]);
  });
});

describe('a full page', () => {
  it('is saved, with a warning that the day may have more papers', () => {
    const one = (JSON.parse(body) as unknown[])[0];
    const page = JSON.stringify(
      Array.from({ length: API_PAGE_SIZE }, () => one),
      null,
      2,
    );
    const got = check(page);
    expect(got).toMatchObject({
      kind: 'papers',
      warnings: ["50 papers, a full page of the API's list: the day may have more that this request did not return"],
    });
    expect(check(JSON.stringify(Array.from({ length: API_PAGE_SIZE - 1 }, () => one)))).toMatchObject({ kind: 'papers', warnings: [] });
  });
});

describe('endsInsideValue', () => {
  it('tells a cut body from a whole one, strings and escapes included', () => {
    for (const whole of ['[]', '{"a":"]"}', '["\\"", "{"]', '[1] ', 'null']) expect(endsInsideValue(whole)).toBe(false);
    for (const cut of ['[', '[{"a":1}', '["\\"', '{"a":"x', '[[]']) expect(endsInsideValue(cut)).toBe(true);
  });
});
