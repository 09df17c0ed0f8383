/**
 * A word only some shards hold (src/site/search/word-shards.ts): the base-path build of the demo
 * site (several shards) must answer as the root build (one index over the same papers) does, where
 * Pagefind would let each shard without the word fall back to a shorter word it has. In the demo
 * papers, "Video-XL-2" (index word "videoxl2") is in one older shard while "video" is in others,
 * the newest among them; "Fast-dLLM" ("fastdllm") is in the newest shard alone, "fast" in an older one.
 */
import { describe, expect, it } from 'vitest';
import type { Browser, Page } from 'playwright-core';
import { DEMO_SITES, useServedSite } from '../support/site.ts';

const [single, sharded] = DEMO_SITES as [(typeof DEMO_SITES)[0], (typeof DEMO_SITES)[1]];

/** Waits for the complete answer (over every shard), then lists every result's path without the base. */
async function answer(page: Page, base: string): Promise<string[]> {
  await page.locator('[data-status]', { hasText: /(\d+ papers?|No papers) for/ }).waitFor({ timeout: 60_000 });
  await page.waitForFunction(() => !document.querySelector('[data-status]')?.textContent?.includes('Searching older'), null, {
    timeout: 60_000,
  });
  const more = page.locator('[data-more]');
  while (await more.isVisible()) {
    const before = await page.locator('[data-results] li').count();
    await more.click();
    await expect.poll(() => page.locator('[data-results] li').count(), { timeout: 10_000 }).toBeGreaterThan(before);
  }
  const paths = await page
    .locator('[data-results] li a')
    .evaluateAll((as) => as.map((a) => new URL((a as HTMLAnchorElement).href).pathname));
  return paths.map((p) => p.slice(base.length - 1));
}

/** Every result row the page ever showed (first results included), without the base. */
async function recordRows(page: Page): Promise<() => Promise<string[]>> {
  await page.addInitScript(() => {
    const seen = new Set<string>();
    (window as unknown as { seenRows: Set<string> }).seenRows = seen;
    new MutationObserver(() => {
      for (const a of document.querySelectorAll<HTMLAnchorElement>('[data-results] li a')) seen.add(new URL(a.href).pathname);
    }).observe(document, { subtree: true, childList: true });
  });
  return async () => page.evaluate(() => [...(window as unknown as { seenRows: Set<string> }).seenRows]);
}

async function linkAnswer(browser: Browser, url: string, base: string, query: string) {
  const page = await browser.newPage();
  const rows = await recordRows(page);
  await page.goto(`${url}search/?q=${encodeURIComponent(query)}`);
  const found = await answer(page, base);
  const shown = (await rows()).map((p) => p.slice(base.length - 1));
  await page.close();
  return { found, shown };
}

describe('a word only some shards hold', () => {
  const one = useServedSite(single.dir, single.base);
  const several = useServedSite(sharded.dir, sharded.base);

  it.each([
    ['Video-XL-2', 'video'],
    ['Fast-dLLM', 'fast'],
  ])('finds what one index finds for "%s", not the papers of "%s" that other shards hold, as a link and typed', async (query, shorter) => {
    const expected = (await linkAnswer(one.browser, one.server.url, single.base, query)).found;
    expect(expected.length).toBeGreaterThan(0);
    // The fixture holds the trap: the shorter word finds more papers, in other shards too.
    const wider = (await linkAnswer(one.browser, one.server.url, single.base, shorter)).found;
    expect(wider.length).toBeGreaterThan(expected.length);

    const linked = await linkAnswer(several.browser, several.server.url, sharded.base, query);
    expect([...linked.found].sort()).toEqual([...expected].sort());
    // Not even the newest papers' first results showed a paper the answer does not hold.
    expect(linked.shown.filter((p) => !expected.includes(p))).toEqual([]);

    const page = await several.browser.newPage();
    const rows = await recordRows(page);
    await page.goto(`${several.server.url}search/`);
    await page.locator('main input[name=q]').fill(query);
    await expect.poll(async () => [...(await answer(page, sharded.base))].sort(), { timeout: 60_000 }).toEqual([...expected].sort());
    expect((await rows()).map((p) => p.slice(sharded.base.length - 1)).filter((p) => !expected.includes(p))).toEqual([]);
    await page.close();
  });
});
