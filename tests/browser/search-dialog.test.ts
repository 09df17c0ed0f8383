/**
 * The header's search dialog, from the keyboard alone (Ctrl/Cmd-K and `/` open it, arrows choose,
 * Enter opens, Esc closes and gives focus back), accessible while open; and sorting by upvotes,
 * and listing by filter alone, on the fixture archive (the demo digest has no upvote counts), under its base path.
 */
import { describe, expect, it, inject } from 'vitest';
import AxeBuilder from '@axe-core/playwright';
import { useServedSite } from '../support/site.ts';

const BASE = '/shelf/';
const site = useServedSite(() => inject('fixtureDistDir'), BASE);

describe('search dialog (keyboard only)', () => {
  it('opens with Ctrl+K, ↓ ↓ Enter opens the second result', async () => {
    const page = await site.browser.newPage();
    await page.goto(`${site.server.url}digests/`);
    // The dialog's code is not loaded until it is asked for.
    await expect(page.locator('dialog').count()).resolves.toBe(0);
    await page.keyboard.press('Control+k');
    const input = page.locator('dialog[open] input[role=combobox]');
    await input.waitFor();
    await expect(page.evaluate(() => document.activeElement?.getAttribute('role'))).resolves.toBe('combobox');
    await page.keyboard.type('speculative');
    const options = page.locator('dialog [role=option]');
    await expect.poll(() => options.count(), { timeout: 15_000 }).toBeGreaterThan(1);
    await expect(input.getAttribute('aria-expanded')).resolves.toBe('true');
    await page.keyboard.press('ArrowDown');
    await page.keyboard.press('ArrowDown');
    const second = options.nth(1);
    await expect(second.getAttribute('aria-selected')).resolves.toBe('true');
    await expect(input.getAttribute('aria-activedescendant')).resolves.toBe(await second.getAttribute('id'));
    const title = await second.locator('.search-title').innerText();
    await page.keyboard.press('Enter');
    await page.waitForURL((url) => url.pathname.startsWith(`${BASE}papers/`));
    // The page opened is the one the second option named (its <title> is the plain-text title too).
    expect((await page.title()).startsWith(title.trim())).toBe(true);
  });

  it('opens with `/` outside text fields, Esc closes it and focus returns; axe finds nothing serious while open', async () => {
    // axe needs a page of a context of its own.
    const context = await site.browser.newContext();
    const page = await context.newPage();
    await page.goto(`${site.server.url}topics/`);
    const button = page.locator('header [data-search-open]');
    await expect(button.getAttribute('aria-keyshortcuts')).resolves.toContain('Control+K');
    await button.focus();
    await page.keyboard.press('/');
    await page.locator('dialog[open]').waitFor();
    await page.keyboard.type('batching');
    await expect.poll(() => page.locator('dialog [role=option]').count(), { timeout: 15_000 }).toBeGreaterThan(0);
    const { violations } = await new AxeBuilder({ page }).include('dialog').analyze();
    expect(violations.filter((v) => v.impact === 'serious' || v.impact === 'critical').map((v) => v.id)).toEqual([]);
    await page.keyboard.press('Escape');
    await expect(page.locator('dialog[open]').count()).resolves.toBe(0);
    await expect(page.evaluate(() => document.activeElement?.hasAttribute('data-search-open'))).resolves.toBe(true);
    // `/` typed into a text field is text, not a shortcut.
    await page.locator('header input[name=q]').focus();
    await page.keyboard.press('/');
    await expect(page.locator('dialog[open]').count()).resolves.toBe(0);
    await expect(page.locator('header input[name=q]').inputValue()).resolves.toBe('/');
    await context.close();
  });

  it('Enter with no result chosen goes to the search page with the query', async () => {
    const page = await site.browser.newPage();
    await page.goto(`${site.server.url}orgs/`);
    await page.keyboard.press('Control+k');
    await page.locator('dialog[open]').waitFor();
    await page.keyboard.type('kernels');
    await expect.poll(() => page.locator('dialog [role=option]').count(), { timeout: 15_000 }).toBeGreaterThan(0);
    await page.keyboard.press('Enter');
    await page.waitForURL((url) => url.pathname === `${BASE}search/` && url.searchParams.get('q') === 'kernels');
    await page.locator('[data-results] li').first().waitFor({ timeout: 15_000 });
  });
});

describe('filters without words', () => {
  it('lists every paper of a topic, newest first, when only a filter is set', async () => {
    const page = await site.browser.newPage();
    await page.goto(`${site.server.url}search/?topic=${encodeURIComponent('LLM inference')}&sort=newest`);
    await page.locator('[data-status]', { hasText: /^\d+ papers?$/ }).waitFor({ timeout: 15_000 });
    const total = Number.parseInt(await page.locator('[data-status]').innerText(), 10);
    expect(total).toBeGreaterThan(10);
    await expect(page.locator('[data-results] li').count()).resolves.toBe(10);
    await expect(page.locator('details[data-filters]').getAttribute('open')).resolves.not.toBeNull();
    await expect(page.locator('[data-empty-query]').isVisible()).resolves.toBe(false);
  });
});

describe('sort by most upvoted', () => {
  it('orders by upvotes, descending, and shows the counts', async () => {
    const page = await site.browser.newPage();
    await page.goto(`${site.server.url}search/?q=speculative`);
    await page.locator('[data-status]', { hasText: /\d+ papers?/ }).waitFor({ timeout: 15_000 });
    await page.locator('select[name=sort]').selectOption('upvotes');
    const counts = page.locator('[data-results] li .search-meta', { hasText: /^\d+ upvotes$/ });
    await expect.poll(() => counts.count(), { timeout: 10_000 }).toBeGreaterThan(2);
    const values = (await counts.allInnerTexts()).map((t) => Number.parseInt(t, 10));
    expect(values).toEqual([...values].sort((a, b) => b - a));
    expect(values[0]).toBe(120);
    expect(new URL(page.url()).searchParams.get('sort')).toBe('upvotes');
  });
});
