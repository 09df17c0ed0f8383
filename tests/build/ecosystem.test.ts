/**
 * Issue 10 in the fixture build (BASE=/shelf/, SITE=https://example.org): link previews and
 * citation tags in every page's head with escaped values, the JSON Feeds beside the RSS feeds,
 * the OPML list and /feeds/ page, and the BibTeX exports, read the way a reader's tools read them.
 */
import { existsSync, readFileSync } from 'node:fs';
import path from 'node:path';
import { parse as parseBibtex } from '@retorquere/bibtex-parser';
import { parse as parseHtml, type HTMLElement } from 'node-html-parser';
import { describe, expect, inject, it } from 'vitest';
import { z } from 'astro/zod';
import { fixturePapers, IDS } from '../fixtures/site/papers.ts';
import { htmlFiles, page, squash } from '../support/html.ts';
import { parseOpml } from '../support/opml.ts';

const dist = inject('fixtureDistDir');
const SITE = 'https://example.org';
const BASE = '/shelf/';
const papers = fixturePapers();
const byId = new Map(papers.map((p) => [p.id, p]));
const TOPICS = ['llm-inference', 'math-reasoning', 'empty-topic'];

const meta = (d: HTMLElement, key: string): string[] =>
  d.querySelectorAll(`head meta[property="${key}"], head meta[name="${key}"]`).map((m) => m.getAttribute('content')!);
/** The local file an absolute URL of the site points to. */
const fileOf = (url: string): string => {
  expect(url.startsWith(`${SITE}${BASE}`), url).toBe(true);
  const rel = decodeURIComponent(url.slice(`${SITE}${BASE}`.length));
  return path.join(dist, rel.endsWith('/') || rel === '' ? `${rel}index.html` : rel);
};

describe('link previews (Open Graph + Twitter card)', () => {
  const files = htmlFiles(dist);

  it('every indexable page has title, description, canonical URL, site name, image and card; papers are articles', () => {
    let paperPages = 0;
    let others = 0;
    for (const file of files) {
      const d = page(dist, file);
      if (d.querySelector('meta[name="robots"][content="noindex"]')) {
        expect(meta(d, 'og:title'), file).toEqual([]);
        continue;
      }
      // The preview's URL and description are the canonical link and the meta description, which
      // every preview reader falls back to: no og:url or og:description copying them (issue 9).
      const canonical = d.querySelector('link[rel="canonical"]')!.getAttribute('href')!;
      expect(fileOf(canonical), file).toBe(path.join(dist, file));
      expect(meta(d, 'og:url'), file).toEqual([]);
      expect(meta(d, 'og:description'), file).toEqual([]);
      expect(meta(d, 'og:site_name'), file).toEqual(['Papershelf']);
      expect(meta(d, 'twitter:card'), file).toEqual(['summary_large_image']);
      const [title] = meta(d, 'og:title');
      expect(squash(d.querySelector('title')!.textContent), file).toBe(title === 'Papershelf' ? title : `${title} · Papershelf`);
      const [description] = meta(d, 'description');
      expect(description!.length, file).toBeGreaterThan(0);
      expect(description!.length, file).toBeLessThanOrEqual(200);
      const [image] = meta(d, 'og:image');
      expect(existsSync(fileOf(image!)), image).toBe(true);
      const id = /^papers\/([^/]+)\/index\.html$/.exec(file)?.[1];
      if (id && byId.has(id)) {
        paperPages++;
        expect(meta(d, 'og:type'), file).toEqual(['article']);
        expect(meta(d, 'article:published_time'), file).toEqual([byId.get(id)!.published]);
      } else {
        others++;
        expect(meta(d, 'og:type'), file).toEqual(['website']);
        expect(meta(d, 'article:published_time'), file).toEqual([]);
      }
    }
    expect(paperPages).toBe(papers.length);
    expect(others).toBeGreaterThan(10);
  });

  it('the preview image is a 1200×630 PNG', () => {
    const png = readFileSync(path.join(dist, 'og-image.png'));
    expect(png.subarray(1, 4).toString()).toBe('PNG');
    expect([png.readUInt32BE(16), png.readUInt32BE(20)]).toEqual([1200, 630]);
  });
});

describe('citation metadata (Highwire Press) on paper pages', () => {
  it('names title, each author, date, arXiv id and PDF; the canonical link is the abstract page', () => {
    const d = page(dist, `papers/${IDS.math}/`);
    const url = `${SITE}${BASE}papers/${IDS.math}/`;
    expect(meta(d, 'citation_title')).toEqual(['Linear \\mathcal{O}(n) Attention for Speculative Decoding']);
    expect(meta(d, 'citation_author')).toEqual(['Ada Lovelace', 'Alan Turing']);
    expect(meta(d, 'citation_publication_date')).toEqual(['2024/01/09']);
    expect(meta(d, 'citation_arxiv_id')).toEqual(['2401.04558']);
    expect(meta(d, 'citation_pdf_url')).toEqual(['https://arxiv.org/pdf/2401.04558']);
    // The abstract page is the page itself: its canonical link, not a citation_abstract_html_url copy.
    expect(meta(d, 'citation_abstract_html_url')).toEqual([]);
    expect(d.querySelector('link[rel="canonical"]')!.getAttribute('href')).toBe(url);
  });

  it('writes the authors once per consumer: the byline (readers), citation_author (Scholar, Zotero), BibTeX (copy); not in JSON-LD', () => {
    // Issue 9: a second machine-readable list (JSON-LD author) cost ~35 bytes per author on each of 50,000 pages.
    const html = readFileSync(path.join(dist, 'papers', IDS.math, 'index.html'), 'utf8');
    const d = parseHtml(html);
    for (const name of byId.get(IDS.math)!.authors!) expect(html.split(name).length - 1, name).toBe(3);
    // The byline: the article's first paragraph (no class of its own: issue 9).
    expect(squash(d.querySelector('article > p')!.textContent)).toBe('Ada Lovelace, Alan Turing');
    expect(d.querySelector('#bibtex')!.textContent).toContain('author = {Ada Lovelace and Alan Turing}');
    const ld = JSON.parse(d.querySelector('script[type="application/ld+json"]')!.textContent);
    expect(ld).toMatchObject({ '@type': 'ScholarlyArticle', headline: expect.any(String), datePublished: '2024-01-09' });
    expect(ld).not.toHaveProperty('author');
  });

  it('leaves out what a paper does not have (no authors, no arXiv id), and only papers carry the tags', () => {
    const d = page(dist, `papers/${IDS.currency}/`);
    expect(meta(d, 'citation_title')).toEqual(['Training a Draft Model for $5 Million']);
    expect(meta(d, 'citation_author')).toEqual([]);
    expect(meta(d, 'citation_arxiv_id')).toEqual([]);
    expect(meta(d, 'citation_pdf_url')).toEqual([]);
    expect(meta(page(dist, 'topics/llm-inference/'), 'citation_title')).toEqual([]);
  });

  it('a hostile title or author stays one attribute value: the head holds exactly the elements it should', () => {
    const d = page(dist, `papers/${IDS.script}/`);
    const paper = byId.get(IDS.script)!;
    expect(meta(d, 'og:title')).toEqual([paper.title]);
    expect(meta(d, 'citation_title')).toEqual([paper.title]);
    expect(meta(d, 'citation_author')).toEqual(paper.authors);
    // Nothing broke out: the same head elements as a tame paper page, and no attribute but the expected ones.
    // (KaTeX's stylesheet aside: the tame page's related papers show a formula.)
    const shape = (doc: HTMLElement) =>
      doc
        .querySelector('head')!
        .childNodes.filter((n): n is HTMLElement => n.nodeType === 1)
        .filter((n) => n.tagName !== 'META' && !n.hasAttribute('data-katex-css'))
        .map((n) => `${n.tagName} ${n.getAttribute('rel') ?? n.getAttribute('type') ?? ''}`);
    const tame = page(dist, `papers/${IDS.caseOrg}/`);
    const extraAuthors = paper.authors!.length - byId.get(IDS.caseOrg)!.authors!.length;
    expect(shape(d)).toEqual(shape(tame));
    // The tame paper has an arXiv id (two more tags) and one author.
    expect(d.querySelectorAll('head meta').length).toBe(tame.querySelectorAll('head meta').length - 2 + extraAuthors);
    for (const m of d.querySelectorAll('head meta')) {
      for (const name of Object.keys(m.attributes)) expect(['charset', 'name', 'property', 'content']).toContain(name);
    }
    expect(
      d.querySelectorAll('script').filter((s) => s.textContent.includes('alert(2)') && s.getAttribute('type') !== 'application/ld+json'),
    ).toEqual([]);
  });
});

const jsonFeedSchema = z.object({
  version: z.literal('https://jsonfeed.org/version/1.1'),
  title: z.string().min(1),
  home_page_url: z.url(),
  feed_url: z.url(),
  description: z.string().optional(),
  language: z.string().optional(),
  items: z.array(
    z
      .object({
        id: z.string().min(1),
        url: z.url(),
        title: z.string(),
        content_text: z.string().optional(),
        content_html: z.string().optional(),
        date_published: z.iso.datetime(),
        authors: z
          .array(z.object({ name: z.string().min(1) }).strict())
          .min(1)
          .optional(),
        tags: z.array(z.string()).optional(),
      })
      .strict()
      .refine((i) => i.content_text !== undefined || i.content_html !== undefined, 'an item needs content_text or content_html'),
  ),
});

/** The item links of an RSS feed, in order. */
const rssLinks = (file: string) =>
  [...readFileSync(path.join(dist, file), 'utf8').matchAll(/<item>[\s\S]*?<link>([^<]*)<\/link>/g)].map((m) => m[1]!);

describe('feeds for every reader', () => {
  const feeds = [
    { rss: 'feed.xml', json: 'feed.json', page: '' },
    ...TOPICS.map((t) => ({ rss: `topics/${t}/feed.xml`, json: `topics/${t}/feed.json`, page: `topics/${t}/` })),
  ];

  it.each(feeds)('$json is JSON Feed 1.1 with the papers of $rss, in order', ({ rss, json, page: pagePath }) => {
    const feed = jsonFeedSchema.parse(JSON.parse(readFileSync(path.join(dist, json), 'utf8')));
    expect(feed.feed_url).toBe(`${SITE}${BASE}${json}`);
    expect(feed.home_page_url).toBe(`${SITE}${BASE}${pagePath}`);
    expect(feed.items.map((i) => i.url)).toEqual(rssLinks(rss));
    for (const item of feed.items) {
      const paper = byId.get(item.url.split('/').at(-2)!)!;
      expect(item.title).toBe(paper.title);
      expect(item.content_text).toBe(paper.abstract);
      expect(item.authors?.map((a) => a.name) ?? null).toEqual(paper.authors && paper.authors.length > 0 ? paper.authors : null);
    }
  });

  it('the site feed carries the hostile paper’s text as plain JSON strings', () => {
    const feed = jsonFeedSchema.parse(JSON.parse(readFileSync(path.join(dist, 'feed.json'), 'utf8')));
    const hostile = feed.items.find((i) => i.url.endsWith(`/papers/${IDS.script}/`))!;
    expect(hostile.title).toBe('<script>alert(1)</script> Escaping & "Quotes"');
    expect(hostile.authors!.map((a) => a.name)).toEqual(byId.get(IDS.script)!.authors);
  });

  it('opml.xml parses and lists every feed in both formats, each pointing at a built file', () => {
    const xml = readFileSync(path.join(dist, 'opml.xml'), 'utf8');
    const folders = parseOpml(xml).outlines;
    expect(folders.map((f) => f.attributes.text)).toEqual(['RSS', 'JSON Feed']);
    const urls = (i: number) => folders[i]!.children.map((o) => o.attributes.xmlUrl!);
    expect(urls(0).sort()).toEqual(feeds.map((f) => `${SITE}${BASE}${f.rss}`).sort());
    expect(urls(1).sort()).toEqual(feeds.map((f) => `${SITE}${BASE}${f.json}`).sort());
    for (const url of [...urls(0), ...urls(1), ...folders[0]!.children.map((o) => o.attributes.htmlUrl!)])
      expect(existsSync(fileOf(url)), url).toBe(true);
    expect(folders[0]!.children.find((o) => o.attributes.xmlUrl!.includes('math-reasoning'))!.attributes.title).toBe(
      'Papershelf: Math & theorem proving',
    );
  });

  it('/feeds/ lists every feed in both formats and the OPML list; the footer links it', () => {
    const d = page(dist, 'feeds/');
    const links = d.querySelectorAll('main a').map((a) => a.getAttribute('href'));
    for (const f of feeds) expect(links).toEqual(expect.arrayContaining([`${BASE}${f.rss}`, `${BASE}${f.json}`, `${BASE}${f.page}`]));
    expect(d.querySelector('a[data-opml]')!.getAttribute('href')).toBe(`${BASE}opml.xml`);
    expect(page(dist, '').querySelector(`footer a[href="${BASE}feeds/"]`)).not.toBeNull();
  });

  it('pages announce both feed kinds: the site’s everywhere but on paper pages, a topic’s on its pages', () => {
    const alternates = (d: HTMLElement) =>
      d.querySelectorAll('head link[rel="alternate"]').map((l) => `${l.getAttribute('type')} ${l.getAttribute('href')}`);
    const site = [`application/rss+xml ${BASE}feed.xml`, `application/feed+json ${BASE}feed.json`];
    expect(alternates(page(dist, ''))).toEqual(site);
    expect(alternates(page(dist, 'feeds/'))).toEqual(site);
    // Issue 9: 180 bytes on each of 50,000 paper pages; a reader subscribes from the site, a listing or /feeds/.
    expect(alternates(page(dist, `papers/${IDS.math}/`))).toEqual([]);
    expect(alternates(page(dist, 'topics/llm-inference/2/'))).toEqual([
      ...site,
      `application/rss+xml ${BASE}topics/llm-inference/feed.xml`,
      `application/feed+json ${BASE}topics/llm-inference/feed.json`,
    ]);
  });
});

describe('BibTeX exports', () => {
  /**
   * A .bib read twice: raw (the BibTeX syntax alone: entries, braces, fields) must give no error;
   * with LaTeX turned into Unicode, the only errors allowed are macros inside `$…$` math the
   * parser has no Unicode for (`\mathcal`), which LaTeX itself typesets.
   */
  const bib = (file: string) => {
    const text = readFileSync(path.join(dist, file), 'utf8');
    expect(parseBibtex(text, { raw: true }).errors, file).toEqual([]);
    const parsed = parseBibtex(text);
    const errors = parsed.errors.filter((e) => !/^unhandled macro \\(mathcal)$/.test(e.error));
    return { text, parsed: { ...parsed, errors } };
  };

  it('archive.bib parses, holds every paper once under a unique key, each entry as its page’s Cite box shows it', () => {
    const { text, parsed } = bib('archive.bib');
    expect(parsed.errors).toEqual([]);
    expect(parsed.entries).toHaveLength(papers.length);
    expect(new Set(parsed.entries.map((e) => e.key)).size).toBe(papers.length);
    let boxes = 0;
    for (const id of Object.values(IDS)) {
      const pre = page(dist, `papers/${id}/`).querySelector('pre#bibtex');
      if (!pre) continue;
      boxes++;
      // <pre> is raw text to node-html-parser: parse its inside for the text a reader copies.
      expect(text, id).toContain(`${parseHtml(pre.textContent).textContent}\n`);
    }
    expect(boxes).toBeGreaterThanOrEqual(3);
    const hostile = parsed.entries.find((e) => e.input.includes('Escaping'))!;
    expect(hostile.fields.author).toHaveLength(2);
  });

  it.each(TOPICS)('topics/%s/papers.bib holds that topic’s papers and is linked from its page', (slug) => {
    const { parsed } = bib(`topics/${slug}/papers.bib`);
    expect(parsed.errors).toEqual([]);
    expect(parsed.entries).toHaveLength(papers.filter((p) => p.topics.some((t) => t.slug === slug)).length);
    expect(page(dist, `topics/${slug}/`).querySelector('a[data-topic-bib]')!.getAttribute('href')).toBe(`${BASE}topics/${slug}/papers.bib`);
  });

  it('the footer of every page links archive.bib', () => {
    expect(page(dist, `papers/${IDS.math}/`).querySelector(`footer a[href="${BASE}archive.bib"]`)).not.toBeNull();
  });
});
