/** Launches Debian's Chromium through playwright-core (tool-downloaded browsers are not available here). */
import { chromium, type Browser } from 'playwright-core';
import { existsSync } from 'node:fs';
import { CHROMIUM_PATH } from './env.ts';

/** The system Chromium; `CHROMIUM_PATH` overrides. */
const chromiumPath = CHROMIUM_PATH;

/** Starts headless Chromium with the flags this closed network needs. */
export async function launchBrowser(): Promise<Browser> {
  if (!existsSync(chromiumPath)) {
    throw new Error(`Chromium not found at ${chromiumPath}: run "apt-get install -y chromium" (.ci/run does this).`);
  }
  return chromium.launch({
    executablePath: chromiumPath,
    args: [
      '--headless',
      '--no-sandbox',
      '--disable-gpu',
      '--disable-background-networking',
      '--disable-component-update',
      '--no-first-run',
      '--disable-sync',
    ],
  });
}
