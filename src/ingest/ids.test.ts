import { describe, expect, it } from 'vitest';
import fc from 'fast-check';
import { assignIds, ID_PATTERN, slugify } from './ids.ts';
import { mergeEntries, type MergedPaper } from './merge.ts';
import { normalizeEntry } from './normalize.ts';
import type { RawEntry } from './types.ts';

function rawEntry(over: Partial<RawEntry> = {}): RawEntry {
  return {
    file: 'a.txt', line: 1, rank: 0, digest: '2026-01-08', title: 'A Title', abstract: 'An abstract.',
    published: '2025-10-06', authors: null, authorCount: 3, org: null, upvotes: null, comments: null,
    arxiv: null, github: null, project: null, keywords: [], ...over,
  };
}

describe('slugify', () => {
  it.each([
    ['MusER: Musical Element-Based Regularization', 'muser-musical-element-based-regularization'],
    ["It's Never Too Late: Fusing Acoustic Information", 'its-never-too-late-fusing-acoustic-information'],
    ['Gödel Prize for Über Café', 'godel-prize-for-uber-cafe'],
    ['$\\nabla^2$DFT: A Universal Benchmark', 'nabla2dft-a-universal-benchmark'],
    ['snake_case and  double  spaces', 'snake-case-and-double-spaces'],
    ['π', expect.stringMatching(/^paper-[0-9a-f]{10}$/)],
  ])('%s', (title, expected) => expect(slugify(title)).toEqual(expected));

  it('cuts long titles at a word boundary near 80 characters', () => {
    const s = slugify('Accelerating Diffusion Large Language Model Inference via Local Determinism Propagation and Many More Words');
    expect(s.length).toBeLessThanOrEqual(80);
    expect(s).toBe('accelerating-diffusion-large-language-model-inference-via-local-determinism');
  });

  it('always gives an id the paper schema accepts', () => {
    fc.assert(
      fc.property(fc.string({ maxLength: 200 }), (title) => {
        const s = slugify(title);
        expect(s).toMatch(ID_PATTERN);
        expect(s.length).toBeLessThanOrEqual(80);
      }),
      { numRuns: 1000 },
    );
  });
});

function papers(...entries: Parameters<typeof rawEntry>[0][]): MergedPaper[] {
  return mergeEntries(entries.map((e, i) => normalizeEntry(rawEntry({ line: i * 10 + 1, ...e }))));
}

describe('assignIds', () => {
  it('uses the arXiv id when there is one, else the title slug', () => {
    const { ids, aliases } = assignIds(papers({ title: 'One', arxiv: '2401.04558' }, { title: 'Two' }));
    expect(ids).toEqual(['2401.04558', 'two']);
    expect(aliases).toEqual([[], []]);
  });

  it('gives every paper sharing a slug `-<published>`, in any input order, and reports it', () => {
    const a = { title: 'Same Title', published: '2024-01-01' };
    const b = { title: 'Same: title!', published: '2025-02-02', file: 'z.txt' };
    for (const list of [papers(a, b), papers(b, a)]) {
      const { ids, collisions } = assignIds(list);
      expect(new Set(ids)).toEqual(new Set(['same-title-2024-01-01', 'same-title-2025-02-02']));
      expect(collisions).toEqual([{ slug: 'same-title', ids: ['same-title-2024-01-01', 'same-title-2025-02-02'] }]);
    }
  });

  it('numbers papers whose slug and date both tie, by title, not by input order', () => {
    const a = { title: 'Tie - A', published: '2024-01-01' };
    const b = { title: 'Tie A?', published: '2024-01-01', abstract: 'other' };
    // Different titles, same slug, same date: `titleKey` differs only by punctuation, so they merge…
    expect(papers(a, b)).toHaveLength(1);
    // …while titles that differ only after the 80-character cut share a slug and get numbered.
    const long = 'A Very Long Title About Speculative Decoding That Goes On And On Beyond Eighty Characters';
    const c = { title: `${long} Part One`, published: '2024-01-01', file: 'b.txt' };
    const d = { title: `${long} Part Two`, published: '2024-01-01', file: 'a.txt' };
    const one = assignIds(papers(c, d));
    const two = assignIds(papers(d, c));
    const byTitle = (r: typeof one, list: MergedPaper[]) => Object.fromEntries(list.map((p, i) => [p.title, r.ids[i]]));
    expect(byTitle(one, papers(c, d))).toEqual(byTitle(two, papers(d, c)));
    expect(byTitle(one, papers(c, d))[`${long} Part One`]).toMatch(/-2024-01-01$/);
    expect(byTitle(one, papers(c, d))[`${long} Part Two`]).toMatch(/-2024-01-01-2$/);
    expect(new Set(one.ids).size).toBe(2);
  });

  it('keeps the old slug as an alias when a paper seen without an id gains one', () => {
    const list = papers({ title: 'Gains An Id', published: '2025-01-01' }, { title: 'Gains an id', published: '2025-01-01', arxiv: '2501.00001', file: 'z.txt' });
    expect(list).toHaveLength(1);
    expect(assignIds(list)).toMatchObject({ ids: ['2501.00001'], aliases: [['gains-an-id']] });
  });

  it('does not alias a slug that another paper uses as its id', () => {
    const list = papers(
      { title: 'Shared', published: '2025-01-01' },
      { title: 'Shared', published: '2025-01-01', arxiv: '2501.00001', file: 'y.txt' },
      { title: 'Shared', published: '2023-05-05', file: 'z.txt' },
    );
    const r = assignIds(list);
    expect(r.ids).toEqual(['2501.00001', 'shared']);
    expect(r.aliases).toEqual([[], []]);
    expect(r.collisions).toEqual([{ slug: 'shared', ids: ['2501.00001', 'shared'] }]);
  });
});
