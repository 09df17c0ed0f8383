/**
 * Search as a reader uses it: real Chromium against the served `dist/`, at the root and under a
 * GitHub Pages base path.
 */
import { describe, expect, it } from 'vitest';
import { DEMO_SITES, useServedSite } from '../support/site.ts';
import type { Page } from 'playwright-core';

/** Waits for a result whose title contains `title`, pressing "Load more results" as a reader would. */
async function findResult(page: Page, title: string) {
  const result = page.locator('.pagefind-ui__result-link', { hasText: title }).first();
  const more = page.locator('.pagefind-ui__button', { hasText: /load more/i });
  await page.locator('.pagefind-ui__result-link').first().waitFor({ timeout: 15_000 });
  for (let i = 0; i < 10 && !(await result.isVisible()); i++) {
    if (!(await more.isVisible())) break;
    await more.click();
    await page.waitForTimeout(300);
  }
  await result.waitFor({ timeout: 5_000 });
  return result;
}

describe.each(DEMO_SITES)('search on /search/ ($label)', ({ dir, base }) => {
  const site = useServedSite(dir, base);

  it('finds the Medusa paper for "speculative decoding" and opens its permalink', async () => {
    const page = await site.browser.newPage();
    const errors: string[] = [];
    page.on('pageerror', (e) => errors.push(e.message));
    await page.goto(`${site.server.url}search/`);
    // The search page's own box (the header has a plain GET form too).
    const input = page.locator('main .pagefind-ui__search-input');
    await input.fill('speculative decoding');
    const result = await findResult(page, 'Medusa');
    await result.click();
    await page.waitForURL(/\/papers\/[^/]+\/$/);
    expect(new URL(page.url()).pathname.startsWith(`${base}papers/`)).toBe(true);
    await expect(page.locator('h1').textContent()).resolves.toMatch(/^Medusa: Simple LLM Inference Acceleration/);
    expect(errors).toEqual([]);
  });

  it('pre-fills the search from ?q= (the header form works without JavaScript)', async () => {
    const page = await site.browser.newPage();
    await page.goto(`${site.server.url}search/?q=${encodeURIComponent('speculative decoding')}`);
    await findResult(page, 'Medusa');
    await expect(page.locator('.pagefind-ui__search-input').inputValue()).resolves.toBe('speculative decoding');
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
