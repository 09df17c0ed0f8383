import { describe, expect, it } from 'vitest';
import { paperSchema } from '../schemas/paper.ts';
import { testPaper } from '../../tests/support/builders.ts';
import { papersFolder } from '../../tests/support/papers-folder.ts';
import { entryFields, readEntries } from './entries.ts';

describe('readEntries', () => {
  it('reads the entries oldest first (ties by id), keeping only the fields search and related papers read', () => {
    const papers = [
      testPaper({ id: 'newest', published: '2026-02-01', links: ['https://example.org/'] }),
      testPaper({ id: 'b-old', published: '2025-01-01', upvotes: 3, topics: [{ slug: 't', reasons: ['r'] }] }),
      testPaper({ id: 'a-old', published: '2025-01-01', keywords: ['k'] }),
    ];
    const entries = readEntries(papersFolder(papers, { 'notes.txt': 'not an entry' }));
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
