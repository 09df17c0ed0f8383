import { describe, expect, it } from 'vitest';
import { testPaper } from '../../../tests/support/builders.ts';
import { searchRecord, shortByline } from './records.ts';

const topics = new Map([
  ['llm-inference', 'Efficient inference & KV cache'],
  ['evil', 'Evil <img src=x> topic'],
]);

describe('searchRecord', () => {
  const paper = testPaper({
    id: '2401.00001',
    title: 'Linear $\\mathcal{O}(n)$ Attention',
    abstract: 'We make attention linear.',
    published: '2024-01-09',
    authors: ['Ada Lovelace', 'Alan Turing'],
    org: { slug: 'acme', name: 'Acme, Inc.: <b>Labs</b>' },
    upvotes: 120,
    keywords: ['linear attention'],
    topics: [
      { slug: 'llm-inference', reasons: [] },
      { slug: 'evil', reasons: [] },
    ],
  });

  it('holds what a result shows, as plain strings, with the title as searchable meta', () => {
    const record = searchRecord(paper, topics, 'A note.');
    expect(record.url).toBe('/papers/2401.00001/');
    expect(record.meta).toEqual({
      title: 'Linear \\mathcal{O}(n) Attention',
      date: '2024-01-09',
      byline: 'Ada Lovelace, Alan Turing',
      org: 'Acme, Inc.: <b>Labs</b>',
      topics: 'Efficient inference & KV cache · Evil <img src=x> topic',
      upvotes: '120',
    });
    expect(record.content).toBe(
      'Linear \\mathcal{O}(n) Attention. Ada Lovelace, Alan Turing. Acme, Inc.: <b>Labs</b>. We make attention linear.. linear attention. A note.',
    );
  });

  it('filters by topic name, organisation name (commas and colons intact) and year; never by day', () => {
    const { filters } = searchRecord(paper, topics);
    expect(filters).toEqual({
      topic: ['Efficient inference & KV cache', 'Evil <img src=x> topic'],
      org: ['Acme, Inc.: <b>Labs</b>'],
      year: ['2024'],
    });
  });

  it('carries no Pagefind sort keys (the sort data file holds them), unknown upvotes shown as 0', () => {
    expect(searchRecord(paper, topics)).not.toHaveProperty('sort');
    const unknown = searchRecord(testPaper({ upvotes: null }), topics);
    expect(unknown.meta.upvotes).toBe('0');
    expect(unknown.filters.org).toEqual([]);
  });

  it("replaces a lone surrogate (which stops Pagefind's JSON parser) and keeps real pairs", () => {
    const record = searchRecord(testPaper({ title: 'Lone \ud800 and pair 😀', org: { slug: 'x', name: 'Org \udc00' } }), topics);
    expect(record.meta.title).toBe('Lone \ufffd and pair 😀');
    expect(record.filters.org).toEqual(['Org \ufffd']);
    expect(record.content.startsWith('Lone \ufffd and pair 😀')).toBe(true);
  });
});

describe('shortByline', () => {
  it('cuts a long author list with an ellipsis, or counts authors when names are unknown', () => {
    const many = Array.from({ length: 40 }, (_, i) => `Author Number ${i}`);
    const line = shortByline({ authors: many, authorCount: 40 });
    expect(line.length).toBeLessThanOrEqual(120);
    expect(line.endsWith(', …')).toBe(true);
    expect(shortByline({ authors: null, authorCount: 7 })).toBe('7 authors');
    expect(shortByline({ authors: null, authorCount: 1 })).toBe('1 author');
    expect(shortByline({ authors: [], authorCount: null })).toBe('');
    expect(shortByline({ authors: ['x'.repeat(300)], authorCount: 1 })).toHaveLength(120);
  });
});
