/**
 * The demo digest, built as a user builds it (`npm run build`), checked in the HTML a reader gets
 * and in `archive.jsonl`.
 */
import { describe, expect, it, inject, beforeAll } from 'vitest';
import { readFileSync, readdirSync, existsSync, mkdtempSync } from 'node:fs';
import os from 'node:os';
import { gzipSync } from 'node:zlib';
import path from 'node:path';
import { page, htmlFiles, squash } from '../support/html.ts';
import { run } from '../support/run.ts';
import { TEST_BASE } from '../support/repo.ts';
import { archiveRecordSchema, type ArchiveRecord } from '../../src/schemas/archive.ts';

const dist = inject('distDir');
const baseDist = inject('baseDistDir');

function readArchive(dir: string): ArchiveRecord[] {
  return readFileSync(path.join(dir, 'archive.jsonl'), 'utf8')
    .trimEnd()
    .split('\n')
    .map((line) => archiveRecordSchema.parse(JSON.parse(line)));
}

/** Paper pages that are real papers (redirect and shared-slug pages carry `data-permalink`). */
function paperPageIds(dir: string): string[] {
  return readdirSync(path.join(dir, 'papers'), { withFileTypes: true })
    .filter((d) => d.isDirectory() && existsSync(path.join(dir, 'papers', d.name, 'index.html')))
    .map((d) => d.name)
    .filter((id) => page(dir, `papers/${id}/`).querySelector('article:not([data-permalink])'))
    .sort();
}

describe('demo site from the sample digest', () => {
  let archive: ArchiveRecord[];
  beforeAll(() => {
    archive = readArchive(dist);
  });

  it('has one permalink page per paper: 44', () => {
    expect(paperPageIds(dist)).toHaveLength(44);
  });

  it('archive.jsonl has 44 records sorted by id, one per paper page', () => {
    expect(archive).toHaveLength(44);
    const ids = archive.map((r) => r.id);
    expect(ids).toEqual([...ids].sort());
    expect(ids).toEqual(paperPageIds(dist));
    expect(
      archive
        .filter((r) => r.org)
        .map((r) => r.org!.slug)
        .sort(),
    ).toEqual(['furiosa-ai', 'kyutai', 'nvidia']);
    expect(archive.filter((r) => r.comments !== null)).toHaveLength(17);
    expect(new Set(archive.flatMap((r) => r.digests))).toEqual(new Set(['2026-01-08']));
  });

  it('archive.jsonl is byte-identical to what `npm run ingest -- --archive` writes', async () => {
    const tmp = mkdtempSync(path.join(os.tmpdir(), 'papershelf-archive-'));
    const result = await run('npx', [
      'tsx',
      'scripts/ingest.ts',
      'content/digests',
      '--out',
      path.join(tmp, 'papers'),
      '--archive',
      path.join(tmp, 'archive.jsonl'),
      '--quiet',
    ]);
    expect(result.code, result.stderr).toBe(0);
    expect(readFileSync(path.join(tmp, 'archive.jsonl'), 'utf8')).toBe(readFileSync(path.join(dist, 'archive.jsonl'), 'utf8'));
  });

  it('every paper page shows its title, abstract, date and byline', () => {
    for (const record of archive) {
      const doc = page(dist, `papers/${record.id}/`);
      const article = doc.querySelector('article:not([data-permalink])');
      expect(article, record.id).not.toBeNull();
      const text = squash(article!.textContent);
      expect(squash(doc.querySelector('h1')!.textContent), record.id).toBe(squash(record.title));
      // The abstract's text survives whole (links are split into elements, so compare text).
      expect(text, record.id).toContain(squash(record.abstract).slice(0, 200));
      expect(text, record.id).toContain(squash(record.abstract).slice(-120));
      expect(article!.querySelector(`time[datetime="${record.published}"]`), record.id).not.toBeNull();
      const byline = record.org ? record.org.name : `${record.authorCount} author${record.authorCount === 1 ? '' : 's'}`;
      expect(text, record.id).toContain(byline);
      if (record.comments !== null) expect(text, record.id).toMatch(new RegExp(`${record.comments}\\s+comments?`));
    }
  });

  it('repairs LaTeX leftovers in the text a reader sees', () => {
    const videoscan = archive.find((r) => r.title.startsWith('VideoScan'))!;
    const text = squash(page(dist, `papers/${videoscan.id}/`).querySelector('article')!.textContent);
    expect(text).toContain('~5×');
    expect(text).not.toMatch(/\bsim 5times\b/);
  });

  it('makes URLs in abstracts clickable, cleaned of trailing punctuation', () => {
    const withGithub = archive.filter((r) => r.github);
    expect(withGithub.length).toBeGreaterThan(0);
    for (const record of withGithub) {
      const links = page(dist, `papers/${record.id}/`)
        .querySelectorAll('article a')
        .map((a) => a.getAttribute('href'));
      expect(links, record.id).toContain(record.github);
      for (const link of links) expect(link, record.id).not.toMatch(/[.,;)\]}]$/);
    }
  });

  it('lists the digest day in original order and links every paper from the home page', () => {
    const digest = page(dist, 'digests/2026-01-08/');
    const hrefs = digest.querySelectorAll('main a').map((a) => a.getAttribute('href') ?? '');
    const order = hrefs.filter((h) => /^\/papers\/[^/]+\/$/.test(h)).map((h) => h.split('/')[2]);
    const seen = [...new Set(order)];
    expect(seen).toHaveLength(44);
    // The first card of the seed is MusER; the last one is the seed's last title.
    expect(archive.find((r) => r.id === seen[0])!.title).toMatch(/^MusER/);
    const home = page(dist, '');
    const homeLinks = new Set(home.querySelectorAll('a').map((a) => a.getAttribute('href')));
    for (const record of archive) expect(homeLinks.has(record.url), record.id).toBe(true);
  });

  it('has a 404 page, an offline page, and a search index without the HTML-rendering Pagefind UIs', () => {
    expect(existsSync(path.join(dist, '404.html'))).toBe(true);
    expect(existsSync(path.join(dist, 'offline', 'index.html'))).toBe(true);
    const bundle = readdirSync(path.join(dist, 'pagefind'));
    expect(bundle).toEqual(expect.arrayContaining(['pagefind.js', 'pagefind-worker.js', 'wasm.en.pagefind', 'pagefind-entry.json']));
    expect(bundle.filter((f) => /ui|highlight|unknown/.test(f))).toEqual([]);
    // One record per paper in one index (the sample is smaller than a shard), and the vocabulary and
    // sort data named after the index they serve (search/index.json names them).
    const entry = JSON.parse(readFileSync(path.join(dist, 'pagefind', 'pagefind-entry.json'), 'utf8'));
    expect(entry.languages.en.page_count).toBe(readArchive(dist).length);
    const index = JSON.parse(readFileSync(path.join(dist, 'search', 'index.json'), 'utf8'));
    expect(index.shards).toEqual([
      {
        bundle: 'pagefind/',
        hash: entry.languages.en.hash,
        papers: entry.languages.en.page_count,
        sort: `search/sort-${entry.languages.en.hash}.txt`,
      },
    ]);
    expect(index.vocab).toBe(`search/vocab-${index.state}.txt`);
    for (const file of [index.vocab, index.shards[0].sort]) expect(existsSync(path.join(dist, file)), file).toBe(true);
    // Pages carry no Pagefind attributes: search is built from the entries.
    for (const file of htmlFiles(dist)) expect(readFileSync(path.join(dist, file), 'utf8'), file).not.toContain('data-pagefind');
  });

  it('under BASE every internal link, asset and the archive honour the base path', () => {
    const files = htmlFiles(baseDist);
    expect(files.length).toBeGreaterThan(44);
    const bad: string[] = [];
    for (const file of files) {
      const doc = page(baseDist, file);
      for (const el of doc.querySelectorAll('[href], [src]')) {
        const value = el.getAttribute('href') ?? el.getAttribute('src') ?? '';
        if (value.startsWith('/') && !value.startsWith(TEST_BASE) && !value.startsWith('//')) bad.push(`${file}: ${value}`);
      }
    }
    expect(bad).toEqual([]);
    const records = readArchive(baseDist);
    expect(records.every((r) => r.url.startsWith(`${TEST_BASE}papers/`))).toBe(true);
    // The client's base (Pagefind, the vocabulary, the offline list) is compiled in from BASE.
    const scripts = readdirSync(path.join(baseDist, '_astro')).filter((f) => f.endsWith('.js'));
    const engine = scripts
      .map((f) => readFileSync(path.join(baseDist, '_astro', f), 'utf8'))
      .find((s) => s.includes('pagefind/pagefind.js'));
    expect(engine).toContain(TEST_BASE);
    const manifest = JSON.parse(readFileSync(path.join(baseDist, 'offline-manifest.json'), 'utf8'));
    expect(manifest.parts.every((p: string) => !p.startsWith('/'))).toBe(true);
  });

  it('under BASE with small shards, splits the index by time: data-only older bundles named by their hash, all of them in the saved copy', () => {
    const index = JSON.parse(readFileSync(path.join(baseDist, 'search', 'index.json'), 'utf8')) as {
      state: string;
      shards: { bundle: string; hash: string; papers: number; sort: string }[];
    };
    expect(index.shards.length).toBeGreaterThan(1);
    expect(index.shards.reduce((n, s) => n + s.papers, 0)).toBe(readArchive(baseDist).length);
    const saved = readdirSync(path.join(baseDist, 'offline'))
      .filter((f) => f.startsWith('files-'))
      .flatMap((f) => readFileSync(path.join(baseDist, 'offline', f), 'utf8').split('\n'))
      .map((line) => line.split('\t')[0]);
    for (const [i, shard] of index.shards.entries()) {
      expect(shard.bundle).toBe(i === 0 ? 'pagefind/' : `pagefind/older-${shard.hash}/`);
      const entry = JSON.parse(readFileSync(path.join(baseDist, shard.bundle, 'pagefind-entry.json'), 'utf8'));
      expect(entry.languages.en.hash).toBe(shard.hash);
      expect(entry.languages.en.page_count).toBe(shard.papers);
      if (i > 0) expect(readdirSync(path.join(baseDist, shard.bundle)).filter((f) => /\.js$|wasm/.test(f))).toEqual([]);
      expect(saved).toContain(`${shard.bundle}pagefind-entry.json`);
      expect(saved).toContain(`${shard.bundle}pagefind.${shard.hash}.pf_meta`);
      expect(saved).toContain(shard.sort);
    }
    // Newest first: every paper of a shard is at least as new as every paper of the shards after it.
    const dates = index.shards.map((s) =>
      readFileSync(path.join(baseDist, s.sort), 'utf8')
        .split('\n')
        .filter((l) => /^\d{4}-/.test(l)),
    );
    for (let i = 1; i < dates.length; i++) expect(dates[i - 1]!.at(-1)! >= dates[i]![0]!).toBe(true);
    // The service worker precaches the one unhashed file that names them.
    expect(readFileSync(path.join(baseDist, 'sw.js'), 'utf8')).toContain(`${TEST_BASE}search/index.json`);
  });
});

/** `<link>` of each RSS item (node-html-parser would read `<link>` as the void HTML element). */
function feedLinks(dir: string): string[] {
  const xml = readFileSync(path.join(dir, 'feed.xml'), 'utf8');
  return [...xml.matchAll(/<item>[\s\S]*?<link>([^<]*)<\/link>[\s\S]*?<\/item>/g)].map((m) => m[1]!);
}

describe('feeds and sitemap', () => {
  it('feed.xml links each paper permalink and escapes abstracts', () => {
    const xml = readFileSync(path.join(dist, 'feed.xml'), 'utf8');
    const links = feedLinks(dist);
    const records = readArchive(dist);
    expect(links).toHaveLength(records.length);
    for (const record of records) expect(links).toContain(`http://localhost:4321${record.url}`);
    // Abstracts with & or < are escaped, never raw markup.
    expect(xml).not.toMatch(/<description>[^<]*<(?!\/description>)/);
  });

  it('under BASE the feed and sitemap carry the site URL and base path', () => {
    const links = feedLinks(baseDist);
    expect(links.length).toBeGreaterThan(0);
    for (const link of links) expect(link.startsWith(`https://example.org${TEST_BASE}papers/`)).toBe(true);
    const sitemap = readFileSync(path.join(baseDist, 'sitemap-0.xml'), 'utf8');
    const locs = [...sitemap.matchAll(/<loc>([^<]+)<\/loc>/g)].map((m) => m[1]!);
    for (const record of readArchive(baseDist)) expect(locs).toContain(`https://example.org${record.url}`);
    expect(locs.every((l) => l.startsWith(`https://example.org${TEST_BASE}`))).toBe(true);
  });

  it('robots.txt names the sitemap by its absolute URL (pages carry no rel="sitemap" link)', () => {
    expect(readFileSync(path.join(baseDist, 'robots.txt'), 'utf8')).toBe(
      `User-agent: *\nAllow: /\nSitemap: https://example.org${TEST_BASE}sitemap-index.xml\n`,
    );
    expect(existsSync(path.join(baseDist, 'sitemap-index.xml'))).toBe(true);
    expect(page(dist, '').querySelector('link[rel="sitemap"]')).toBeNull();
  });

  it('the service worker precaches only the shell, under the base path, and falls back to the offline page', () => {
    const sw = readFileSync(path.join(baseDist, 'sw.js'), 'utf8');
    expect(sw).toContain(`"${TEST_BASE}pagefind/pagefind.js"`);
    expect(sw).toContain(`"${TEST_BASE}index.html"`);
    expect(sw).toContain(`"${TEST_BASE}offline/index.html"`);
    // Every page's shared script (theme toggle, copy BibTeX) works offline from the first visit.
    expect(sw).toContain(`"${TEST_BASE}site.js"`);
    const urls = [...sw.matchAll(/url:"([^"]+)"/g)].map((m) => m[1]!);
    expect(urls.length).toBeGreaterThan(5);
    expect(urls.length).toBeLessThan(30);
    // No page and no index chunk: sw.js does not grow with the archive.
    expect(urls.filter((u) => u.includes('/papers/') || /\.pf_/.test(u))).toEqual([]);
    expect(sw.length).toBeLessThan(20_000);
  });
});

describe('size budget', () => {
  it('a paper page needs no client JavaScript to read: the shared deferred site.js, the small search-hotkeys module, a tiny inline snippet', () => {
    for (const record of readArchive(dist)) {
      const html = readFileSync(path.join(dist, 'papers', record.id, 'index.html'), 'utf8');
      const doc = page(dist, `papers/${record.id}/`);
      // Two script files, both cached once instead of repeated in every page, neither blocking reading:
      // public/site.js (theme toggle, copy BibTeX), deferred, and the search-hotkeys loader (a module,
      // deferred by nature) under 0.8 kB gzip; the search dialog it opens loads only when used.
      const files = doc.querySelectorAll('script[src]');
      expect(
        files.map((s) => [s.getAttribute('src'), s.hasAttribute('defer') ? 'defer' : s.getAttribute('type')]),
        record.id,
      ).toEqual([
        ['/site.js', 'defer'],
        [expect.stringMatching(/^\/_astro\/.+\.js$/), 'module'],
      ]);
      const loader = readFileSync(path.join(dist, files[1]!.getAttribute('src')!), 'utf8');
      expect(loader).toContain('data-search-open');
      expect(gzipSync(loader).length).toBeLessThan(800);
      const inline = doc
        .querySelectorAll('script:not([type="application/ld+json"]):not([src])')
        .reduce((n, s) => n + s.textContent.length, 0);
      // Theme-before-paint and the service-worker registration; nothing else repeats on every page.
      expect(inline, record.id).toBeLessThan(700);
      expect(html.length, record.id).toBeLessThan(60_000);
    }
  });

  it('the shared script exists and stays small', () => {
    expect(readFileSync(path.join(dist, 'site.js'), 'utf8').length).toBeLessThan(3000);
  });

  it('the median paper page weighs at most 8 kB of raw HTML', () => {
    // Issue 9: each byte of a paper page counts 50,000 times against GitHub Pages' 1 GB.
    // The whole page counts (search indexes records, not page attributes: issue 8).
    const sizes = readArchive(dist)
      .map((record) => Buffer.byteLength(readFileSync(path.join(dist, 'papers', record.id, 'index.html'), 'utf8')))
      .sort((a, b) => a - b);
    expect(sizes[Math.floor(sizes.length / 2)]).toBeLessThan(8000);
  });
});
