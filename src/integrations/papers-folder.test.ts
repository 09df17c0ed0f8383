import { mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { afterEach, describe, expect, it } from 'vitest';
import { testPaper } from '../../tests/support/builders.ts';
import { serializePaper } from '../ingest/io.ts';
import { readPaperEntries } from './papers-folder.ts';

let dir: string | undefined;
afterEach(() => {
  if (dir) rmSync(dir, { recursive: true, force: true });
  dir = undefined;
});

describe('readPaperEntries', () => {
  it('reads every entry as ingest writes it, through `pick`, and skips files that are not entries', () => {
    dir = mkdtempSync(path.join(tmpdir(), 'papers-folder-'));
    const a = testPaper({ id: 'a', aliases: ['old-a'] });
    for (const p of [a, testPaper({ id: 'b' })]) writeFileSync(path.join(dir, `${p.id}.json`), serializePaper(p));
    writeFileSync(path.join(dir, 'empty-days.txt'), '2025-01-01\n');
    expect(readPaperEntries(dir, (entry) => [entry.id, entry.aliases]).sort()).toEqual([
      ['a', ['old-a']],
      ['b', []],
    ]);
    expect(readPaperEntries(dir, (entry) => entry).find((e) => e.id === 'a')).toEqual(JSON.parse(serializePaper(a)));
  });
});
