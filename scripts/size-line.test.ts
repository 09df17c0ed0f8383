import { execFileSync } from 'node:child_process';
import { statSync } from 'node:fs';
import { mkdir, mkdtemp, rm, writeFile } from 'node:fs/promises';
import os from 'node:os';
import path from 'node:path';
import { describe, expect, it } from 'vitest';
import { folderSize, sizeReport, tarSize } from './size-line.ts';

describe('sizeReport', () => {
  it('gives MB per 1,000 papers, files and how many papers fit under 1 GB', () => {
    const r = sizeReport(250_000_000, 21_945, 10_000);
    expect(r.warn).toBe(false);
    expect(r.papersThatFit).toBe(40_000);
    expect(r.line).toBe(
      "dist: 250.0 MB in 21,945 files for 10,000 papers: 25.0 MB per 1,000 papers; about 40,000 papers fit in GitHub Pages' 1 GB at this rate (25% used).",
    );
  });

  it('warns past 80% of 1 GB, not at it', () => {
    expect(sizeReport(800_000_000, 1, 1000).warn).toBe(false);
    const past = sizeReport(800_000_001, 1, 1000);
    expect(past.warn).toBe(true);
    expect(past.line).toMatch(/^warning: .*\(80% used\).*How big can an archive get/);
  });

  it('counts one paper as one paper', () => {
    expect(sizeReport(2_000_000, 10, 1).line).toMatch(
      /^dist: 2\.0 MB in 10 files for 1 paper: 2000\.0 MB per 1,000 papers; about 500 papers fit/,
    );
  });

  it('says so when there are no papers instead of dividing by zero', () => {
    const r = sizeReport(1_000_000, 3, 0);
    expect(r).toEqual({ line: 'dist: 1.0 MB in 3 files, no papers.', warn: false, papersThatFit: null });
  });
});

describe('tarSize', () => {
  it('is the size of the tar GNU tar makes of the folder, as actions/upload-pages-artifact runs it', async () => {
    const dir = await mkdtemp(path.join(os.tmpdir(), 'papershelf-tar-'));
    try {
      const site = path.join(dir, 'site');
      await mkdir(path.join(site, 'papers', '2401.04558'), { recursive: true });
      // Sizes at and around the 512-byte block, an empty file, and a file of many blocks.
      const sizes = [0, 1, 511, 512, 513, 8_000, 100_000];
      await Promise.all(
        sizes.map((n, i) => writeFile(path.join(i % 2 ? site : path.join(site, 'papers', '2401.04558'), `f${i}.html`), 'x'.repeat(n))),
      );
      const tarFile = path.join(dir, 'artifact.tar');
      execFileSync('tar', ['--directory', site, '-cf', tarFile, '.']);
      const measured = folderSize(site);
      expect(measured.bytes).toBe(sizes.reduce((a, b) => a + b, 0));
      expect(measured.files).toBe(sizes.length);
      expect(measured.tarBytes).toBe(statSync(tarFile).size);
      expect(sizeReport(measured.bytes, measured.files, 1, measured.tarBytes).line).toMatch(
        /^dist: 0\.1 MB in 7 files \(0\.1 MB as the tar Pages uploads\) for 1 paper:/,
      );
    } finally {
      await rm(dir, { recursive: true, force: true });
    }
  });

  it('adds a header and the padding to a whole block per file, and rounds to a 10,240-byte record', () => {
    expect(tarSize([], 1)).toBe(10_240);
    // 1 folder + 2 end blocks + 20 files of one header and one data block = 43 blocks → 3 records.
    expect(tarSize(Array(20).fill(100), 1)).toBe(30_720);
  });
});
