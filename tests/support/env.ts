/**
 * The switches only tests read (src/config.ts has every setting of the site and its CLIs), read
 * once here.
 */

/** `UPDATE=1`: fixture tests rewrite their expected files instead of comparing (tests/support/fixtures.ts). */
export const UPDATE = Boolean(process.env.UPDATE);

/** `PROPERTY_RUNS=N`: how many inputs each fast-check property tries (each test gives its default). */
export function propertyRuns(defaultRuns: number): number {
  return Number(process.env.PROPERTY_RUNS) || defaultRuns;
}

/** `PAPERSHELF_SKIP_BUILD=1`: the e2e setup reuses the builds of an earlier run (stale after site changes). */
export const SKIP_BUILD = Boolean(process.env.PAPERSHELF_SKIP_BUILD);

/** `CHROMIUM_PATH`: the browser the browser tests drive (Debian's Chromium by default). */
export const CHROMIUM_PATH = process.env.CHROMIUM_PATH ?? '/usr/bin/chromium';
