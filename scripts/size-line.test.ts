import { describe, expect, it } from 'vitest';
import { sizeReport } from './size-line.ts';

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
