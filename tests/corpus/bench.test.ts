/**
 * `npm run bench`, the 200-paper smoke version (issue 9), so the benchmark cannot rot: the real
 * command, the scale corpus, ingest, a cold build with its floor in the same run, page weight and a
 * rebuild after one more digest day, its table and its results file.
 */
import { describe, expect, it } from 'vitest';
import { mkdtempSync, readFileSync, rmSync } from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { execFileSync } from 'node:child_process';
import { run } from '../support/run.ts';
import { repoRoot } from '../support/repo.ts';
import type { SizeResult } from '../../scripts/bench/scale-build.ts';

describe('npm run bench (200-paper smoke)', () => {
  it('measures ingest, build and floor, page bytes and a one-more-day rebuild, prints the table and writes the results', async () => {
    const tmp = mkdtempSync(path.join(os.tmpdir(), 'papershelf-bench-'));
    try {
      const out = path.join(tmp, 'results.json');
      const r = await run('npm', [
        'run',
        '--silent',
        'bench',
        '--',
        '--sizes',
        '200',
        '--runs',
        '1',
        '--ingest-runs',
        '1',
        '--quick',
        '--settle',
        '0',
        '--out',
        out,
      ]);
      expect(r.code, r.stderr.slice(-3000)).toBe(0);
      // The table: header and one row for the size.
      expect(r.stdout).toMatch(/^size\s+papers\s+ingest s\s+build s\s+floor s\s+build\/floor/m);
      expect(r.stdout).toMatch(/^200\s+200\s+\d+\.\d\s+\d+\.\d\s+\d+\.\d\s+\d+\.\d\d×/m);
      const { machine, results } = JSON.parse(readFileSync(out, 'utf8')) as { machine: { cpus: number }; results: SizeResult[] };
      expect(machine.cpus).toBeGreaterThan(0);
      expect(results).toHaveLength(1);
      const [s] = results as [SizeResult];
      expect(s.papers).toBe(200);
      expect(s.ingest[0]).toMatchObject({ variant: 'npm run ingest, fresh output', written: 200 });
      expect(s.build.median.wallMs).toBeGreaterThan(s.floor!.median.wallMs * 0.5);
      expect(s.ratios.wall).toBeGreaterThan(0);
      expect(s.build.median.peakTreeMb).toBeGreaterThan(50);
      // The integrations' own log lines were read: Pagefind's records (one per paper page; the held-out day is not built yet) and the service worker.
      expect(s.build.median.times.pagefindPages).toBe(s.pageWeight.paperPages.raw.count);
      expect(s.build.median.times.pagefindMs).toBeGreaterThan(0);
      expect(s.build.median.times.offlineMs).toBeGreaterThan(0);
      // Every paper has its page; the weights are of real pages.
      expect(s.pageWeight.paperPages.raw.count).toBeGreaterThan(150);
      expect(s.pageWeight.paperPages.raw.median).toBeGreaterThan(s.pageWeight.paperPages.gzip.median);
      expect(s.build.median.distFiles).toBeGreaterThan(200);
      // The held-out day was built on top, with the cache warm.
      expect(s.rebuild!.oneMoreDay.distFiles).toBeGreaterThan(s.build.median.distFiles);
      // The code it measured: this checkout's commit, named under the table.
      const head = execFileSync('git', ['rev-parse', 'HEAD'], { cwd: repoRoot }).toString().trim();
      expect(s.tree?.before.commit).toBe(head);
      expect(r.stdout).toContain(`code: ${head.slice(0, 7)}`);
    } finally {
      rmSync(tmp, { recursive: true, force: true });
    }
  });
});
