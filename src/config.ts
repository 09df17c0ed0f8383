/**
 * Every setting Papershelf reads from the environment, with its default, read once per process
 * (on first use) and typed. The README's settings table lists the same variables. An empty
 * variable counts as unset. Relative paths are relative to the working directory (the repository
 * root for every npm script), except the corpus, which is found beside the repository.
 *
 * Tuning constants (page sizes, feed length, card excerpts) stay beside their code: only what an
 * environment variable can change lives here. Test-only switches (`UPDATE`, `PROPERTY_RUNS`,
 * `PAPERSHELF_SKIP_BUILD`, `CHROMIUM_PATH`) are read in tests/support/env.ts.
 */
import path from 'node:path';
import { fileURLToPath } from 'node:url';

/** The settings; each field names its variable. */
export interface Config {
  /** `SITE`: absolute site URL for canonical links, feeds and the sitemap (default `http://localhost:4321`). */
  site: string;
  /** `BASE`: base path for a GitHub Pages project site (`/repo-name`), always `/` or `/x/` (default `/`). */
  base: string;
  /** `PAPERSHELF_DIGESTS`: where ingest reads digests when given no path (default `./content/digests`). */
  digestsDir: string;
  /** `PAPERSHELF_PAPERS`: where ingest writes paper entries and Astro reads them (default `./content/papers`). */
  papersDir: string;
  /** `PAPERSHELF_NOTES`: the hand-written notes, `<paper-id>.mdx` (default `./content/notes`). */
  notesDir: string;
  /** `PAPERSHELF_TOPICS`: the topic taxonomy (default `./content/topics.yaml`). */
  topicsFile: string;
  /** `PAPERSHELF_LEDGER`: the permalink ledger ingest checks when given no path (default `content/permalinks.txt`). */
  ledgerFile: string;
  /** `PAPERSHELF_API`: the `api/daily_papers` endpoint `npm run fetch` asks, `<base>?date=YYYY-MM-DD` (default the real one). */
  apiBase: string;
  /** `PAPERSHELF_OUT`: Astro's output folder (default `./dist`). */
  outDir: string;
  /** `PAPERSHELF_CACHE`: Astro's cache (content-layer store, optimised assets), kept between builds (default `./node_modules/.astro`). */
  cacheDir: string;
  /** `PAPERSHELF_SEARCH_SHARD`: papers per search index shard (default 10,000; see src/site/search/shards.ts). */
  searchShardPapers: number;
  /**
   * `PAPERSHELF_SEARCH_RECENT`: papers in the newest part of the search index, the part a new day
   * changes, set apart while the archive has at most four shards (default 0: none; see `planIndex`
   * in src/site/search/shards.ts).
   */
  searchRecentPapers: number;
  /** `PAPERSHELF_CORPUS`: the real corpus for the corpus tests and benchmarks (default `../shared/corpus` beside the repository). */
  corpusDir: string;
  /** `CI`: set on CI (no progress bar; a missing corpus fails the corpus tests instead of skipping them). */
  ci: boolean;
  /** `NO_COLOR`: set (to anything) for a report without colours. */
  noColor: boolean;
}

/** The real `api/daily_papers` endpoint. */
const DEFAULT_API = 'https://huggingface.co/api/daily_papers';

/** A setting with a value that cannot be used; the message names the variable. */
export class ConfigError extends Error {
  override name = 'ConfigError';
}

const repoRoot = path.resolve(path.dirname(fileURLToPath(import.meta.url)), '..');

/** Base path for GitHub Pages project sites: `/repo-name`, or `/`. Always starts and ends with `/`. */
function normaliseBase(value: string | undefined): string {
  const trimmed = (value ?? '').trim().replace(/^\/+|\/+$/g, '');
  return trimmed ? `/${trimmed}/` : '/';
}

/**
 * `value` of the variable `name` as a whole number (`fallback` when unset), 0 allowed only with
 * `zero`; anything else is an error naming the variable, not a silent default.
 */
function wholeNumber(name: string, value: string | undefined, fallback: number, zero: boolean, example: string): number {
  if (!value) return fallback;
  if (!(zero ? /^\s*\d+\s*$/ : /^\s*[1-9]\d*\s*$/).test(value)) {
    throw new ConfigError(`${name}: expected a whole number of papers (e.g. ${example}), found "${value}"`);
  }
  return Number(value);
}

/** `PAPERSHELF_SEARCH_SHARD`: at ~6.5 B a page, 10,000 papers keep the first query's `pf_meta` near 70 kB. */
const searchShardPapers = (value: string | undefined): number => wholeNumber('PAPERSHELF_SEARCH_SHARD', value, 10_000, false, '10000');

/**
 * `PAPERSHELF_SEARCH_RECENT`, 0 (the default) setting nothing apart. Not on by default: on the real
 * corpus 2,000 halved a rebuild after one more day (66.0 → 31.1 s) but made a typed query's
 * complete answer 1.2–1.7× slower and up to 2.1× the bytes (a second shard to search and merge: one
 * more index chunk per word), and readers search far more often than the archive rebuilds (README,
 * "Search and offline").
 */
const searchRecentPapers = (value: string | undefined): number =>
  wholeNumber('PAPERSHELF_SEARCH_RECENT', value, 0, true, '2000, or 0 for none');

/** The settings in `env`. Pure (tests pass their own env); throws `ConfigError` on an unusable value. */
export function readConfig(env: NodeJS.ProcessEnv): Config {
  return {
    site: env.SITE?.trim() || 'http://localhost:4321',
    base: normaliseBase(env.BASE),
    digestsDir: env.PAPERSHELF_DIGESTS || './content/digests',
    papersDir: env.PAPERSHELF_PAPERS || './content/papers',
    notesDir: env.PAPERSHELF_NOTES || './content/notes',
    topicsFile: env.PAPERSHELF_TOPICS || './content/topics.yaml',
    ledgerFile: env.PAPERSHELF_LEDGER || 'content/permalinks.txt',
    apiBase: env.PAPERSHELF_API?.trim() || DEFAULT_API,
    outDir: env.PAPERSHELF_OUT || './dist',
    cacheDir: env.PAPERSHELF_CACHE || './node_modules/.astro',
    searchShardPapers: searchShardPapers(env.PAPERSHELF_SEARCH_SHARD),
    searchRecentPapers: searchRecentPapers(env.PAPERSHELF_SEARCH_RECENT),
    corpusDir: env.PAPERSHELF_CORPUS || path.resolve(repoRoot, '../shared/corpus'),
    ci: Boolean(env.CI),
    noColor: 'NO_COLOR' in env,
  };
}

let current: Config | undefined;

/** This process's settings, read from `process.env` on first use and kept. */
export function config(): Config {
  return (current ??= readConfig(process.env));
}
