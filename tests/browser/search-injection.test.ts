/**
 * Issue 7, item 1: stored script injection on /search/. Pagefind's UI renders filter labels as
 * HTML; an organisation byline `acme <img src=x onerror=alert(document.domain)>` or a topic name
 * with markup ran script when /search/ showed its filters. Against the hostile build (e2e setup),
 * in Chromium: no script runs with the filter panel open and results shown, and the reader sees
 * each hostile name literally, markup and all.
 */
import { afterAll, beforeAll, describe, expect, inject, it } from 'vitest';
import type { Browser, BrowserContext, Page } from 'playwright-core';
import { launchBrowser } from '../support/browser.ts';
import { serveDist, type StaticServer } from '../support/serve.ts';
import { openSearch, recordingContext, type Hit } from '../hostile/sweep.ts';

const site = inject('hostile');

describe('/search/ with hostile organisation and topic names (issue 7, item 1)', () => {
  let server: StaticServer;
  let browser: Browser;
  let context: BrowserContext;
  let page: Page;
  const hits: Hit[] = [];

  beforeAll(async () => {
    server = await serveDist(site.dist, '/');
    browser = await launchBrowser();
    context = await recordingContext(browser, hits);
    // The query from the report; the hostile papers all mention decoding.
    page = await openSearch(context, server.url, 'decoding');
  });
  afterAll(async () => {
    await browser?.close();
    await server?.close();
  });

  const label = (text: string) => page.locator('.pagefind-ui__filter-label', { hasText: text });

  it('runs no script with the filters open and the results shown', async () => {
    await expect(page.locator('.pagefind-ui__result').count()).resolves.toBeGreaterThan(10);
    await expect(page.locator('details.pagefind-ui__filter-block[open]').count()).resolves.toBe(3);
    expect(hits).toEqual([]);
    // Nothing the names carry became an element.
    await expect(page.locator('#search img, #search svg[onload], #search script').count()).resolves.toBe(0);
  });

  it('shows the organisation from the report literally in the filter panel', async () => {
    await expect(label('<img src=x onerror=alert(document.domain)>').isVisible()).resolves.toBe(true);
    await expect(label(`Evil <img src=x onerror="__hx('plain-org-canary')"> Labs`).isVisible()).resolves.toBe(true);
  });

  it('shows a topic name with markup literally, and an already-escaped name as written', async () => {
    await expect(label(`Evil <img src=x onerror="__hx('hostile-topic')"> topic`).isVisible()).resolves.toBe(true);
    await expect(label('&lt;b&gt;Escaped&lt;/b&gt; & ampersand topic').isVisible()).resolves.toBe(true);
    await expect(label(`&lt;img src=x onerror="__hx('plain-org-entities')"&gt; &amp; Co`).isVisible()).resolves.toBe(true);
    // Ordinary names with `&` read as before.
    await expect(label('Efficient inference & KV cache').isVisible()).resolves.toBe(true);
  });

  it('filters by the hostile organisation when its box is ticked', async () => {
    await label('<img src=x onerror=alert(document.domain)>').click();
    const titles = page.locator('.pagefind-ui__result-link');
    await expect.poll(() => titles.allInnerTexts(), { timeout: 10_000 }).toEqual(['Hostile byline from the report decoding']);
    // Its result shows the organisation as text in the result's tags too.
    await expect(
      page.locator('.pagefind-ui__result-tag', { hasText: 'Org: <img src=x onerror=alert(document.domain)>' }).count(),
    ).resolves.toBe(1);
    expect(hits).toEqual([]);
  });

  it('shows hostile titles and a hostile query as text', async () => {
    const results = await openSearch(context, server.url, 'hostile');
    await expect(
      results
        .locator('.pagefind-ui__result-link', { hasText: `Hostile title <img src=x onerror="__hx('plain-title-img')"> decoding` })
        .count(),
    ).resolves.toBe(1);
    const query = await openSearch(context, server.url, `<img src=x onerror=__hx('search-query')>`);
    await expect(query.locator('.pagefind-ui__message').innerText()).resolves.toContain(`<img src=x onerror=__hx('search-query')>`);
    expect(hits).toEqual([]);
  });

  it('would notice a script that did run (the detector works)', async () => {
    const probe = await context.newPage();
    const before = hits.length;
    await probe.goto(`${server.url}search/`);
    await probe.evaluate(`document.body.insertAdjacentHTML('beforeend', '<img src=x onerror="__hx(\\'control\\')">')`);
    await expect
      .poll(
        () =>
          hits
            .slice(before)
            .map((h) => h.kind)
            .sort(),
        { timeout: 5_000 },
      )
      .toEqual(['canary']);
    hits.splice(before);
    await probe.close();
  });
});
