/**
 * The history parts in real Chromium (the history fixture build): axe finds no serious or
 * critical violation on a paper page with a sparkline and conflict note, on the coverage
 * calendar and on the home page's Rising list, in light, dark and phone-width dark.
 */
import { describe, expect, it, inject } from 'vitest';
import AxeBuilder from '@axe-core/playwright';
import { useServedSite } from '../support/site.ts';
import { HISTORY } from '../fixtures/history/digests.ts';

const site = useServedSite(() => inject('history').dist, '/');

const PAGES: Array<[string, string, string]> = [
  ['paper with sparkline', `papers/${HISTORY.tracked}/`, '[data-seen]'],
  ['paper with a conflict note', `papers/${HISTORY.retitled}/`, '[data-seen]'],
  ['coverage calendar', 'digests/', '[data-calendar]'],
  ['rising', '', '[data-rising]'],
];
const MODES = [
  { label: 'light', colorScheme: 'light' as const, width: 1280 },
  { label: 'dark', colorScheme: 'dark' as const, width: 1280 },
  { label: 'dark phone', colorScheme: 'dark' as const, width: 390 },
];

describe.each(MODES)('history parts, $label', (mode) => {
  it.each(PAGES)('%s: no serious or critical axe violation', async (_label, path, part) => {
    const context = await site.browser.newContext({ colorScheme: mode.colorScheme, viewport: { width: mode.width, height: 900 } });
    const page = await context.newPage();
    await page.goto(`${site.server.url}${path}`);
    await page.locator(part).waitFor();
    const { violations } = await new AxeBuilder({ page }).include(part).analyze();
    expect(violations.filter((v) => v.impact === 'serious' || v.impact === 'critical').map((v) => `${v.id}: ${v.help}`)).toEqual([]);
    // Nothing of it is wider than the screen.
    const overflow = await page.locator(part).evaluate((el) => el.scrollWidth - el.clientWidth);
    expect(overflow).toBeLessThanOrEqual(1);
    await context.close();
  });
});
