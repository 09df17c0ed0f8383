import os from 'node:os';
import { defineConfig } from 'vitest/config';
import BuildLockSequencer from './tests/support/sequencer.ts';

// Three projects: fast pure-code tests beside the sources, and end-to-end tests that build the
// demo site once (globalSetup) and check the built HTML, the CLI and a real browser.
export default defineConfig({
  test: {
    // At least two files at a time, even on a 2-core machine (Vitest's default there is one): most
    // test time is spent waiting on child processes (astro build, Chromium, the CLIs), so a browser
    // or CLI test runs beside a build. Builds of the checkout still take turns
    // (tests/support/build-lock.ts); every test uses its own temporary folders and free ports.
    maxWorkers: Math.max(2, os.availableParallelism() - 1),
    // Files that build start whenever no build runs, the others fill the gaps (tests/support/sequencer.ts).
    sequence: { sequencer: BuildLockSequencer },
    projects: [
      {
        test: {
          name: 'unit',
          include: ['src/**/*.test.ts', 'scripts/**/*.test.ts', 'tests/layout.test.ts', 'tests/support/**/*.test.ts'],
          testTimeout: 60_000,
        },
      },
      {
        // Reads the real corpus in ../shared (never copied into the repo): accuracy and quality figures.
        test: {
          name: 'corpus',
          include: ['tests/corpus/**/*.test.ts'],
          globalSetup: ['tests/support/setup/require-corpus.ts'],
          testTimeout: 300_000,
          // Their hooks write and delete thousands of files; Vitest's 10 s default failed them on a busy machine.
          hookTimeout: 300_000,
        },
      },
      {
        test: {
          name: 'e2e',
          include: ['tests/**/*.test.ts'],
          exclude: ['tests/corpus/**', 'tests/layout.test.ts', 'tests/support/**/*.test.ts'],
          globalSetup: ['tests/support/setup/build-site.ts'],
          // A test that builds may first wait for another file's build (tests/support/build-lock.ts).
          testTimeout: 300_000,
          hookTimeout: 600_000,
        },
      },
    ],
  },
});
