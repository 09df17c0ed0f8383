/**
 * Issue 7, item 1: stored script injection on /search/. Pagefind's default UI rendered filter labels as
 * HTML (the site now renders every value as text, src/client/search/render.ts, and ships no Pagefind UI); an organisation byline `acme <img src=x onerror=alert(document.domain)>` or a topic name
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

  const label = (text: string) => page.locator('[data-filter-panel] label', { hasText: text });
  /** Organisation names offered by the filter panel's list (set as `option.value`: text). */
  const orgNames = () =>
    page.locator('#search-org-list option').evaluateAll((options) => options.map((o) => (o as HTMLOptionElement).value));

  it('runs no script with the filters open and the results shown', async () => {
    await expect(page.locator('[data-results] li').count()).resolves.toBeGreaterThan(10);
    await expect(page.locator('details[data-filters][open]').count()).resolves.toBe(1);
    await expect(page.locator('[data-filter-panel] fieldset').count()).resolves.toBe(3);
    expect(hits).toEqual([]);
    // Nothing the names carry became an element.
    await expect(page.locator('[data-search-page] img, [data-search-page] svg[onload], [data-search-page] script').count()).resolves.toBe(
      0,
    );
  });

  it('offers the organisation from the report literally in the filter panel', async () => {
    const names = await orgNames();
    expect(names).toContain('<img src=x onerror=alert(document.domain)>');
    expect(names).toContain(`Evil <img src=x onerror="__hx('plain-org-canary')"> Labs`);
  });

  it('shows a topic name with markup literally, and an already-escaped name as written', async () => {
    await expect(label(`Evil <img src=x onerror="__hx('hostile-topic')"> topic`).isVisible()).resolves.toBe(true);
    await expect(label('&lt;b&gt;Escaped&lt;/b&gt; & ampersand topic').isVisible()).resolves.toBe(true);
    expect(await orgNames()).toContain(`&lt;img src=x onerror="__hx('plain-org-entities')"&gt; &amp; Co`);
    // Ordinary names with `&` read as before.
    await expect(label('Efficient inference & KV cache').isVisible()).resolves.toBe(true);
  });

  it('filters by the hostile organisation when it is chosen', async () => {
    const org = '<img src=x onerror=alert(document.domain)>';
    const input = page.locator('#search-org-input');
    await input.fill(org);
    await input.dispatchEvent('change');
    const titles = page.locator('[data-results] .search-title');
    await expect.poll(() => titles.allInnerTexts(), { timeout: 10_000 }).toEqual(['Hostile byline from the report decoding']);
    // The result and the chosen filter show the organisation as text.
    await expect(page.locator('[data-results] .search-meta', { hasText: org }).count()).resolves.toBe(1);
    await expect(label(org).locator('input').isChecked()).resolves.toBe(true);
    expect(new URL(page.url()).searchParams.get('org')).toBe(org);
    expect(hits).toEqual([]);
  });

  it('shows hostile titles and a hostile query as text', async () => {
    const results = await openSearch(context, server.url, 'hostile');
    await expect(
      results
        .locator('[data-results] .search-title', { hasText: `Hostile title <img src=x onerror="__hx('plain-title-img')"> decoding` })
        .count(),
    ).resolves.toBe(1);
    const query = `<img src=x onerror=__hx('search-query')>`;
    const page2 = await context.newPage();
    await page2.goto(`${server.url}search/?q=${encodeURIComponent(query)}`);
    await page2.locator('[data-status]', { hasText: /papers? for/ }).waitFor({ timeout: 15_000 });
    await expect(page2.locator('[data-status]').innerText()).resolves.toContain(query);
    // The header dialog renders the same way (on the search page the keys focus its own box, so from the home page).
    await page2.goto(server.url);
    await page2.keyboard.press('Control+k');
    await page2.locator('dialog[open]').waitFor();
    await page2.keyboard.type('hostile title');
    await page2
      .locator('dialog [role=option]', { hasText: `<img src=x onerror="__hx('plain-title-img')">` })
      .first()
      .waitFor({ timeout: 15_000 });
    await expect(page2.locator('dialog img, dialog script').count()).resolves.toBe(0);
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
