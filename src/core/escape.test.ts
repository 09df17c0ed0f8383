import { describe, expect, it } from 'vitest';
import fc from 'fast-check';
import { parse } from 'node-html-parser';
import { escapeHtml, escapeText } from './escape.ts';

describe('escapeHtml', () => {
  it('escapes the five HTML-significant characters', () => {
    expect(escapeHtml(`<a href="x" title='y'>&</a>`)).toBe('&lt;a href=&quot;x&quot; title=&#39;y&#39;&gt;&amp;&lt;/a&gt;');
  });
});

describe('escapeText', () => {
  it('escapes what could start a tag or a reference, and leaves quotes as they are', () => {
    expect(escapeText(`</span><script>alert("x")</script> & 'y' &amp;`)).toBe(
      `&lt;/span&gt;&lt;script&gt;alert("x")&lt;/script&gt; &amp; 'y' &amp;amp;`,
    );
  });

  it('gives element content that parses back to the same text and no element', () => {
    fc.assert(
      fc.property(fc.string({ unit: fc.constantFrom('<', '>', '&', '"', "'", '/', 'a', ';', '#', ' ', 'script') }), (text) => {
        const root = parse(`<p>${escapeText(text)}</p>`);
        const p = root.querySelector('p')!;
        expect(p.childNodes.every((n) => n.nodeType === 3)).toBe(true);
        expect(p.text).toBe(text);
      }),
    );
  });
});
