import { describe, expect, it } from 'vitest';
import fc from 'fast-check';
import { allChainUrls, assignIds, slugChain, slugify } from './ids.ts';
import { PAPER_ID_PATTERN } from '../schemas/paper.ts';
import { mergeEntries, type MergedPaper } from './merge.ts';
import { normalizeEntry } from './normalize.ts';
import { testEntry } from '../../tests/support/builders.ts';

const rawEntry = testEntry;

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
        expect(s).toMatch(PAPER_ID_PATTERN);
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

  it('adds a hash of the normalised title when slug and date both tie, whatever the input order', () => {
    const a = { title: 'Tie - A', published: '2024-01-01' };
    const b = { title: 'Tie A?', published: '2024-01-01', abstract: 'other' };
    // Different titles, same slug, same date: `titleKey` differs only by punctuation, so they merge…
    expect(papers(a, b)).toHaveLength(1);
    // …while titles that differ only after the 80-character cut share a slug and a date.
    const long = 'A Very Long Title About Speculative Decoding That Goes On And On Beyond Eighty Characters';
    const c = { title: `${long} Part One`, published: '2024-01-01', file: 'b.txt' };
    const d = { title: `${long} Part Two`, published: '2024-01-01', file: 'a.txt' };
    const byTitle = (list: MergedPaper[]) => {
      const r = assignIds(list);
      return Object.fromEntries(list.map((p, i) => [p.title, { id: r.ids[i], aliases: r.aliases[i] }]));
    };
    const one = byTitle(papers(c, d));
    expect(byTitle(papers(d, c))).toEqual(one);
    const slug = slugify(long);
    expect(one[`${long} Part One`]!.id).toMatch(new RegExp(`^${slug}-2024-01-01-[0-9a-f]{8}$`));
    expect(one[`${long} Part Two`]!.id).toMatch(new RegExp(`^${slug}-2024-01-01-[0-9a-f]{8}$`));
    expect(one[`${long} Part One`]!.id).not.toBe(one[`${long} Part Two`]!.id);
    // Both keep the shorter URLs a smaller set of digests gave them: shared pages now.
    expect(one[`${long} Part One`]!.aliases).toEqual([slug, `${slug}-2024-01-01`]);
  });

  it('keeps the old slug as an alias when a paper seen without an id gains one', () => {
    const list = papers(
      { title: 'Gains An Id', published: '2025-01-01' },
      { title: 'Gains an id', published: '2025-01-01', arxiv: '2501.00001', file: 'z.txt' },
    );
    expect(list).toHaveLength(1);
    expect(assignIds(list)).toMatchObject({ ids: ['2501.00001'], aliases: [['gains-an-id']] });
  });

  it('makes a slug two papers imply a shared URL, and gives each paper a longer one', () => {
    const list = papers(
      { title: 'Shared', published: '2025-01-01' },
      { title: 'Shared', published: '2025-01-01', arxiv: '2501.00001', file: 'y.txt' },
      { title: 'Shared', published: '2023-05-05', file: 'z.txt' },
    );
    const r = assignIds(list);
    expect(r.ids).toEqual(['2501.00001', 'shared-2023-05-05']);
    // The identified paper keeps both URLs its id-less capture could have had.
    expect(r.aliases).toEqual([['shared', 'shared-2025-01-01'], ['shared']]);
    expect(r.collisions).toEqual([{ slug: 'shared', ids: ['2501.00001', 'shared-2023-05-05'] }]);
  });

  it('never takes back a URL: ids from any subset of captures stay ids or aliases of the same paper', () => {
    const pool = [
      { title: 'Alpha', published: '2024-01-01', file: 'a.txt' },
      { title: 'Alpha', published: '2024-02-02', file: 'b.txt' },
      { title: 'Alpha!', published: '2024-02-02', file: 'c.txt', arxiv: '2402.00002' },
      { title: 'Alpha beta', published: '2024-01-01', file: 'd.txt' },
      { title: 'ALPHA', published: '2024-01-01', file: 'e.txt', arxiv: '2401.00001' },
      { title: 'Beta', published: '2024-03-03', file: 'f.txt' },
      { title: 'Beta', published: '2024-03-03', file: 'g.txt', arxiv: '2403.00003' },
      // Re-captures a day off, chains of them, and an identified capture they may join.
      { title: 'Alpha', published: '2024-01-02', file: 'h.txt' },
      { title: 'Gamma', published: '2024-05-05', file: 'i.txt' },
      { title: 'Gamma', published: '2024-05-07', file: 'j.txt' },
      { title: 'gamma', published: '2024-05-06', file: 'k.txt' },
      { title: 'Gamma', published: '2024-05-08', file: 'l.txt', arxiv: '2405.00008' },
      { title: 'Gamma', published: '2024-05-10', file: 'm.txt' },
    ];
    const urls = (subset: typeof pool) => {
      const list = papers(...subset);
      const r = assignIds(list);
      // Each paper is known by its set of (file) captures, which only grows with more digests.
      const out = new Map<string, Set<string>>();
      list.forEach((p, i) => {
        for (const url of [r.ids[i]!, ...r.aliases[i]!]) {
          const files = out.get(url) ?? new Set<string>();
          for (const e of p.entries) files.add(e.file);
          out.set(url, files);
        }
      });
      return out;
    };
    const all = urls(pool);
    fc.assert(
      fc.property(fc.subarray(pool, { minLength: 1 }), (subset) => {
        for (const [url, files] of urls(subset)) {
          expect(all.has(url), url).toBe(true);
          // Every capture that held the URL then still leads there now.
          for (const f of files) expect(all.get(url)!.has(f), `${url} ${f}`).toBe(true);
        }
      }),
      { numRuns: 400 },
    );
  });

  it('keeps the URL a paper had when it is captured again with its date a day off, and contests it two days off', () => {
    const first = { title: 'Once More', published: '2025-01-01', file: 'a.txt' };
    expect(assignIds(papers(first)).ids).toEqual(['once-more']);
    expect(assignIds(papers(first, { ...first, published: '2025-01-02', file: 'b.md' }))).toMatchObject({
      ids: ['once-more'],
      aliases: [[]],
      collisions: [],
    });
    const apart = assignIds(papers(first, { ...first, published: '2025-01-03', file: 'b.md' }));
    expect(apart.ids).toEqual(['once-more-2025-01-01', 'once-more-2025-01-03']);
    expect(apart.collisions).toEqual([{ slug: 'once-more', ids: apart.ids }]);
  });
});

describe('slugChain', () => {
  it('goes from the slug to slug-date to slug-date-hash, the hash keyed on the normalised title', () => {
    const chain = slugChain('Foo: Bar', '2024-01-01');
    expect(chain.slice(0, 2)).toEqual(['foo-bar', 'foo-bar-2024-01-01']);
    expect(chain[2]).toMatch(/^foo-bar-2024-01-01-[0-9a-f]{8}$/);
    expect(chain[3]!.startsWith(chain[2]!)).toBe(true);
    expect(slugChain('foo bar!', '2024-01-01')).toEqual(chain);
    expect(slugChain('Foo Baz', '2024-01-01')[2]).not.toBe(chain[2]);
    for (const url of chain) expect(url).toMatch(PAPER_ID_PATTERN);
  });

  it('lists every URL of every chain for ledger lookups', () => {
    const list = papers({ title: 'Solo', published: '2024-01-01' });
    const urls = allChainUrls(list);
    expect([...urls.keys()].slice(0, 2)).toEqual(['solo', 'solo-2024-01-01']);
    expect([...urls.values()].every((holders) => holders.length === 1 && holders[0] === 0)).toBe(true);
  });
});
