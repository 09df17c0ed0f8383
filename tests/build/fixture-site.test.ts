/**
 * The fixture archive (tests/fixtures/site: generated papers, a three-topic taxonomy, a note),
 * built under `BASE=/shelf/` and checked in the HTML a reader gets: every page type, math,
 * topics with reasons, organisations, pagination, notes and BibTeX.
 */
import { beforeAll, describe, expect, it, inject } from 'vitest';
import { existsSync, readFileSync, readdirSync } from 'node:fs';
import path from 'node:path';
import { gunzipSync } from 'node:zlib';
import { parse, type HTMLElement } from 'node-html-parser';
import { htmlFiles, page, squash } from '../support/html.ts';
import { fixturePapers, GENERATED, IDS, NEWEST } from '../fixtures/site/papers.ts';
import type { Paper } from '../../src/schemas/paper.ts';

const dist = inject('fixtureDistDir');
const BASE = '/shelf/';
const papers = fixturePapers();
const byId = new Map(papers.map((p) => [p.id, p]));

/** The paper ids a list page links to from its cards, in order. */
function cardIds(doc: HTMLElement): string[] {
  return doc
    .querySelectorAll('main ol > li article h2 a, main ol > li article h3 a')
    .map((a) => a.getAttribute('href')!.split('/').at(-2)!);
}

/** Newest publication first, ties by id: the order topic and org pages promise. */
function newestFirst(list: Paper[]): string[] {
  return [...list].sort((a, b) => (a.published < b.published ? 1 : a.published > b.published ? -1 : a.id < b.id ? -1 : 1)).map((p) => p.id);
}

describe('fixture site: topics', () => {
  const inTopic = (slug: string) => papers.filter((p) => p.topics.some((t) => t.slug === slug));

  it('lists every topic with its count and a trend line; an empty topic says so', () => {
    const doc = page(dist, 'topics/');
    const rows = doc.querySelectorAll('main li[data-topic]');
    expect(rows.map((r) => r.getAttribute('data-topic')).sort()).toEqual(['empty-topic', 'llm-inference', 'math-reasoning']);
    for (const row of rows) {
      const slug = row.getAttribute('data-topic')!;
      const count = inTopic(slug).length;
      expect(row.querySelector('[data-count]')!.getAttribute('data-count'), slug).toBe(String(count));
      expect(row.querySelector(`a[href="${BASE}topics/${slug}/"]`), slug).not.toBeNull();
      const svg = row.querySelector('svg[role="img"]');
      if (slug === 'llm-inference') {
        expect(svg!.getAttribute('aria-label')).toContain(`${count} papers`);
        expect(svg!.querySelector('polyline')).not.toBeNull();
      }
      if (count === 0) {
        expect(svg).toBeNull();
        expect(squash(row.textContent)).toContain('no papers yet');
      }
    }
    // Most papers first.
    expect(rows.map((r) => r.getAttribute('data-topic'))[0]).toBe('llm-inference');
  });

  it('has an RSS feed per topic with only that topic’s papers, linked from the topic page', () => {
    const xml = readFileSync(path.join(dist, 'topics/math-reasoning/feed.xml'), 'utf8');
    const links = [...xml.matchAll(/<item>[\s\S]*?<link>([^<]*)<\/link>/g)].map((m) => m[1]!);
    const expected = inTopic('math-reasoning').map((p) => `https://example.org${BASE}papers/${p.id}/`);
    expect(links.length).toBeGreaterThan(0);
    expect(new Set(links)).toEqual(new Set(expected));
    const topicPage = page(dist, 'topics/math-reasoning/');
    const alternates = topicPage.querySelectorAll('link[rel="alternate"][type="application/rss+xml"]').map((l) => l.getAttribute('href'));
    expect(alternates).toEqual([`${BASE}feed.xml`, `${BASE}topics/math-reasoning/feed.xml`]);
    expect(topicPage.querySelector('a[data-topic-feed]')!.getAttribute('href')).toBe(`${BASE}topics/math-reasoning/feed.xml`);
    // An empty topic still has a valid, empty feed (subscribing early works).
    expect(readFileSync(path.join(dist, 'topics/empty-topic/feed.xml'), 'utf8')).not.toContain('<item>');
  });

  it(`shows the newest 50 of a topic of ${GENERATED + 3} papers first, and numbers its pages of 50 from the oldest`, () => {
    const expected = newestFirst(inTopic('llm-inference'));
    expect(expected.length).toBeGreaterThan(100);
    expect(expected.length).toBeLessThanOrEqual(150);
    const front = page(dist, 'topics/llm-inference/');
    expect(cardIds(front)).toEqual(expected.slice(0, 50));
    // Page n holds papers (n − 1)·50 + 1 … n·50 counted from the oldest, newest first: each paper
    // on one numbered page, and a full page keeps its papers when newer ones arrive.
    const oldestFirst = [...expected].reverse();
    const pages = [1, 2, 3].map((n) => page(dist, `topics/llm-inference/${n}/`));
    expect(pages.map(cardIds)).toEqual([1, 2, 3].map((n) => oldestFirst.slice((n - 1) * 50, n * 50).reverse()));
    expect(existsSync(path.join(dist, 'topics/llm-inference/4/index.html'))).toBe(false);
    // The list's numbers are those positions, counted down (the newest paper has the highest).
    const list = (d: HTMLElement) => d.querySelector('main ol.list')!;
    expect([front, ...pages].map((d) => [list(d).getAttribute('start'), list(d).hasAttribute('reversed')])).toEqual([
      [String(expected.length), true],
      ['50', true],
      ['100', true],
      [String(expected.length), true],
    ]);
    expect(squash(pages[1]!.querySelector('main')!.textContent)).toContain('Papers 51–100, counted from the oldest; newest first.');
    // The pager: Newer and Older, the front page as "Newest", the current page marked, every link under the base.
    const pager = (d: HTMLElement) => d.querySelector('nav[data-pagination]')!;
    const at = (d: HTMLElement, sel: string) => pager(d).querySelector(sel)?.getAttribute('href') ?? null;
    const topic = `${BASE}topics/llm-inference/`;
    expect(pager(pages[1]!).querySelector('[aria-current="page"]')!.textContent.trim()).toBe('2');
    expect([front, ...pages].map((d) => [at(d, 'a[rel="prev"]'), at(d, 'a[rel="next"]')])).toEqual([
      [null, `${topic}2/`],
      [`${topic}2/`, null],
      [`${topic}3/`, `${topic}1/`],
      [topic, `${topic}2/`],
    ]);
    expect(pager(front).querySelector('[aria-current="page"]')!.textContent.trim()).toBe('Newest');
    expect(pager(pages[0]!).querySelector('a[rel="prev"]')!.getAttribute('aria-label')).toBe('Newer papers');
    expect(
      pager(pages[0]!)
        .querySelectorAll('a')
        .map((a) => [a.textContent.trim(), a.getAttribute('href')]),
    ).toEqual([
      ['← Newer', `${topic}2/`],
      ['Newest', topic],
      ['2', `${topic}2/`],
      ['1', `${topic}1/`],
    ]);
    expect(squash(pages[2]!.querySelector('title')!.textContent)).toContain('(page 3)');
    // A full numbered page names no count and no last page (its pager above links Newest, 2 and 1 only): it stays the same as papers arrive.
    expect(squash(pages[0]!.querySelector('title')!.textContent)).toMatch(/\(page 1\)/);
    // The topic's trend charts (papers and median upvotes per month) are on its front page only:
    // they describe the whole topic, and a big topic has 150 pages (issue 9).
    expect([front, ...pages].map((d) => d.querySelectorAll('main figure svg[role="img"]').length)).toEqual([2, 0, 0, 0]);
  });

  it('gives a topic without papers a page that says so, and no pager to a topic of one page', () => {
    const empty = page(dist, 'topics/empty-topic/');
    expect(squash(empty.querySelector('h1')!.textContent)).toBe('Quantum gardening');
    expect(empty.querySelector('[data-empty]')).not.toBeNull();
    expect(page(dist, 'topics/math-reasoning/').querySelector('nav[data-pagination]')).toBeNull();
    expect(cardIds(page(dist, 'topics/math-reasoning/'))).toEqual([IDS.math]);
  });
});

describe('fixture site: the paper page', () => {
  let doc: HTMLElement;
  let article: HTMLElement;
  beforeAll(() => {
    doc = page(dist, `papers/${IDS.math}/`);
    article = doc.querySelector('article')!;
  });

  it('lists the API keywords, escaped, inside the article', () => {
    const items = article.querySelectorAll('[data-keywords] li').map((li) => li.textContent);
    expect(items).toEqual(['linear attention', 'draft model', '<b>kv</b> cache']);
    expect(article.querySelector('[data-keywords] b')).toBeNull();
    expect(page(dist, `papers/${IDS.currency}/`).querySelector('[data-keywords]')).toBeNull();
  });

  it('renders math in the title and abstract with KaTeX and links KaTeX’s stylesheet from the base', () => {
    expect(doc.querySelector('h1 .katex')).not.toBeNull();
    expect(doc.querySelector('h1 annotation')!.textContent).toBe('\\mathcal{O}(n)');
    expect(article.querySelectorAll('section[data-abstract] .katex').length).toBeGreaterThanOrEqual(3);
    expect(article.querySelector('.katex-display annotation')!.textContent).toBe('\\sum_{i=1}^{n} x_i \\le C');
    const link = doc.querySelector('link[data-katex-css]')!;
    expect(link.getAttribute('href')).toBe(`${BASE}katex/katex.min.css`);
    const css = readFileSync(path.join(dist, 'katex/katex.min.css'), 'utf8');
    // Every font the stylesheet names was copied beside it.
    const fonts = [...css.matchAll(/url\((fonts\/[^)]+)\)/g)].map((m) => m[1]!);
    expect(fonts.length).toBeGreaterThan(10);
    for (const font of fonts) expect(existsSync(path.join(dist, 'katex', font)), font).toBe(true);
    // The <title> reads as text, not KaTeX markup (the search title is the record's: src/site/search/records.test.ts).
    expect(squash(doc.querySelector('title')!.textContent)).toBe('Linear \\mathcal{O}(n) Attention for Speculative Decoding · Papershelf');
  });

  it('shows a formula KaTeX rejects as its source, and links URLs next to math', () => {
    expect(article.querySelector('code.math-error')!.textContent).toBe('$\\notacommand{x}$');
    expect(article.querySelectorAll('.katex annotation').map((a) => a.textContent)).not.toContain('\\notacommand{x}');
    const abstractLinks = article.querySelectorAll('section[data-abstract] a').map((a) => a.getAttribute('href'));
    expect(abstractLinks).toContain('https://github.com/fixture/linear-attn');
  });

  it('shows each topic as a link with the reasons it matched', () => {
    const items = article.querySelectorAll('ul.topics > li');
    expect(items.map((li) => li.querySelector('a')!.getAttribute('href'))).toEqual(
      ['llm-inference', 'math-reasoning'].map((slug) => `${BASE}topics/${slug}/`),
    );
    for (const match of byId.get(IDS.math)!.topics) {
      const li = items.find((item) => item.querySelector('a')!.getAttribute('href') === `${BASE}topics/${match.slug}/`)!;
      const reasons = squash(li.querySelector('span')!.textContent);
      // One compact line per topic (site/view/reasons.ts): each place named once, every phrase and count kept.
      for (const reason of match.reasons) expect(reasons).toContain(reason.match(/"(.*)"/)![1]);
    }
    const [inference, math] = items.map((li) => squash(li.querySelector('span')!.textContent));
    expect(inference).toBe('Why: title "speculative decoding"');
    expect(math).toBe('Why: keywords "theorem proving"; abstract "bound" ×2; keywords "</span><b>kv</b> & co"');
    // The markup in a reason is text, not an element.
    expect(article.querySelector('ul.topics b')).toBeNull();
  });

  it('merges in the hand-written note, with its Aside component rendered', () => {
    const note = article.querySelector('[data-note]')!;
    expect(squash(note.textContent)).toContain('The fixture note for the linear-attention paper.');
    expect(note.querySelector('strong')!.textContent).toBe('fixture note');
    const aside = note.querySelector('[data-aside="tip"][role="note"]')!;
    expect(squash(aside.textContent)).toContain('Fixture aside');
    expect(doc.querySelectorAll('[data-note]')).toHaveLength(1);
    // Math in a note is rendered by remark-math + rehype-katex, and brings the stylesheet.
    const mathNote = page(dist, `papers/${IDS.upvotedOld}/`);
    expect(mathNote.querySelector('[data-note] .katex annotation')!.textContent).toBe('\\mathcal{L} = -\\log p(x)');
    expect(mathNote.querySelector('link[data-katex-css]')).not.toBeNull();
    // Papers without a note have no note section.
    expect(page(dist, `papers/${IDS.caseOrg}/`).querySelector('[data-note]')).toBeNull();
  });

  it('has the outbound links, a BibTeX entry readable without JS and a copy button only for JS', () => {
    const hrefs = article.querySelectorAll('ul.links a').map((a) => a.getAttribute('href'));
    expect(hrefs).toEqual(
      expect.arrayContaining([
        'https://arxiv.org/abs/2401.04558',
        'https://arxiv.org/pdf/2401.04558',
        'https://huggingface.co/papers/2401.04558',
        'https://github.com/fixture/linear-attn',
        'https://linear-attn.example.org',
      ]),
    );
    // node-html-parser keeps <pre> content raw: parse it once more to read it as text.
    const bib = parse(article.querySelector('pre#bibtex')!.textContent).textContent;
    expect(bib).toMatch(/^@misc\{lovelace2024linear,/);
    expect(bib).toContain('eprint = {2401.04558}');
    expect(bib).toContain('author = {Ada Lovelace and Alan Turing}');
    // No copy button in the page itself: public/site.js makes it where the Clipboard API is (tests/browser/a11y.test.ts).
    expect(article.querySelector('button')).toBeNull();
    // No arXiv id, no BibTeX.
    expect(page(dist, `papers/${IDS.currency}/`).querySelector('pre#bibtex')).toBeNull();
  });

  it('links the organisation byline to its page', () => {
    expect(article.querySelector('a[href$="/orgs/nvidia/"]')!.getAttribute('href')).toBe(`${BASE}orgs/nvidia/`);
  });

  it('lists up to five related papers that exist, never itself, ranking the closest first', () => {
    const related = doc.querySelectorAll('[data-related] li a').map((a) => a.getAttribute('href')!.split('/').at(-2)!);
    expect(related.length).toBeGreaterThan(0);
    expect(related.length).toBeLessThanOrEqual(5);
    expect(related).not.toContain(IDS.math);
    for (const id of related) expect(byId.has(id), id).toBe(true);
    // The two other speculative-decoding papers share the most words with it.
    expect(related.slice(0, 2).sort()).toEqual([IDS.caseOrg, IDS.currency].sort());
  });

  it('links the previous and next paper of its first digest, in the digest’s order', () => {
    const neighbours = (id: string) => {
      const nav = page(dist, `papers/${id}/`).querySelector('nav[aria-label^="Papers in the digest of"]');
      const target = (rel: string) => nav?.querySelector(`a[rel="${rel}"]`)?.getAttribute('href')?.split('/').at(-2) ?? null;
      return { label: nav?.getAttribute('aria-label'), prev: target('prev'), next: target('next') };
    };
    // 2026-01-06 lists the currency paper, then the case-variant org paper.
    expect(neighbours(IDS.caseOrg)).toEqual({ label: 'Papers in the digest of 2026-01-06', prev: IDS.currency, next: null });
    expect(neighbours(IDS.currency)).toEqual({ label: 'Papers in the digest of 2026-01-06', prev: null, next: IDS.caseOrg });
    // The script paper's only digest is the newest, after the math paper.
    expect(neighbours(IDS.script)).toMatchObject({ prev: IDS.math, next: null });
  });

  it('leaves prices alone: no KaTeX and no stylesheet on a page without formulas', () => {
    const currency = page(dist, `papers/${IDS.currency}/`);
    expect(squash(currency.querySelector('h1')!.textContent)).toBe('Training a Draft Model for $5 Million');
    expect(squash(currency.querySelector('article')!.textContent)).toContain('It cost $5 million and another $10 per hour');
    expect(currency.querySelector('article .katex')).toBeNull();
  });

  it('escapes digest text everywhere', () => {
    const d = page(dist, `papers/${IDS.script}/`);
    expect(squash(d.querySelector('h1')!.textContent)).toBe('<script>alert(1)</script> Escaping & "Quotes"');
    expect(
      d.querySelectorAll('script').every((s) => !s.textContent.includes('alert(1)') || s.getAttribute('type') === 'application/ld+json'),
    ).toBe(true);
    expect(d.querySelector('article img')).toBeNull();
    expect(d.querySelector('article b')).toBeNull();
  });
});

describe('fixture site: search', () => {
  /** Each indexed page's searchable text by URL, read back from the fragments Pagefind wrote (gzip of "pagefind_dcd" + JSON). */
  function indexedContent(): Map<string, string> {
    const dir = path.join(dist, 'pagefind', 'fragment');
    return new Map(
      readdirSync(dir).map((name) => {
        const fragment = JSON.parse(
          gunzipSync(readFileSync(path.join(dir, name)))
            .subarray(12)
            .toString('utf8'),
        ) as { url: string; content: string };
        return [fragment.url, fragment.content];
      }),
    );
  }

  it("indexes a note's words with its paper, and only there", () => {
    const content = indexedContent();
    expect(content.size).toBe(papers.length);
    const withWords = [...content].filter(([, text]) => text.includes('fixture note for the linear-attention paper'));
    expect(withWords.map(([url]) => url)).toEqual([`/papers/2401.04558/`]);
    // The note's component markup is left out, its text kept; the other note (math) is indexed with its paper.
    expect(withWords[0]![1]).toContain('Notes can use the Aside component');
    expect(withWords[0]![1]).not.toContain('<Aside');
    expect(content.get('/papers/2312.00003/')).toContain('which the abstract never mentions');
  });
});

describe('fixture site: every page', () => {
  const files = htmlFiles(dist);

  it('links KaTeX’s stylesheet exactly on the pages that show a formula', () => {
    let withMath = 0;
    for (const file of files) {
      const d = page(dist, file);
      const hasKatex = d.querySelector('.katex') !== null;
      expect(d.querySelector('link[data-katex-css]') !== null, file).toBe(hasKatex);
      if (hasKatex) withMath++;
    }
    // The math paper, its related papers' pages, its topics, org, digests, home…
    expect(withMath).toBeGreaterThan(5);
    expect(withMath).toBeLessThan(files.length / 2);
  });

  it('has no internal link to a page that was not built', () => {
    const broken = new Set<string>();
    for (const file of files) {
      for (const a of page(dist, file).querySelectorAll('a[href^="/"], link[href^="/"]')) {
        const target = a.getAttribute('href')!.split(/[?#]/)[0]!;
        expect(target.startsWith(BASE), `${file}: ${target}`).toBe(true);
        const rel = target.slice(BASE.length);
        const file2 = path.join(dist, rel, rel === '' || rel.endsWith('/') ? 'index.html' : '');
        if (!existsSync(file2)) broken.add(`${file} → ${target}`);
      }
    }
    expect([...broken]).toEqual([]);
  });

  it('has the five sections in the header nav, the current one marked', () => {
    const nav = page(dist, 'orgs/').querySelector('header nav[aria-label="Main"]')!;
    expect(nav.querySelectorAll('a').map((a) => [squash(a.textContent), a.getAttribute('href')])).toEqual([
      ['Home', BASE],
      ['Topics', `${BASE}topics/`],
      ['Digests', `${BASE}digests/`],
      ['Orgs', `${BASE}orgs/`],
      ['Search', `${BASE}search/`],
    ]);
    expect(squash(nav.querySelector('[aria-current="page"]')!.textContent)).toBe('Orgs');
  });

  it('ships a print stylesheet that hides the chrome and writes out link addresses', () => {
    const css = page(dist, `papers/${IDS.math}/`)
      .querySelectorAll('link[rel="stylesheet"]')
      .map((l) => l.getAttribute('href')!)
      .filter((h) => h.includes('/_astro/'))
      .map((h) => readFileSync(path.join(dist, h.slice(BASE.length)), 'utf8'))
      .join('\n');
    const print = css.slice(css.indexOf('@media print'));
    expect(css).toContain('@media print');
    expect(print).toMatch(/attr\(href\)/);
    expect(print).toMatch(/header[^{}]*\{[^}]*display:\s*none/);
  });
});

describe('fixture site: organisations', () => {
  it('lists every organisation with its count, merging handles that differ only in case', () => {
    const doc = page(dist, 'orgs/');
    const rows = doc
      .querySelectorAll('li[data-org]')
      .map((li) => [li.getAttribute('data-org'), squash(li.querySelector('span')!.textContent)]);
    const nvidia = papers.filter((p) => p.org?.slug === 'nvidia').length;
    expect(rows).toEqual([
      ['nvidia', `${nvidia} papers`],
      ['sjtu-deng-lab', '2 papers'],
    ]);
  });

  it('pages an organisation’s papers newest first and links bylines to it', () => {
    const nvidia = newestFirst(papers.filter((p) => p.org?.slug === 'nvidia'));
    expect(cardIds(page(dist, 'orgs/nvidia/'))).toEqual(nvidia.slice(0, 50));
    const sjtu = page(dist, 'orgs/sjtu-deng-lab/');
    expect(cardIds(sjtu).sort()).toEqual([IDS.currency, IDS.caseOrg].sort());
    expect(sjtu.querySelector(`article a[href="${BASE}orgs/sjtu-deng-lab/"]`)).not.toBeNull();
  });
});

describe('fixture site: digests and home', () => {
  const days = [...new Set(papers.flatMap((p) => p.digests))].sort();

  it('links a digest day to the days either side', () => {
    const doc = page(dist, 'digests/2026-01-06/');
    const nav = doc.querySelector('nav[aria-label="Other digests"]')!;
    const i = days.indexOf('2026-01-06');
    expect(nav.querySelector('a[rel="prev"]')!.getAttribute('href')).toBe(`${BASE}digests/${days[i - 1]}/`);
    expect(nav.querySelector('a[rel="next"]')!.getAttribute('href')).toBe(`${BASE}digests/${days[i + 1]}/`);
    expect(cardIds(doc).sort()).toEqual(
      papers
        .filter((p) => p.digests.includes('2026-01-06'))
        .map((p) => p.id)
        .sort(),
    );
  });

  it('lists every digest day with its paper count on its year’s page, the newest year on /digests/, linking every year', () => {
    const years = [...new Set(days.map((d) => d.slice(0, 4)))].sort().reverse();
    // The fixture spans two years, so the index shows only part of the archive.
    expect(years.length).toBeGreaterThan(1);
    const index = page(dist, 'digests/');
    const yearLinks = index.querySelectorAll('[data-years] a').map((a) => a.getAttribute('href'));
    expect(yearLinks).toEqual(years.map((y) => `${BASE}digests/${y}/`));
    const linkedDays = (doc: HTMLElement) =>
      doc
        .querySelectorAll('main a[href]')
        .map((a) => a.getAttribute('href')!.match(/\/digests\/(\d{4}-\d{2}-\d{2})\/$/)?.[1])
        .filter(Boolean);
    expect(linkedDays(index)).toEqual(days.filter((d) => d.startsWith(years[0]!)).reverse());
    for (const year of years) {
      const doc = page(dist, `digests/${year}/`);
      expect(squash(doc.querySelector('h1')!.textContent)).toBe(`Digests of ${year}`);
      expect(doc.querySelector(`[data-years] a[aria-current="page"]`)!.getAttribute('href')).toBe(`${BASE}digests/${year}/`);
      expect(doc.querySelector('[data-calendar] svg')!.getAttribute('aria-label')).toMatch(new RegExp(`^${year}: `));
      const inYear = days.filter((d) => d.startsWith(year));
      expect(linkedDays(doc)).toEqual([...inYear].reverse());
      for (const day of inYear) {
        const link = doc.querySelector(`a[href="${BASE}digests/${day}/"]`)!;
        const count = papers.filter((p) => p.digests.includes(day)).length;
        expect(squash(link.parentNode!.textContent), day).toContain(`${count} paper${count === 1 ? '' : 's'}`);
      }
    }
    expect(readFileSync(path.join(dist, 'sitemap-0.xml'), 'utf8')).toContain(`https://example.org${BASE}digests/${years.at(-1)}/</loc>`);
  });

  it('shows the latest digest, the week’s most upvoted papers, topics, figures and a weekly chart', () => {
    const home = page(dist, '');
    expect(home.querySelector(`#latest-heading time[datetime="${NEWEST}"]`)).not.toBeNull();
    const upvoted = home.querySelectorAll('[data-upvoted] li a').map((a) => a.getAttribute('href')!.split('/').at(-2));
    // Upvoted papers of the 7 days up to NEWEST, most first; the 999-upvote paper is older.
    expect(upvoted).toEqual([IDS.math, IDS.caseOrg, IDS.currency]);
    const topics = home.querySelectorAll('[data-top-topics] li a').map((a) => squash(a.textContent));
    expect(topics).toEqual([`LLM inference ${GENERATED + 3}`, 'Math & theorem proving 1']);
    const figure = (name: string) => squash(home.querySelector(`[data-figure="${name}"]`)!.textContent);
    expect(figure('papers')).toBe(String(papers.length));
    expect(figure('digests')).toBe(String(days.length));
    expect(figure('organisations')).toBe('2');
    expect(figure('topics')).toBe('2');
    expect(figure('span')).toContain('Oct 1, 2025');
    const chart = home.querySelector('[data-figures] svg[role="img"]')!;
    expect(chart.getAttribute('aria-label')).toContain(`${papers.length} papers`);
    expect(chart.querySelectorAll('rect').length).toBeGreaterThan(10);
  });
});
