import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import fc from 'fast-check';
import { addAttribute, escapeHTML } from 'astro/runtime/server/index.js';
import { plainText, renderMathSegments, richHtml, richSegments, textHasMath } from './rich-text.ts';
import { escapeText } from '../../core/escape.ts';
import { fixtureCases, matchJsonFixture } from '../../../tests/support/fixtures.ts';

const FIXTURES = join(import.meta.dirname, 'fixtures/rich-text');

/** KaTeX's HTML is long and version-specific: fixtures record what was found, tests check the HTML. */
function summary(text: string) {
  return {
    hasMath: textHasMath(text),
    segments: renderMathSegments(text).map((s) => (s.kind === 'math' ? { kind: s.kind, source: s.source, display: s.display } : s)),
  };
}

describe('fixtures (real titles and abstract excerpts; UPDATE=1 rewrites expected.json)', () => {
  for (const name of fixtureCases(FIXTURES)) {
    it(name, () => {
      const input = readFileSync(join(FIXTURES, name, 'input.txt'), 'utf8');
      matchJsonFixture(join(FIXTURES, name, 'expected.json'), summary(input));
    });
  }
});

/** The KaTeX markup of every rendered formula of `text`, joined. */
const mathHtml = (text: string) =>
  richSegments(text)
    .map((s) => (s.kind === 'math' ? s.html : ''))
    .join('');

describe('rendering formulas (KaTeX)', () => {
  it('renders formulas with KaTeX and keeps the text around them as text (Astro escapes it)', () => {
    const segs = richSegments('$\\nabla^2$DFT & <b>bold</b>');
    expect(segs[0]).toMatchObject({ kind: 'math' });
    expect(mathHtml('$\\nabla^2$DFT')).toContain('class="katex"');
    expect(mathHtml('$\\nabla^2$DFT')).toContain('∇'); // KaTeX rendered \nabla
    expect(segs.slice(1)).toEqual([{ kind: 'text', text: 'DFT & <b>bold</b>' }]);
    expect(textHasMath('$\\nabla^2$DFT')).toBe(true);
  });

  it('returns the text alone when there is no math, prices and \\$ read as dollars', () => {
    const text = 'Plain <think>reasoning</think> & "quotes" costing $5 and \\$6';
    expect(richSegments(text, { linkify: false })).toEqual([
      { kind: 'text', text: 'Plain <think>reasoning</think> & "quotes" costing $5 and $6' },
    ]);
    expect(textHasMath(text)).toBe(false);
  });

  it('never puts a tag from the text inside KaTeX markup', () => {
    expect(mathHtml('<script>alert(1)</script> $a<b$ <think>x</think> $\\text{<script>}$')).not.toMatch(/<script|<think/i);
  });

  it('shows a malformed formula as its source and renders the rest', () => {
    const segs = richSegments('The loss $\\frac{$ is <unbounded>, but $x^2$ is fine.', { linkify: false });
    expect(segs.map((s) => s.kind)).toEqual(['text', 'error', 'text', 'math', 'text']);
    expect(segs[1]).toEqual({ kind: 'error', source: '$\\frac{$' });
    expect(segs[2]).toEqual({ kind: 'text', text: ' is <unbounded>, but ' });
    expect(mathHtml('but $x^2$ is fine')).not.toContain('katex-error');
    expect(textHasMath('The loss $\\frac{$ is <unbounded>, but $x^2$ is fine.')).toBe(true);
  });

  it('reports no math when every formula failed', () => {
    expect(textHasMath('only $\\frac{$ here')).toBe(false);
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
    expect(mathHtml('$\\href{javascript:alert(1)}{x}$')).not.toContain('href="javascript');
  });

  it('caps macro expansion (maxExpand) below KaTeX’s default of 1000', () => {
    expect(renderMathSegments(`$\\def\\x{y}${'\\x'.repeat(700)}$`)[0]?.kind).toBe('error');
    expect(renderMathSegments(`$\\def\\x{y}${'\\x'.repeat(300)}$`)[0]?.kind).toBe('math');
  });

  it('caps sizes (maxSize)', () => {
    const html = mathHtml('$\\rule{1000em}{1000em}$');
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

  it('never lets raw tags into KaTeX markup, whatever the input', () => {
    const unit = fc.constantFrom('$', '\\', '<', '>', 'script', 'img', ' ', 'x', '{', '}', '^', '&', '"', 'text');
    fc.assert(
      fc.property(fc.string({ unit, maxLength: 40 }), (s) => {
        expect(mathHtml(s)).not.toMatch(/<(script|img)/i);
      }),
      { numRuns: 300 },
    );
  });
});

/** What a reader sees of the segments, formulas as a marker. */
const visible = (text: string, linkify = true) =>
  richSegments(text, { linkify })
    .map((s) => (s.kind === 'math' ? '<math>' : s.kind === 'error' ? `<err:${s.source}>` : s.text))
    .join('');

describe('richSegments', () => {
  it('renders formulas with KaTeX and links URLs in the text around them', () => {
    const segs = richSegments('With $\\alpha$ at https://x.io/a. Done');
    expect(segs.map((s) => s.kind)).toEqual(['text', 'math', 'text', 'link', 'text']);
    const math = segs[1] as { kind: 'math'; html: string };
    expect(math.html).toContain('class="katex"');
    expect(segs[3]).toEqual({ kind: 'link', text: 'https://x.io/a', href: 'https://x.io/a' });
    expect(visible('With $\\alpha$ at https://x.io/a. Done')).toBe('With <math> at https://x.io/a. Done');
  });

  it('leaves prices as text and reads \\$ as a dollar sign', () => {
    expect(richSegments('It cost $5 million and $10 more.')).toEqual([{ kind: 'text', text: 'It cost $5 million and $10 more.' }]);
    expect(visible('only \\$0.34 per run')).toBe('only $0.34 per run');
    expect(textHasMath('It cost $5 million and $10 more.')).toBe(false);
  });

  it('shows a formula KaTeX rejects as its source', () => {
    expect(visible('a $\\nosuchcommand{x}$ b')).toBe('a <err:$\\nosuchcommand{x}$> b');
    expect(textHasMath('a $\\nosuchcommand{x}$ b')).toBe(false);
  });

  it('does not link when asked not to (text inside a link)', () => {
    expect(richSegments('see https://x.io', { linkify: false })).toEqual([{ kind: 'text', text: 'see https://x.io' }]);
  });

  it('never carries HTML outside math segments: text without formulas comes back as the same text', () => {
    fc.assert(
      fc.property(fc.string({ maxLength: 80 }), (text) => {
        const clean = text.replace(/[$\\]/g, '');
        const segs = richSegments(clean);
        expect(segs.every((s) => s.kind === 'text' || s.kind === 'link')).toBe(true);
        expect(segs.map((s) => ('text' in s ? s.text : '')).join('')).toBe(clean);
      }),
    );
  });
});

/**
 * What the RichText component this replaced wrote, from Astro's own escaping: its text runs through
 * `escapeText`, a link as `<a href={href} data-bare-url>{text}</a>`, a rejected formula as `<code …>{source}</code>`.
 */
const astroMarkup = (text: string, linkify: boolean) =>
  richSegments(text, { linkify })
    .map((s) =>
      s.kind === 'text'
        ? escapeText(s.text)
        : s.kind === 'link'
          ? `<a${String(addAttribute(s.href, 'href'))} data-bare-url>${escapeHTML(s.text)}</a>`
          : s.kind === 'math'
            ? s.html
            : `<code class="math-error" title="This formula could not be rendered">${escapeHTML(s.source)}</code>`,
    )
    .join('');

describe('richHtml', () => {
  it('escapes text runs without &quot;, link text and formula source as Astro does, and keeps KaTeX markup', () => {
    expect(richHtml(`A & <b> "q" it's`, { linkify: false })).toBe(`A &amp; &lt;b&gt; "q" it's`);
    expect(richHtml(`see https://x.io/?a=1&b=2 "it's"`)).toBe(
      `see <a href="https://x.io/?a=1&amp;b=2" data-bare-url>https://x.io/?a=1&amp;b=2</a> "it's"`,
    );
    expect(richHtml(`a $\\nosuchcommand{x<'y'>}$ b`)).toBe(
      `a <code class="math-error" title="This formula could not be rendered">$\\nosuchcommand{x&lt;&#39;y&#39;&gt;}$</code> b`,
    );
    expect(richHtml('With $\\alpha$ too')).toMatch(/^With <span class="katex">.*<\/span> too$/);
  });

  it('writes byte for byte what the component did, whatever the input', () => {
    const unit = fc.constantFrom(
      '$',
      '\\',
      '<',
      '>',
      '&',
      '"',
      "'",
      ' ',
      'x',
      '^',
      '{',
      '}',
      'https://a.io/',
      '?q=1&r=2',
      '.',
      'www.b.org',
    );
    fc.assert(
      fc.property(fc.string({ unit, maxLength: 30 }), fc.boolean(), (text, linkify) => {
        expect(richHtml(text, { linkify })).toBe(astroMarkup(text, linkify));
      }),
      { numRuns: 300 },
    );
  });
});

describe('plainText', () => {
  it('drops delimiters and keeps the TeX source', () => {
    expect(plainText('Linear $\\mathcal{O}(n)$ attention for $5 million')).toBe('Linear \\mathcal{O}(n) attention for $5 million');
  });
});
