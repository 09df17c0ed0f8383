import { readFileSync } from 'node:fs';
import { describe, expect, it } from 'vitest';
import { parseApi } from '../ingest/formats/api.ts';
import type { GetResult } from './io.ts';
import { captureName } from './names.ts';
import { fetchDays, type FetchDeps } from './run.ts';

const body = readFileSync(new URL('./fixtures/day.json', import.meta.url), 'utf8');
const API = 'https://api.example/daily_papers';
const answer = (text: string): GetResult => ({
  ok: true,
  attempts: 1,
  answer: { status: 200, contentType: 'application/json', body: text },
});

/** In-memory digests folder and a server answering from `days` (day → result). */
function fakes(days: Record<string, GetResult>, files: Record<string, string> = {}) {
  const folder = new Map(Object.entries(files));
  const asked: string[] = [];
  const recorded: string[][] = [];
  const warnings: string[] = [];
  let tick = Date.parse('2026-01-09T06:00:00.000Z');
  const deps: FetchDeps = {
    get: async (url, day) => {
      asked.push(url);
      return days[day] ?? answer('[]');
    },
    listSaved: async () => [...folder.keys()],
    readSaved: async (name) => folder.get(name)!,
    save: async (day, text) => {
      let n = 1;
      while (folder.has(captureName(day, n))) n++;
      folder.set(captureName(day, n), text);
      return captureName(day, n);
    },
    now: () => new Date((tick += 1000)),
    saveCounts: async (day, text) => {
      folder.set(`counts/${day}.jsonl`, text);
      return `counts/${day}.jsonl`;
    },
    readEmptyDays: async () => folder.get('empty-days.txt') ?? null,
    saveEmptyDays: async (text, added) => {
      folder.set('empty-days.txt', text);
      recorded.push(added);
    },
    warn: (message) => warnings.push(message),
  };
  return { deps, folder, asked, recorded, warnings };
}

describe('fetchDays', () => {
  it('saves a day, reports a day without papers, and goes on after a failed day', async () => {
    const f = fakes({
      '2026-01-08': answer(body),
      '2026-01-07': { ok: false, attempts: 3, reason: 'HTTP 500 Internal Server Error; gave up after 3 attempts' },
      '2026-01-06': answer('<html><title>Oops</title></html>'),
    });
    const out = await fetchDays({ api: API, days: ['2026-01-06', '2026-01-07', '2026-01-08', '2026-01-10'], skipSaved: false }, f.deps);
    expect(out.map((d) => d.outcome)).toEqual(['failed', 'failed', 'saved', 'empty']);
    expect(out[0]).toMatchObject({ reason: 'expected JSON, found an HTML page ("Oops")' });
    expect(f.asked).toEqual(['2026-01-06', '2026-01-07', '2026-01-08', '2026-01-10'].map((d) => `${API}?date=${d}`));
    expect([...f.folder.keys()]).toEqual(['2026-01-08.json']);
    const saved = JSON.parse(f.folder.get('2026-01-08.json')!) as Record<string, unknown>;
    expect(saved).toMatchObject({ date: '2026-01-08', source: `${API}?date=2026-01-08`, count: 2, data: JSON.parse(body) });
  });

  it('--since skips saved days without asking; --date fetches them again and keeps the new capture beside', async () => {
    const bumped = JSON.parse(body) as Array<{ paper: { upvotes: number } }>;
    bumped[0]!.paper.upvotes = 50;
    const f = fakes(
      { '2026-01-08': answer(JSON.stringify(bumped)) },
      { '2026-01-08.json': body, 'old/2026-01-07.txt': 'a plain-text copy' },
    );
    const since = await fetchDays({ api: API, days: ['2026-01-07', '2026-01-08'], skipSaved: true }, f.deps);
    expect(since).toEqual([
      { day: '2026-01-07', outcome: 'already-saved', files: ['old/2026-01-07.txt'] },
      { day: '2026-01-08', outcome: 'already-saved', files: ['2026-01-08.json'] },
    ]);
    expect(f.asked).toEqual([]);

    const again = await fetchDays({ api: API, days: ['2026-01-08'], skipSaved: false }, f.deps);
    expect(again).toEqual([
      { day: '2026-01-08', outcome: 'saved', file: '2026-01-08.2.json', papers: 2, beside: ['2026-01-08.json'], attempts: 1, warnings: [] },
    ]);
    expect(f.folder.get('2026-01-08.json')).toBe(body);
    // The new capture is the newer one for ingest, whatever the API's own timestamps say.
    const first = parseApi(body, { file: 'a', digestFromName: '2026-01-08' });
    const second = parseApi(f.folder.get('2026-01-08.2.json')!, { file: 'b', digestFromName: '2026-01-08' });
    expect(second.capturedAt! > first.capturedAt!).toBe(true);
    expect(second.entries[0]!.upvotes).toBe(50);
  });

  it('a refetch with nothing new writes nothing', async () => {
    const f = fakes({ '2026-01-08': answer(body) }, { '2026-01-08.json': body });
    const out = await fetchDays({ api: API, days: ['2026-01-08'], skipSaved: false }, f.deps);
    expect(out).toEqual([{ day: '2026-01-08', outcome: 'unchanged', file: '2026-01-08.json', papers: 2, attempts: 1 }]);
    expect([...f.folder.keys()]).toEqual(['2026-01-08.json']);
  });

  it('counts mode keeps only the changed counts of saved days, in one counts file, and saves a new or grown day in full', async () => {
    const entries = () => JSON.parse(body) as Array<{ paper: { id: string; upvotes: number }; numComments: number }>;
    const bumped = entries();
    bumped[0]!.paper.upvotes = 50;
    const on = (day: string, text: string) => text.replaceAll('2026-01-08', day);
    const grown = [...entries(), { ...entries()[0]!, paper: { ...entries()[0]!.paper, id: '2601.04003' } }];
    const f = fakes(
      {
        '2026-01-06': answer(on('2026-01-06', body)),
        '2026-01-07': answer(on('2026-01-07', JSON.stringify(grown))),
        '2026-01-08': answer(JSON.stringify(bumped)),
      },
      { '2026-01-07.json': on('2026-01-07', body), '2026-01-08.json': body },
    );
    const out = await fetchDays({ api: API, days: ['2026-01-06', '2026-01-07', '2026-01-08'], skipSaved: false, counts: true }, f.deps);
    expect(out.map((d) => d.outcome)).toEqual(['saved', 'saved', 'counted']);
    expect(out[2]).toEqual({ day: '2026-01-08', outcome: 'counted', changed: 1, papers: 2, attempts: 1 });
    expect([...f.folder.keys()].sort()).toEqual([
      '2026-01-06.json',
      '2026-01-07.2.json',
      '2026-01-07.json',
      '2026-01-08.json',
      'counts/2026-01-09.jsonl',
    ]);
    expect(f.folder.get('counts/2026-01-09.jsonl')).toMatch(
      /^\{"arxiv":"2601\.04001","upvotes":50,"comments":3,"capturedAt":"2026-01-09T06:00:0\d\.000Z"\}\n$/,
    );

    // The next run knows the counts file: nothing changed since, nothing written.
    const again = await fetchDays({ api: API, days: ['2026-01-08'], skipSaved: false, counts: true }, f.deps);
    expect(again).toEqual([{ day: '2026-01-08', outcome: 'counted', changed: 0, papers: 2, attempts: 1 }]);
    expect([...f.folder.keys()].filter((k) => k.startsWith('counts/'))).toHaveLength(1);
  });

  it('records a weekday without papers in empty-days.txt (not a weekend), once', async () => {
    const f = fakes({ '2026-01-08': answer(body) });
    // Thursday 1 Jan 2026 (a holiday) and Saturday 10 Jan answer [].
    const plan = { api: API, days: ['2026-01-01', '2026-01-08', '2026-01-10'], skipSaved: false };
    expect((await fetchDays(plan, f.deps)).map((d) => d.outcome)).toEqual(['empty', 'saved', 'empty']);
    expect(f.recorded).toEqual([['2026-01-01']]);
    const text = f.folder.get('empty-days.txt')!;
    expect(text.split('\n').filter((l) => l && !l.startsWith('#'))).toEqual(['2026-01-01']);
    await fetchDays({ ...plan, days: ['2026-01-01'] }, f.deps);
    expect(f.recorded).toHaveLength(1);
    expect(f.folder.get('empty-days.txt')).toBe(text);
  });

  it('leaves an empty-days.txt with a line that is not a day alone, and warns with its line', async () => {
    const f = fakes({}, { 'empty-days.txt': '2025-12-25\nsoon\n' });
    await fetchDays({ api: API, days: ['2026-01-01'], skipSaved: false }, f.deps);
    expect(f.folder.get('empty-days.txt')).toBe('2025-12-25\nsoon\n');
    expect(f.warnings).toEqual(['empty-days.txt:2: expected a date YYYY-MM-DD, found "soon"; 2026-01-01 not recorded']);
  });
});
