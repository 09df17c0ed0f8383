import { readFileSync } from 'node:fs';
import path from 'node:path';
import { fileURLToPath } from 'node:url';
import { describe, expect, it } from 'vitest';
import fc from 'fast-check';
import { paperSchema } from '../schemas/paper.ts';
import { runPipeline } from './pipeline.ts';
import type { DigestInput, FormatReader } from './types.ts';
import { hasErrors } from './report.ts';
import { serializePaper } from './io.ts';
import { parseLedger } from './ledger.ts';
import { testEntry } from '../../tests/support/builders.ts';
import { renderApi, renderMarkdown, renderPlaintext, renderTrending, type CardRecord } from '../../tests/support/render-digests.ts';

const repoRoot = path.resolve(path.dirname(fileURLToPath(import.meta.url)), '../..');
const seed = readFileSync(path.join(repoRoot, 'content/digests/2026-01-08.txt'), 'utf8');
const seedInput: DigestInput = { file: '2026-01-08.txt', text: seed };

function reconciles(r: ReturnType<typeof runPipeline>['report']): boolean {
  return r.entriesRead === r.papersWritten + r.duplicatesMerged + r.entriesRejected;
}

describe('the seed digest through the pipeline', () => {
  const { papers, report } = runPipeline([seedInput]);

  it('gives 44 papers, 3 with an organisation, 17 with a comment count, none rejected', () => {
    expect(report).toMatchObject({
      filesRead: 1,
      entriesRead: 44,
      papersWritten: 44,
      duplicatesMerged: 0,
      entriesRejected: 0,
      problems: [],
    });
    expect(papers).toHaveLength(44);
    expect(papers.flatMap((p) => (p.org ? [p.org.slug] : [])).sort()).toEqual(['furiosa-ai', 'kyutai', 'nvidia']);
    expect(papers.filter((p) => p.comments !== null)).toHaveLength(17);
    expect(reconciles(report)).toBe(true);
  });

  it('writes valid, id-sorted papers with slug ids and the digest day', () => {
    expect(papers.map((p) => p.id)).toEqual(papers.map((p) => p.id).sort());
    for (const p of papers) {
      expect(paperSchema.safeParse(p).success).toBe(true);
      expect(p.id).toMatch(/^[a-z0-9][a-z0-9-]*$/);
      expect(p).toMatchObject({ arxiv: null, upvotes: null, digests: ['2026-01-08'], topics: [] });
      expect(p.appearances).toHaveLength(1);
    }
    expect(new Set(papers.map((p) => p.appearances[0]!.rank))).toEqual(new Set([...Array(44).keys()]));
  });

  it('serialises keys in schema order', () => {
    const keys = Object.keys(JSON.parse(serializePaper(papers[0]!)));
    expect(keys).toEqual(Object.keys(paperSchema.shape));
  });

  it('repairs the LaTeX leftovers of the real text (real-data smoke)', () => {
    const abstract = (start: string) => papers.find((p) => p.title.startsWith(start))!.abstract;
    expect(abstract('VideoScan')).toContain('achieves up to ~5× and 1.29× speedups');
    expect(abstract('VideoScan')).toContain('(consistently ~18GB, independent');
    expect(abstract('Learning to Parallel:')).toContain('up to 22.58× speedup without any performance drop, and up to 57.51× when');
    expect(abstract('ARC-Encoder')).toContain('(typically x∈{4,8})');
    expect(abstract('Turning Trash into Treasure')).toContain('requires <2MB of additional storage');
    const all = papers.map((p) => p.abstract).join('\n');
    expect(all).not.toMatch(/\dtimes\b|\bsim \d|\\textless|!in!/);
  });

  it('fills github and links from the abstract, cleaned of debris', () => {
    const flash = papers.find((p) => p.github === 'https://github.com/ZihuaEvan/FlashSD');
    expect(flash).toBeDefined();
    const arc = papers.find((p) => p.title.startsWith('ARC-Encoder'))!;
    expect(arc.github).toBe('https://github.com/kyutai-labs/ARC-Encoder');
    expect(arc.links).toEqual(['https://huggingface.co/collections/kyutai/arc-encoders-68ee18787301407d60a57047']);
    expect(papers.find((p) => p.title.startsWith('Generalized Decoding for Pixel'))!).toMatchObject({
      github: null,
      links: ['https://x-decoder-vl.github.io'],
    });
  });
});

describe('pipeline behaviour', () => {
  const broken = seed.replace('Oct 6, 2025 2', 'Oct 66, 2025 2').replace('  • 7 authors\n·\nOct 8, 2025', '\n·\nOct 8, 2025');

  it('rejects broken cards, keeps the rest, and still reconciles', () => {
    const { papers, report } = runPipeline([{ file: '2026-01-08.txt', text: broken }]);
    expect(report).toMatchObject({ entriesRead: 44, papersWritten: 42, entriesRejected: 2, duplicatesMerged: 0 });
    expect(report.problems.map((p) => [p.line, p.severity])).toEqual([
      [91, 'error'],
      [114, 'error'],
    ]);
    expect(report.problems[0]!.message).toBe('expected a date line like "Jan 8" or "Dec 15, 2023 3" after "·", found "Oct 66, 2025 2"');
    expect(papers).toHaveLength(42);
    expect(hasErrors(report)).toBe(true);
  });

  it('merges the same digest read twice: every card is a duplicate, every paper has two appearances', () => {
    const { papers, report } = runPipeline([seedInput, { file: 'copy/2026-01-08.txt', text: seed }]);
    expect(report).toMatchObject({ entriesRead: 88, papersWritten: 44, duplicatesMerged: 44, entriesRejected: 0 });
    expect(papers.every((p) => p.appearances.length === 2 && p.digests.length === 1)).toBe(true);
  });

  it('gives identical output whatever the order of the input files', () => {
    const other = seed.replace(/Jan 8/, 'Jan 9');
    const inputs: DigestInput[] = [seedInput, { file: '2026-01-09.txt', text: other }, { file: 'bad.txt', text: broken }];
    const out = (list: DigestInput[]) => JSON.stringify(runPipeline(list));
    expect(out([...inputs].reverse())).toBe(out(inputs));
    expect(out([inputs[1]!, inputs[2]!, inputs[0]!])).toBe(out(inputs));
  });

  it('reports a file no reader recognises as an error without counting entries', () => {
    const { report } = runPipeline([seedInput, { file: 'notes.txt', text: 'just some notes\n' }, { file: 'empty.md', text: '' }]);
    expect(report.problems).toEqual([
      { file: 'empty.md', line: 0, severity: 'error', message: 'expected a digest, found an empty file' },
      {
        file: 'notes.txt',
        line: 0,
        severity: 'error',
        message: expect.stringMatching(
          /^expected one of the digest formats Papershelf reads \(api\/daily_papers JSON, .* or a plain-text copy of a papers page\), found "just some notes"$/,
        ),
      },
    ]);
    expect(report).toMatchObject({ entriesRead: 44, papersWritten: 44, entriesRejected: 0 });
    expect(hasErrors(report)).toBe(true);
    expect(report.files.map((f) => f.format)).toEqual(['plaintext', null, null]);
  });

  it('rejects, with the schema reason, a merged paper that fails paperSchema', () => {
    const untitled: FormatReader = {
      name: 'api',
      label: 'test JSON',
      detect: () => true,
      parse: (_text, ctx) => ({
        format: 'api',
        digest: '2026-01-08',
        problems: [],
        entriesRead: 2,
        entries: [1, 2].map((n) =>
          testEntry({
            file: ctx.file,
            line: n,
            rank: n - 1,
            title: n === 1 ? '\u00a0 ' : `T${n}`,
            abstract: '',
            published: '2025-01-01',
            authorCount: null,
          }),
        ),
      }),
    };
    const { papers, report } = runPipeline([{ file: 'x.json', text: '[]' }], { formats: [untitled] });
    expect(papers.map((p) => p.title)).toEqual(['T2']);
    expect(report).toMatchObject({ entriesRead: 2, papersWritten: 1, entriesRejected: 1 });
    expect(report.problems[0]).toMatchObject({ file: 'x.json', line: 1, severity: 'error' });
    expect(report.problems[0]!.message).toMatch(/^expected a valid paper, found title: .*found ""/);
  });

  it('fails loudly when a reader miscounts its entries (the report could not reconcile)', () => {
    const liar: FormatReader = {
      name: 'api',
      label: 'test JSON',
      detect: () => true,
      parse: () => ({ format: 'api', digest: null, entries: [], problems: [], entriesRead: 3 }),
    };
    expect(() => runPipeline([{ file: 'x.json', text: '[]' }], { formats: [liar] })).toThrow(/miscounted x.json/);
  });

  it('always reconciles: random mixes of good, broken, repeated and foreign files', () => {
    const cards = seed.split(/\n(?=[^\n]+\n\n[^\n]+\n\n(?: {2}• \d+ authors|\S+ \S.*)\n·\n)/);
    const header = cards.shift()!;
    expect(cards).toHaveLength(44);
    const card = fc.integer({ min: 0, max: cards.length - 1 }).map((i) => cards[i]!);
    const damaged = card.map((c) => c.replace(/\n·\n/, '\n·\nnot a date\n'));
    const file = fc.array(fc.oneof(card, card, damaged), { maxLength: 12 }).map((cs) => header + '\n' + cs.join('\n'));
    fc.assert(
      fc.property(fc.array(fc.oneof(file, fc.constant('junk only')), { minLength: 1, maxLength: 4 }), (texts) => {
        const inputs = texts.map((text, i) => ({ file: `2026-01-0${i + 1}.txt`, text }));
        const { report, papers } = runPipeline(inputs);
        expect(reconciles(report)).toBe(true);
        expect(report.entriesRejected).toBe(report.problems.filter((p) => p.severity === 'error' && p.line > 0).length);
        expect(new Set(papers.map((p) => p.id)).size).toBe(papers.length);
        expect(JSON.stringify(runPipeline([...inputs].reverse()))).toBe(JSON.stringify({ papers, report, ledgerText: null }));
      }),
      { numRuns: 40 },
    );
  });
});

describe('across formats, and permalinks that never break', () => {
  const card = (over: Partial<CardRecord>): CardRecord => ({
    title: 'Sparse Attention Goes Far',
    abstract: 'We make attention sparse.',
    published: '2025-06-02',
    authors: null,
    authorCount: 3,
    org: null,
    upvotes: 5,
    comments: 1,
    arxiv: null,
    github: null,
    project: null,
    keywords: [],
    ...over,
  });
  const api = card({
    arxiv: '2506.01234',
    authors: ['Ada Lovelace', 'Alan Turing', 'Grace Hopper'],
    upvotes: 40,
    comments: 7,
    keywords: ['sparse attention'],
  });

  it('merges a title-only capture into the API capture of the same paper: it gains the id and keeps its old URL', () => {
    const inputs = [
      { file: '2025-06-03.txt', text: renderPlaintext('2025-06-03', [card({ comments: 2 })]) },
      { file: '2025-06-04.json', text: renderApi('2025-06-04', [api]) },
    ];
    const { papers, report } = runPipeline(inputs);
    expect(report).toMatchObject({ entriesRead: 2, papersWritten: 1, duplicatesMerged: 1, entriesRejected: 0 });
    expect(papers[0]).toMatchObject({
      id: '2506.01234',
      aliases: ['sparse-attention-goes-far'],
      arxiv: '2506.01234',
      authors: ['Ada Lovelace', 'Alan Turing', 'Grace Hopper'],
      comments: 7,
      digests: ['2025-06-03', '2025-06-04'],
    });
    expect(papers[0]!.appearances.map((a) => [a.file, a.comments])).toEqual([
      ['2025-06-03.txt', 2],
      ['2025-06-04.json', 7],
    ]);
    // Before the API day was added, the same paper was at its slug: that URL must still resolve.
    const before = runPipeline(inputs.slice(0, 1)).papers.map((p) => p.id);
    expect(before).toEqual(['sparse-attention-goes-far']);
  });

  it('keeps two papers that share a title, and turns the title slug into a URL both share', () => {
    const text = renderPlaintext('2025-06-03', [card({}), card({ published: '2024-01-09', abstract: 'Another paper.' })]);
    const { papers, report } = runPipeline([{ file: '2025-06-03.txt', text }]);
    expect(papers.map((p) => [p.id, p.aliases])).toEqual([
      ['sparse-attention-goes-far-2024-01-09', ['sparse-attention-goes-far']],
      ['sparse-attention-goes-far-2025-06-02', ['sparse-attention-goes-far']],
    ]);
    expect(report.slugCollisions).toEqual([{ slug: 'sparse-attention-goes-far', ids: papers.map((p) => p.id) }]);
  });

  it('dates an undated trending card by its digest day with one warning, until a dated capture says otherwise', () => {
    const trending = { file: '2025-06-20-trending.md', text: renderTrending([card({ github: 'https://github.com/a/b' })]) };
    const alone = runPipeline([trending]);
    expect(alone.report).toMatchObject({ entriesRead: 2, papersWritten: 1, duplicatesMerged: 1, entriesRejected: 0 });
    expect(alone.papers[0]).toMatchObject({ published: '2025-06-20', github: 'https://github.com/a/b' });
    expect(alone.report.problems).toEqual([
      expect.objectContaining({
        file: trending.file,
        severity: 'warning',
        message: expect.stringMatching(/found none on 2 cards \(lines \d+, \d+\); using the digest day 2025-06-20/),
      }),
    ]);
    const withApi = runPipeline([trending, { file: '2025-06-04.json', text: renderApi('2025-06-04', [api]) }]);
    expect(withApi.papers).toHaveLength(1);
    expect(withApi.papers[0]).toMatchObject({
      id: '2506.01234',
      published: '2025-06-02',
      github: 'https://github.com/a/b',
      digests: ['2025-06-04', '2025-06-20'],
    });
    expect(withApi.papers[0]!.aliases).toContain(alone.papers[0]!.id);
  });

  it('honours the ledger: known ids pass, derivable ones are recovered, lost ones are errors', () => {
    const inputs = [{ file: '2025-06-03.txt', text: renderPlaintext('2025-06-03', [card({})]) }];
    const ledgerFile = '# published permalinks\nsparse-attention-goes-far\nsparse-attention-goes-far-2025-06-02\ngone-paper\nNot An Id\n';
    const ledger = parseLedger(ledgerFile);
    const { papers, report, ledgerText } = runPipeline(inputs, { ledger: { file: 'content/permalinks.txt', ledger } });
    expect(papers[0]).toMatchObject({ id: 'sparse-attention-goes-far', aliases: ['sparse-attention-goes-far-2025-06-02'] });
    expect(report.permalinks).toEqual({
      ledger: 'content/permalinks.txt',
      known: 3,
      added: [],
      recovered: ['sparse-attention-goes-far-2025-06-02'],
      missing: [
        { line: 5, message: expect.stringMatching(/^expected a permalink id/) },
        { line: 4, message: expect.stringMatching(/^expected the published permalink "gone-paper" to resolve/) },
      ],
    });
    expect(hasErrors(report)).toBe(true);
    // Append-only and verbatim: the lost id stays until someone removes it on purpose, and the
    // comment and the line ingest does not understand stay too (issue 7, item 10).
    expect(ledgerText).toBe(ledgerFile);
  });

  it('gives the same papers whether older digests come first, last, or in a later batch', () => {
    const days = ['2025-06-03', '2025-06-04', '2025-06-05', '2025-06-06'];
    const inputs = [
      { file: `${days[0]}.txt`, text: renderPlaintext(days[0]!, [card({}), card({ title: 'Dense Wins', published: '2025-06-01' })]) },
      {
        file: `${days[1]}.md`,
        text: renderMarkdown(days[1]!, [card({ title: 'Dense Wins', published: '2025-06-01', arxiv: '2506.00001' })]),
      },
      { file: `${days[2]}.json`, text: renderApi(days[2]!, [api]) },
      {
        file: `${days[3]}.txt`,
        text: renderPlaintext(days[3]!, [card({ published: '2023-02-02', abstract: 'Same title, older paper.' })]),
      },
    ];
    const all = runPipeline(inputs);
    const newer = runPipeline(inputs.slice(2), { ledger: { file: 'l', ledger: parseLedger('') } });
    const later = runPipeline(inputs, { ledger: { file: 'l', ledger: parseLedger(newer.ledgerText!) } });
    expect(later.report.permalinks.missing).toEqual([]);
    expect(later.report.permalinks.recovered).toEqual([]);
    expect(JSON.stringify(later.papers)).toBe(JSON.stringify(all.papers));
    expect(JSON.stringify(runPipeline([...inputs].reverse()).papers)).toBe(JSON.stringify(all.papers));
    for (const id of parseLedger(newer.ledgerText!).ids)
      expect(
        all.papers.some((p) => p.id === id.id || p.aliases.includes(id.id)),
        id.id,
      ).toBe(true);
  });
});
