/**
 * Sorting from the lazily loaded sort data, and the index split by time (src/site/search/shards.ts):
 * the demo site at the root has one index, the base-path build has several shards (the e2e setup
 * sets PAPERSHELF_SEARCH_SHARD). Real Chromium against the served `dist/`.
 */
import { readFileSync } from 'node:fs';
import path from 'node:path';
import { describe, expect, it } from 'vitest';
import type { Page } from 'playwright-core';
import { DEMO_SITES, useServedSite } from '../support/site.ts';

interface Paper {
  url: string;
  title: string;
  published: string;
  upvotes: number | null;
}

const archive = (dir: string): Paper[] =>
  readFileSync(path.join(dir, 'archive.jsonl'), 'utf8')
    .trimEnd()
    .split('\n')
    .map((line) => JSON.parse(line) as Paper);

interface SearchIndexFile {
  shards: { bundle: string; papers: number; sort: string }[];
}

/** How many different `pf_meta` files were fetched (the merged instance asks for the newest one again, from the cache). */
const metas = (fetched: string[]) => new Set(fetched.filter((p) => p.endsWith('.pf_meta'))).size;

/** Waits for the results over every shard (not the newest papers' first ones). */
async function complete(page: Page) {
  await page.locator('[data-status]', { hasText: /\d+ papers? for/ }).waitFor({ timeout: 20_000 });
  await page.waitForFunction(() => !document.querySelector('[data-status]')?.textContent?.includes('Searching older'), null, {
    timeout: 20_000,
  });
}

/** Every result's path (as archive.jsonl's `url`, base included), clicking "Show more" until all are shown. */
async function allResults(page: Page): Promise<string[]> {
  const more = page.locator('[data-more]');
  while (await more.isVisible()) {
    const before = await page.locator('[data-results] li').count();
    await more.click();
    await expect.poll(() => page.locator('[data-results] li').count(), { timeout: 10_000 }).toBeGreaterThan(before);
  }
  return page.locator('[data-results] li a').evaluateAll((as) => as.map((a) => new URL((a as HTMLAnchorElement).href).pathname));
}

describe.each(DEMO_SITES)('sort and shards ($label)', ({ dir, base }) => {
  const site = useServedSite(dir, base);

  it('sorts every result by date, then by upvotes, from the sort data: the newest and the most upvoted paper come first', async () => {
    const papers = new Map(archive(dir()).map((p) => [p.url, p]));
    const page = await site.browser.newPage();
    const fetched: string[] = [];
    page.on('request', (r) => fetched.push(new URL(r.url()).pathname));
    // "model" matches most of the demo archive, so the list spans every shard.
    await page.goto(`${site.server.url}search/?q=model`);
    await complete(page);
    const relevance = await allResults(page);
    expect(relevance.length).toBeGreaterThan(10);
    // Relevance needs no sort data.
    expect(fetched.filter((p) => p.includes('/search/sort-'))).toEqual([]);

    for (const [sort, key] of [
      ['newest', (p: Paper) => p.published],
      ['upvotes', (p: Paper) => String(p.upvotes ?? 0).padStart(7, '0')],
    ] as const) {
      await page.goto(`${site.server.url}search/?q=model&sort=${sort}`);
      await complete(page);
      const sorted = await allResults(page);
      // The same papers, in descending order of the key, as the archive (not the index) records them.
      expect([...sorted].sort()).toEqual([...relevance].sort());
      const keys = sorted.map((url) => key(papers.get(url)!));
      expect(keys).toEqual([...keys].sort().reverse());
      const best = [...relevance].sort((a, b) => (key(papers.get(a)!) < key(papers.get(b)!) ? 1 : -1))[0]!;
      expect(key(papers.get(sorted[0]!)!)).toBe(key(papers.get(best)!));
    }
    expect(fetched.some((p) => p.includes('/search/sort-'))).toBe(true);
  });

  it('finds a paper of the oldest shard, and the filter counts are the sums over every shard', async () => {
    const papers = archive(dir());
    const index = JSON.parse(readFileSync(path.join(dir(), 'search', 'index.json'), 'utf8')) as SearchIndexFile;
    expect(index.shards.reduce((n, s) => n + s.papers, 0)).toBe(papers.length);
    const oldest = [...papers].sort((a, b) => (a.published < b.published ? -1 : 1))[0]!;
    const page = await site.browser.newPage();
    const fetched: string[] = [];
    page.on('request', (r) => fetched.push(new URL(r.url()).pathname));
    await page.goto(`${site.server.url}search/?q=${encodeURIComponent(oldest.title.replace(/[^\p{L}\p{N} ]+/gu, ' '))}`);
    await complete(page);
    const top = (await allResults(page)).slice(0, 3);
    expect(top).toContain(oldest.url);
    // One WASM for every shard (the merged instance asks for the same file again: the browser's cache answers); every shard's meta was loaded.
    expect([...new Set(fetched.filter((p) => p.endsWith('.pagefind')))]).toEqual([`${base}pagefind/wasm.en.pagefind`]);
    expect(metas(fetched)).toBe(index.shards.length);

    // Counts over the whole archive (the panel opened before any search) and within a search's results.
    const byYear = (urls: Iterable<string>) => {
      const years = new Map<string, number>();
      const published = new Map(papers.map((p) => [p.url, p.published]));
      for (const url of urls) years.set(published.get(url)!.slice(0, 4), (years.get(published.get(url)!.slice(0, 4)) ?? 0) + 1);
      return years;
    };
    const shownCounts = async (years: Map<string, number>) => {
      for (const [year, count] of years) {
        await expect
          .poll(() => page.locator('[data-filter-panel] label', { hasText: new RegExp(`^\\s*${year}`) }).innerText(), { timeout: 10_000 })
          .toMatch(new RegExp(`\\(${count}\\)`));
      }
    };
    const fresh = await site.browser.newPage();
    await fresh.goto(`${site.server.url}search/`);
    await fresh.locator('[data-filters] summary').click();
    await fresh.locator('[data-filter-panel] fieldset').first().waitFor({ timeout: 15_000 });
    const totals = byYear(papers.map((p) => p.url));
    for (const [year, count] of totals) {
      await expect(fresh.locator('[data-filter-panel] label', { hasText: new RegExp(`^\\s*${year}`) }).innerText()).resolves.toMatch(
        new RegExp(`\\(${count}\\)`),
      );
    }
    await page.goto(`${site.server.url}search/?q=model`);
    await complete(page);
    const results = await allResults(page);
    await page.locator('[data-filters] summary').click();
    await shownCounts(byYear(results));
  });

  it.runIf(base !== '/')(
    "fetches every shard's meta ahead on the search page, and a typed query gives the same answer, in the same order, as a link (several shards)",
    async () => {
      const index = JSON.parse(readFileSync(path.join(dir(), 'search', 'index.json'), 'utf8')) as SearchIndexFile;
      expect(index.shards.length).toBeGreaterThan(1);
      for (const sort of ['relevance', 'newest'] as const) {
        // Opened as a link: the newest papers' results first, the older shards merged after them.
        const linked = await site.browser.newPage();
        const linkFetched: string[] = [];
        linked.on('request', (r) => linkFetched.push(new URL(r.url()).pathname));
        await linked.goto(`${site.server.url}search/?q=model${sort === 'relevance' ? '' : `&sort=${sort}`}`);
        await complete(linked);
        const status = await linked.locator('[data-status]').innerText();
        const expected = await allResults(linked);
        expect(expected.length).toBeGreaterThan(10);
        // Merged into the instance that gave the first results: each file asked for once, one WASM and
        // every shard's entry and meta. A second instance would ask for the WASM and the newest
        // papers' entry and meta again, and inflate and decode them again; a shard merged twice, its own.
        for (const suffix of ['.pagefind', '/pagefind-entry.json', '.pf_meta']) {
          const files = linkFetched.filter((p) => p.endsWith(suffix));
          expect(files).toEqual([...new Set(files)]);
          expect(files).toHaveLength(suffix === '.pagefind' ? 1 : index.shards.length);
        }
        await linked.close();

        // Typed on the idle search page: every shard's entry and meta were fetched before the first keystroke.
        const page = await site.browser.newPage();
        const fetched: string[] = [];
        page.on('request', (r) => fetched.push(new URL(r.url()).pathname));
        await page.goto(`${site.server.url}search/`);
        await expect.poll(() => metas(fetched), { timeout: 15_000 }).toBe(index.shards.length);
        await expect.poll(() => new Set(fetched.filter((p) => p.endsWith('/pagefind-entry.json'))).size).toBe(index.shards.length);
        // Merged ahead in a second instance: the first search still shows the newest papers' results first.
        if (sort !== 'relevance') await page.locator('main select[name=sort]').selectOption(sort);
        await page.locator('main input[name=q]').fill('model');
        await complete(page);
        await expect(page.locator('[data-status]').innerText()).resolves.toBe(status);
        await expect(allResults(page)).resolves.toEqual(expected);
        await page.close();
      }
    },
  );

  it.runIf(base !== '/')(
    'a link whose older shard failed to load once still gets the complete answer, each shard merged once (several shards)',
    async () => {
      const url = `${site.server.url}search/?q=model`;
      const page = await site.browser.newPage();
      await page.goto(url);
      await complete(page);
      const status = await page.locator('[data-status]').innerText();
      const expected = await allResults(page);
      await page.close();

      // The first older shard's entry fails once, after the first results: the merge fails, the
      // engine starts afresh and merges again; a shard merged twice would list its papers twice.
      const failing = await site.browser.newPage();
      let failed = 0;
      await failing.route(/\/pagefind\/older-\w+\/pagefind-entry\.json/, (route) => (failed++ === 0 ? route.abort() : route.continue()));
      await failing.goto(url);
      await complete(failing);
      expect(failed).toBeGreaterThan(1);
      await expect(failing.locator('[data-status]').innerText()).resolves.toBe(status);
      await expect(allResults(failing)).resolves.toEqual(expected);
      await failing.close();
    },
  );

  it.runIf(base !== '/')(
    "a pointer over the header search link warms the newest papers only; opening the dialog fetches every shard's meta",
    async () => {
      const index = JSON.parse(readFileSync(path.join(dir(), 'search', 'index.json'), 'utf8')) as SearchIndexFile;
      const page = await site.browser.newPage();
      const fetched: string[] = [];
      page.on('request', (r) => fetched.push(new URL(r.url()).pathname));
      await page.goto(site.server.url);
      const link = page.locator('header [data-search-open]').first();
      await link.hover();
      await expect.poll(() => fetched.filter((p) => p.endsWith('.pf_meta')).length, { timeout: 15_000 }).toBe(1);
      await page.waitForTimeout(1000);
      expect(fetched.filter((p) => p.includes('/older-'))).toEqual([]);
      await link.click();
      await expect.poll(() => metas(fetched), { timeout: 15_000 }).toBe(index.shards.length);
      await page.close();
    },
  );

  it.runIf(base !== '/')('shows the newest papers first and says older ones are being searched (base path: several shards)', async () => {
    const index = JSON.parse(readFileSync(path.join(dir(), 'search', 'index.json'), 'utf8')) as SearchIndexFile;
    expect(index.shards.length).toBeGreaterThan(1);
    expect(index.shards[0]!.bundle).toBe('pagefind/');
    const page = await site.browser.newPage();
    // Hold the older shards' entries: the first results come from the newest papers alone.
    let release: () => void = () => {};
    const held = new Promise<void>((r) => (release = r));
    await page.route(/\/pagefind\/older-\w+\/pagefind-entry\.json/, async (route) => {
      await held;
      await route.continue();
    });
    await page.goto(`${site.server.url}search/?q=model`);
    await page.locator('[data-status]', { hasText: /among the newest papers\. Searching older papers…/ }).waitFor({ timeout: 20_000 });
    const first = Number((await page.locator('[data-status]').innerText()).match(/\d+/)![0]);
    release();
    await complete(page);
    const all = Number((await page.locator('[data-status]').innerText()).match(/\d+/)![0]);
    expect(all).toBeGreaterThan(first);
  });
});
