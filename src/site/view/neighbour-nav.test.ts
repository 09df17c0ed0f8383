import { describe, expect, it } from 'vitest';
import { neighbourNavHtml } from './neighbour-nav.ts';

describe('neighbourNavHtml', () => {
  it('writes both neighbours, previous first, with their rel and default texts', () => {
    expect(
      neighbourNavHtml({
        label: 'Papers in the digest of 2026-01-08',
        previous: { href: '/papers/a/', label: 'A' },
        next: { href: '/papers/b/', label: 'B' },
      }),
    ).toBe(
      '<nav aria-label="Papers in the digest of 2026-01-08" class="pn"><a href="/papers/a/" rel="prev"><span>← Previous</span><span>A</span></a>' +
        '<a href="/papers/b/" rel="next"><span>Next →</span><span>B</span></a></nav>',
    );
  });

  it('writes one neighbour with given texts, and nothing without either', () => {
    expect(
      neighbourNavHtml({ label: 'Other digests', previous: null, next: { href: '/d/', label: 'Jan 9, 2026' }, nextText: 'Newer digest' }),
    ).toBe(
      '<nav aria-label="Other digests" class="pn"><a href="/d/" rel="next"><span>Newer digest →</span><span>Jan 9, 2026</span></a></nav>',
    );
    expect(neighbourNavHtml({ label: 'Other digests', previous: null, next: null })).toBe('');
  });

  it('escapes hostile titles as Astro escapes text, and the href and label as it escapes attributes', () => {
    const label = `<script>alert("x")</script> & 'it'\u2028`;
    expect(
      neighbourNavHtml({ label: `Digest "${label}"`, previous: { href: '/base&"x/papers/a/', label }, next: null, previousText: '<b>' }),
    ).toBe(
      '<nav aria-label="Digest &quot;<script>alert(&quot;x&quot;)</script> &amp; \'it\'\u2028&quot;" class="pn">' +
        '<a href="/base&amp;&quot;x/papers/a/" rel="prev"><span>← &lt;b&gt;</span>' +
        '<span>&lt;script&gt;alert(&quot;x&quot;)&lt;/script&gt; &amp; &#39;it&#39;\u2028</span></a></nav>',
    );
  });
});
