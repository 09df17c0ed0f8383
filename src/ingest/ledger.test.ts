import { readFileSync, readdirSync } from 'node:fs';
import path from 'node:path';
import { fileURLToPath } from 'node:url';
import { describe, expect, it } from 'vitest';
import { nextLedger, parseLedger, serializeLedger } from './ledger.ts';
import { runPipeline } from './pipeline.ts';

const repoRoot = path.resolve(path.dirname(fileURLToPath(import.meta.url)), '../..');

describe('ledger text', () => {
  it('reads one id a line, skipping blanks and comments, and reports lines that are not ids', () => {
    const ledger = parseLedger('\uFEFF# permalinks\r\n2401.04558\n\n  some-slug  \nBad Slug\n');
    expect(ledger.ids).toEqual([
      { id: '2401.04558', line: 2 },
      { id: 'some-slug', line: 4 },
    ]);
    expect(ledger.invalid).toEqual([
      {
        line: 5,
        message:
          'expected a permalink id (lower-case letters, digits, "." and "-"), found "Bad Slug"; start it with "#" to keep it as a comment',
      },
    ]);
  });

  it('writes ids unique and sorted, and the next ledger never drops an id', () => {
    expect(serializeLedger(['b', 'a', 'b', '2401.00001'])).toBe('2401.00001\na\nb\n');
    expect(serializeLedger([])).toBe('');
    expect(nextLedger(parseLedger('old-one\nzeta\n'), ['new-one'])).toBe('new-one\nold-one\nzeta\n');
  });
});

describe('a ledger people edit (item 10)', () => {
  const text = '# Every URL id ever published.\n# Retired on purpose: see PR 12.\n\n2401.04558\nBad Slug\nmedusa\n# trailing note\n';

  it('keeps comments, blank lines and lines it does not understand verbatim and in place, merging new ids in sorted order', () => {
    const next = nextLedger(parseLedger(text), ['2401.04558', 'medusa', '2312.00001', 'alpha', 'zeta']);
    expect(next).toBe(
      '# Every URL id ever published.\n# Retired on purpose: see PR 12.\n\n2312.00001\n2401.04558\nBad Slug\nalpha\nmedusa\nzeta\n# trailing note\n',
    );
    // A second run changes nothing, and the unreadable line is still reported, on its new line.
    expect(nextLedger(parseLedger(next), ['2312.00001', '2401.04558', 'alpha', 'medusa', 'zeta'])).toBe(next);
    expect(parseLedger(next).invalid).toEqual([{ line: 6, message: expect.stringContaining('found "Bad Slug"') }]);
  });

  it('returns the text byte for byte when there is nothing new (CRLF, no final newline, BOM)', () => {
    const crlf = '\uFEFF# c\r\nb\r\na';
    expect(nextLedger(parseLedger(crlf), ['a', 'b'])).toBe(crlf);
    expect(nextLedger(parseLedger(crlf), ['c'])).toBe('\uFEFF# c\r\nb\r\na\r\nc\r\n');
  });

  it('appends to a ledger that holds only comments, and starts an empty one', () => {
    expect(nextLedger(parseLedger('# header\n'), ['b', 'a'])).toBe('# header\na\nb\n');
    expect(nextLedger(parseLedger(''), ['b', 'a'])).toBe('a\nb\n');
  });

  it('says how to keep a line that is not an id', () => {
    expect(parseLedger('Bad Slug\n').invalid[0]!.message).toMatch(/start it with "#" to keep it as a comment/);
  });
});

describe('the committed ledger', () => {
  it('is sorted and unique, and every id in it still resolves against content/digests', () => {
    const dir = path.join(repoRoot, 'content/digests');
    const inputs = readdirSync(dir)
      .filter((n) => /\.(txt|md|json)$/.test(n))
      .map((n) => ({ file: n, text: readFileSync(path.join(dir, n), 'utf8') }));
    const text = readFileSync(path.join(repoRoot, 'content/permalinks.txt'), 'utf8');
    const ledger = parseLedger(text);
    expect(ledger.ids.length).toBeGreaterThan(0);
    expect(serializeLedger(ledger.ids.map((l) => l.id))).toBe(text);
    const { report } = runPipeline(inputs, { ledger: { file: 'content/permalinks.txt', ledger } });
    expect(report.permalinks.missing).toEqual([]);
  });
});
