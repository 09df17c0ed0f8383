import { describe, expect, it } from 'vitest';
import { testPaper } from '../../tests/support/builders.ts';
import { papersFolder } from '../../tests/support/papers-folder.ts';
import { serializePaper } from '../ingest/io.ts';
import { readPaperEntries } from './papers-folder.ts';

describe('readPaperEntries', () => {
  it('reads every entry as ingest writes it, through `pick`, and skips files that are not entries', () => {
    const a = testPaper({ id: 'a', aliases: ['old-a'] });
    const dir = papersFolder([a, testPaper({ id: 'b' })], { 'empty-days.txt': '2025-01-01\n' });
    expect(readPaperEntries(dir, (entry) => [entry.id, entry.aliases]).sort()).toEqual([
      ['a', ['old-a']],
      ['b', []],
    ]);
    expect(readPaperEntries(dir, (entry) => entry).find((e) => e.id === 'a')).toEqual(JSON.parse(serializePaper(a)));
  });
});
