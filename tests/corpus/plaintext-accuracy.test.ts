/**
 * Plain-text accuracy on the real corpus: every corpus digest day (580) is written as a plain-text
 * copy in the seed's layout (into a temporary folder, never the repo), read back through the real
 * listing, parser and pipeline, and `archive.jsonl` compared field by field with the corpus.
 * Prints throughput and exact-match rates; fails below 100% kept or 99.9% exact per field.
 */
import { readFileSync } from 'node:fs';
import { mkdtemp, rm } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { performance } from 'node:perf_hooks';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { parsePlaintext, plaintextFormat } from '../../src/ingest/formats/plaintext.ts';
import { digestFromFileName } from '../../src/ingest/dates.ts';
import { normalizeLine } from '../../src/ingest/normalize.ts';
import { runPipeline } from '../../src/ingest/pipeline.ts';
import { toArchiveJsonl } from '../../src/core/archive.ts';
import type { ArchiveRecord } from '../../src/schemas/archive.ts';
import { listDigestFiles, readDigestFiles, writePapers } from '../../src/ingest/io.ts';
import { capturesDir, hasCorpus, loadCorpus, paperKey, pct, writeDays, type CorpusPaper } from '../support/corpus.ts';

describe.skipIf(!hasCorpus)('plain-text accuracy on the real corpus', () => {
  let dir: string;

  beforeAll(async () => {
    dir = await mkdtemp(path.join(tmpdir(), 'papershelf-corpus-plaintext-'));
    await writeDays(dir, () => 'plaintext');
  });
  afterAll(async () => {
    if (dir) await rm(dir, { recursive: true, force: true });
  });

  it('reads every card back with the fields the corpus holds', async () => {
    const { byDay } = loadCorpus();
    const files = readDigestFiles(await listDigestFiles([dir]));
    const fields = ['title', 'published', 'authorCount/org', 'comments', 'digest'] as const;
    const hits = Object.fromEntries(fields.map((f) => [f, 0])) as Record<(typeof fields)[number], number>;
    const misses: string[] = [];
    let cards = 0;
    let rejected = 0;
    const started = performance.now();
    for (const { file, text } of files) {
      const parsed = parsePlaintext(text, { file, digestFromName: digestFromFileName(file) });
      rejected += parsed.entriesRead - parsed.entries.length;
      const day = file.slice(0, 10);
      const want = byDay.get(day)!;
      cards += want.length;
      parsed.entries.forEach((e, i) => {
        const p = want[i]!;
        const org = p.org ? { slug: p.org.slug, name: normalizeLine(p.org.name) } : null;
        const checks = {
          title: normalizeLine(e.title) === normalizeLine(p.title),
          published: e.published === p.published,
          'authorCount/org': p.org
            ? JSON.stringify(e.org) === JSON.stringify(org) && e.authorCount === null
            : e.authorCount === p.author_count && e.org === null,
          comments: e.comments === (p.num_comments || null),
          digest: e.digest === day,
        };
        for (const f of fields) {
          if (checks[f]) hits[f]++;
          else if (misses.length < 20) misses.push(`${file}:${e.line} ${f}: ${JSON.stringify(e).slice(0, 200)}`);
        }
      });
    }
    const parseSeconds = (performance.now() - started) / 1000;
    console.log(
      `[corpus plaintext] ${files.length} files, ${cards} cards, ${rejected} rejected; parse ${(cards / parseSeconds).toFixed(0)} cards/s`,
    );
    console.log(`[corpus plaintext] reader exact-match rates: ${fields.map((f) => `${f} ${pct(hits[f], cards)}`).join(', ')}`);
    if (misses.length) console.log(misses.join('\n'));
    expect(files).toHaveLength(byDay.size);
    expect(rejected).toBe(0);
    for (const f of fields) expect(hits[f] / cards, f).toBe(1);
  });

  it('does not take the real markdown and text-browser captures for plain text', () => {
    for (const name of ['hf-papers-search-markdown.md', 'hf-trending-markdown.md', 'hf-papers-search-textbrowser.txt']) {
      const text = readFileSync(path.join(capturesDir, name), 'utf8');
      expect(plaintextFormat.detect(text, name), name).toBe(false);
    }
  });

  it('ingests all 580 days into archive.jsonl that matches the corpus: every paper kept, every field exact', async () => {
    const { papers: corpus } = loadCorpus();
    const t0 = performance.now();
    const inputs = readDigestFiles(await listDigestFiles([dir]));
    const t1 = performance.now();
    const { papers, report } = runPipeline(inputs);
    const t2 = performance.now();
    await writePapers(path.join(dir, 'papers'), papers);
    const t3 = performance.now();
    const archive = toArchiveJsonl(papers, '/')
      .trim()
      .split('\n')
      .map((l) => JSON.parse(l) as ArchiveRecord);
    const s = (a: number, b: number) => ((b - a) / 1000).toFixed(2);
    console.log(
      `[corpus plaintext] read ${s(t0, t1)} s, pipeline ${s(t1, t2)} s (${(papers.length / ((t2 - t1) / 1000)).toFixed(0)} papers/s), ` +
        `write ${s(t2, t3)} s; ${report.entriesRead} entries → ${report.papersWritten} papers, ${report.duplicatesMerged} merged, ` +
        `${report.entriesRejected} rejected, ${report.slugCollisions.length} shared URLs`,
    );
    expect(report.entriesRead).toBe(report.papersWritten + report.duplicatesMerged + report.entriesRejected);
    expect(report.entriesRejected).toBe(0);
    expect(report.problems).toEqual([]);

    // Plain text has no arXiv id: a paper is its normalised title and date. Papers sharing both
    // are one paper to the archive (none do in this corpus, but the count allows for it).
    const byKey = new Map<string, ArchiveRecord>();
    for (const r of archive) byKey.set(paperKey(r.title, r.published), r);
    const fields = ['title', 'published', 'authorCount/org', 'comments', 'digests'] as const;
    const hits = Object.fromEntries(fields.map((f) => [f, 0])) as Record<(typeof fields)[number], number>;
    const misses: string[] = [];
    let kept = 0;
    for (const p of corpus) {
      const r = byKey.get(paperKey(p.title, p.published));
      if (!r) {
        if (misses.length < 10) misses.push(`lost: ${p.arxiv} ${p.title}`);
        continue;
      }
      kept++;
      const checks: Record<(typeof fields)[number], boolean> = {
        title: r.title === p.title,
        published: r.published === p.published,
        'authorCount/org': p.org
          ? r.org?.slug === p.org.slug && r.org.name === normalizeLine(p.org.name)
          : r.authorCount === p.author_count,
        comments: r.comments === (p.num_comments || null),
        digests: JSON.stringify(r.digests) === JSON.stringify(p.digest_dates),
      };
      for (const f of fields) {
        if (checks[f]) hits[f]++;
        else if (misses.length < 20)
          misses.push(`${f}: ${p.arxiv} corpus ${JSON.stringify(pick(p, f))} archive ${JSON.stringify(pickArchive(r, f))}`);
      }
    }
    console.log(
      `[corpus plaintext] archive.jsonl: ${archive.length} records, kept ${kept}/${corpus.length} (${pct(kept, corpus.length)}); exact: ${fields.map((f) => `${f} ${pct(hits[f], kept)}`).join(', ')}`,
    );
    if (misses.length) console.log(misses.join('\n'));
    expect(kept).toBe(corpus.length);
    for (const f of fields) expect(hits[f] / kept, f).toBeGreaterThanOrEqual(0.999);
    expect(new Set(papers.map((p) => p.id)).size).toBe(papers.length);
    expect((t2 - t1) / 1000).toBeLessThan(60);
  });
});

function pick(p: CorpusPaper, f: string): unknown {
  return {
    title: p.title,
    published: p.published,
    'authorCount/org': p.org ?? p.author_count,
    comments: p.num_comments,
    digests: p.digest_dates,
  }[f];
}

function pickArchive(r: ArchiveRecord, f: string): unknown {
  return { title: r.title, published: r.published, 'authorCount/org': r.org ?? r.authorCount, comments: r.comments, digests: r.digests }[f];
}
