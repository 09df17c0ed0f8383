/**
 * `npm run build`: ingest the digests, then `astro build` (whose Pagefind hook indexes `dist/`).
 *
 * Rejected entries (ingest exit 1) are reported but do not stop the site: the accepted papers are
 * published; pass `--strict` to fail instead. What would break the published site always stops
 * it (exit 1): a permalink the ledger lists that nothing resolves any more (its URL would become
 * a 404), or a note `astro build` cannot render. Ingest's exit code cannot tell those from a
 * rejected card (it keeps its documented 0/1/2), so the decision is read from its JSON report
 * (`--report`, `buildBlockers`). Usage or I/O errors (exit 2) always stop.
 *
 * A successful build ends with the size line (scripts/size-line.ts): MB per 1,000 papers, files,
 * and how many papers fit under GitHub Pages' 1 GB at this rate, as a warning past 80% of it.
 */
import { spawnSync } from 'node:child_process';
import { mkdtempSync, readFileSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { buildBlockers } from '../src/ingest/report.ts';
import type { IngestReport } from '../src/ingest/types.ts';
import { config } from '../src/config.ts';
import { folderSize, sizeReport } from './size-line.ts';

const strict = process.argv.includes('--strict');
const scratch = mkdtempSync(path.join(tmpdir(), 'papershelf-build-'));
const reportFile = path.join(scratch, 'ingest-report.json');
let report: IngestReport | null = null;
// With the compile-cache preload `npm run ingest` uses (scripts/compile-cache.mjs): start-up reuses compiled code.
const ingest = spawnSync(
  process.execPath,
  ['--import', './scripts/compile-cache.mjs', 'scripts/ingest.ts', '--quiet', '--report', reportFile],
  { stdio: 'inherit' },
);
try {
  report = JSON.parse(readFileSync(reportFile, 'utf8')) as IngestReport;
} catch {
  // No report: ingest stopped before writing one (exit 2), handled below.
}
rmSync(scratch, { recursive: true, force: true });

if (ingest.status === 2 || ingest.status === null || report === null || (strict && ingest.status !== 0)) {
  console.error(`ingest failed (exit ${ingest.status}); not building.`);
  process.exit(ingest.status || 2);
}
const blockers = buildBlockers(report);
if (blockers.length > 0) {
  console.error(`build stopped: ${blockers.join('; ')}. The errors above name each one; nothing was built.`);
  process.exit(1);
}
if (ingest.status === 1) console.warn('ingest rejected some entries (listed above); building the site from the rest.');
const astro = spawnSync('astro', ['build'], { stdio: 'inherit' });
if (astro.status === 0) {
  const { bytes, files, tarBytes } = folderSize(path.resolve(config().outDir));
  const size = sizeReport(bytes, files, report.papersWritten, tarBytes);
  if (size.warn) console.warn(size.line);
  else console.log(size.line);
}
process.exit(astro.status ?? 1);
