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
    expect(ledger.ids).toEqual([{ id: '2401.04558', line: 2 }, { id: 'some-slug', line: 4 }]);
    expect(ledger.invalid).toEqual([{ line: 5, message: 'expected a permalink id (lower-case letters, digits, "." and "-"), found "Bad Slug"' }]);
  });

  it('writes ids unique and sorted, and the next ledger never drops an id', () => {
    expect(serializeLedger(['b', 'a', 'b', '2401.00001'])).toBe('2401.00001\na\nb\n');
    expect(serializeLedger([])).toBe('');
    expect(nextLedger(parseLedger('old-one\nzeta\n'), ['new-one'])).toBe('new-one\nold-one\nzeta\n');
  });
});

describe('the committed ledger', () => {
  it('is sorted and unique, and every id in it still resolves against content/digests', () => {
    const dir = path.join(repoRoot, 'content/digests');
    const inputs = readdirSync(dir).filter((n) => /\.(txt|md|json)$/.test(n)).map((n) => ({ file: n, text: readFileSync(path.join(dir, n), 'utf8') }));
    const text = readFileSync(path.join(repoRoot, 'content/permalinks.txt'), 'utf8');
    const ledger = parseLedger(text);
    expect(ledger.ids.length).toBeGreaterThan(0);
    expect(serializeLedger(ledger.ids.map((l) => l.id))).toBe(text);
    const { report } = runPipeline(inputs, { ledger: { file: 'content/permalinks.txt', ledger } });
    expect(report.permalinks.missing).toEqual([]);
  });
});
