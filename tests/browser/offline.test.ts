/**
 * Offline: after one visit, the service worker has the shell, the search index and (for an
 * archive this size) every page, so a reader with no network can still search and read.
 */
import { describe, expect, it } from 'vitest';
import { DEMO_SITES, useServedSite } from '../support/site.ts';

describe.each(DEMO_SITES)('offline ($label)', ({ dir, base }) => {
  const site = useServedSite(dir, base);

  it('searches and opens a paper never visited while the network is down', async () => {
    const context = await site.browser.newContext();
    const page = await context.newPage();
    await page.goto(site.server.url);
    // Wait until the worker has installed (precache complete) and controls the page.
    const scope = await page.evaluate(async () => (await navigator.serviceWorker.ready).scope);
    expect(new URL(scope).pathname).toBe(base);

    await context.setOffline(true);
    await page.goto(`${site.server.url}search/?q=${encodeURIComponent('multiple decoding heads')}`);
    const result = page.locator('.pagefind-ui__result-link', { hasText: 'Medusa' }).first();
    await result.waitFor({ timeout: 15_000 });
    await result.click();
    await page.waitForURL(/\/papers\/[^/]+\/$/);
    await expect(page.locator('h1').textContent()).resolves.toMatch(/^Medusa/);
    // The page came from the worker's cache: anything not cached really is unreachable.
    const probe = await page.evaluate(() =>
      fetch(`/no-such-file-${Date.now()}.txt`).then(
        () => 'online',
        () => 'offline',
      ),
    );
    expect(probe).toBe('offline');
    await context.close();
  });
});
