/**
 * The hostile-digest set (tests/hostile/cases.ts) next to the sample digest, ingested with the real
 * CLI and built once by the e2e setup: the build succeeds, its feeds are well-formed XML, its
 * archive and JSON-LD parse, no page carries control characters, and the sample's 44 papers and
 * their URLs are byte-identical to the sample ingested alone.
 */
import { existsSync, readFileSync, readdirSync } from 'node:fs';
import path from 'node:path';
import { describe, expect, inject, it } from 'vitest';
import { archiveProblems, pageProblems, xmlErrors, xmlFiles, xmlProblems } from '../hostile/output.ts';
import { buildSet } from '../hostile/harness.ts';
import { HOSTILE_CASES } from '../hostile/cases.ts';

const site = inject('hostile');
const jsonFiles = (dir: string) =>
  readdirSync(dir)
    .filter((f) => f.endsWith('.json'))
    .sort();

describe('the hostile-digest set next to the sample digest', () => {
  it('holds at least 60 cases in every format, and the build takes all but the known defects', () => {
    expect(HOSTILE_CASES.length).toBeGreaterThanOrEqual(60);
    expect(new Set(HOSTILE_CASES.map((c) => c.id)).size).toBe(HOSTILE_CASES.length);
    for (const format of ['plaintext', 'markdown', 'textbrowser', 'api', 'file', 'note'] as const) {
      expect(
        HOSTILE_CASES.some((c) => c.format === format),
        format,
      ).toBe(true);
    }
    // The build ran: ingest refused the cards the cases mean it to refuse (exit 1) and built the rest.
    expect(site.ingestCode).toBe(1);
    for (const c of buildSet()) expect(existsSync(path.join(site.layout.digests, 'cases', c.id)) || c.format === 'note', c.id).toBe(true);
    expect(existsSync(path.join(site.dist, 'index.html'))).toBe(true);
  });

  it('leaves the sample’s 44 papers byte-identical to the sample ingested alone', () => {
    const sample = jsonFiles(site.baselinePapers);
    expect(sample).toHaveLength(44);
    for (const file of sample) {
      expect(readFileSync(path.join(site.papers, file), 'utf8'), file).toBe(readFileSync(path.join(site.baselinePapers, file), 'utf8'));
    }
  });

  it('keeps every sample URL (id and aliases) and its archive record unchanged', () => {
    const hostileLines = new Map(
      readFileSync(site.archive, 'utf8')
        .trim()
        .split('\n')
        .map((l) => [(JSON.parse(l) as { id: string }).id, l]),
    );
    const sampleLines = readFileSync(site.baselineArchive, 'utf8').trim().split('\n');
    expect(sampleLines).toHaveLength(44);
    for (const line of sampleLines) {
      const record = JSON.parse(line) as { id: string; url: string; aliases: string[] };
      expect(hostileLines.get(record.id), record.id).toBe(line);
      for (const url of [record.url, ...record.aliases]) expect(existsSync(path.join(site.dist, url, 'index.html')), url).toBe(true);
    }
  });

  it('writes feed.xml, every topic feed and the sitemaps as well-formed XML', () => {
    const files = xmlFiles(site.dist);
    expect(files).toContain('feed.xml');
    expect(files).toContain('topics/hostile-topic/feed.xml');
    expect(files.some((f) => f.startsWith('sitemap'))).toBe(true);
    expect(xmlProblems(site.dist)).toEqual([]);
    // The checker is strict: a control character or a bare `&` would not pass.
    expect(xmlErrors('<a>x\u0001y</a>')).not.toEqual([]);
    expect(xmlErrors('<a>x & y</a>')).not.toEqual([]);
  });

  it('keeps hostile titles as text in feed.xml', () => {
    const feed = readFileSync(path.join(site.dist, 'feed.xml'), 'utf8');
    expect(feed).not.toMatch(/<item><title>Injected<\/title><\/item>/);
    expect(feed).not.toMatch(/<img src=x onerror/);
  });

  it('writes archive.jsonl lines that each parse, one per paper', () => {
    expect(archiveProblems(site.dist)).toEqual([]);
    const lines = readFileSync(path.join(site.dist, 'archive.jsonl'), 'utf8').trim().split('\n');
    expect(lines).toHaveLength(jsonFiles(site.papers).length);
  });

  it('writes JSON-LD that parses on every page, and no control characters into any page', () => {
    expect(pageProblems(site.dist)).toEqual([]);
  });

  it('makes no file outside dist/ and no page outside its route (ids and slugs cannot walk out)', () => {
    // The same top-level entries as the demo build (hashed worker file names aside).
    const names = (dir: string) =>
      readdirSync(dir)
        .map((n) => n.replace(/-[0-9a-f]{8,}\.js$/, '.js'))
        .sort();
    expect(names(site.dist)).toEqual(names(inject('distDir')));
    // `orgs/../../index` (the traversal case's slug) resolved naively from dist/orgs/ would land beside dist/.
    expect(existsSync(path.join(site.dist, '..', 'index'))).toBe(false);
    expect(existsSync(path.join(site.dist, '..', 'index.html'))).toBe(false);
    for (const dir of readdirSync(path.join(site.dist, 'papers'))) expect(dir, dir).toMatch(/^[a-z0-9][a-z0-9.-]*$/);
  });
});
