import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { findMath, hasMathDelimiters, splitMath } from './math.ts';

/** The spans `findMath` finds, as `[start, end]` pairs. */
const spans = (text: string) => findMath(text).map((s) => [s.start, s.end]);

describe('findMath: the one scanner ingest, rendering and BibTeX share', () => {
  // The cases ingest's own scanner (findMathSpans) was tested with: both scanners agreed on them.
  it.each([
    [
      '$x$ and $y$',
      [
        [0, 3],
        [8, 11],
      ],
    ],
    ['$$E=mc^2$$ here', [[0, 10]]],
    ['$5 million and $10', []],
    ['costs $5 and $x$ later', [[13, 16]]],
    ['\\$5 and \\$6', []],
    ['$ x$ and $x $', []],
    [
      '$2$ and $10^3$',
      [
        [0, 3],
        [8, 14],
      ],
    ],
    ['$τ$-bench', [[0, 3]]],
    ['$\\nabla^2$DFT', [[0, 10]]],
  ])('%j', (text, expected) => {
    expect(spans(text)).toEqual(expected);
  });

  // Where ingest's scanner (300 characters, `$` only, no spaces after a digit) and the site's
  // disagreed; each row is the rule both now follow.
  it.each([
    ['\\( O(n^3) \\) time', [[0, 12]], '\\(…\\) is inline math'],
    ['at least \\(9.6\\times\\) fewer', [[9, 22]], 'ingest used to repair inside it (a real abstract, 2607.21051)'],
    ['\\[ E = mc^2 \\] and', [[0, 14]], '\\[…\\] is display math'],
    ['cost $2 \\times 10^5$ units', [[5, 20]], 'a price shape opens math when the body has a TeX sign'],
    ['$2n + 1$ steps', [[0, 8]], 'a digit first does not forbid spaces'],
    ['$0.5 \\cdot x$', [[0, 13]], 'a digit first, spaces and a TeX sign'],
    ['$$ x = 1 $$', [[0, 11]], 'display math may have inner spaces'],
    ['$$x $$ and more', [[0, 6]], 'a display closer may follow a space'],
    ['$$$$', [], 'an empty formula is text'],
    ['$a $b$', [[3, 6]], 'the first `$` after an opener decides (Pandoc)'],
    ['$a$1 b$', [], 'a closer before a digit makes the opener a dollar sign'],
    ['$1,000$n', [], 'a price shape without a TeX sign is a price'],
    [`$${'x'.repeat(400)}$`, [[0, 402]], 'formulas up to 2,000 characters'],
    [`$${'x'.repeat(2001)}$`, [], 'longer than 2,000 characters is text'],
    ['$a\nb$', [[0, 5]], 'a single line break inside is allowed'],
    ['$a\n\nb$', [], 'a blank line never is'],
  ])('%j', (text, expected, _why) => {
    expect(spans(text)).toEqual(expected);
  });

  it('gives the TeX source and display mode of each formula', () => {
    expect(findMath('a \\( O(n) \\) b $$ x $$ c $y$')).toEqual([
      { start: 2, end: 12, source: 'O(n)', display: false },
      { start: 15, end: 22, source: 'x', display: true },
      { start: 25, end: 28, source: 'y', display: false },
    ]);
  });

  it('stays linear on hostile input (openers without closers)', () => {
    const started = performance.now();
    for (const opener of ['\\(', '\\[', '$$', '$a']) findMath(opener.repeat(100_000));
    expect(performance.now() - started).toBeLessThan(2000);
  });
});

/** The formulas `splitMath` finds, as TeX sources. */
const formulas = (text: string) => splitMath(text).flatMap((t) => (t.kind === 'math' ? [t.source] : []));

describe('splitMath', () => {
  it('finds formulas in real titles, including mid-word ones', () => {
    expect(formulas('$\\nabla^2$DFT: A Universal Quantum Chemistry Dataset')).toEqual(['\\nabla^2']);
    expect(formulas('$τ$-bench: A Benchmark for Tool-Agent-User Interaction')).toEqual(['τ']);
    expect(formulas('Implicit Neural Representation (SL$^{2}$A-INR)')).toEqual(['^{2}']);
    expect(formulas('LLM$\\times$MapReduce')).toEqual(['\\times']);
  });

  it('leaves prices as text', () => {
    for (const text of [
      'Earn $1 Million from freelance work',
      'a cost of only $25 and without labelers',
      'lowest cost (\\$0.34) compared',
      'incurred only US$44 in charges',
      'raised $1.2B and then $3M more',
      'costs $5-$10 a day',
      'at 4$ per hour.',
      'costs $5 and 10$ per hour',
      'in $200k',
    ]) {
      expect(formulas(text), text).toEqual([]);
    }
  });

  it('keeps real formulas that start with a digit', () => {
    expect(formulas('use $2$ layers and $10^6$ steps at $2 \\times 10^5$ cost')).toEqual(['2', '10^6', '2 \\times 10^5']);
  });

  it('does not let a price swallow the next formula', () => {
    expect(formulas('We spend $5 and set $k=3$ here')).toEqual(['k=3']);
  });

  it('needs a non-space after the opener and before the closer, and no digit after the closer', () => {
    expect(formulas('between $ x$ and $y $ here')).toEqual([]);
    expect(formulas('from $a$5 on')).toEqual([]);
  });

  it('treats \\$ as a literal dollar outside math and as TeX inside', () => {
    expect(splitMath('\\$OneMillion-Bench')).toEqual([{ kind: 'text', text: '$OneMillion-Bench' }]);
    expect(formulas('cost $\\$5 + x$ total')).toEqual(['\\$5 + x']);
  });

  it('supports $$…$$, \\(…\\) and \\[…\\], and never spans a blank line', () => {
    expect(splitMath('a $$x^2$$ b').filter((t) => t.kind === 'math')).toEqual([
      { kind: 'math', source: 'x^2', raw: '$$x^2$$', display: true },
    ]);
    expect(formulas('time \\( O(n^3) \\) and \\[ E = mc^2 \\]')).toEqual(['O(n^3)', 'E = mc^2']);
    expect(formulas('first $a\n\nsecond b$')).toEqual([]);
  });

  it('round-trips: text and raw formulas concatenate back to the input (no \\$ in it)', () => {
    fc.assert(
      fc.property(fc.string({ unit: fc.constantFrom('$', '\\', '(', ')', '[', ']', 'x', '2', ' ', '^', '\n', 'é') }), (s) => {
        fc.pre(!s.includes('\\$'));
        const joined = splitMath(s)
          .map((t) => (t.kind === 'text' ? t.text : t.raw))
          .join('');
        expect(joined).toBe(s);
      }),
    );
  });
});

describe('hasMathDelimiters', () => {
  it('is true for formulas and false for prices or plain text', () => {
    expect(hasMathDelimiters('$τ$-bench')).toBe(true);
    expect(hasMathDelimiters('time \\( O(n) \\)')).toBe(true);
    expect(hasMathDelimiters('lowest cost (\\$0.34) and $25 per run')).toBe(false);
    expect(hasMathDelimiters('no math at all')).toBe(false);
  });
});
