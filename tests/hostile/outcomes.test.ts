/**
 * Each hostile case (cases.ts) gets the outcome it declares: read in full, read with a warning,
 * refused with an error naming `file:line`, skipped with a reason, or (notes) a build that stops
 * with `file:line`. All digest cases go through one run of the real ingest CLI, next to the sample
 * digest; a note case gets a build of its own (`npm run build`). Cases in known-defects.ts are expected to fail
 * (`it.fails`) until the item that fixes them is merged.
 */
import { mkdtempSync } from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { beforeAll, describe, expect, it } from 'vitest';
import type { Paper } from '../../src/schemas/paper.ts';
import { HOSTILE_CASES, type HostileCase } from './cases.ts';
import { KNOWN_DEFECTS } from './known-defects.ts';
import {
  buildFailureFailures,
  findingsOf,
  ingest,
  noteBuildFailures,
  npmBuild,
  outcomeFailures,
  writeHostileArchive,
  type IngestRun,
} from './harness.ts';

let all: IngestRun;
let baseline: Paper[];
const root = mkdtempSync(path.join(os.tmpdir(), 'papershelf-hostile-outcomes-'));

beforeAll(async () => {
  const base = writeHostileArchive(path.join(root, 'baseline'), []);
  baseline = (await ingest(base.digests, path.join(root, 'baseline-papers'), path.join(root, 'baseline.jsonl'), base.topics)).papers;
  const layout = writeHostileArchive(
    path.join(root, 'all'),
    HOSTILE_CASES.filter((c) => c.format !== 'note'),
  );
  all = await ingest(layout.digests, path.join(root, 'papers'), path.join(root, 'all.jsonl'), layout.topics);
}, 120_000);

/** `it`, or `it.fails` for a known defect (the lead removes the entry once its fix is merged). */
const test = (c: HostileCase) => (c.id in KNOWN_DEFECTS ? it.fails : it);
const title = (c: HostileCase) => `${c.id}: ${c.tries}${c.id in KNOWN_DEFECTS ? ` [known defect, ${KNOWN_DEFECTS[c.id]}]` : ''}`;

describe('every hostile digest, ingested next to the sample digest in one run', () => {
  it('ingest finishes (exit 1: some cards refused) with a report that reconciles', () => {
    expect(all.result.code, all.result.stderr).toBe(1);
    expect(all.report).not.toBeNull();
    const r = all.report as unknown as { entriesRead: number; papersWritten: number; duplicatesMerged: number; entriesRejected: number };
    expect(r.entriesRead).toBe(r.papersWritten + r.duplicatesMerged + r.entriesRejected);
  });

  for (const c of HOSTILE_CASES.filter((x) => x.format !== 'note')) {
    test(c)(title(c), () => {
      expect(outcomeFailures(c, findingsOf(c, all, baseline), all)).toEqual([]);
    });
  }
});

describe('hostile notes, each in a build of its own', () => {
  for (const c of HOSTILE_CASES.filter((x) => x.format === 'note')) {
    test(c)(
      title(c),
      async () => {
        // Built the way a user builds (npm run build): its ingest step checks the notes.
        const layout = writeHostileArchive(path.join(root, c.id), [c]);
        const build = await npmBuild(layout, path.join(root, `${c.id}-dist`));
        expect([...buildFailureFailures(c, build), ...noteBuildFailures(c, build)]).toEqual([]);
      },
      180_000,
    );
  }
});
