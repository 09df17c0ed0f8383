/**
 * The order Vitest starts test files in. Test files run two at a time, but the checkout's astro
 * builds take turns (build-lock.ts): a file that builds while another holds the lock only waits.
 * So the order is planned for two workers: whenever no build is running, the free worker takes the
 * next file that builds (longest first); otherwise it takes the longest file that does not, which
 * reads built sites, ingests or drives Chromium beside the build. No build is left for the end with
 * the other worker idle. The seconds are what each file took alone on the 2-core CI machine; a file
 * not listed counts as short and keeps Vitest's own order (by the last run's durations, or by size
 * on a fresh clone, as on CI). A wrong figure only costs time, never correctness.
 */
import { BaseSequencer, type TestSpecification } from 'vitest/node';

/** Files that run astro builds of the checkout in their tests, and their seconds. */
const BUILDERS: Record<string, number> = {
  'tests/corpus/site-build.test.ts': 97,
  'tests/corpus/bench.test.ts': 50,
  'tests/build/incremental.test.ts': 47,
  'tests/cli/build.test.ts': 38,
  'tests/hostile/outcomes.test.ts': 17,
  'tests/build/permalinks.test.ts': 10,
  'tests/build/failed-build.test.ts': 8,
};

/** The longest files that do not build, and their seconds. */
const OTHERS: Record<string, number> = {
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

/** Seconds assumed for a file in neither table. */
const SHORT = 2;

const seconds = (table: Record<string, number>, file: string): number | undefined =>
  Object.entries(table).find(([listed]) => file.endsWith(`/${listed}`))?.[1];

/** Orders `files` (absolute paths, in Vitest's order) for two workers sharing one build lock. */
export function planOrder(files: readonly string[]): string[] {
  const byLength = (table: Record<string, number>) => (a: string, b: string) => (seconds(table, b) ?? SHORT) - (seconds(table, a) ?? SHORT);
  // Stable sorts: equal (unlisted) files keep Vitest's order.
  const builders = files.filter((f) => seconds(BUILDERS, f) !== undefined).sort(byLength(BUILDERS));
  const others = files.filter((f) => seconds(BUILDERS, f) === undefined).sort(byLength(OTHERS));
  const order: string[] = [];
  const free = [0, 0]; // When each worker is next free, in seconds.
  let lockFree = 0; // When the running build ends.
  while (builders.length || others.length) {
    const w = free[0]! <= free[1]! ? 0 : 1;
    const now = free[w]!;
    const build = builders.length > 0 && (lockFree <= now || others.length === 0);
    const file = (build ? builders : others).shift()!;
    order.push(file);
    if (build) free[w] = lockFree = Math.max(now, lockFree) + seconds(BUILDERS, file)!;
    else free[w] = now + (seconds(OTHERS, file) ?? SHORT);
  }
  return order;
}

/** Vitest's order, then planned by `planOrder`. */
export default class BuildLockSequencer extends BaseSequencer {
  override async sort(files: TestSpecification[]): Promise<TestSpecification[]> {
    const sorted = await super.sort(files);
    const order = new Map(planOrder(sorted.map((s) => s.moduleId)).map((file, i) => [file, i]));
    return sorted.sort((a, b) => order.get(a.moduleId)! - order.get(b.moduleId)!);
  }
}
