/**
 * Property tests over generated digests in every format: cards are rendered (render.ts, laid out
 * like the real captures), read back through format detection and the reader, and compared field
 * by field. Then the text is damaged the way real copies are (truncation, CRLF, BOM, non-breaking
 * spaces, trailing blanks, missing or doubled lines, shuffled cards): the reader must never throw,
 * its counts must reconcile, and every card the damage did not touch must survive with every field.
 */
import { propertyRuns } from '../../../tests/support/env.ts';
import { describe, expect, it } from 'vitest';
import fc from 'fast-check';
import type { Org } from '../../schemas/paper.ts';
import type { RawEntry } from '../types.ts';
import { detectFormat } from './index.ts';
import { normalizeLine, normalizeParagraphs } from '../normalize.ts';
import {
  renderApi,
  renderMarkdown,
  renderPlaintext,
  renderTextBrowser,
  renderTrending,
  renderTrendingVariant,
  type CardRecord,
} from '../../../tests/support/render-digests.ts';

const DIGEST = '2025-06-10';
/** numRuns per property: moderate, so the unit suite stays fast. */
const RUNS = propertyRuns(60);

// Words exercise escapes and repairs: markdown specials, `$`, `%`, accents, brackets.
const WORDS = [
  'model',
  'Diffusion',
  'LLM',
  'F_1',
  '[a]',
  '50%',
  '$5',
  'Gödel',
  'π-net',
  'x*y',
  '--',
  '2024.',
  'tool-use',
  "it's",
  '"quoted"',
  'a/b',
  '#1',
  '<think>',
  'back\\slash',
  'C++',
  'vs.',
];
const word = fc.oneof(
  { weight: 3, arbitrary: fc.stringMatching(/^[A-Za-z][a-z]{1,9}$/) },
  { weight: 1, arbitrary: fc.constantFrom(...WORDS) },
);
const words = (min: number, max: number) => fc.array(word, { minLength: min, maxLength: max }).map((w) => w.join(' '));
const name = fc.tuple(fc.stringMatching(/^[A-Z][a-z]{1,8}$/), fc.stringMatching(/^[A-Z][a-z]{1,10}$/)).map(([a, b]) => `${a} ${b}`);
const org: fc.Arbitrary<Org> = fc.record({
  slug: fc.stringMatching(/^[a-z][a-z0-9-]{1,12}$/),
  name: fc.array(fc.stringMatching(/^[A-Z][A-Za-z]{1,9}$/), { minLength: 1, maxLength: 3 }).map((w) => w.join(' ')),
});
const day = fc.integer({ min: 0, max: 700 }).map((n) => new Date(Date.UTC(2025, 5, 10) - n * 86_400_000).toISOString().slice(0, 10));

/** A card; `i` makes its title and arXiv id unique within a digest. */
const card = (i: number): fc.Arbitrary<CardRecord> =>
  fc
    .record({
      title: words(3, 12),
      abstract: words(5, 70),
      published: day,
      byline: fc.oneof(fc.record({ org }), fc.record({ authors: fc.array(name, { minLength: 1, maxLength: 6 }) })),
      hidden: fc.array(name, { maxLength: 1 }),
      upvotes: fc.integer({ min: 0, max: 500 }),
      comments: fc.integer({ min: 0, max: 60 }),
      github: fc.option(fc.stringMatching(/^[a-z][a-z0-9-]{0,8}\/[a-z][a-z0-9._-]{0,10}$/).map((r) => `https://github.com/${r}`)),
      project: fc.option(fc.stringMatching(/^[a-z]{2,8}$/).map((h) => `https://${h}.github.io/`)),
      keywords: fc.array(words(1, 3), { maxLength: 4 }),
    })
    .map((r) => ({
      title: `Zq${i} ${r.title}`,
      abstract: r.abstract,
      published: r.published,
      authors: 'authors' in r.byline ? r.byline.authors : null,
      authorCount: 'authors' in r.byline ? r.byline.authors.length : null,
      org: 'org' in r.byline ? r.byline.org : null,
      upvotes: r.upvotes,
      comments: r.comments,
      arxiv: `2506.${String(10000 + i)}`,
      github: r.github,
      project: r.project,
      keywords: [...new Set(r.keywords.map(normalizeLine))],
      hiddenAuthors: r.hidden,
    }));

// Built once: arbitraries are costly to construct, cheap to draw from.
const CARDS = Array.from({ length: 8 }, (_, i) => card(i));
const cards = fc.integer({ min: 1, max: 8 }).chain((n) => fc.tuple(...CARDS.slice(0, n)));

interface Format {
  name: string;
  render(cards: readonly CardRecord[]): string;
  /** Lines of a card that come before its title line. */
  pre: number;
  /** The fields this format carries, as the reader should give them back. */
  expect(c: CardRecord): Partial<Record<keyof RawEntry, unknown>>;
}

const shown = (c: CardRecord) =>
  c.org ? { org: { slug: c.org.slug, name: c.org.name }, authorCount: null } : { org: null, authorCount: c.authorCount };
const text = (c: CardRecord) => ({ title: normalizeLine(c.title), abstract: normalizeParagraphs(c.abstract) });

const FORMATS: Format[] = [
  {
    name: 'plaintext',
    render: (cs) => renderPlaintext(DIGEST, cs),
    pre: 0,
    expect: (c) => ({ ...text(c), ...shown(c), published: c.published, comments: c.comments || null }),
  },
  {
    name: 'markdown',
    render: (cs) => renderMarkdown(DIGEST, cs, { wrapAt: 60 }),
    pre: 2,
    expect: (c) => ({ ...text(c), ...shown(c), published: c.published, comments: c.comments || null, upvotes: c.upvotes, arxiv: c.arxiv }),
  },
  {
    name: 'textbrowser',
    render: (cs) => renderTextBrowser(DIGEST, cs),
    pre: 4,
    expect: (c) => ({ ...text(c), ...shown(c), published: c.published, comments: c.comments || null, upvotes: c.upvotes }),
  },
  ...(['list', 'repr', 'wrapper'] as const).map((shape) => ({
    name: `api ${shape}`,
    render: (cs: readonly CardRecord[]) => renderApi(DIGEST, cs, shape),
    pre: 0,
    expect: (c: CardRecord) => ({
      ...text(c),
      published: c.published,
      authors: c.authors,
      authorCount: c.authors?.length ?? null,
      org: c.org,
      upvotes: c.upvotes,
      comments: c.comments,
      arxiv: c.arxiv,
      github: c.github,
      project: c.project,
      keywords: c.keywords,
    }),
  })),
];

/** An entry's fields in comparable form (texts normalised as the pipeline would). */
function comparable(e: RawEntry, keys: readonly string[]): Record<string, unknown> {
  const all: Record<string, unknown> = {
    ...e,
    title: normalizeLine(e.title),
    abstract: normalizeParagraphs(e.abstract),
    authors: e.authors?.map(normalizeLine) ?? null,
    org: e.org ? { slug: e.org.slug, name: normalizeLine(e.org.name) } : null,
    keywords: e.keywords.map(normalizeLine),
  };
  return Object.fromEntries(keys.map((k) => [k, all[k]]));
}

function parse(text: string, mayBeUnreadable = false) {
  const reader = detectFormat(text, `${DIGEST}.txt`);
  // Damage can leave nothing of any card (a digest cut before its first card): then no format
  // claims the text, which the pipeline reports as an unreadable file.
  if (reader === null && mayBeUnreadable) return { entries: [], entriesRead: 0, problems: [], format: null, digest: null };
  expect(reader, 'detected').not.toBeNull();
  const parsed = reader!.parse(text, { file: `${DIGEST}.txt`, digestFromName: DIGEST });
  const errors = parsed.problems.filter((p) => p.severity === 'error' && p.line > 0).length;
  expect(parsed.entriesRead).toBe(parsed.entries.length + errors);
  return parsed;
}

/** Line ranges `[start, end)` of each card in a rendered text, found by their unique titles. */
function cardRanges(lines: readonly string[], list: readonly CardRecord[], format: Format): Array<[number, number]> {
  const isApi = format.name.startsWith('api');
  const indent = format.name === 'api wrapper' ? 8 : 4;
  const itemStart = new RegExp(`^ {${indent}}(?:\\{|")`);
  const starts = isApi
    ? lines.flatMap((l, i) => (itemStart.test(l) ? [i] : []))
    : list.map((c) => lines.findIndex((l) => l.includes(`${c.title.slice(0, c.title.indexOf(' '))} `)) - format.pre);
  const footer = isApi
    ? lines.findLastIndex((l) => /^\s*\]$/.test(l))
    : lines.findIndex((l, i) => i > starts.at(-1)! && /^(?:\[Previous\]|```$)/.test(l));
  return starts.map((s, k) => [s, starts[k + 1] ?? (footer < 0 ? lines.length : footer)]);
}

describe.each(FORMATS)('$name digests', (format) => {
  it('read back every card with every field the format carries', () => {
    fc.assert(
      fc.property(cards, (list) => {
        const parsed = parse(format.render(list));
        expect(parsed.problems.filter((p) => p.severity === 'error')).toEqual([]);
        expect(parsed.entries).toHaveLength(list.length);
        parsed.entries.forEach((e, i) => {
          const want = format.expect(list[i]!);
          expect(comparable(e, Object.keys(want))).toEqual(want);
          expect(e.digest).toBe(DIGEST);
        });
      }),
      { numRuns: RUNS },
    );
  });

  it('never crash and never lose an undamaged card, whatever the damage', () => {
    const damage = fc.record({
      reverse: fc.boolean(),
      crlf: fc.boolean(),
      bom: fc.boolean(),
      nbsp: fc.boolean(),
      trailing: fc.boolean(),
      truncate: fc.boolean(),
      /** Per card: nothing, or delete / double one of its lines (by a fraction of its length). */
      edits: fc.array(
        fc.option(fc.record({ kind: fc.constantFrom('delete', 'double'), at: fc.double({ min: 0, max: 0.999, noNaN: true }) }), {
          freq: 2,
        }),
        { minLength: 8, maxLength: 8 },
      ),
      cut: fc.double({ min: 0, max: 0.999, noNaN: true }),
    });
    fc.assert(
      fc.property(cards, damage, (input, d) => {
        // Shuffled cards: the page's order changes, nothing else may.
        const list = d.reverse ? [...input].reverse() : input;
        const lines = format.render(list).split('\n');
        const ranges = cardRanges(lines, list, format);
        expect(ranges.every(([s, e]) => s >= 0 && e > s)).toBe(true);
        const damaged = new Set<number>();
        // Truncation first (it is at the end), then edits from the last card up, so the ranges of
        // the cards not yet edited stay valid.
        if (d.truncate) {
          const [s, e] = ranges.at(-1)!;
          const keep = s + Math.floor(d.cut * (e - s));
          const line = lines[keep] ?? '';
          lines.splice(keep, lines.length - keep, line.slice(0, Math.floor(line.length * d.cut)));
          damaged.add(list.length - 1);
        }
        for (let k = list.length - 1; k >= 0; k--) {
          const edit = d.edits[k];
          if (!edit) continue;
          const [s, e] = ranges[k]!;
          const at = s + Math.floor(edit.at * (e - s));
          if (edit.kind === 'delete') lines.splice(at, 1);
          else lines.splice(at, 0, lines[at]!);
          damaged.add(k);
        }
        let text = lines.map((l, i) => (d.trailing && i % 3 === 0 ? `${l} \t ` : l)).join(d.crlf ? '\r\n' : '\n');
        if (d.nbsp) text = text.replace(/ /g, (s, i: number) => (i % 7 === 0 ? '\u00a0' : s));
        if (d.bom) text = `\uFEFF${text}`;
        const parsed = parse(text, damaged.size === list.length);
        list.forEach((c, k) => {
          if (damaged.has(k)) return;
          const found = parsed.entries.filter((e) => normalizeLine(e.title) === normalizeLine(c.title));
          expect(found, `card ${k} of ${list.length}`).toHaveLength(1);
          const want = format.expect(c);
          expect(comparable(found[0]!, Object.keys(want))).toEqual(want);
        });
      }),
      { numRuns: RUNS * 2 },
    );
  });
});

describe("another converter's trending digests (inline dates, upvotes below, every card twice)", () => {
  it('read back every card twice with every field the layout carries', () => {
    fc.assert(
      fc.property(cards, (list) => {
        const parsed = parse(renderTrendingVariant(DIGEST, list));
        expect(parsed.problems).toEqual([]);
        expect(parsed.entries).toHaveLength(list.length * 2);
        parsed.entries.forEach((e, i) => {
          const c = list[Math.floor(i / 2)]!;
          expect(comparable(e, ['title', 'abstract', 'org', 'authorCount', 'github', 'published', 'upvotes', 'arxiv', 'comments'])).toEqual(
            {
              ...text(c),
              ...shown(c),
              github: c.github,
              published: c.published,
              upvotes: c.upvotes,
              arxiv: c.arxiv,
              comments: null,
            },
          );
        });
      }),
      { numRuns: RUNS },
    );
  });
});

describe('trending digests (no dates, every card twice)', () => {
  it('read back every card twice, undated, with its author count and GitHub link', () => {
    fc.assert(
      fc.property(cards, fc.boolean(), (list, shuffle) => {
        const order = shuffle ? [...list].reverse() : list;
        const parsed = parse(renderTrending(order));
        expect(parsed.problems).toEqual([]);
        expect(parsed.entries).toHaveLength(order.length * 2);
        parsed.entries.forEach((e, i) => {
          const c = order[Math.floor(i / 2)]!;
          expect(comparable(e, ['title', 'abstract', 'authorCount', 'github', 'published'])).toEqual({
            ...text(c),
            authorCount: c.authors?.length ?? null,
            github: c.github,
            published: null,
          });
        });
      }),
      { numRuns: RUNS },
    );
  });
});
