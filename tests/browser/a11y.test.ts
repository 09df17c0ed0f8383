/**
 * Accessibility of every page type of the fixture archive, checked with axe-core in real
 * Chromium: no serious or critical violations in the light theme, the dark theme chosen by the
 * reader (stored the way the theme toggle stores it) and the dark theme from the system setting.
 * Also: the theme is applied before first paint and the toggle works and persists.
 */
import { afterAll, beforeAll, describe, expect, it, inject } from 'vitest';
import type { BrowserContext, Page } from 'playwright-core';
import AxeBuilder from '@axe-core/playwright';
import { useServedSite } from '../support/site.ts';
import { IDS } from '../fixtures/site/papers.ts';

const BASE = '/shelf/';

/** One page of each type. */
const PAGES: Array<[label: string, path: string]> = [
  ['home', ''],
  ['paper with math', `papers/${IDS.math}/`],
  ['topic index', 'topics/'],
  ['topic (page 2)', 'topics/llm-inference/2/'],
  ['empty topic', 'topics/empty-topic/'],
  ['digest', 'digests/2026-01-06/'],
  ['digests index', 'digests/'],
  ['digests of a year', 'digests/2025/'],
  ['organisation', 'orgs/nvidia/'],
  ['organisations index', 'orgs/'],
  ['search', 'search/?q=speculative'],
  ['404', 'papers/no-such-paper/'],
];

/** The ways a reader ends up in a theme. */
const MODES = [
  { label: 'light (stored choice)', stored: 'light', colorScheme: 'light', dark: false, width: 1280 },
  { label: 'dark (stored choice)', stored: 'dark', colorScheme: 'light', dark: true, width: 1280 },
  { label: 'dark (system setting, phone width)', stored: null, colorScheme: 'dark', dark: true, width: 390 },
] as const;

const site = useServedSite(() => inject('fixtureDistDir'), BASE);

async function contextFor(mode: (typeof MODES)[number]): Promise<BrowserContext> {
  const context = await site.browser.newContext({ colorScheme: mode.colorScheme, viewport: { width: mode.width, height: 900 } });
  if (mode.stored) {
    // The theme toggle stores the reader's choice under this key (see Base.astro).
    await context.addInitScript((theme) => localStorage.setItem('theme', theme), mode.stored);
  }
  return context;
}

/** Serious and critical axe violations, one line each with the offending elements. */
async function seriousViolations(page: Page): Promise<string[]> {
  const { violations } = await new AxeBuilder({ page }).analyze();
  return violations
    .filter((v) => v.impact === 'serious' || v.impact === 'critical')
    .map(
      (v) =>
        `${v.id} (${v.impact}): ${v.nodes
          .map((n) => n.target.join(' '))
          .slice(0, 5)
          .join(', ')}`,
    );
}

describe.each(MODES)('axe: $label', (mode) => {
  let context: BrowserContext;
  beforeAll(async () => {
    context = await contextFor(mode);
  });
  afterAll(async () => {
    await context?.close();
  });

  it.each(PAGES)('%s has no serious or critical violations', async (_label, path) => {
    const page = await context.newPage();
    await page.goto(`${site.server.url}${path}`);
    if (path.startsWith('search/')) await page.locator('[data-results] li').first().waitFor({ timeout: 15_000 });
    await expect(page.evaluate(() => document.documentElement.classList.contains('dark'))).resolves.toBe(mode.dark);
    expect(await seriousViolations(page)).toEqual([]);
    await page.close();
  });
});

describe('theme', () => {
  it('is applied before the first frame is painted (no flash of the wrong theme)', async () => {
    for (const mode of MODES) {
      const context = await contextFor(mode);
      // Registered before any page script: the first animation frame runs just before the first paint.
      await context.addInitScript(() => {
        requestAnimationFrame(() => {
          (window as unknown as { firstFrameDark: boolean }).firstFrameDark = document.documentElement.classList.contains('dark');
        });
      });
      const page = await context.newPage();
      await page.goto(`${site.server.url}papers/${IDS.math}/`);
      await page.waitForFunction(() => 'firstFrameDark' in window);
      await expect(
        page.evaluate(() => (window as unknown as { firstFrameDark: boolean }).firstFrameDark),
        mode.label,
      ).resolves.toBe(mode.dark);
      await context.close();
    }
  });

  it('toggles with the header button, follows the system until chosen, and remembers the choice', async () => {
    const context = await site.browser.newContext({ colorScheme: 'dark' });
    const page = await context.newPage();
    await page.goto(`${site.server.url}topics/`);
    const isDark = () => page.evaluate(() => document.documentElement.classList.contains('dark'));
    expect(await isDark()).toBe(true);
    const toggle = page.locator('button[data-theme-toggle]');
    await expect(toggle.getAttribute('aria-pressed')).resolves.toBe('true');
    await toggle.click();
    expect(await isDark()).toBe(false);
    await expect(toggle.getAttribute('aria-pressed')).resolves.toBe('false');
    const background = await page.evaluate(() => getComputedStyle(document.body).backgroundColor);
    await page.goto(`${site.server.url}orgs/`);
    expect(await isDark()).toBe(false);
    // Light really is light: the body background is not the dark one.
    expect(background).not.toBe(
      await page.evaluate(() => {
        document.documentElement.classList.add('dark');
        return getComputedStyle(document.body).backgroundColor;
      }),
    );
    await context.close();
  });
});

describe('progressive enhancement on the paper page', () => {
  it('reveals the BibTeX copy button only with JavaScript, and copies the entry', async () => {
    const noJs = await site.browser.newContext({ javaScriptEnabled: false });
    const staticPage = await noJs.newPage();
    await staticPage.goto(`${site.server.url}papers/${IDS.math}/`);
    await expect(staticPage.locator('button[data-copy="bibtex"]').count()).resolves.toBe(0);
    await expect(staticPage.locator('pre#bibtex').isVisible()).resolves.toBe(true);
    await noJs.close();

    const context = await site.browser.newContext();
    await context.grantPermissions(['clipboard-read', 'clipboard-write'], { origin: new URL(site.server.url).origin });
    const page = await context.newPage();
    await page.goto(`${site.server.url}papers/${IDS.math}/`);
    const button = page.locator('button[data-copy="bibtex"]');
    await expect(button.isVisible()).resolves.toBe(true);
    await button.click();
    await page.locator('[data-copy-status]', { hasText: 'copied' }).waitFor();
    const copied = await page.evaluate(() => navigator.clipboard.readText());
    expect(copied).toBe(await page.locator('pre#bibtex').textContent());
    expect(copied).toContain('eprint = {2401.04558}');
    await context.close();
  });
});
