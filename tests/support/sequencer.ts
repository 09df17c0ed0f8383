/**
 * The order Vitest starts test files in. Test files run two at a time, but the checkout's astro
 * builds take turns (build-lock.ts), so the files that build are started first and one at a time
 * between the others: while one worker builds, the other reads built sites, ingests or drives
 * Chromium, and no build is left for the end with the other worker idle. Everything else keeps
 * Vitest's order (longest first by the last run's durations; by size on a fresh clone, as on CI).
 */
import { BaseSequencer, type TestSpecification } from 'vitest/node';

/**
 * Files that run astro builds of the checkout in their tests, longest first. A file missing here
 * is still correct (its builds wait for the lock), it only starts later than it could.
 */
const BUILDERS = [
  'tests/corpus/site-build.test.ts',
  'tests/corpus/bench.test.ts',
  'tests/build/incremental.test.ts',
  'tests/cli/build.test.ts',
  'tests/hostile/outcomes.test.ts',
  'tests/build/permalinks.test.ts',
  'tests/build/failed-build.test.ts',
];

/** Base order, then the builders moved forward: builder, other, builder, other, … */
export default class BuildsFirstSequencer extends BaseSequencer {
  override async sort(files: TestSpecification[]): Promise<TestSpecification[]> {
    const sorted = await super.sort(files);
    const rank = (spec: TestSpecification) => BUILDERS.findIndex((f) => spec.moduleId.endsWith(`/${f}`));
    const builders = sorted.filter((s) => rank(s) >= 0).sort((a, b) => rank(a) - rank(b));
    const others = sorted.filter((s) => rank(s) < 0);
    const order: TestSpecification[] = [];
    while (builders.length || others.length) {
      const builder = builders.shift();
      if (builder) order.push(builder);
      const other = others.shift();
      if (other) order.push(other);
    }
    return order;
  }
}
