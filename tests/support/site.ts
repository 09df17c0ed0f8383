/** A served build plus a browser for one `describe` block, and the two builds of the demo site. */
import { afterAll, beforeAll, inject } from 'vitest';
import type { Browser } from 'playwright-core';
import { launchBrowser } from './browser.ts';
import { serveDist, type StaticServer } from './serve.ts';
import { TEST_BASE } from './repo.ts';

/** The demo site at the root and under a GitHub Pages base path (both built by the e2e setup). */
export const DEMO_SITES = [
  { label: 'root', dir: () => inject('distDir'), base: '/' },
  { label: 'base path', dir: () => inject('baseDistDir'), base: TEST_BASE },
];

/** Serves `dir()` under `base` and starts Chromium before the block's tests; closes both after. */
export function useServedSite(dir: () => string, base: string): { readonly browser: Browser; readonly server: StaticServer } {
  let browser: Browser | undefined;
  let server: StaticServer | undefined;
  beforeAll(async () => {
    server = await serveDist(dir(), base);
    browser = await launchBrowser();
  });
  afterAll(async () => {
    await browser?.close();
    await server?.close();
  });
  return {
    get browser() {
      if (!browser) throw new Error('the browser starts in beforeAll');
      return browser;
    },
    get server() {
      if (!server) throw new Error('the server starts in beforeAll');
      return server;
    },
  };
}
