import { existsSync, readdirSync, readFileSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { escapeHtml, hasMathDelimiters, renderMathSegments, renderRichText, splitMath } from './math-render.ts';

const FIXTURES = join(import.meta.dirname, 'fixtures/math-render');

/** KaTeX's HTML is long and version-specific: fixtures record what was found, tests check the HTML. */
function summary(text: string) {
  return {
    hasMath: renderRichText(text).hasMath,
    segments: renderMathSegments(text).map((s) => (s.kind === 'math' ? { kind: s.kind, source: s.source, display: s.display } : s)),
  };
}

describe('fixtures (real titles and abstract excerpts; UPDATE=1 rewrites expected.json)', () => {
  for (const name of readdirSync(FIXTURES).sort()) {
    it(name, () => {
      const input = readFileSync(join(FIXTURES, name, 'input.txt'), 'utf8');
      const expectedFile = join(FIXTURES, name, 'expected.json');
      const actual = summary(input);
      if (process.env.UPDATE || !existsSync(expectedFile)) {
        writeFileSync(expectedFile, `${JSON.stringify(actual, null, 2)}\n`);
      }
      expect(actual).toEqual(JSON.parse(readFileSync(expectedFile, 'utf8')));
    });
  }
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

describe('renderRichText', () => {
  it('renders formulas with KaTeX and escapes the text around them', () => {
    const { html, hasMath } = renderRichText('$\\nabla^2$DFT & <b>bold</b>');
    expect(hasMath).toBe(true);
    expect(html).toContain('class="katex"');
    expect(html).toContain('∇'); // KaTeX rendered \nabla
    expect(html.endsWith('DFT &amp; &lt;b&gt;bold&lt;/b&gt;')).toBe(true);
  });

  it('returns just the escaped text when there is no math', () => {
    const text = 'Plain <think>reasoning</think> & "quotes" costing $5 and \\$6';
    expect(renderRichText(text)).toEqual({
      html: 'Plain &lt;think&gt;reasoning&lt;/think&gt; &amp; &quot;quotes&quot; costing $5 and $6',
      hasMath: false,
    });
  });

  it('escapes <script> and <think> around and inside formulas', () => {
    const { html } = renderRichText('<script>alert(1)</script> $a<b$ <think>x</think> $\\text{<script>}$');
    expect(html).not.toMatch(/<script|<think/i);
    expect(html.startsWith('&lt;script&gt;alert(1)&lt;/script&gt; ')).toBe(true);
  });

  it('shows a malformed formula as escaped source in <code class="math-error"> and keeps the rest', () => {
    const { html, hasMath } = renderRichText('The loss $\\frac{$ is <unbounded>, but $x^2$ is fine.');
    expect(html).toContain('<code class="math-error">$\\frac{$</code>');
    expect(html).toContain(' is &lt;unbounded&gt;, but ');
    expect(html).toContain('class="katex"');
    expect(html.endsWith(' is fine.')).toBe(true);
    expect(html).not.toContain('katex-error');
    expect(hasMath).toBe(true);
  });

  it('reports hasMath false when every formula failed', () => {
    const { html, hasMath } = renderRichText('only $\\frac{$ here');
    expect(hasMath).toBe(false);
    expect(html).toBe('only <code class="math-error">$\\frac{$</code> here');
  });

  // KaTeX with throwOnError:false does not throw on these; it draws red spans or red command
  // names inside otherwise "successful" output. Each must become an error segment instead.
  it('treats undefined commands, untrusted commands and expansion bombs as errors', () => {
    for (const source of ['\\foo{x}', '\\href{javascript:alert(1)}{here}', '\\includegraphics{x.png}', '\\def\\a{\\a\\a}\\a']) {
      const segments = renderMathSegments(`see $${source}$ now`);
      expect(segments, source).toEqual([
        { kind: 'text', text: 'see ' },
        { kind: 'error', source: `$${source}$` },
        { kind: 'text', text: ' now' },
      ]);
    }
    expect(renderRichText('$\\href{javascript:alert(1)}{x}$').html).not.toContain('href="javascript');
  });

  it('caps macro expansion (maxExpand) below KaTeX’s default of 1000', () => {
    expect(renderMathSegments(`$\\def\\x{y}${'\\x'.repeat(700)}$`)[0]?.kind).toBe('error');
    expect(renderMathSegments(`$\\def\\x{y}${'\\x'.repeat(300)}$`)[0]?.kind).toBe('math');
  });

  it('caps sizes (maxSize)', () => {
    const { html } = renderRichText('$\\rule{1000em}{1000em}$');
    expect(html).toContain('class="katex"');
    // The TeX source stays in the MathML annotation; the drawn sizes must be clamped to 10em.
    expect(html).toContain('border-right-width:10em');
    expect(html).not.toMatch(/[:"]1000(\.0+)?em/);
  });

  it('renders display math in display mode', () => {
    const [, math] = renderMathSegments('Objective $$\\sum_i x_i$$.');
    expect(math).toMatchObject({ kind: 'math', display: true });
    expect(math?.kind === 'math' && math.html).toContain('katex-display');
  });

  it('never lets raw tags through, whatever the input', () => {
    const unit = fc.constantFrom('$', '\\', '<', '>', 'script', 'img', ' ', 'x', '{', '}', '^', '&', '"', 'text');
    fc.assert(
      fc.property(fc.string({ unit, maxLength: 40 }), (s) => {
        const { html } = renderRichText(s);
        expect(html).not.toMatch(/<(script|img)/i);
      }),
      { numRuns: 300 },
    );
  });
});

describe('escapeHtml', () => {
  it('escapes the five HTML-significant characters', () => {
    expect(escapeHtml(`<a href="x" title='y'>&</a>`)).toBe('&lt;a href=&quot;x&quot; title=&#39;y&#39;&gt;&amp;&lt;/a&gt;');
  });
});
