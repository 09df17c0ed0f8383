/**
 * The order Vitest starts test files in. Test files run two at a time, but the checkout's astro
 * builds take turns (build-lock.ts): a file that builds while another holds the lock only waits.
 * So the order is planned for two workers: whenever no build is running, the free worker takes the
 * next file that builds (longest first); otherwise it takes the longest file that does not, which
 * reads built sites, ingests or drives Chromium beside the build. No build is left for the end with
 * the other worker idle.
 *
 * How long a file takes comes from Vitest's own results cache (the last run's duration) when it
 * has one. A fresh clone, as on CI, has none: then the seconds below are used, what each file took
 * alone on the 2-core CI machine. They are only a first guess (a wrong figure costs time, never
 * correctness) and stop mattering after one local run; a file in neither source counts as short and
 * keeps Vitest's own order (by size on a fresh clone).
 */
import { BaseSequencer, type TestSpecification } from 'vitest/node';

/** Files that run astro builds of the checkout in their tests (they take the build lock). */
export const BUILDERS: readonly string[] = [
  'tests/corpus/site-build.test.ts',
  'tests/corpus/bench.test.ts',
  'tests/build/incremental.test.ts',
  'tests/cli/build.test.ts',
  'tests/hostile/outcomes.test.ts',
  'tests/build/permalinks.test.ts',
  'tests/build/failed-build.test.ts',
];

/** Seconds of the longest files on a fresh clone, used only when Vitest has no duration of its own. */
export const FIRST_GUESS: Readonly<Record<string, number>> = {
  'tests/corpus/site-build.test.ts': 97,
  'tests/corpus/bench.test.ts': 50,
  'tests/build/incremental.test.ts': 47,
  'tests/cli/build.test.ts': 38,
  'tests/hostile/outcomes.test.ts': 17,
  'tests/build/permalinks.test.ts': 10,
  'tests/build/failed-build.test.ts': 8,
  'tests/browser/a11y.test.ts': 88,
  'tests/browser/offline.test.ts': 49,
  'tests/browser/hostile-site.test.ts': 40,
  'tests/corpus/fetch.test.ts': 38,
  'tests/browser/search.test.ts': 37,
  'tests/corpus/determinism.test.ts': 28,
  'tests/browser/search-order.test.ts': 26,
  'tests/browser/history.test.ts': 23,
  'tests/corpus/api-accuracy.test.ts': 20,
  'tests/cli/ingest-files.test.ts': 18,
  'tests/cli/ingest.test.ts': 16,
  'tests/build/html-validity.test.ts': 14,
};

/** Seconds assumed for a file with no duration from either source. */
const SHORT = 2;

const listed = (file: string, name: string) => file.endsWith(`/${name}`);

/** True when `file` (an absolute path) is one of the BUILDERS. */
const isBuilder = (file: string): boolean => BUILDERS.some((name) => listed(file, name));

/** The first-guess seconds of `file`, if it has one. */
export const firstGuess = (file: string): number | undefined => Object.entries(FIRST_GUESS).find(([name]) => listed(file, name))?.[1];

/**
 * Orders `files` (absolute paths, in Vitest's order) for two workers sharing one build lock.
 * `seconds(file)` is how long a file is expected to take (undefined: short).
 */
export function planOrder(files: readonly string[], seconds: (file: string) => number | undefined = firstGuess): string[] {
  const length = (file: string) => seconds(file) ?? SHORT;
  const byLength = (a: string, b: string) => length(b) - length(a);
  // Stable sorts: files of equal length keep Vitest's order.
  const builders = files.filter(isBuilder).sort(byLength);
  const others = files.filter((f) => !isBuilder(f)).sort(byLength);
  const order: string[] = [];
  const free = [0, 0]; // When each worker is next free, in seconds.
  let lockFree = 0; // When the running build ends.
  while (builders.length || others.length) {
    const w = free[0]! <= free[1]! ? 0 : 1;
    const now = free[w]!;
    const build = builders.length > 0 && (lockFree <= now || others.length === 0);
    const file = (build ? builders : others).shift()!;
    order.push(file);
    if (build) free[w] = lockFree = Math.max(now, lockFree) + length(file);
    else free[w] = now + length(file);
  }
  return order;
}

/** Vitest's order, then planned by `planOrder` with the last run's durations where Vitest has them. */
export default class BuildLockSequencer extends BaseSequencer {
  override async sort(files: TestSpecification[]): Promise<TestSpecification[]> {
    const sorted = await super.sort(files);
    const measured = new Map<string, number>();
    for (const spec of sorted) {
      const duration = this.ctx.cache.getTestSpecificationResult(spec)?.duration;
      if (duration !== undefined) measured.set(spec.moduleId, duration / 1000);
    }
    const seconds = (file: string) => measured.get(file) ?? firstGuess(file);
    const order = new Map(
      planOrder(
        sorted.map((s) => s.moduleId),
        seconds,
      ).map((file, i) => [file, i]),
    );
    return sorted.sort((a, b) => order.get(a.moduleId)! - order.get(b.moduleId)!);
  }
}
