import { describe, expect, it } from 'vitest';
import fc from 'fast-check';
import { plainText, richSegments, textHasMath } from './rich-text.ts';

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

describe('plainText', () => {
  it('drops delimiters and keeps the TeX source', () => {
    expect(plainText('Linear $\\mathcal{O}(n)$ attention for $5 million')).toBe('Linear \\mathcal{O}(n) attention for $5 million');
  });
});
