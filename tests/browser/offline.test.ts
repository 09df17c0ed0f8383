/**
 * Offline, bounded and opt-in: a first visit stores only the shell and the page read; pages and
 * searches used once work offline; "Save the archive" makes every page and any search work with
 * the network off. At the root and under a base path.
 */
import { describe, expect, it } from 'vitest';
import type { BrowserContext, Page } from 'playwright-core';
import { DEMO_SITES, useServedSite } from '../support/site.ts';

/** Bytes of every response body in Cache Storage, by cache. */
function cacheBytes(page: Page): Promise<Record<string, { files: number; bytes: number; urls: string[] }>> {
  return page.evaluate(async () => {
    const out: Record<string, { files: number; bytes: number; urls: string[] }> = {};
    for (const name of await caches.keys()) {
      const cache = await caches.open(name);
      const entry = (out[name] = { files: 0, bytes: 0, urls: [] as string[] });
      for (const request of await cache.keys()) {
        const response = await cache.match(request);
        entry.files++;
        entry.bytes += (await response!.arrayBuffer()).byteLength;
        entry.urls.push(new URL(request.url).pathname);
      }
    }
    return out;
  });
}

/** Waits until the worker controls the page and no request has started for `quietMs`. */
async function settleWorker(page: Page, quietMs = 2000) {
  await page.evaluate(async () => {
    await navigator.serviceWorker.ready;
    if (!navigator.serviceWorker.controller)
      await new Promise((r) => navigator.serviceWorker.addEventListener('controllerchange', r, { once: true }));
  });
  let last = Date.now();
  const bump = () => (last = Date.now());
  page.context().on('request', bump);
  while (Date.now() - last < quietMs) await page.waitForTimeout(250);
  page.context().off('request', bump);
}

/** A paper page reached from the home page's first link. */
async function firstPaper(page: Page, url: string): Promise<string> {
  await page.goto(url);
  const href = await page.locator('main a[href*="/papers/"]').first().getAttribute('href');
  return new URL(href!, url).toString();
}

/** A demo paper the second test never opens. */
const UNREAD_LATER = 'a-markov-categorical-framework-for-language-modeling';

describe.each(DEMO_SITES)('offline ($label)', ({ dir, base }) => {
  const site = useServedSite(dir, base);

  it('a first visit to one paper page stores at most 400 kB: the shell and that page, no index chunk', async () => {
    const context = await site.browser.newContext();
    const page = await context.newPage();
    // Followed from a link elsewhere: this page is the first the browser sees of the site.
    const paper = `${site.server.url}papers/${UNREAD_LATER}/`;
    await page.goto(paper);
    await settleWorker(page);
    const caches = await cacheBytes(page);
    const total = Object.values(caches).reduce((n, c) => n + c.bytes, 0);
    expect(total).toBeLessThanOrEqual(400_000);
    const urls = Object.values(caches).flatMap((c) => c.urls);
    expect(urls).toContain(`${base}pagefind/wasm.en.pagefind`);
    expect(urls).toContain(`${base}offline/index.html`);
    expect(urls.filter((u) => /\.pf_/.test(u))).toEqual([]);
    // The page read first (before the worker ran) is kept for offline reading.
    expect(caches['papershelf-pages']?.urls).toContain(new URL(paper).pathname);
    await context.close();
  });

  it('a page read once and a search run once work offline; an unread page shows the offline page', async () => {
    const context = await site.browser.newContext();
    const page = await context.newPage();
    const paper = await firstPaper(page, site.server.url);
    expect(paper).not.toContain(UNREAD_LATER);
    await settleWorker(page, 1000);
    await page.goto(paper);
    const title = await page.locator('h1').innerText();
    await page.goto(`${site.server.url}search/?q=${encodeURIComponent('multiple decoding heads')}`);
    await page.locator('[data-results] li', { hasText: 'Medusa' }).first().waitFor({ timeout: 15_000 });
    await settleWorker(page, 1000);

    await context.setOffline(true);
    await page.goto(paper);
    await expect(page.locator('h1').innerText()).resolves.toBe(title);
    await page.goto(`${site.server.url}search/?q=${encodeURIComponent('multiple decoding heads')}`);
    await page.locator('[data-results] li', { hasText: 'Medusa' }).first().waitFor({ timeout: 15_000 });
    // Never read in this browser: the worker answers with the offline page.
    await page.goto(`${site.server.url}papers/${UNREAD_LATER}/`);
    await expect(page.locator('h1').innerText()).resolves.toBe('Offline reading');
    await context.close();
  });

  it('after "Save the archive", a page never visited opens and a new search works with the network off', async () => {
    const context: BrowserContext = await site.browser.newContext();
    const page = await context.newPage();
    await page.goto(`${site.server.url}offline/`);
    // Size first, from the list fetched only now.
    await page.locator('[data-save-size]', { hasText: /files, about [\d.]+ MB/ }).waitFor({ timeout: 15_000 });
    await settleWorker(page, 500);
    await page.locator('[data-save-start]').click();
    await page.locator('[data-save-status]', { hasText: /^Done/ }).waitFor({ timeout: 60_000 });
    await expect(page.locator('[data-save-storage]').innerText()).resolves.toMatch(/uses [\d.]+ MB of storage/);
    await expect(page.locator('[data-save-remove]').isVisible()).resolves.toBe(true);
    // A paper nobody opened, and a query nobody ran.
    const ids = await page.evaluate(async (b) => {
      const list = await (await caches.open('papershelf-saved')).match(`${b}__saved__/files.txt`);
      return (await list!.text())
        .split('\n')
        .filter((l) => l.startsWith('papers/'))
        .map((l) => l.split('\t')[0]);
    }, base);
    const unread = ids.at(-1)!;

    await context.setOffline(true);
    await page.goto(`${site.server.url}${unread}`);
    await expect(page.locator('article h1').count()).resolves.toBe(1);
    await page.goto(`${site.server.url}search/?q=${encodeURIComponent('reinforcement learning')}`);
    await page.locator('[data-results] li').first().waitFor({ timeout: 15_000 });
    // Sorted by date from the saved sort data, over every saved index shard (the base-path site has several).
    await page.goto(`${site.server.url}search/?q=model&sort=newest`);
    await page.locator('[data-status]', { hasText: /^\d+ papers? for “model”$/ }).waitFor({ timeout: 20_000 });
    const dates = (await page.locator('[data-results] li .search-meta:first-of-type').allInnerTexts()).map(
      (t) => t.match(/\d{4}-\d{2}-\d{2}/)![0],
    );
    expect(dates.length).toBe(10);
    expect(dates).toEqual([...dates].sort().reverse());

    // Remove drops the saved copy.
    await context.setOffline(false);
    await page.goto(`${site.server.url}offline/`);
    await page.locator('[data-save-remove]').click();
    await page.locator('[data-save-status]', { hasText: 'removed' }).waitFor();
    await expect(page.evaluate(() => caches.has('papershelf-saved'))).resolves.toBe(false);
    await context.close();
  });

  it('after a new deploy, "Update the saved copy" fetches only the changed file and drops the removed one', async () => {
    // Service workers blocked: every fetch of save.ts is then one page request to count (the saved
    // cache it writes is the same either way; the worker only reads it).
    const context = await site.browser.newContext({ serviceWorkers: 'block' });
    const page = await context.newPage();
    await page.goto(`${site.server.url}offline/`);
    await page.locator('[data-save-start]', { hasText: 'Save the archive' }).waitFor({ timeout: 15_000 });
    await page.locator('[data-save-start]').click();
    await page.locator('[data-save-status]', { hasText: /^Done/ }).waitFor({ timeout: 60_000 });

    // The next deploy, as the server would serve it: one page has a new hash, one page is gone.
    const manifest = (await (await page.request.get(`${site.server.url}offline-manifest.json`)).json()) as {
      version: string;
      files: number;
      bytes: number;
      parts: string[];
    };
    const parts = await Promise.all(
      manifest.parts.map(async (part) => ({ part, text: await (await page.request.get(`${site.server.url}${part}`)).text() })),
    );
    const lines = parts.flatMap(({ text }) => text.split('\n').filter(Boolean));
    const [changed, removed] = lines.filter((l) => l.startsWith('papers/')).map((l) => l.split('\t'));
    expect(changed && removed).toBeTruthy();
    const newHash = changed![2] === '00000000' ? '11111111' : '00000000';
    const changedPart = parts.find(({ text }) => text.includes(`${changed![0]}\t`))!;
    const removedPart = parts.find(({ text }) => text.includes(`${removed![0]}\t`))!;
    const edited = new Map(parts.map(({ part, text }) => [part, text]));
    edited.set(
      changedPart.part,
      edited.get(changedPart.part)!.replace(`${changed!.join('\t')}\n`, `${changed![0]}\t${changed![1]}\t${newHash}\n`),
    );
    edited.set(removedPart.part, edited.get(removedPart.part)!.replace(`${removed!.join('\t')}\n`, ''));
    const next = {
      ...manifest,
      version: `${manifest.version}-next`,
      files: manifest.files - 1,
      bytes: manifest.bytes - Number(removed![1]),
    };
    await context.route(`${site.server.url}offline-manifest.json`, (route) => route.fulfill({ json: next }));
    for (const [part, text] of edited) {
      await context.route(`${site.server.url}${part}`, (route) => route.fulfill({ body: text, contentType: 'text/plain' }));
    }

    await page.reload();
    await page.locator('[data-save-size]', { hasText: 'is out of date' }).waitFor({ timeout: 15_000 });
    await expect(page.locator('[data-save-size]').innerText()).resolves.toContain(`${next.files.toLocaleString('en')} files`);
    const update = page.locator('[data-save-start]', { hasText: 'Update the saved copy' });
    await expect(update.isEnabled()).resolves.toBe(true);

    const listed = new Set(lines.map((l) => new URL(`${site.server.url}${l.split('\t')[0]}`).pathname));
    const fetched: string[] = [];
    page.on('request', (r) => fetched.push(new URL(r.url()).pathname));
    await update.click();
    await page.locator('[data-save-status]', { hasText: /^Done/ }).waitFor({ timeout: 30_000 });
    // Only the changed page is downloaded again (the part files are the new list itself).
    const changedPath = new URL(`${site.server.url}${changed![0]}`).pathname;
    const removedPath = new URL(`${site.server.url}${removed![0]}`).pathname;
    expect(fetched.filter((u) => listed.has(u))).toEqual([changedPath]);

    const saved = (await cacheBytes(page))['papershelf-saved']!.urls;
    expect(saved).not.toContain(removedPath);
    const stillListed = [...listed].filter((u) => u !== removedPath);
    expect(stillListed.filter((u) => !saved.includes(u))).toEqual([]);
    expect(saved).toHaveLength(stillListed.length + 2); // plus the record and the saved list
    await expect(page.locator('[data-save-size]').innerText()).resolves.toContain('It is saved on this device');
    await expect(page.locator('[data-save-start]').innerText()).resolves.toBe('Check the saved copy');
    await context.close();
  });

  it('with Save-Data on, no service worker is registered and nothing is fetched ahead', async () => {
    const context = await site.browser.newContext();
    await context.addInitScript(() => Object.defineProperty(navigator, 'connection', { value: { saveData: true } }));
    const page = await context.newPage();
    const requests: string[] = [];
    page.on('request', (r) => requests.push(new URL(r.url()).pathname));
    await page.goto(await firstPaper(page, site.server.url));
    await page.waitForTimeout(1500);
    await expect(page.evaluate(async () => (await navigator.serviceWorker.getRegistrations()).length)).resolves.toBe(0);
    expect(requests.filter((u) => u.includes('/pagefind/'))).toEqual([]);
    // Neither the search page once idle nor focus on its box warms up.
    await page.goto(`${site.server.url}search/`);
    await page.locator('main input[name=q]').focus();
    await page.waitForTimeout(1500);
    expect(requests.filter((u) => u.includes('/pagefind/'))).toEqual([]);
    await context.close();
  });
});
