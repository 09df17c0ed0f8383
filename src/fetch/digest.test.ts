import { readFileSync } from 'node:fs';
import { describe, expect, it } from 'vitest';
import { parseApi } from '../ingest/formats/api.ts';
import { digestText, sameEntries, savedEntries } from './digest.ts';

const body = readFileSync(new URL('./fixtures/day.json', import.meta.url), 'utf8');
const entries = JSON.parse(body) as unknown[];
const meta = {
  day: '2026-01-08',
  capturedAt: '2026-01-09T06:17:03.120Z',
  source: 'https://huggingface.co/api/daily_papers?date=2026-01-08',
};

describe('digestText', () => {
  const text = digestText(entries, meta);

  it('keeps the entries exactly, with the day, capture time, source and count', () => {
    const saved = JSON.parse(text) as Record<string, unknown>;
    expect(saved).toEqual({ date: '2026-01-08', capturedAt: meta.capturedAt, source: meta.source, count: 2, data: entries });
    expect(Object.keys(saved)).toEqual(['date', 'capturedAt', 'source', 'count', 'data']);
    expect(text.endsWith('}\n')).toBe(true);
  });

  it('is read by the API reader as the same papers, and its capture time is the fetch time', () => {
    const asSaved = parseApi(text, { file: '2026-01-08.2.json', digestFromName: '2026-01-08' });
    const raw = parseApi(body, { file: 'raw.json', digestFromName: '2026-01-08' });
    expect(asSaved.problems).toEqual([]);
    const strip = (e: { line: number; file: string }) => ({ ...e, line: 0, file: '' });
    expect(asSaved.entries.map(strip)).toEqual(raw.entries.map(strip));
    // The bare list's capture time is its newest API timestamp; the saved one's is when it arrived.
    expect(raw.capturedAt).toBe('2026-01-08T06:30:00.000Z');
    expect(asSaved.capturedAt).toBe(meta.capturedAt);
  });

  it('starts every entry on a line of its own (ingest messages point at one paper)', () => {
    const lines = parseApi(text, { file: 'x.json', digestFromName: '2026-01-08' }).entries.map((e) => e.line);
    expect(new Set(lines).size).toBe(entries.length);
  });
});

describe('savedEntries and sameEntries', () => {
  it('read the entries of a bare list or of a saved capture, and nothing else', () => {
    expect(savedEntries(body)).toEqual(entries);
    expect(savedEntries(digestText(entries, meta))).toEqual(entries);
    for (const other of ['title\n\nabstract', '{"date":"2026-01-08"}', '[{"paper"', '"x"']) expect(savedEntries(other)).toBeNull();
  });

  it('a change of one count is a change', () => {
    const bumped = JSON.parse(body) as Array<{ paper: { upvotes: number } }>;
    expect(sameEntries(entries, JSON.parse(body) as unknown[])).toBe(true);
    bumped[1]!.paper.upvotes += 1;
    expect(sameEntries(entries, bumped)).toBe(false);
    expect(sameEntries(entries, entries.slice(1))).toBe(false);
  });
});
