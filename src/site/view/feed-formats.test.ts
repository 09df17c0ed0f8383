import { describe, expect, it } from 'vitest';
import { jsonFeed, JSON_FEED_VERSION, opml, type OpmlFeed } from './feed-formats.ts';
import { parseOpml } from '../../../tests/support/opml.ts';

describe('jsonFeed', () => {
  const channel = { title: 'P', description: 'D', homePageUrl: 'https://x.org/', feedUrl: 'https://x.org/feed.json' };
  const entry = { url: 'https://x.org/papers/a/', title: '</script>"', text: 'A & B', day: '2026-01-07', authors: ['Ada'], tags: ['t'] };

  it('writes JSON Feed 1.1 fields, one item per entry, JSON.stringify doing the escaping', () => {
    const feed = jsonFeed(channel, [entry, { ...entry, url: 'https://x.org/papers/b/', authors: null, tags: [] }]);
    expect(feed).toMatchObject({
      version: JSON_FEED_VERSION,
      title: 'P',
      home_page_url: 'https://x.org/',
      feed_url: 'https://x.org/feed.json',
    });
    expect(feed.items[0]).toEqual({
      id: 'https://x.org/papers/a/',
      url: 'https://x.org/papers/a/',
      title: '</script>"',
      content_text: 'A & B',
      date_published: '2026-01-07T00:00:00Z',
      authors: [{ name: 'Ada' }],
      tags: ['t'],
    });
    // No empty authors or tags arrays (JSON Feed: omit what is unknown).
    expect(Object.keys(feed.items[1]!)).not.toContain('authors');
    expect(Object.keys(feed.items[1]!)).not.toContain('tags');
    expect(JSON.parse(JSON.stringify(feed))).toEqual(feed);
  });
});

describe('opml', () => {
  const feed = (title: string, n: number): OpmlFeed => ({
    title,
    description: `d"${n}<`,
    htmlUrl: `https://x.org/t/${n}/`,
    rssUrl: `https://x.org/t/${n}/feed.xml?a=1&b=2`,
    jsonUrl: `https://x.org/t/${n}/feed.json`,
  });

  it('parses as XML and lists each feed once per format, attributes escaped', () => {
    const xml = opml('Papershelf "feeds" & <more>', [feed('A & "B"', 1), feed("<C d='e'>", 2)]);
    const doc = parseOpml(xml);
    expect(doc.version).toBe('2.0');
    expect(doc.title).toBe('Papershelf "feeds" & <more>');
    const folders = doc.outlines;
    expect(folders.map((f) => f.attributes.text)).toEqual(['RSS', 'JSON Feed']);
    expect(folders[0]!.children.map((o) => [o.attributes.title, o.attributes.xmlUrl])).toEqual([
      ['A & "B"', 'https://x.org/t/1/feed.xml?a=1&b=2'],
      ["<C d='e'>", 'https://x.org/t/2/feed.xml?a=1&b=2'],
    ]);
    expect(folders[0]!.children.map((o) => o.attributes.description)).toEqual(['d"1<', 'd"2<']);
    expect(folders[1]!.children.map((o) => o.attributes.xmlUrl)).toEqual(['https://x.org/t/1/feed.json', 'https://x.org/t/2/feed.json']);
    expect(folders.flatMap((f) => f.children).every((o) => o.attributes.type === 'rss')).toBe(true);
    expect(() => parseOpml(xml.replace('</opml>', ''))).toThrow();
  });
});
