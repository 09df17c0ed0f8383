import { describe, expect, it } from 'vitest';
import fc from 'fast-check';
import { mergeEntries, titleDisagreements, titleKey } from './merge.ts';
import { normalizeEntry, type NormalizedEntry } from './normalize.ts';
import type { RawEntry } from './types.ts';
import { testEntry } from '../../tests/support/builders.ts';

function entry(over: Partial<RawEntry> = {}): NormalizedEntry {
  return normalizeEntry({ capturedAt: null, ...testEntry({ file: '2026-01-08.txt', ...over }) });
}

describe('titleKey', () => {
  it('ignores case, spacing, punctuation and accents', () => {
    expect(titleKey('Foo: A  Bar-Baz!')).toBe(titleKey('foo a bar baz'));
    expect(titleKey('Gödel Machines')).toBe(titleKey('Godel machines'));
    expect(titleKey('Foo Bar')).not.toBe(titleKey('Foo Baz'));
  });
});

describe('mergeEntries', () => {
  it('merges the same title and date from two digests, keeping every digest and appearance', () => {
    const a = entry({ file: '2026-01-08.txt', line: 5, rank: 2, comments: 1 });
    const b = entry({ file: '2026-01-09.txt', digest: '2026-01-09', line: 40, rank: 7, title: 'a title', comments: 4 });
    const [p, ...rest] = mergeEntries([b, a]);
    expect(rest).toEqual([]);
    expect(p!.digests).toEqual(['2026-01-08', '2026-01-09']);
    expect(p!.appearances.map((x) => [x.file, x.line, x.rank, x.comments])).toEqual([
      ['2026-01-08.txt', 5, 2, 1],
      ['2026-01-09.txt', 40, 7, 4],
    ]);
    expect(p!.comments).toBe(4);
  });

  it('keeps two papers that share a title but not a date', () => {
    expect(mergeEntries([entry({ published: '2024-01-01' }), entry({ published: '2025-01-01', line: 9 })])).toHaveLength(2);
  });

  it('merges by arXiv id even when titles differ, and pulls in an id-less capture with the same title and date', () => {
    const api = entry({ arxiv: '2401.04558', title: 'The $\\alpha$ Paper', file: 'b.json', authors: ['A B', 'C D'], upvotes: 10 });
    const md = entry({ arxiv: '2401.04558', title: 'The alpha Paper v2', file: 'c.md', upvotes: 12, digest: '2026-01-10' });
    const txt = entry({ title: 'The $\\alpha$ paper', file: 'a.txt', org: { slug: 'x', name: 'X' }, authorCount: 7 });
    const merged = mergeEntries([md, txt, api]);
    expect(merged).toHaveLength(1);
    expect(merged[0]).toMatchObject({
      arxiv: '2401.04558',
      authors: ['A B', 'C D'],
      authorCount: 2,
      org: { slug: 'x', name: 'X' },
      upvotes: 12,
      seenWithoutId: true,
    });
  });

  it('keeps the newest counts from the latest digest that showed one, not the largest', () => {
    const older = entry({ digest: '2026-01-08', file: 'a.txt', upvotes: 50, comments: 9 });
    const newer = entry({ digest: '2026-01-09', file: 'b.txt', upvotes: 20, comments: null });
    expect(mergeEntries([newer, older])[0]).toMatchObject({ upvotes: 20, comments: 9 });
  });

  it("takes a day's counts from the capture saved last when every capture says when, else the largest; never by file order", () => {
    const at = (file: string, capturedAt: string | null, upvotes: number, org: string) =>
      entry({ file, capturedAt, upvotes, comments: upvotes % 7, org: { slug: org, name: org.toUpperCase() } });
    const timed = [at('a.md', '2026-01-08T21:00:00.000Z', 20, 'zeta'), at('b.md', '2026-01-08T08:00:00.000Z', 50, 'alpha')];
    const untimed = [at('a.md', null, 20, 'zeta'), at('b.md', '2026-01-08T08:00:00.000Z', 50, 'alpha')];
    for (const files of [
      ['a.md', 'b.md'],
      ['b.md', 'a.md'],
    ]) {
      const rename = (list: NormalizedEntry[]) => list.map((e, i) => ({ ...e, file: files[i]! }));
      expect(mergeEntries(rename(timed))[0]).toMatchObject({ upvotes: 20, comments: 6, org: { slug: 'zeta' } });
      // Each field on its own: the largest count, the org last by slug.
      expect(mergeEntries(rename(untimed))[0]).toMatchObject({ upvotes: 50, comments: 6, org: { slug: 'zeta' } });
    }
  });

  it('counts a repeat of the same card inside one file as one paper with two appearances', () => {
    const merged = mergeEntries([entry({ line: 1, rank: 0 }), entry({ line: 30, rank: 5 })]);
    expect(merged).toHaveLength(1);
    expect(merged[0]!.appearances.map((a) => a.rank)).toEqual([0, 5]);
    expect(merged[0]!.digests).toEqual(['2026-01-08']);
  });

  it('does not depend on the order entries come in', () => {
    const pool = [
      entry({ title: 'Alpha', file: 'a.txt', line: 1 }),
      entry({ title: 'alpha!', file: 'b.txt', line: 3, digest: '2026-01-09', comments: 2 }),
      entry({ title: 'Alpha', file: 'c.txt', line: 5, published: '2024-02-02' }),
      entry({ title: 'Beta', file: 'a.txt', line: 9, arxiv: '2401.00001' }),
      entry({ title: 'Beta', file: 'c.txt', line: 2 }),
      entry({ title: 'Gamma', file: 'b.txt', line: 7, authors: ['X Y'] }),
      entry({ title: 'Gamma', file: 'd.txt', line: 1, abstract: 'A longer abstract wins.' }),
    ];
    const expected = JSON.stringify(mergeEntries(pool));
    fc.assert(
      fc.property(fc.shuffledSubarray(pool, { minLength: pool.length, maxLength: pool.length }), (shuffled) => {
        expect(JSON.stringify(mergeEntries(shuffled))).toBe(expected);
      }),
      { numRuns: 200 },
    );
    const merged = mergeEntries(pool);
    expect(merged.map((p) => [p.title, p.appearances.length])).toEqual([
      ['alpha!', 2],
      ['Beta', 2],
      ['Gamma', 2],
      ['Alpha', 1],
    ]);
    expect(merged[2]).toMatchObject({ authors: ['X Y'], abstract: 'A longer abstract wins.' });
  });

  it('never loses or duplicates an entry', () => {
    const arb = fc.record({
      title: fc.constantFrom('A', 'a!', 'B', 'C'),
      published: fc.constantFrom('2024-01-01', '2025-01-01'),
      arxiv: fc.constantFrom(null, null, '2401.00001', '2401.00002'),
      line: fc.integer({ min: 1, max: 1000 }),
      file: fc.constantFrom('a.txt', 'b.txt'),
    });
    fc.assert(
      fc.property(fc.array(arb, { maxLength: 25 }), (list) => {
        const entries = list.map((e) => entry(e));
        const merged = mergeEntries(entries);
        expect(merged.reduce((n, p) => n + p.entries.length, 0)).toBe(entries.length);
        expect(merged.reduce((n, p) => n + p.appearances.length, 0)).toBe(entries.length);
        const ids = merged.map((p) => p.arxiv).filter((x) => x !== null);
        expect(new Set(ids).size).toBe(ids.length);
      }),
      { numRuns: 300 },
    );
  });

  it('lets an id-less capture join an identified paper dated a day apart (time zones), not two days', () => {
    const api = entry({ arxiv: '2506.00001', published: '2025-06-02', authors: ['A B'], file: 'b.json' });
    const dayBefore = entry({ published: '2025-06-01', file: 'a.md' });
    const twoBefore = entry({ published: '2025-05-31', file: 'c.md' });
    expect(mergeEntries([api, dayBefore]).map((p) => [p.arxiv, p.published, p.entries.length])).toEqual([['2506.00001', '2025-06-02', 2]]);
    expect(mergeEntries([api, twoBefore]).map((p) => [p.arxiv, p.published, p.entries.length])).toEqual([
      ['2506.00001', '2025-06-02', 1],
      [null, '2025-05-31', 1],
    ]);
    // A capture a day off another id-less capture is a re-capture of the same paper, so the one
    // two days off joins through the one between.
    expect(mergeEntries([api, dayBefore, twoBefore]).map((p) => [p.arxiv, p.entries.length])).toEqual([['2506.00001', 3]]);
  });

  it('merges id-less captures of one title dated a day apart (a re-capture), and chains of them; not two days apart', () => {
    const on = (published: string, file: string) => entry({ published, file });
    expect(mergeEntries([on('2025-06-01', 'a.txt'), on('2025-06-02', 'b.md')])).toHaveLength(1);
    expect(mergeEntries([on('2025-06-01', 'a.txt'), on('2025-06-03', 'b.md')])).toHaveLength(2);
    const chain = [on('2025-06-01', 'a.txt'), on('2025-06-03', 'b.md'), on('2025-06-02', 'c.md')];
    fc.assert(
      fc.property(fc.shuffledSubarray(chain, { minLength: 3, maxLength: 3 }), (list) => {
        const merged = mergeEntries(list);
        expect(merged).toHaveLength(1);
        expect(merged[0]!.published).toBe('2025-06-01');
      }),
      { numRuns: 20 },
    );
  });

  it('keeps the date of the earliest digest when two page captures of one paper disagree by a day', () => {
    const daily = entry({ published: '2026-05-13', digest: '2026-05-14', file: 'z.txt' });
    const search = entry({ published: '2026-05-12', digest: '2026-06-29', file: 'a.txt' });
    expect(mergeEntries([daily, search]).map((p) => p.published)).toEqual(['2026-05-13']);
    expect(mergeEntries([search, daily, { ...search, file: 'b.txt' }]).map((p) => p.published)).toEqual(['2026-05-12']);
  });

  it("takes the API's date over a page capture's when they differ", () => {
    const md = entry({ arxiv: '2506.00001', published: '2025-06-01', file: 'a.md' });
    const api = entry({ arxiv: '2506.00001', published: '2025-06-02', authors: ['A B'], file: 'b.json' });
    expect(mergeEntries([md, api])[0]!.published).toBe('2025-06-02');
    expect(mergeEntries([md, { ...md, file: 'c.md' }])[0]!.published).toBe('2025-06-01');
  });

  it('puts an undated (trending) card into the dated paper of its title: latest on or before its digest', () => {
    const undated = entry({ published: null, digest: '2025-07-01', file: 't.md' });
    const older = entry({ published: '2024-01-01', file: 'a.txt' });
    const newer = entry({ published: '2025-06-01', file: 'b.txt' });
    const future = entry({ published: '2025-08-01', file: 'c.txt' });
    const merged = mergeEntries([undated, older, newer, future]);
    expect(merged.find((p) => p.entries.some((e) => e.file === 't.md'))!.published).toBe('2025-06-01');
    expect(mergeEntries([undated])[0]).toMatchObject({ published: '2025-07-01' });
    expect(mergeEntries([undated, future]).map((p) => p.published)).toEqual(['2025-08-01']);
  });
});

describe('titleDisagreements', () => {
  it("names each capture that gives a known arXiv id with another title, against the earliest digest day's, whatever the input order (hostile set: api-id-collision)", () => {
    const first = entry({ arxiv: '2602.80011', title: 'Hostile collision first paper', file: 'b.json', line: 2, digest: '2026-02-02' });
    const second = entry({
      arxiv: '2602.80011',
      title: 'Hostile collision second, different paper',
      file: 'b.json',
      line: 20,
      digest: '2026-02-02',
    });
    const later = entry({ arxiv: '2602.80011', title: 'Hostile Collision: First Paper', file: 'a.md', line: 5, digest: '2026-02-03' });
    const message =
      'expected arXiv 2602.80011 to keep the title "Hostile collision first paper" of b.json:2, found "Hostile collision second, different paper" (one paper under two titles: its page shows the longer; if they are two papers, one capture gives the wrong id)';
    for (const order of [
      [first, second, later],
      [later, second, first],
    ]) {
      expect(titleDisagreements(order)).toEqual([{ file: 'b.json', line: 20, severity: 'warning', message }]);
    }
    // Still one paper: the id decides, and the warning is what keeps the other title from vanishing unsaid.
    expect(mergeEntries([first, second, later])).toHaveLength(1);
  });

  it('says nothing when titles differ only in case, punctuation, accents or LaTeX formatting, or when captures carry no id', () => {
    const api = entry({ arxiv: '2405.00001', title: '$\\textit{Trans-LoRA}$: towards data-free Transferable PEFT', file: 'a.json' });
    const page = entry({ arxiv: '2405.00001', title: 'Trans-LoRA: Towards Data-Free Transferable PEFT', file: 'b.md' });
    const math = entry({ arxiv: '2405.00002', title: '$\\text{Transformer}^2$: Self-adaptive LLMs', file: 'a.json' });
    const plain = entry({ arxiv: '2405.00002', title: 'Transformer^2: Self-adaptive LLMs', file: 'b.md' });
    const idless = [entry({ title: 'One' }), entry({ title: 'Two', line: 9 })];
    expect(titleDisagreements([api, page, math, plain, ...idless])).toEqual([]);
  });
});
