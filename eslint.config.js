// @ts-check
// Lint gate (npm run lint:code). Rules beyond the recommended sets keep DESIGN.md's folder map true.
import { defineConfig, globalIgnores } from 'eslint/config';
import js from '@eslint/js';
import tseslint from 'typescript-eslint';
import astro from 'eslint-plugin-astro';
import globals from 'globals';

/** src/ ships; tests and their tools live in tests/support/. */
const noTestSupport = {
  group: ['**/tests/**', '**/scripts/**', 'vitest', 'vitest/*', 'fast-check', 'playwright-core'],
  message: 'src/ holds no test support: put it in tests/support/.',
};
/** DESIGN.md: the site never imports from src/ingest/; what both need lives in src/core/ or src/schemas/. */
const noIngest = {
  group: ['**/ingest/**'],
  message: 'The site never imports from src/ingest/: move what both need to src/core/ or src/schemas/.',
};
/** Only src/site/data/ (and the collection config) may use the content layer. */
const noContentLayer = { name: 'astro:content', message: 'Only src/site/data/ uses astro:content: add a function there.' };
/** File I/O belongs to src/ingest/io.ts (and the build hooks, CLIs and tests). */
const noFileIo = ['fs', 'fs/promises', 'node:fs', 'node:fs/promises'].map((name) => ({
  name,
  message: 'Ingest and core stay pure: file I/O goes in src/ingest/io.ts.',
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
  // One block per layer: a later block replaces `no-restricted-imports` for its files, so each lists all its limits.
  {
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
    files: ['src/core/**/*.ts', 'src/schemas/**/*.ts'],
    ignores: ['**/*.test.ts'],
    rules: {
      'no-restricted-imports': [
        'error',
        {
          paths: [noContentLayer, ...noFileIo],
          patterns: [noIngest, noTestSupport, { group: ['**/site/**'], message: 'core and schemas import nothing from the site.' }],
        },
      ],
    },
  },
  {
    files: ['src/ingest/**/*.ts'],
    ignores: ['**/*.test.ts', 'src/ingest/io.ts'],
    rules: {
      'no-restricted-imports': [
        'error',
        {
          paths: [noContentLayer, ...noFileIo],
          patterns: [
            noTestSupport,
            { group: ['**/site/**', '**/components/**', '**/pages/**'], message: 'Ingest imports nothing from the site.' },
          ],
        },
      ],
    },
  },
);
