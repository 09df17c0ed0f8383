import { describe, expect, it } from 'vitest';
import { pageHeadHtml } from './page-head.ts';

const THEME =
  "<script>((c,s)=>{try{s=localStorage.theme}catch{}c.add('js');c.toggle('dark',s?s=='dark':matchMedia('(prefers-color-scheme:dark)').matches)})(document.documentElement.classList)</script>";

describe('pageHeadHtml', () => {
  it('writes a listing page: title, description, canonical, preview, icon, theme, site.js and the feeds', () => {
    const html = pageHeadHtml({
      title: 'Agents · Papershelf',
      description: 'Papers about agents.',
      canonical: 'https://example.org/topics/agents/',
      preview: '<meta property="og:type" content="website">',
      indexable: true,
      math: false,
      feeds: true,
    });
    expect(html).toBe(
      '<title>Agents · Papershelf</title><meta name="description" content="Papers about agents.">' +
        '<link rel="canonical" href="https://example.org/topics/agents/"><meta property="og:type" content="website">' +
        `<link rel="icon" href="/favicon.svg">${THEME}<script src="/site.js" defer></script>` +
        '<link rel="alternate" type="application/rss+xml" title="Papershelf" href="/feed.xml">' +
        '<link rel="alternate" type="application/feed+json" title="Papershelf" href="/feed.json">',
    );
  });

  it('writes the 404 page: no canonical or preview, noindex, KaTeX, no feeds on a paper-like page, under the base path', () => {
    expect(pageHeadHtml({ title: 'Not found', description: '', indexable: false, math: true, feeds: false, base: '/shelf/' })).toBe(
      '<title>Not found</title><meta name="description" content><meta name="robots" content="noindex">' +
        `<link rel="icon" href="/shelf/favicon.svg"><link rel="stylesheet" href="/shelf/katex/katex.min.css" data-katex-css>${THEME}` +
        '<script src="/shelf/site.js" defer></script>',
    );
  });

  it('escapes a hostile title as Astro escapes text, the description, canonical and base as it escapes attributes', () => {
    const hostile = `<script>alert("x")</script> & 'y'\u2028`;
    const html = pageHeadHtml({
      title: hostile,
      description: hostile,
      canonical: 'https://example.org/a&"b/',
      indexable: true,
      math: false,
      feeds: false,
      base: '/a&"b/',
    });
    expect(html).toBe(
      '<title>&lt;script&gt;alert(&quot;x&quot;)&lt;/script&gt; &amp; &#39;y&#39;\u2028</title>' +
        `<meta name="description" content="<script>alert(&quot;x&quot;)</script> &amp; 'y'\u2028">` +
        `<link rel="canonical" href="https://example.org/a&amp;&quot;b/"><link rel="icon" href="/a&amp;&quot;b/favicon.svg">${THEME}` +
        '<script src="/a&amp;&quot;b/site.js" defer></script>',
    );
  });
});
