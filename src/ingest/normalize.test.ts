import { describe, expect, it } from 'vitest';
import fc from 'fast-check';
import { normalizeEntry, normalizeLine, normalizeParagraphs } from './normalize.ts';
import type { RawEntry } from './types.ts';
import { testEntry } from '../../tests/support/builders.ts';

const rawEntry = (over: Partial<RawEntry> = {}): RawEntry => testEntry({ file: 'd/2026-01-08.txt', ...over });

describe('normalizeLine / normalizeParagraphs', () => {
  it('turns NBSP into spaces and collapses runs inside a line', () => {
    expect(normalizeLine('  Non\u00a0Breaking  \t Spaces\u200b\n here ')).toBe('Non Breaking Spaces here');
  });

  it('keeps paragraph breaks as one blank line and joins wrapped lines', () => {
    expect(normalizeParagraphs('First  line\nwrapped.\n\n\n  Second\u00a0para. \n \nThird.\n')).toBe(
      'First line wrapped.\n\nSecond para.\n\nThird.',
    );
  });

  // The regular expressions normalising ran on every text before the one-loop check that skips
  // texts they cannot change: the check must never skip one they would have changed.
  const regexLine = (t: string) =>
    t
      .replace(/\u200b|\u200c|\u200d|\u2060|\ufeff|\u00ad/g, '')
      .replace(/\s{2,}|[^\S ]/g, ' ')
      .trim();
  const regexParagraphs = (t: string) =>
    t
      .replace(/\u200b|\u200c|\u200d|\u2060|\ufeff|\u00ad/g, '')
      .replace(/[\u00a0\u2007\u2009\u202f\u3000\t\f\v]/g, ' ')
      .split(/\r?\n[ ]*(?:\r?\n\s*)+/)
      .map((p) => p.replace(/\s{2,}|[^\S ]/g, ' ').trim())
      .filter((p) => p !== '')
      .join('\n\n');
  it('gives what the regular expressions gave, clean text or not', () => {
    const chars = [
      ...'ab é字-',
      ' ',
      ' ',
      '\n',
      '\r',
      '\t',
      '\v',
      '\f',
      '\u00a0',
      '\u00ad',
      '\u0085',
      '\u1680',
      '\u2003',
      '\u200b',
      '\u200d',
      '\u2028',
      '\u2029',
      '\u202f',
      '\u205f',
      '\u2060',
      '\u3000',
      '\ufeff',
    ];
    fc.assert(
      fc.property(fc.array(fc.constantFrom(...chars), { maxLength: 12 }), (list) => {
        const text = list.join('');
        expect(normalizeLine(text)).toBe(regexLine(text));
        expect(normalizeParagraphs(text)).toBe(regexParagraphs(text));
      }),
      { numRuns: 3000 },
    );
    for (const clean of ['', 'Title', 'A clean abstract, with é and 字.']) expect(normalizeParagraphs(clean)).toBe(clean);
  });

  it('is idempotent and leaves no double spaces, NBSP or 3+ newlines', () => {
    const text = fc
      .array(fc.constantFrom('a', 'bc', ' ', '  ', '\n', '\n\n', '\u00a0', '\t', '\r\n', '\u200b'), { maxLength: 30 })
      .map((a) => a.join(''));
    fc.assert(
      fc.property(text, (t) => {
        const once = normalizeParagraphs(t);
        expect(normalizeParagraphs(once)).toBe(once);
        expect(once).not.toMatch(/ {2}|\u00a0|\n{3}|^\s|\s$|\u200b/);
      }),
    );
  });
});

describe('normalizeEntry', () => {
  it('repairs LaTeX leftovers and whitespace in title and abstract', () => {
    const e = normalizeEntry(rawEntry({ title: 'Fast\u00a0 Decoding at 5times', abstract: 'Up to sim 5times\nfaster.\n\nUses sim 18GB.' }));
    expect(e.title).toBe('Fast Decoding at 5×');
    expect(e.abstract).toBe('Up to ~5× faster.\n\nUses ~18GB.');
  });

  it('finds github and links in the abstract; a github given by the capture wins', () => {
    const abstract = 'Code: https://github.com/a/b. Page: https://p.io/x. Data: https://github.com/c/d.';
    expect(normalizeEntry(rawEntry({ abstract }))).toMatchObject({
      github: 'https://github.com/a/b',
      links: ['https://p.io/x', 'https://github.com/c/d'],
    });
    expect(normalizeEntry(rawEntry({ abstract, github: 'https://github.com/c/d.git', project: 'https://p.io/x' }))).toMatchObject({
      github: 'https://github.com/c/d',
      project: 'https://p.io/x',
      links: ['https://github.com/a/b'],
    });
  });

  it('prefers author names over a count and lower-cases arXiv ids', () => {
    const e = normalizeEntry(rawEntry({ authors: [' Ada  Lovelace ', '', 'Alan Turing'], authorCount: 9, arxiv: ' 2401.04558 ' }));
    expect(e).toMatchObject({ authors: ['Ada Lovelace', 'Alan Turing'], authorCount: 2, arxiv: '2401.04558' });
    expect(normalizeEntry(rawEntry({ authors: [], authorCount: 4 }))).toMatchObject({ authors: null, authorCount: 4 });
  });

  it('cleans org names', () => {
    expect(normalizeEntry(rawEntry({ org: { slug: 'ISTA-DASLab', name: ' IST Austria  Lab ' } })).org).toEqual({
      slug: 'ISTA-DASLab',
      name: 'IST Austria Lab',
    });
  });

  it('dates a card that showed no publication date by its digest day, and says so', () => {
    const base = testEntry({ file: 'a.md', digest: '2026-01-21', title: 'T', abstract: '', authorCount: null });
    expect(normalizeEntry({ ...base, published: null })).toMatchObject({ published: '2026-01-21', publishedFromDigest: true });
    expect(normalizeEntry({ ...base, published: '2025-12-01' })).toMatchObject({ published: '2025-12-01', publishedFromDigest: false });
  });
});

describe('whitespace collapsing (the fast form agrees with the plain one)', () => {
  // The implementations before the fast form: every whitespace run replaced, odd spaces first.
  const SPACES = /[\u00a0\u2007\u2009\u202f\u3000\t\f\v]/g;
  const INVISIBLE = /\u200b|\u200c|\u200d|\u2060|\ufeff|\u00ad/g;
  const plainLine = (t: string) => t.replace(INVISIBLE, '').replace(SPACES, ' ').replace(/\s+/g, ' ').trim();
  const plainParagraphs = (t: string) =>
    t
      .replace(INVISIBLE, '')
      .replace(SPACES, ' ')
      .split(/\r?\n[ ]*(?:\r?\n\s*)+/)
      .map((p) => p.replace(/\s+/g, ' ').trim())
      .filter((p) => p !== '')
      .join('\n\n');
  // Words, every kind of space, line end and invisible character, in any mix.
  const tricky = fc
    .array(
      fc.constantFrom(
        'a',
        'Bc',
        ' ',
        '  ',
        '\t',
        '\n',
        '\r\n',
        '\r',
        '\u00a0',
        '\u2007',
        '\u2009',
        '\u202f',
        '\u3000',
        '\f',
        '\v',
        '\u2028',
        '\u200b',
        '\u00ad',
        '\ufeff',
        '\u200d',
      ),
      { maxLength: 40 },
    )
    .map((parts) => parts.join(''));

  it('normalizeLine gives what collapsing every run gives', () => {
    fc.assert(
      fc.property(tricky, (t) => normalizeLine(t) === plainLine(t)),
      { numRuns: 2000 },
    );
  });

  it('normalizeParagraphs gives what collapsing every run gives', () => {
    fc.assert(
      fc.property(tricky, (t) => normalizeParagraphs(t) === plainParagraphs(t)),
      { numRuns: 2000 },
    );
  });
});
