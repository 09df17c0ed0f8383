import { defineConfig } from 'vitest/config';

// Three projects: fast pure-code tests beside the sources, and end-to-end tests that build the
// demo site once (globalSetup) and check the built HTML, the CLI and a real browser.
export default defineConfig({
  test: {
    projects: [
      {
        test: {
          name: 'unit',
          include: ['src/**/*.test.ts', 'scripts/**/*.test.ts', 'tests/layout.test.ts'],
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
          exclude: ['tests/corpus/**', 'tests/layout.test.ts'],
          globalSetup: ['tests/support/setup/build-site.ts'],
          testTimeout: 120_000,
          hookTimeout: 600_000,
          fileParallelism: false,
        },
      },
    ],
  },
});
