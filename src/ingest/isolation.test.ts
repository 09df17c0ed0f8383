/**
 * No digest can change another digest's papers or their URLs. Arbitrary and hostile digests, in
 * every format (plain text with and without upvote lines, markdown, text browser, trending,
 * another converter's trending, the three API shapes, raw bytes, and rendered digests with lines
 * swapped for garbage), are ingested next to the seed (`content/digests/2026-01-08.txt`). Then:
 * ingest never throws and always reconciles; ids are unique and schema-valid; and each of the
 * seed's 44 papers is exactly what the seed alone gives, reachable at every URL it had.
 *
 * Hostile cards reuse the seed's titles (with dates far from the seed's, or with slug-twin
 * titles), its slugs as API `paper.id`s, digit-only and letterless titles, implausible dates and
 * file names, and wrong-typed counts. They never repeat a seed title with the seed's date give
 * or take a day, nor carry one on an undated (trending) card: by the documented merge rules
 * (README, "Permalinks") such a card *is* the seed paper, captured again.
 */
import { propertyRuns } from '../../tests/support/env.ts';
import { readFileSync } from 'node:fs';
import path from 'node:path';
import { fileURLToPath } from 'node:url';
import { describe, expect, it } from 'vitest';
import fc from 'fast-check';
import { paperSchema, type Paper } from '../schemas/paper.ts';
import { runPipeline } from './pipeline.ts';
import type { DigestInput } from './types.ts';
import { isPlausibleDay } from './dates.ts';
import {
  renderApi,
  renderMarkdown,
  renderPlaintext,
  renderTextBrowser,
  renderTrending,
  renderTrendingVariant,
  type CardRecord,
} from '../../tests/support/render-digests.ts';

const repoRoot = path.resolve(path.dirname(fileURLToPath(import.meta.url)), '../..');
const SEED: DigestInput = { file: '2026-01-08.txt', text: readFileSync(path.join(repoRoot, 'content/digests/2026-01-08.txt'), 'utf8') };
const alone = runPipeline([SEED]).papers;
const RUNS = propertyRuns(120);

const DAY = 86_400_000;
const iso = (ms: number) => new Date(ms).toISOString().slice(0, 10);
const shift = (day: string, days: number) => iso(Date.parse(`${day}T00:00:00Z`) + days * DAY);

/**
 * A seed title (as is, or changed only in what the title key ignores: case, symbols, emoji),
 * reused with a date at least three days from the seed paper's: another paper of that title.
 */
const seedTitleFar = fc
  .record({
    i: fc.nat(alone.length - 1),
    gap: fc.integer({ min: 3, max: 900 }),
    sign: fc.boolean(),
    variant: fc.constantFrom('', ' 🚀', ' ∑', '!', 'upper'),
  })
  .map(({ i, gap, sign, variant }) => {
    // Before the hostile digest's day: a later date in its year would be shown without a year and
    // read back a year earlier (the year inference every papers page needs), maybe a seed's date.
    const later = shift(alone[i]!.published, gap);
    return {
      title: variant === 'upper' ? alone[i]!.title.toUpperCase() : `${alone[i]!.title}${variant}`,
      published: sign && later < '2026-01-08' ? later : shift(alone[i]!.published, -gap),
      seedTitle: true,
    };
  });
/** A title whose slug is a seed paper's but whose key is not (`Foo π` slugs to `foo`, keys to `fooπ`). */
const slugTwin = fc
  .record({ i: fc.nat(alone.length - 1), extra: fc.constantFrom(' π', ' Ω', ' ж', ' 中') })
  .map(({ i, extra }) => ({ title: `${alone[i]!.title}${extra}`, seedTitle: false }));
const word = fc.oneof(
  fc.stringMatching(/^[A-Za-z][a-z]{1,9}$/),
  fc.constantFrom('<script>alert(1)</script>', '[x](javascript:alert(1))', '·', 'Jan 8', '404', '$5', '\\', '"', '{{x}}'),
);
const safeTitle = fc.array(word, { minLength: 1, maxLength: 8 }).map((w) => ({ title: `Hq ${w.join(' ')}`, seedTitle: false }));
const oddTitle = fc
  .constantFrom('!!! ???', '..', '🚀🔥', '404', '2048', '-', '<img src=x onerror=alert(1)>', '../../etc/passwd')
  .map((title) => ({ title, seedTitle: false }));
const anyTitle = fc.string({ unit: 'binary', minLength: 1, maxLength: 40 }).map((title) => ({ title, seedTitle: false }));

const plausible = fc.integer({ min: Date.UTC(2019, 0, 1), max: Date.UTC(2026, 0, 7) }).map((ms) => iso(ms));
const implausible = fc.constantFrom('0026-01-08', '9999-12-30', '1900-02-28', '2027-06-01');
const arxiv = fc.oneof(
  fc.constant(null),
  fc.integer({ min: 0, max: 99_999 }).map((n) => `2512.${String(n).padStart(5, '0')}`),
  fc.constantFrom('hep-th/9901001', 'math.GT/0309136', '2401.1}{x', '../x', 'HEP-TH/9901001v3', ''),
  fc.nat(alone.length - 1).map((i) => alone[i]!.id),
);
const count = fc.oneof(fc.integer({ min: 0, max: 5000 }), fc.constant(null));

/** One hostile card and whether it reuses a seed title (then it must not be undated). */
const hostileCard = fc
  .record({
    who: fc.oneof({ weight: 2, arbitrary: safeTitle }, seedTitleFar, slugTwin, oddTitle, anyTitle),
    abstract: fc.oneof(
      fc.array(word, { maxLength: 30 }).map((w) => w.join(' ')),
      fc.string({ unit: 'binary', maxLength: 80 }),
    ),
    published: fc.oneof({ weight: 4, arbitrary: plausible }, implausible),
    arxiv,
    upvotes: count,
    comments: count,
    org: fc.option(fc.record({ slug: fc.constantFrom('nvidia', 'x<y', 'a-b'), name: fc.constantFrom('NVIDIA', '<b>Org</b>', 'Ω Lab') })),
    authors: fc.option(fc.array(fc.constantFrom('Ada Lovelace', '<i>x</i>', 'Zoë'), { minLength: 1, maxLength: 3 })),
    github: fc.option(fc.constantFrom('https://github.com/a/b', 'javascript:alert(1)', 'https://github.com/x/y/{z}')),
  })
  .map((r): { card: CardRecord; seedTitle: boolean } => ({
    seedTitle: r.who.seedTitle,
    card: {
      title: r.who.title,
      abstract: r.abstract,
      published: 'published' in r.who ? (r.who.published as string) : r.published,
      authors: r.authors,
      authorCount: r.authors?.length ?? 2,
      org: r.org,
      upvotes: r.upvotes,
      comments: r.comments,
      arxiv: r.arxiv,
      github: r.github,
      project: null,
      keywords: [],
    },
  }));

const FILES = [
  'h/2026-01-08.md',
  'h/2026-01-08.txt',
  '2026-01-09.json',
  '2025-12-31-evening.md',
  '0026-01-08.txt',
  '9999-12-30.md',
  '2026-02-30.txt',
  'notes.txt',
  'daily_papers.json',
];
type Render = (digest: string, cards: CardRecord[]) => string;
const RENDERS: Record<string, Render> = {
  plaintext: (d, cs) => renderPlaintext(d, cs),
  'plaintext+votes': (d, cs) => renderPlaintext(d, cs, { upvotes: true }),
  markdown: (d, cs) => renderMarkdown(d, cs),
  textbrowser: (d, cs) => renderTextBrowser(d, cs),
  trending: (_d, cs) => renderTrending(cs),
  'other converter': (d, cs) => renderTrendingVariant(d, cs),
  'api list': (d, cs) => renderApi(d, cs, 'list'),
  'api repr': (d, cs) => renderApi(d, cs, 'repr'),
  'api wrapper': (d, cs) => renderApi(d, cs, 'wrapper'),
};
const UNDATED = new Set(['trending']);

/** A hostile digest: cards in some format (maybe with lines swapped for garbage), or raw bytes. */
const hostileDigest = fc.oneof(
  {
    weight: 5,
    arbitrary: fc
      .record({
        format: fc.constantFrom(...Object.keys(RENDERS)),
        cards: fc.array(hostileCard, { minLength: 1, maxLength: 5 }),
        file: fc.constantFrom(...FILES),
        garbage: fc.array(
          fc.record({ at: fc.double({ min: 0, max: 0.999, noNaN: true }), text: fc.string({ unit: 'binary', maxLength: 30 }) }),
          { maxLength: 3 },
        ),
      })
      .map(({ format, cards, file, garbage }) => {
        const usable = cards.filter((c) => !(UNDATED.has(format) && c.seedTitle)).map((c) => c.card);
        const lines = RENDERS[format]!(
          '2026-01-08',
          usable.length ? usable : [cards[0]!.card].map((c) => ({ ...c, title: 'Hq fallback' })),
        ).split('\n');
        for (const g of garbage) lines.splice(Math.floor(g.at * lines.length), 1, g.text);
        return { file, text: lines.join('\n'), format };
      }),
  },
  {
    weight: 1,
    arbitrary: fc.record({
      file: fc.constantFrom(...FILES),
      text: fc.string({ unit: 'binary', maxLength: 300 }),
      format: fc.constant('raw'),
    }),
  },
);

/** The paper holding the seed card that `s` came from alone. */
const holderOf = (papers: readonly Paper[], s: Paper) =>
  papers.find((p) => p.appearances.some((a) => a.file === SEED.file && a.line === s.appearances[0]!.line));

describe('no digest can change another digest’s papers or their URLs', () => {
  it('leaves every seed paper as the seed alone gives it, at every URL it had, whatever digests come next to it', () => {
    fc.assert(
      fc.property(fc.array(hostileDigest, { minLength: 1, maxLength: 3 }), (hostile) => {
        const inputs = hostile.map((h, i) => ({ file: `${i}/${h.file}`, text: h.text }));
        const { papers, report } = runPipeline([SEED, ...inputs]);
        expect(report.entriesRead).toBe(report.papersWritten + report.duplicatesMerged + report.entriesRejected);
        expect(new Set(papers.map((p) => p.id)).size).toBe(papers.length);
        for (const p of papers) {
          expect(paperSchema.safeParse(p).success, p.id).toBe(true);
          expect(isPlausibleDay(p.published), p.published).toBe(true);
          expect(p.digests.every(isPlausibleDay), p.digests.join()).toBe(true);
        }
        for (const s of alone) {
          const p = holderOf(papers, s);
          expect(p, s.id).toBeDefined();
          const { id: _i, aliases: _a, ...fields } = p!;
          const { id: _si, aliases: _sa, ...seedFields } = s;
          expect(fields).toEqual(seedFields);
          const urls = new Set([p!.id, ...p!.aliases]);
          for (const url of [s.id, ...s.aliases]) expect(urls.has(url), `${url} of ${s.title}`).toBe(true);
        }
      }),
      { numRuns: RUNS },
    );
  });

  it('leaves the seed byte-identical, ids included, when no hostile title shares a seed slug', () => {
    const safe = fc
      .record({
        format: fc.constantFrom(...Object.keys(RENDERS)),
        cards: fc.array(hostileCard, { minLength: 1, maxLength: 5 }),
        file: fc.constantFrom(...FILES),
      })
      .map(({ format, cards, file }) => ({
        file,
        text: RENDERS[format]!(
          '2026-01-08',
          cards.map((c) => c.card).filter((c) => !alone.some((s) => c.title.toLowerCase().includes(s.title.toLowerCase()))),
        ),
      }));
    fc.assert(
      fc.property(fc.array(safe, { minLength: 1, maxLength: 3 }), (hostile) => {
        const { papers } = runPipeline([SEED, ...hostile.map((h, i) => ({ file: `${i}/${h.file}`, text: h.text }))]);
        for (const s of alone) expect(holderOf(papers, s)).toEqual(s);
      }),
      { numRuns: Math.ceil(RUNS / 2) },
    );
  });
});
