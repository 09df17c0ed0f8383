/**
 * Search as a reader uses it: real Chromium against the served `dist/`, at the root and under a
 * GitHub Pages base path. Results as you type, the URL state (reload, back), "Did you mean".
 */
import { describe, expect, it } from 'vitest';
import { DEMO_SITES, useServedSite } from '../support/site.ts';
import type { Page } from 'playwright-core';

/** Titles of the results shown, in order. */
const titles = (page: Page) => page.locator('[data-results] .search-title').allInnerTexts();

/** The status line while a sharded index has answered from its newest papers only (more results are coming). */
const PARTIAL = 'Searching older papers';

/**
 * Waits until the status line reports a finished search (not the first answer of a sharded index)
 * and every row of its first page is in (rows show as they arrive).
 */
async function settled(page: Page) {
  await page.locator('[data-status]', { hasText: /\d+ papers?/, hasNotText: PARTIAL }).waitFor({ timeout: 15_000 });
  await page.locator('[data-results]:not([aria-busy="true"])').waitFor({ state: 'attached', timeout: 15_000 });
}

describe.each(DEMO_SITES)('search on /search/ ($label)', ({ dir, base }) => {
  const site = useServedSite(dir, base);

  it('shows results as you type, with title, byline, date and topics, and opens the permalink', async () => {
    const page = await site.browser.newPage();
    const errors: string[] = [];
    page.on('pageerror', (e) => errors.push(e.message));
    await page.goto(`${site.server.url}search/`);
    const input = page.locator('main input[name=q]');
    await input.pressSequentially('speculative decoding', { delay: 20 });
    const result = page.locator('[data-results] li').filter({ has: page.locator('.search-title', { hasText: 'Medusa' }) });
    await result.waitFor({ timeout: 15_000 });
    const text = await result.innerText();
    expect(text).toMatch(/authors · \d{4}-\d{2}-\d{2}/);
    expect(text).toContain('Speculative decoding');
    // Typing replaced the history entry with the query: a reload shows the same search.
    expect(new URL(page.url()).searchParams.get('q')).toBe('speculative decoding');
    await result.locator('a').click();
    await page.waitForURL(/\/papers\/[^/]+\/$/);
    expect(new URL(page.url()).pathname.startsWith(`${base}papers/`)).toBe(true);
    await expect(page.locator('h1').textContent()).resolves.toMatch(/^Medusa: Simple LLM Inference Acceleration/);
    expect(errors).toEqual([]);
  });

  it('pre-fills the search from ?q= (the header form works without JavaScript)', async () => {
    const page = await site.browser.newPage();
    await page.goto(`${site.server.url}search/?q=${encodeURIComponent('speculative decoding')}`);
    await page.locator('[data-results] li', { hasText: 'Medusa' }).first().waitFor({ timeout: 15_000 });
    await expect(page.locator('main input[name=q]').inputValue()).resolves.toBe('speculative decoding');
  });

  it('shows the first result while the other results are still loading, then the count with all of them', async () => {
    const page = await site.browser.newPage();
    // Only the first fragment asked for (the first result's, asked first) arrives; the others wait.
    let release = () => {};
    const held = new Promise<void>((resolve) => (release = resolve));
    let asked = 0;
    await page.route(/\/pagefind\/fragment\/[^/]+\.pf_fragment$/, async (route) => {
      if (asked++ > 0) await held;
      await route.continue();
    });
    await page.goto(`${site.server.url}search/?q=model`);
    const rows = page.locator('[data-results] li');
    await rows.first().locator('.search-title').waitFor({ timeout: 15_000 });
    await expect.poll(() => asked, { timeout: 5_000 }).toBeGreaterThan(1);
    expect(await rows.count()).toBe(1);
    const first = await rows.first().locator('.search-title').innerText();
    expect(first).not.toBe('');
    await expect(page.locator('[data-results]').getAttribute('aria-busy')).resolves.toBe('true');
    // The count (a live region) waits for the whole page of results.
    await expect(page.locator('[data-status]').innerText()).resolves.toBe('');
    await expect(page.locator('[data-more]').isVisible()).resolves.toBe(false);
    release();
    await page.locator('[data-status]', { hasText: /^\d+ papers? for “model”$/ }).waitFor({ timeout: 20_000 });
    const total = Number.parseInt(await page.locator('[data-status]').innerText(), 10);
    expect(total).toBeGreaterThan(1);
    expect(await rows.count()).toBe(Math.min(10, total));
    await expect(page.locator('[data-results]').getAttribute('aria-busy')).resolves.toBe('false');
  });

  it("opened with a search, loads Pagefind while the page's own scripts are still loading", async () => {
    const page = await site.browser.newPage();
    const requests: string[] = [];
    page.on('request', (r) => requests.push(new URL(r.url()).pathname));
    // Hold the page's own scripts: only the early start in the head can ask for Pagefind meanwhile.
    let release = () => {};
    const held = new Promise<void>((resolve) => (release = resolve));
    await page.route(`**${base}_astro/*.js`, async (route) => {
      await held;
      await route.continue();
    });
    await page.goto(`${site.server.url}search/?q=${encodeURIComponent('speculative decoding')}`, { waitUntil: 'commit' });
    const pagefindFiles = () =>
      requests.filter((u) => /\/pagefind\/(pagefind\.js|pagefind-worker\.js|wasm\.en\.pagefind|pagefind\.en_\w+\.pf_meta)$/.test(u));
    await expect.poll(() => pagefindFiles().length, { timeout: 10_000 }).toBe(4);
    expect(pagefindFiles().every((u) => u.startsWith(`${base}pagefind/`))).toBe(true);
    expect(requests.filter((u) => u.startsWith(`${base}_astro/`) && u.endsWith('.js')).length).toBeGreaterThan(0);
    release();
    await page.locator('[data-results] li', { hasText: 'Medusa' }).first().waitFor({ timeout: 15_000 });
    // Up to the complete answer (with several shards, the older ones merged after the first results),
    // the engine found Pagefind initialised: one module, one WASM, the newest papers' meta once. No
    // second instance merged them: it would ask for the WASM and that meta again (the browser's cache
    // answers), then inflate and decode both again on the complete answer's path.
    await settled(page);
    expect(requests.filter((u) => u.endsWith('/pagefind.js') || u.endsWith('.pagefind'))).toEqual([
      `${base}pagefind/pagefind.js`,
      `${base}pagefind/wasm.en.pagefind`,
    ]);
    expect(requests.filter((u) => u.startsWith(`${base}pagefind/pagefind.`) && u.endsWith('.pf_meta'))).toHaveLength(1);
  });

  it('on /search/ without a query, Pagefind warms up once the page is idle, before the box has focus', async () => {
    const page = await site.browser.newPage();
    const requests: string[] = [];
    page.on('request', (r) => requests.push(new URL(r.url()).pathname));
    await page.goto(`${site.server.url}search/`);
    await expect.poll(() => requests.includes(`${base}pagefind/wasm.en.pagefind`), { timeout: 10_000 }).toBe(true);
    await expect(page.evaluate(() => document.activeElement?.tagName)).resolves.not.toBe('INPUT');
    // Only the engine: no index chunk or result was loaded for a query nobody typed.
    expect(requests.filter((u) => /\/pagefind\/(index|fragment)\//.test(u))).toEqual([]);
    // Every module a first query needs ("Did you mean" included) came with the warm-up: typing
    // fetches index data and results, no code (issue 8: the complete answer's bytes and time).
    await page.waitForLoadState('networkidle');
    const before = requests.length;
    await page.locator('main input[name=q]').fill('decoding');
    await settled(page);
    expect(await titles(page)).not.toEqual([]);
    expect(requests.slice(before).filter((u) => u.endsWith('.js'))).toEqual([]);
  });

  it('keeps query and filters through a reload, and back restores the state before a sort change', async () => {
    const page = await site.browser.newPage();
    await page.goto(`${site.server.url}search/?q=decoding`);
    await settled(page);
    const all = await titles(page);
    await page.locator('[data-filters] summary').click();
    const topic = page.locator('[data-filter-panel] label', { hasText: 'Speculative decoding' }).locator('input');
    await topic.check();
    await page
      .locator('[data-filter-panel] label', { hasText: /^\s*2024/ })
      .locator('input')
      .check();
    await expect.poll(() => new URL(page.url()).searchParams.getAll('year'), { timeout: 10_000 }).toEqual(['2024']);
    await expect.poll(async () => (await titles(page)).length, { timeout: 10_000 }).toBeLessThan(all.length);
    await settled(page);
    const filtered = await titles(page);
    expect(filtered.length).toBeGreaterThan(0);
    expect(new URL(page.url()).searchParams.getAll('topic')).toEqual(['Speculative decoding']);

    await page.reload();
    await expect.poll(() => titles(page), { timeout: 15_000 }).toEqual(filtered);
    await expect(page.locator('main input[name=q]').inputValue()).resolves.toBe('decoding');
    await expect(topic.isChecked()).resolves.toBe(true);

    await page.locator('select[name=sort]').selectOption('newest');
    await expect.poll(() => new URL(page.url()).searchParams.get('sort')).toBe('newest');
    await page.goBack();
    await expect.poll(() => page.locator('select[name=sort]').inputValue()).toBe('relevance');
    await expect.poll(() => titles(page), { timeout: 15_000 }).toEqual(filtered);
    expect(new URL(page.url()).searchParams.getAll('year')).toEqual(['2024']);
  });

  it('sorts by newest: dates descending, an order relevance does not give', async () => {
    const page = await site.browser.newPage();
    await page.goto(`${site.server.url}search/?q=decoding`);
    await settled(page);
    const relevance = await titles(page);
    await page.locator('select[name=sort]').selectOption('newest');
    // The sorted search has finished (under a base path the index is sharded: newest shard first, then all).
    const finished = async () => !(await page.locator('[data-status]').innerText()).includes(PARTIAL);
    await expect
      .poll(async () => (await titles(page)).join('|') !== relevance.join('|') && (await finished()), { timeout: 10_000 })
      .toBe(true);
    await settled(page);
    const dates = (await page.locator('[data-results] li .search-meta:first-of-type').allInnerTexts()).map(
      (t) => t.match(/\d{4}-\d{2}-\d{2}/)![0],
    );
    expect(dates.length).toBe(10);
    expect(dates).toEqual([...dates].sort().reverse());
  });

  it('offers the corrected query for a misspelt title, runs it when the typo finds nothing, and following it finds the paper', async () => {
    const page = await site.browser.newPage();
    // "Medusa: Simple LLM Inference Acceleration Framework with Multiple Decoding Heads" with one letter
    // dropped, swapped or doubled in each word longer than five letters.
    const typo = 'Medusa: Simple LLM Infernece Acceleration Framewrk with Multiple Deccoding Heads';
    await page.goto(`${site.server.url}search/?q=${encodeURIComponent(typo)}`);
    const link = page.locator('[data-suggestion] strong a');
    await link.waitFor({ timeout: 20_000 });
    await expect(link.innerText()).resolves.toMatch(/inference acceleration framework with multiple decoding heads/i);
    await link.click();
    await page.waitForURL((url) => /inference/i.test(url.searchParams.get('q') ?? ''));
    await expect.poll(async () => (await titles(page))[0], { timeout: 15_000 }).toMatch(/^Medusa: Simple LLM Inference/);
  });

  it('helps when nothing is typed and when nothing matches', async () => {
    const page = await site.browser.newPage();
    await page.goto(`${site.server.url}search/`);
    await expect(page.locator('[data-empty-query]').isVisible()).resolves.toBe(true);
    await expect(page.locator('[data-empty-query] a[href$="topics/"]').count()).resolves.toBe(1);
    await page.goto(`${site.server.url}search/?q=qqqqzzzz`);
    await page.locator('[data-status]', { hasText: '0 papers' }).waitFor({ timeout: 15_000 });
    await expect(page.locator('[data-no-results]').isVisible()).resolves.toBe(true);
    await expect(page.locator('[data-empty-query]').isVisible()).resolves.toBe(false);
  });

  it('a paper page needs no JavaScript to read', async () => {
    const context = await site.browser.newContext({ javaScriptEnabled: false });
    const page = await context.newPage();
    await page.goto(site.server.url);
    const first = page.locator('main a[href*="/papers/"]').first();
    const href = await first.getAttribute('href');
    await page.goto(new URL(href!, site.server.url).toString());
    await expect(page.locator('article h1').count()).resolves.toBe(1);
    const abstract = await page.locator('article').innerText();
    expect(abstract.length).toBeGreaterThan(300);
    await context.close();
  });

  it('unknown URLs get the 404 page with a way home', async () => {
    const page = await site.browser.newPage();
    const response = await page.goto(`${site.server.url}papers/does-not-exist/`);
    expect(response?.status()).toBe(404);
    await expect(page.locator(`a[href="${base}"]`).count()).resolves.toBeGreaterThan(0);
  });
});
