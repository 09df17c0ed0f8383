/** paper-entry.ts against the schema it stands in for: the same entry, byte for byte, or none. */
import { readFileSync } from 'node:fs';
import path from 'node:path';
import { describe, expect, it } from 'vitest';
import fc from 'fast-check';
import { paperSchema, type Paper } from '../schemas/paper.ts';
import { paperEntry } from './paper-entry.ts';
import { runPipeline } from './pipeline.ts';
import { serializePaper } from './io.ts';
import { repoRoot } from '../../tests/support/repo.ts';

const seed = readFileSync(path.join(repoRoot, 'content/digests/2026-01-08.txt'), 'utf8');
const { papers } = runPipeline([{ file: '2026-01-08.txt', text: seed }]);

/** A full paper (every optional part filled), from the seed's papers. */
const full: Paper = {
  ...papers.find((p) => p.org !== null)!,
  aliases: ['an-old-slug'],
  github: 'https://github.com/owner/repo',
  project: 'https://example.org/project',
  links: ['https://example.org/a', 'https://example.org/b'],
  keywords: ['KV cache'],
  topics: [{ slug: 'inference', reasons: ['title mentions "KV cache"'] }],
  conflicts: [{ field: 'title', value: 'Another title', digest: '2026-01-07' }],
};

describe('paperEntry', () => {
  it('writes every seed paper as the schema does, byte for byte', () => {
    for (const p of [...papers, full]) {
      const entry = paperEntry(p);
      expect(entry).not.toBeNull();
      expect(serializePaper(entry!)).toBe(serializePaper(paperSchema.parse(p)));
    }
  });

  it('drops keys the schema does not know and copies what it keeps', () => {
    const entry = paperEntry({ ...full, extra: 1 } as Paper)!;
    expect(Object.keys(entry)).toEqual(Object.keys(paperSchema.shape));
    expect(entry.appearances[0]).not.toBe(full.appearances[0]);
    expect(entry.links).not.toBe(full.links);
  });

  // One field (or one nested value) replaced by a near miss: paperEntry must never accept what the
  // schema refuses, nor write anything other than what the schema would write.
  const nearMisses: unknown[] = [
    ...[undefined, null, '', ' ', 'x', ' https://example.org', 'https://exa\nmple.org', 'http://', 'https://example.org/x'],
    ...['2026-1-08', '2026-01-08', 'api', 'counts', 'pdf', 'title', 'hep-th/9901001', '2401.04558'],
    ...[0, -1, 1.5, 3, NaN, Infinity, [], [''], [undefined], {}],
  ];
  const paths: Array<Array<string | number>> = [
    ...Object.keys(paperSchema.shape).map((k) => [k]),
    ...['slug', 'name'].map((k) => ['org', k]),
    ...['digest', 'file', 'line', 'rank', 'upvotes', 'comments', 'format', 'capturedAt'].map((k) => ['appearances', 0, k]),
    ...['field', 'value', 'digest'].map((k) => ['conflicts', 0, k]),
    ['topics', 0, 'slug'],
    ['topics', 0, 'reasons'],
    ['topics', 0],
    ['appearances', 0],
    ['links', 1],
    ['aliases', 0],
    ['digests', 0],
    ...['upvotes', 'comments', 'org', 'authors'].map((k) => ['sources', k]),
  ];
  /** Whether paperEntry of `full` with `value` at `where` (deleted when undefined) is the schema's entry or none. */
  const agrees = (where: Array<string | number>, value: unknown): void => {
    const candidate = structuredClone(full) as unknown as Record<string | number, unknown>;
    let at = candidate;
    for (const key of where.slice(0, -1)) at = at[key] as Record<string | number, unknown>;
    if (value === undefined) delete at[where.at(-1)!];
    else at[where.at(-1)!] = value;
    const entry = paperEntry(candidate as unknown as Paper);
    if (entry === null) return; // the schema decides (pipeline.ts `toPaper`)
    const parsed = paperSchema.safeParse(candidate);
    expect(parsed.success, `${where.join('.')} = ${String(value)}`).toBe(true);
    expect(serializePaper(entry)).toBe(serializePaper(parsed.data!));
  };

  it('agrees with the schema on papers with one near-miss value, wherever it is', () => {
    for (const where of paths) for (const value of nearMisses) agrees(where, value);
  });

  it('agrees with the schema on papers with one arbitrary string or number', () => {
    fc.assert(
      fc.property(fc.constantFrom(...paths), fc.oneof(fc.string(), fc.integer(), fc.double()), (where, value) => agrees(where, value)),
      { numRuns: 1000 },
    );
  });
});
