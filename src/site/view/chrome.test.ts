import { describe, expect, it } from 'vitest';
import { siteFooterHtml, siteHeaderHtml } from './chrome.ts';

describe('siteHeaderHtml', () => {
  it('writes the navigation with the current section marked and the Search link opening the dialog', () => {
    expect(siteHeaderHtml('topics')).toBe(
      '<div><a href="/">Papershelf</a><nav aria-label="Main"><ul><li><a href="/">Home</a></li>' +
        '<li><a href="/topics/" aria-current="page">Topics</a></li><li><a href="/digests/">Digests</a></li>' +
        '<li><a href="/orgs/">Orgs</a></li><li><a href="/search/" data-search-open>Search</a></li></ul></nav>' +
        '<div><form role="search" action="/search/"><input name="q" type="search" aria-label="Search papers" placeholder="Keywords">' +
        '<button type="submit">Search</button></form><button type="button" data-theme-toggle aria-pressed="false" aria-label="Dark theme"></button></div></div>',
    );
  });

  it('marks the Search link current with its dialog attribute after it, and marks nothing on a page outside the sections', () => {
    expect(siteHeaderHtml('search')).toContain('<a href="/search/" aria-current="page" data-search-open>Search</a>');
    expect(siteHeaderHtml(undefined)).not.toContain('aria-current');
  });

  it('puts every link under the base path, escaped as Astro escapes an attribute', () => {
    const html = siteHeaderHtml('home', '/a&"b/');
    expect(html).toContain('<a href="/a&amp;&quot;b/" aria-current="page">Home</a>');
    expect(html).toContain('action="/a&amp;&quot;b/search/"');
  });
});

describe('siteFooterHtml', () => {
  it('links the archive downloads and the feeds under the base path', () => {
    expect(siteFooterHtml('/shelf/')).toBe(
      '<p>Download <a href="/shelf/archive.jsonl" download>archive.jsonl</a> (data) or <a href="/shelf/archive.bib" download>archive.bib</a> ' +
        '(BibTeX) · <a href="/shelf/feeds/">Feeds</a> (RSS, JSON Feed, OPML)</p>',
    );
  });
});
