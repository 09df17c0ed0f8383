/**
 * `npm run build`: ingest the digests, then `astro build` (whose Pagefind hook indexes `dist/`).
 * Rejected entries (ingest exit 1) are reported but do not stop the site: the accepted papers are
 * published; pass `--strict` to fail instead. Usage or I/O errors (exit 2) always stop.
 */
import { spawnSync } from 'node:child_process';

const strict = process.argv.includes('--strict');
const ingest = spawnSync('tsx', ['scripts/ingest.ts', '--quiet'], { stdio: 'inherit' });
if (ingest.status === 2 || ingest.status === null || (strict && ingest.status !== 0)) {
  console.error(`ingest failed (exit ${ingest.status}); not building.`);
  process.exit(ingest.status || 2);
}
if (ingest.status === 1) console.warn('ingest rejected some entries (listed above); building the site from the rest.');
const astro = spawnSync('astro', ['build'], { stdio: 'inherit' });
process.exit(astro.status ?? 1);
