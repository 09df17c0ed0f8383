import { describe, expect, it } from 'vitest';
import fc from 'fast-check';
import {
  byline,
  excerpt,
  formatCount,
  formatDate,
  formatLongDate,
  formatMonth,
  linkSegments,
  metaDescription,
  paragraphs,
  plural,
} from './format.ts';
import type { UrlSpan } from '../../core/urls.ts';
import { testPaper } from '../../../tests/support/builders.ts';

/** Spans as a simple URL finder would give them: raw span may include trailing punctuation. */
function spansOf(text: string): UrlSpan[] {
  return [...text.matchAll(/https?:\/\/\S+/g)].map((m) => ({
    start: m.index!,
    end: m.index! + m[0].length,
    url: m[0].replace(/[.,;)]+$/, ''),
  }));
}

describe('linkSegments', () => {
  it('links each URL and keeps trailing punctuation outside the link', () => {
    const text = 'Code at https://github.com/a/b. Demo (https://x.io/d).';
    expect(linkSegments(text, spansOf(text))).toEqual([
      { kind: 'text', text: 'Code at ' },
      { kind: 'link', text: 'https://github.com/a/b', href: 'https://github.com/a/b' },
      { kind: 'text', text: '. Demo (' },
      { kind: 'link', text: 'https://x.io/d', href: 'https://x.io/d' },
      { kind: 'text', text: ').' },
    ]);
  });

  it('keeps the raw span as link text when cleaning changed more than the end', () => {
    const text = 'see https://a.io/x\\_y now';
    const raw = 'https://a.io/x\\_y';
    const span = { start: text.indexOf(raw), end: text.indexOf(raw) + raw.length, url: 'https://a.io/x_y' };
    expect(linkSegments(text, [span])).toContainEqual({ kind: 'link', text: 'https://a.io/x\\_y', href: 'https://a.io/x_y' });
  });

  it('never links a non-web URL such as javascript:', () => {
    const text = 'click javascript:alert(1) here';
    const segments = linkSegments(text, [{ start: 6, end: 25, url: 'javascript:alert(1)' }]);
    expect(segments).toEqual([{ kind: 'text', text }]);
  });

  it('ignores overlapping and out-of-range spans, in any order', () => {
    const text = 'a https://x.io b';
    const good = { start: 2, end: 14, url: 'https://x.io' };
    const segments = linkSegments(text, [{ start: 5, end: 10, url: 'https://y.io' }, good, { start: 10, end: 99, url: 'https://z.io' }]);
    expect(segments.filter((s) => s.kind === 'link').map((s) => s.text)).toEqual(['https://x.io']);
  });

  it('always concatenates back to the original text', () => {
    const piece = fc.oneof(fc.string({ maxLength: 8 }), fc.constantFrom('https://a.io/p', 'http://b.org.', ' (https://c.dev/x).', '\n\n'));
    fc.assert(
      fc.property(fc.array(piece, { maxLength: 10 }), (pieces) => {
        const text = pieces.join('');
        expect(
          linkSegments(text, spansOf(text))
            .map((s) => s.text)
            .join(''),
        ).toBe(text);
      }),
    );
  });
});

describe('paragraphs', () => {
  it('splits at blank lines (also with spaces or CRLF) and drops empty paragraphs', () => {
    expect(paragraphs('One\nstill one.\n\nTwo.\r\n  \r\nThree.\n\n\n')).toEqual(['One\nstill one.', 'Two.', 'Three.']);
    expect(paragraphs('   ')).toEqual([]);
  });
});

describe('dates', () => {
  it('formats calendar dates without shifting the day in any time zone', () => {
    expect(formatDate('2023-12-15')).toBe('Dec 15, 2023');
    expect(formatDate('2026-01-01')).toBe('Jan 1, 2026');
    expect(formatLongDate('2026-01-08')).toBe('Thursday, January 8, 2026');
    expect(formatMonth('2025-12')).toBe('December 2025');
  });
  it('rejects a malformed date with a message quoting it', () => {
    expect(() => formatDate('Dec 15')).toThrow(/found "Dec 15"/);
  });
});

describe('plural', () => {
  it('uses the singular only for one', () => {
    expect(plural(1, 'author')).toBe('1 author');
    expect(plural(0, 'comment')).toBe('0 comments');
    expect(plural(12345, 'paper')).toBe('12,345 papers');
  });

  it('groups counts exactly as Intl.NumberFormat en-US does', () => {
    const intl = new Intl.NumberFormat('en-US');
    const values = [
      0,
      1,
      -1,
      7,
      12,
      999,
      1000,
      -1000,
      1234,
      99999,
      100000,
      123456,
      1234567,
      987654321,
      Number.MAX_SAFE_INTEGER,
      -Number.MAX_SAFE_INTEGER,
      1.5,
      1234.5678,
      -0.25,
      1e21,
    ];
    for (let n = 1; n < 1e15; n *= 7) values.push(n, n + 1, -n);
    for (const n of values) expect(formatCount(n), String(n)).toBe(intl.format(n));
  });
});

describe('byline', () => {
  it('prefers the org, then names (three, then et al.), then the author count', () => {
    expect(byline(testPaper({ org: { slug: 'nvidia', name: 'NVIDIA' }, authors: ['A B'], authorCount: 1 }))).toBe('NVIDIA');
    expect(byline(testPaper({ authors: ['A', 'B', 'C', 'D'], authorCount: 4 }))).toBe('A, B, C et al.');
    expect(byline(testPaper({ authors: ['A', 'B'], authorCount: 2 }))).toBe('A, B');
    expect(byline(testPaper({ authorCount: 1 }))).toBe('1 author');
    expect(byline(testPaper({}))).toBe('');
  });
});

describe('excerpt', () => {
  it('cuts a long text as if it flattened the whole text (it flattens only a prefix when that is enough)', () => {
    // The whole text flattened, as excerpt did before it flattened a prefix.
    const whole = (text: string, max: number) => {
      const flat = text.replace(/\s+/g, ' ').trim();
      if (flat.length <= max) return flat;
      const cut = flat.slice(0, max - 1);
      const space = cut.lastIndexOf(' ');
      return `${(space > max / 2 ? cut.slice(0, space) : cut).replace(/[\s,;:.–—-]+$/, '')}…`;
    };
    const unit = fc.constantFrom('a', 'word', ' ', '  ', '\n\n', '\t', '.', ',', '–', '\u00a0', '😀');
    fc.assert(
      fc.property(fc.string({ unit, maxLength: 120 }), fc.integer({ min: 2, max: 40 }), (text, max) => {
        expect(excerpt(text, max)).toBe(whole(text, max));
      }),
      { numRuns: 1000 },
    );
  });

  it('returns short text unchanged apart from collapsed whitespace', () => {
    expect(excerpt('A  short\n\nabstract.', 100)).toBe('A short abstract.');
  });
  it('cuts long text at a word boundary within the limit and adds an ellipsis', () => {
    const text = 'word '.repeat(100);
    const out = excerpt(text, 52);
    expect(out.length).toBeLessThanOrEqual(52);
    expect(out.endsWith('word…')).toBe(true);
  });
  it('cuts a single long token mid-word rather than returning nothing', () => {
    const out = excerpt(`https://example.org/${'x'.repeat(300)}`, 40);
    expect(out.length).toBe(40);
    expect(out.endsWith('…')).toBe(true);
  });
});

describe('metaDescription', () => {
  it('leaves no raw angle brackets for a script tag in an abstract', () => {
    const out = metaDescription('Music <script>alert(1)</script> & more');
    expect(out).not.toMatch(/[<>]/);
    expect(out).toContain('alert(1)');
  });

  it('is at most 155 characters, cut at a word with an ellipsis', () => {
    const out = metaDescription('word '.repeat(100));
    expect(out.length).toBeLessThanOrEqual(155);
    expect(out).toMatch(/word…$/);
  });
});
