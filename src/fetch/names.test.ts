import { describe, expect, it } from 'vitest';
import { digestFromFileName } from '../ingest/dates.ts';
import { captureName, dayOfName, savedDays } from './names.ts';

describe('captureName', () => {
  it('names the first capture by its day and later ones with a number', () => {
    expect([1, 2, 3, 10].map((n) => captureName('2026-01-08', n))).toEqual([
      '2026-01-08.json',
      '2026-01-08.2.json',
      '2026-01-08.3.json',
      '2026-01-08.10.json',
    ]);
  });

  it('every capture name gives ingest its day (so a refetch counts for the same day)', () => {
    for (const n of [1, 2, 3, 10, 99]) {
      const name = captureName('2026-01-08', n);
      expect(digestFromFileName(`content/digests/${name}`)).toBe('2026-01-08');
      expect(dayOfName(name)).toBe('2026-01-08');
    }
  });
});

describe('dayOfName and savedDays', () => {
  it('read the day as ingest does, for the files ingest reads as digests', () => {
    expect(dayOfName('2026-01-08.txt')).toBe('2026-01-08');
    expect(dayOfName('2026/2026-01-08-evening.md')).toBe('2026-01-08');
    expect(dayOfName('2026-01-08.JSON')).toBe('2026-01-08');
    // Not digests of a day: another extension (a future counts file), hidden, no date first, a longer number.
    for (const name of [
      'counts/2026-01-08.jsonl',
      '.2026-01-08.json.tmp',
      '.2026-01-08.json',
      'notes-2026-01-08.txt',
      '2026-01-081.json',
      '2026-01-08.pdf',
    ]) {
      expect(dayOfName(name)).toBeNull();
    }
  });

  it('groups every saved digest under its day', () => {
    const saved = savedDays([
      '2026-01-09.json',
      '2026-01-08.2.json',
      '2026-01-08.json',
      'old/2026-01-07.txt',
      'counts/2026-01-10.jsonl',
      'README',
    ]);
    expect([...saved]).toEqual([
      ['2026-01-07', ['old/2026-01-07.txt']],
      ['2026-01-08', ['2026-01-08.2.json', '2026-01-08.json']],
      ['2026-01-09', ['2026-01-09.json']],
    ]);
  });
});
