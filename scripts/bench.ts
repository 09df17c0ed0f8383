/**
 * `npm run bench`: issue 9's scale benchmark (scripts/bench/scale-build.ts). For each size —
 * synthetic 1k, the real corpus, synthetic 10k and 50k (the corpus replicated and shifted in time,
 * scripts/bench/scale-corpus.ts) — it measures `npm run ingest` of the plain-text digests, cold
 * `npm run build` runs with a bare Astro + Pagefind floor built in the same run (their ratio), the
 * Pagefind and service-worker steps, peak memory, `dist/` size and files, paper-page bytes (raw and
 * gzip) and a rebuild after one more digest day with the cache warm. Prints the detail per size on
 * stderr, a summary table on stdout, and writes everything to `bench/results.json`.
 *
 * Usage: npm run bench -- [--sizes 1k,corpus,10k,50k] [--runs 3] [--ingest-runs 5] [--rebuild-runs 1]
 *          [--no-floor] [--no-rebuild] [--no-ingest] [--no-apart] [--quick] [--profile] [--settle 20] [--out FILE]
 * `--quick` measures each step once and only what the summary table shows (no Pagefind/service worker
 * apart, no unchanged rebuild, one ingest variant). The smoke version `npm test` runs (tests/corpus/bench.test.ts):
 * `npm run bench -- --sizes 200 --runs 1 --ingest-runs 1 --quick --settle 0`.
 * The ingest-only benchmark in every format is `npm run bench:ingest`.
 *
 * `--search DIST` instead measures search and offline on a built site (issue 8, scripts/bench/search.ts):
 *   npm run bench -- --search DIST [--recall 100] [--seed 1] [--lighthouse]
 */
import path from 'node:path';
import { repoRoot } from '../tests/support/repo.ts';
import { main, summaryTable } from './bench/scale-build.ts';
import { searchBenchMain } from './bench/search.ts';

const argv = process.argv.slice(2);
if (argv[0] === '--search') {
  // Search and offline measure a site already built: a mode of its own.
  process.exitCode = await searchBenchMain(argv.slice(1));
} else {
  const { results, out } = await main(argv, { sizes: '1k,corpus,10k,50k', out: path.join(repoRoot, 'bench/results.json') });
  process.stdout.write(summaryTable(results) + `\nresults: ${path.relative(process.cwd(), out)}\n`);
}
