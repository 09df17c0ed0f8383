/**
 * Permalinks as a maintainer lives them, through the real CLI and a real build: a paper first
 * saved as a plain-text copy (slug URL) later arrives in an API day with its arXiv id, and a second
 * paper with an existing paper's title arrives. Every URL published before must still work.
 */
import { beforeAll, describe, expect, it } from 'vitest';
import { mkdtempSync, mkdirSync, readFileSync, writeFileSync, existsSync } from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { run } from '../support/run.ts';
import { page } from '../support/html.ts';
import { renderApi, renderPlaintext } from '../support/render-digests.ts';
import { testCard } from '../support/builders.ts';

const BASE = '/links/';

const card = testCard;

const alpha = card({ title: 'Alpha Retrieval for Agents', published: '2025-12-01' });
const beta1 = card({ title: 'Beta: A Study', published: '2025-11-20' });
const beta2 = card({
  title: 'Beta: A Study',
  published: '2024-03-02',
  abstract: 'A different paper that happens to share the title of another.',
});

describe('permalinks survive new captures', () => {
  let root: string;
  let dist: string;
  let ledger: string;
  let firstIds: string[];

  beforeAll(async () => {
    root = mkdtempSync(path.join(os.tmpdir(), 'papershelf-links-'));
    const digests = path.join(root, 'digests');
    mkdirSync(digests);
    ledger = path.join(root, 'permalinks.txt');
    const ingest = (out: string) => run('npx', ['tsx', 'scripts/ingest.ts', digests, '--out', out, '--ledger', ledger, '--json']);

    // Day one: plain text only, so both papers get slug URLs.
    writeFileSync(path.join(digests, '2026-01-08.txt'), renderPlaintext('2026-01-08', [alpha, beta1]));
    const first = await ingest(path.join(root, 'papers-1'));
    expect(first.code, first.stderr).toBe(0);
    firstIds = readFileSync(ledger, 'utf8').trim().split('\n');

    // Later: the API day gives alpha its arXiv id, and an older digest brings a second "Beta".
    writeFileSync(
      path.join(digests, '2026-01-09.json'),
      renderApi('2026-01-09', [{ ...alpha, arxiv: '2512.00001', authors: ['Ada Lovelace', 'Alan Turing', 'Grace Hopper'] }]),
    );
    writeFileSync(path.join(digests, '2024-03-04.txt'), renderPlaintext('2024-03-04', [beta2]));
    const papers = path.join(root, 'papers-2');
    const second = await ingest(papers);
    expect(second.code, second.stdout + second.stderr).toBe(0);

    dist = path.join(root, 'dist');
    const build = await run('npx', ['astro', 'build'], {
      PAPERSHELF_PAPERS: papers,
      PAPERSHELF_OUT: dist,
      BASE,
      SITE: 'https://example.org',
    });
    expect(build.code, build.stderr).toBe(0);
  });

  it('gave the first captures slug URLs and recorded them in the ledger', () => {
    expect(firstIds).toEqual(['alpha-retrieval-for-agents', 'beta-a-study']);
  });

  it('moves the paper to its arXiv id and turns the old slug URL into a redirect page', () => {
    const paper = page(dist, 'papers/2512.00001/');
    expect(paper.querySelector('h1')!.textContent.trim()).toBe('Alpha Retrieval for Agents');
    const redirect = page(dist, 'papers/alpha-retrieval-for-agents/');
    expect(redirect.querySelector('link[rel="canonical"]')!.getAttribute('href')).toBe('https://example.org/links/papers/2512.00001/');
    expect(redirect.querySelector('meta[http-equiv="refresh"]')!.getAttribute('content')).toMatch(
      /^0;\s*url=\/links\/papers\/2512\.00001\/$/i,
    );
    expect(redirect.querySelector('meta[name="robots"]')!.getAttribute('content')).toContain('noindex');
    expect(redirect.querySelectorAll('a').map((a) => a.getAttribute('href'))).toContain('/links/papers/2512.00001/');
  });

  it('turns a slug two papers share into a page that links both, each with its own permalink', () => {
    const shared = page(dist, 'papers/beta-a-study/');
    const links = shared.querySelectorAll('main a').map((a) => a.getAttribute('href')!);
    const targets = links.filter((h) => h.startsWith('/links/papers/beta-a-study-'));
    expect(new Set(targets).size).toBe(2);
    for (const target of targets) {
      const id = target.split('/')[3]!;
      expect(existsSync(path.join(dist, 'papers', id, 'index.html'))).toBe(true);
      expect(page(dist, `papers/${id}/`).querySelector('article:not([data-permalink])')).not.toBeNull();
    }
  });

  it('keeps every URL of the first ingest working and extends the ledger', () => {
    const ledgerNow = readFileSync(ledger, 'utf8').trim().split('\n');
    for (const id of firstIds) {
      expect(ledgerNow).toContain(id);
      expect(existsSync(path.join(dist, 'papers', id, 'index.html')), id).toBe(true);
    }
    expect(ledgerNow).toContain('2512.00001');
  });

  it('keeps redirect and shared pages out of the sitemap', () => {
    const sitemap = readFileSync(path.join(dist, 'sitemap-0.xml'), 'utf8');
    expect(sitemap).toContain('https://example.org/links/papers/2512.00001/');
    expect(sitemap).not.toContain('/papers/alpha-retrieval-for-agents/');
    expect(sitemap).not.toContain('/papers/beta-a-study/');
  });

  it('keeps redirect and shared pages out of the search index', () => {
    const indexed = readFileSync(path.join(dist, 'pagefind', 'pagefind-entry.json'), 'utf8');
    expect(JSON.parse(indexed).languages.en.page_count).toBe(3);
  });
});
