// @ts-check
// Lint gate (npm run lint:code). Beyond the recommended sets, the layer rules keep the README's
// layout (and DESIGN.md's folder map) true: one block per layer, from the widest to the narrowest.
import { defineConfig, globalIgnores } from 'eslint/config';
import js from '@eslint/js';
import tseslint from 'typescript-eslint';
import astro from 'eslint-plugin-astro';
import globals from 'globals';

/** src/ ships; tests, their tools and the CLIs live outside it. */
const noTestSupport = {
  group: ['**/tests/**', '**/scripts/**', 'vitest', 'vitest/*', 'fast-check', 'playwright-core'],
  message: 'src/ holds no test support: put it in tests/support/.',
};
/** DESIGN.md: the site never imports from src/ingest/; what both need lives in src/core/ or src/schemas/. */
const noIngest = {
  group: ['**/ingest/**'],
  message: 'The site never imports from src/ingest/: move what both need to src/core/ or src/schemas/.',
};
/** Pure view helpers are testable without the content layer: they never reach for the data. */
const noSiteData = {
  group: ['**/site/data/**', '../data/**'],
  message: 'src/site/view/ never imports src/site/data/: pass the data in.',
};
/** Ingest is the CLI's: it never depends on the site. */
const noSiteFromIngest = {
  group: ['**/site/**', '**/components/**', '**/pages/**', '**/integrations/**'],
  message: 'Ingest imports nothing from the site.',
};
/** Fetch is a CLI's too: it reads digests with ingest's API reader, and never depends on the site. */
const noSiteFromFetch = { ...noSiteFromIngest, message: 'Fetch imports nothing from the site.' };
/** Only src/site/data/ (and the collection config) may use the content layer. */
const noContentLayer = { name: 'astro:content', message: 'Only src/site/data/ uses astro:content: add a function there.' };
/** File I/O belongs to src/ingest/io.ts (and the build hooks, CLIs and tests). */
const noFileIo = ['fs', 'fs/promises', 'node:fs', 'node:fs/promises'].map((name) => ({
  name,
  message: 'Ingest and core stay pure: file I/O goes in src/ingest/io.ts.',
}));
/** Fetch's file and network I/O belongs to src/fetch/io.ts. */
const noFetchIo = [...noFileIo.map((p) => p.name), 'http', 'https', 'node:http', 'node:https'].map((name) => ({
  name,
  message: 'Fetch stays pure: HTTP and file I/O go in src/fetch/io.ts.',
}));

export default defineConfig(
  globalIgnores(['dist/', '.astro/', 'content/', 'bench/']),
  js.configs.recommended,
  tseslint.configs.recommended,
  astro.configs.recommended,
  {
    languageOptions: { globals: { ...globals.node } },
    rules: {
      // The theme script swallows a blocked localStorage; a comment there would ship in every page.
      'no-empty': ['error', { allowEmptyCatch: true }],
      // Digest text is sanitised of control characters, and the tests feed them in: those regexes are the point.
      'no-control-regex': 'off',
      '@typescript-eslint/consistent-type-imports': ['error', { fixStyle: 'inline-type-imports' }],
      '@typescript-eslint/no-unused-vars': [
        'error',
        { argsIgnorePattern: '^_', varsIgnorePattern: '^_', destructuredArrayIgnorePattern: '^_' },
      ],
    },
  },
  // The one script file pages load (Base.astro): browser code.
  { files: ['public/**/*.js'], languageOptions: { globals: { ...globals.browser } } },
  // A later block replaces `no-restricted-imports` for its files, so each lists all its limits.
  // Unit tests (`*.test.ts`) sit beside their modules and may use tests/support/.
  {
    // The site: pages, components, layouts, build hooks, data and view.
    files: ['src/**/*.{ts,astro}'],
    ignores: ['**/*.test.ts'],
    rules: { 'no-restricted-imports': ['error', { paths: [noContentLayer], patterns: [noIngest, noTestSupport] }] },
  },
  {
    files: ['src/site/data/**/*.ts', 'src/content.config.ts'],
    ignores: ['**/*.test.ts'],
    rules: { 'no-restricted-imports': ['error', { patterns: [noIngest, noTestSupport] }] },
  },
  {
    files: ['src/site/view/**/*.ts'],
    ignores: ['**/*.test.ts'],
    rules: { 'no-restricted-imports': ['error', { paths: [noContentLayer], patterns: [noIngest, noSiteData, noTestSupport] }] },
  },
  {
    files: ['src/core/**/*.ts', 'src/schemas/**/*.ts'],
    ignores: ['**/*.test.ts'],
    rules: {
      'no-restricted-imports': [
        'error',
        {
          paths: [noContentLayer, ...noFileIo],
          patterns: [
            noIngest,
            noTestSupport,
            {
              group: ['**/site/**', '**/components/**', '**/pages/**', '**/integrations/**'],
              message: 'core and schemas import nothing from the site.',
            },
          ],
        },
      ],
    },
  },
  {
    files: ['src/ingest/**/*.ts'],
    ignores: ['**/*.test.ts'],
    rules: { 'no-restricted-imports': ['error', { paths: [noContentLayer, ...noFileIo], patterns: [noTestSupport, noSiteFromIngest] }] },
  },
  {
    files: ['src/fetch/**/*.ts'],
    ignores: ['**/*.test.ts'],
    rules: { 'no-restricted-imports': ['error', { paths: [noContentLayer, ...noFetchIo], patterns: [noTestSupport, noSiteFromFetch] }] },
  },
  {
    // The one fetch module that does HTTP and writes files.
    files: ['src/fetch/io.ts'],
    rules: { 'no-restricted-imports': ['error', { paths: [noContentLayer], patterns: [noTestSupport, noSiteFromFetch] }] },
  },
  {
    // The one ingest module that reads and writes files.
    files: ['src/ingest/io.ts'],
    rules: { 'no-restricted-imports': ['error', { paths: [noContentLayer], patterns: [noTestSupport, noSiteFromIngest] }] },
  },
);
