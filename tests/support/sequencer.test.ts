/** The planned start order of test files (sequencer.ts): builds one after another, the rest beside them. */
import { existsSync } from 'node:fs';
import path from 'node:path';
import { describe, expect, it } from 'vitest';
import { BUILDERS, FIRST_GUESS, firstGuess, planOrder } from './sequencer.ts';
import { repoRoot } from './repo.ts';

const at = (file: string) => `/repo/${file}`;

describe('planOrder', () => {
  it('starts the longest build first, fills its time with other files, and starts the next build when it ends', () => {
    const files = [
      'src/a.test.ts',
      'tests/build/failed-build.test.ts',
      'tests/browser/a11y.test.ts',
      'tests/corpus/site-build.test.ts',
      'src/b.test.ts',
      'tests/corpus/bench.test.ts',
      'tests/browser/offline.test.ts',
    ].map(at);
    expect(planOrder(files)).toEqual(
      [
        // Worker 1 builds the site (97 s) while worker 2 runs a11y (88 s) then offline (49 s).
        'tests/corpus/site-build.test.ts',
        'tests/browser/a11y.test.ts',
        'tests/browser/offline.test.ts',
        // Worker 1 is free at 97 s and the lock too: the next build, while worker 2 is still busy.
        'tests/corpus/bench.test.ts',
        // Worker 2 is free at 137 s, the bench holds the lock until 147 s: a short file, in Vitest's order.
        'src/a.test.ts',
        'src/b.test.ts',
        // Free at 141 s with only a build left: it starts (and waits for the lock).
        'tests/build/failed-build.test.ts',
      ].map(at),
    );
  });

  it('keeps every file exactly once, and Vitest order among files it knows nothing about', () => {
    const files = ['src/z.test.ts', 'src/y.test.ts', 'src/x.test.ts'].map(at);
    expect(planOrder(files)).toEqual(files);
    expect(planOrder([])).toEqual([]);
  });

  it("plans with the last run's durations where Vitest has them, the first guess elsewhere", () => {
    const files = [
      'tests/browser/a11y.test.ts',
      'tests/browser/offline.test.ts',
      'tests/corpus/site-build.test.ts',
      'tests/build/failed-build.test.ts',
    ].map(at);
    // The last run: a11y took 5 s, the failed-build test 120 s (longer than the site build's first guess).
    const measured = new Map([
      [at('tests/browser/a11y.test.ts'), 5],
      [at('tests/build/failed-build.test.ts'), 120],
    ]);
    expect(planOrder(files, (f) => measured.get(f) ?? firstGuess(f))).toEqual(
      [
        'tests/build/failed-build.test.ts',
        'tests/browser/offline.test.ts',
        'tests/browser/a11y.test.ts',
        'tests/corpus/site-build.test.ts',
      ].map(at),
    );
  });

  it('names only test files that exist (a renamed file would silently lose its place)', () => {
    const missing = [...BUILDERS, ...Object.keys(FIRST_GUESS)].filter((file) => !existsSync(path.join(repoRoot, file)));
    expect(missing).toEqual([]);
  });
});
