import { mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { afterEach, describe, expect, it } from 'vitest';
import { paperSchema } from '../schemas/paper.ts';
import { testPaper } from '../../tests/support/builders.ts';
import { entryFields, readEntries } from './entries.ts';

let dir: string | undefined;
afterEach(() => {
  if (dir) rmSync(dir, { recursive: true, force: true });
  dir = undefined;
});

describe('readEntries', () => {
  it('reads the entries oldest first (ties by id), keeping only the fields search and related papers read', () => {
    dir = mkdtempSync(path.join(tmpdir(), 'entries-'));
    const papers = [
      testPaper({ id: 'newest', published: '2026-02-01', links: ['https://example.org/'] }),
      testPaper({ id: 'b-old', published: '2025-01-01', upvotes: 3, topics: [{ slug: 't', reasons: ['r'] }] }),
      testPaper({ id: 'a-old', published: '2025-01-01', keywords: ['k'] }),
    ];
    for (const p of papers) writeFileSync(path.join(dir, `${p.id}.json`), JSON.stringify(p));
    writeFileSync(path.join(dir, 'notes.txt'), 'not an entry');
    const entries = readEntries(dir);
    expect(entries.map((e) => e.id)).toEqual(['a-old', 'b-old', 'newest']);
    expect(Object.keys(entries[0]!).sort()).toEqual(
      ['abstract', 'authorCount', 'authors', 'id', 'keywords', 'org', 'published', 'title', 'topics', 'upvotes'].sort(),
    );
    expect(entries[1]).toMatchObject({ upvotes: 3, topics: [{ slug: 't', reasons: ['r'] }] });
  });

  it('gives what a parse with the schema picked gives, for an entry ingest wrote', () => {
    const paper = testPaper({ id: 'x', org: { name: 'Org', slug: 'org' }, authors: ['A', 'B'], authorCount: 2 });
    const picked = paperSchema.pick({
      id: true,
      title: true,
      authors: true,
      authorCount: true,
      org: true,
      abstract: true,
      keywords: true,
      topics: true,
      published: true,
      upvotes: true,
    });
    expect(entryFields(JSON.parse(JSON.stringify(paper)))).toEqual(picked.parse(JSON.parse(JSON.stringify(paper))));
  });
});
