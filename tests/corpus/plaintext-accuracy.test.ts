/**
 * Plain-text accuracy on the real corpus: every corpus digest day is rendered as a plain-text copy
 * in the seed's layout (into a temporary folder, never the repo), read back through the real
 * listing, parser and pipeline, and compared field by field with the corpus. Prints throughput
 * and exact-match rates; fails if any rate drops below its floor.
 */
import { existsSync, readFileSync } from 'node:fs';
import { mkdtemp, rm, writeFile } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { performance } from 'node:perf_hooks';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { parsePlaintext, plaintextFormat } from '../../src/ingest/formats/plaintext.ts';
import { digestFromFileName } from '../../src/ingest/dates.ts';
import { normalizeLine } from '../../src/ingest/normalize.ts';
import { runPipeline } from '../../src/ingest/pipeline.ts';
import { listDigestFiles, readDigestFiles, writePapers } from '../../src/ingest/write.ts';
import { corpusDir } from '../helpers/repo.ts';

interface CorpusPaper {
  arxiv: string;
  title: string;
  abstract: string;
  author_count: number;
  org: { slug: string; name: string } | null;
  published: string;
  digest_dates: string[];
  num_comments: number | null;
}

const MONTHS = ['Jan', 'Feb', 'Mar', 'Apr', 'May', 'Jun', 'Jul', 'Aug', 'Sep', 'Oct', 'Nov', 'Dec'];
const papersFile = path.join(corpusDir, 'papers.jsonl');

/** `Mon D`, with `, YYYY` unless the date is in the digest's own year (as the papers page shows it). */
function cardDate(iso: string, digest: string): string {
  const [y, m, d] = iso.split('-').map(Number) as [number, number, number];
  return `${MONTHS[m - 1]} ${d}${iso.slice(0, 4) === digest.slice(0, 4) ? '' : `, ${y}`}`;
}

/** One digest day as the seed's plain-text layout. */
function renderDigest(digest: string, papers: readonly CorpusPaper[]): string {
  const [, m, d] = digest.split('-').map(Number) as [number, number, number];
  const header = `new\n\nGet trending papers in your email inbox!\n\nSubscribe\n\nDaily Papers\n\nbyAK and the research community\n\n${MONTHS[m - 1]} ${d}\n\n`;
  const cards = papers.map((p) => {
    const byline = p.org ? `${p.org.slug} ${p.org.name}` : `  • ${p.author_count} authors`;
    const comments = p.num_comments ? ` ${p.num_comments}` : '';
    return `${p.title}\n\n${p.abstract}\n\n${byline}\n·\n${cardDate(p.published, digest)}${comments}\n`;
  });
  // Like the seed: cards separated by a blank line, no newline after the last one.
  return header + cards.join('\n').replace(/\n$/, '');
}

describe.skipIf(!existsSync(papersFile))('plain-text accuracy on the real corpus', () => {
  let dir: string;
  const corpus: CorpusPaper[] = [];
  const byDay = new Map<string, CorpusPaper[]>();

  beforeAll(async () => {
    for (const line of readFileSync(papersFile, 'utf8').split('\n')) {
      if (!line.trim()) continue;
      const p = JSON.parse(line) as CorpusPaper;
      corpus.push(p);
      for (const day of p.digest_dates) byDay.set(day, [...(byDay.get(day) ?? []), p]);
    }
    dir = await mkdtemp(path.join(tmpdir(), 'papershelf-corpus-plaintext-'));
    await Promise.all([...byDay].map(([day, list]) => writeFile(path.join(dir, `${day}.txt`), renderDigest(day, list))));
  });
  afterAll(async () => {
    if (dir) await rm(dir, { recursive: true, force: true });
  });

  it('reads every card back with the fields the corpus holds', async () => {
    const files = await readDigestFiles(await listDigestFiles([dir]));
    const expected = new Map([...byDay].map(([day, list]) => [`${day}.txt`, list]));
    const fields = ['title', 'published', 'authorCount/org', 'comments', 'digest'] as const;
    const hits = Object.fromEntries(fields.map((f) => [f, 0])) as Record<(typeof fields)[number], number>;
    const misses: string[] = [];
    let cards = 0;
    let rejected = 0;
    const started = performance.now();
    for (const { file, text } of files) {
      const parsed = parsePlaintext(text, { file, digestFromName: digestFromFileName(file) });
      rejected += parsed.entriesRead - parsed.entries.length;
      const want = expected.get(file)!;
      cards += want.length;
      parsed.entries.forEach((e, i) => {
        const p = want[i]!;
        const day = file.slice(0, 10);
        const org = p.org ? { slug: p.org.slug, name: normalizeLine(p.org.name) } : null;
        const checks = {
          title: normalizeLine(e.title) === normalizeLine(p.title),
          published: e.published === p.published,
          'authorCount/org': p.org ? JSON.stringify(e.org) === JSON.stringify(org) && e.authorCount === null : e.authorCount === p.author_count && e.org === null,
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
    const rates = Object.fromEntries(fields.map((f) => [f, hits[f] / cards]));
    console.log(`[corpus plaintext] ${files.length} files, ${cards} cards, ${rejected} rejected; parse ${(cards / parseSeconds).toFixed(0)} cards/s`);
    console.log(`[corpus plaintext] exact-match rates: ${fields.map((f) => `${f} ${(rates[f]! * 100).toFixed(2)}%`).join(', ')}`);
    if (misses.length) console.log(misses.join('\n'));
    expect(files).toHaveLength(byDay.size);
    expect(rejected).toBe(0);
    for (const f of fields) expect(rates[f], f).toBe(1);
  });

  it('does not take the real markdown and text-browser captures for plain text', () => {
    for (const name of ['hf-papers-search-markdown.md', 'hf-trending-markdown.md', 'hf-papers-search-textbrowser.txt']) {
      const text = readFileSync(path.join(corpusDir, 'captures', name), 'utf8');
      expect(plaintextFormat.detect(text, name), name).toBe(false);
    }
  });

  it('ingests the whole corpus through the pipeline: one paper per real paper, and fast', async () => {
    const t0 = performance.now();
    const inputs = await readDigestFiles(await listDigestFiles([dir]));
    const t1 = performance.now();
    const { papers, report } = runPipeline(inputs);
    const t2 = performance.now();
    await writePapers(path.join(dir, 'papers'), papers);
    const t3 = performance.now();
    const s = (a: number, b: number) => ((b - a) / 1000).toFixed(2);
    console.log(
      `[corpus plaintext] read ${s(t0, t1)} s, pipeline ${s(t1, t2)} s (${(papers.length / ((t2 - t1) / 1000)).toFixed(0)} papers/s), ` +
        `write ${s(t2, t3)} s; ${report.entriesRead} entries → ${report.papersWritten} papers, ${report.duplicatesMerged} merged, ` +
        `${report.entriesRejected} rejected, ${report.slugCollisions.length} shared slugs`,
    );
    expect(report.entriesRead).toBe(report.papersWritten + report.duplicatesMerged + report.entriesRejected);
    expect(report.entriesRejected).toBe(0);
    expect(report.problems).toEqual([]);
    // Plain text has no arXiv id: papers are told apart by title and date. Count the corpus
    // papers that share both with another paper: only those may merge.
    const keys = new Map<string, number>();
    for (const p of corpus) {
      const k = `${normalizeLine(p.title).toLowerCase().replace(/[^\p{L}\p{N}]+/gu, '')}|${p.published}`;
      keys.set(k, (keys.get(k) ?? 0) + 1);
    }
    expect(report.papersWritten).toBe(keys.size);
    expect(new Set(papers.map((p) => p.id)).size).toBe(papers.length);
    expect((t2 - t1) / 1000).toBeLessThan(60);
  });
});
