/**
 * Order never matters: all 580 corpus days (written in a rotation of every format: plain text,
 * markdown, text browser, api JSON, Python-repr strings, the wrapper), the seven raw API days and
 * the three real captures are ingested in file order, in reverse, shuffled, and in two batches
 * (the newer digests first, the older ones added later, with the permalink ledger carried over).
 * Every run must write byte-identical `content/papers/` and `archive.jsonl`, keep every corpus
 * paper, and never lose a URL an earlier batch published.
 */
import { copyFile, mkdir, mkdtemp, readdir, readFile, rm } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { Paper } from '../../src/schemas/paper.ts';
import { runPipeline, type IngestResult, type PipelineOptions } from '../../src/ingest/pipeline.ts';
import type { DigestInput } from '../../src/ingest/types.ts';
import { toArchiveJsonl } from '../../src/core/archive.ts';
import { digestFromFileName } from '../../src/ingest/dates.ts';
import { parseLedger } from '../../src/ingest/ledger.ts';
import { listDigestFiles, readDigestFiles, writePapers } from '../../src/ingest/io.ts';
import { apiDir, capturesDir, hasCorpus, loadCorpus, paperKey, writeDays, type DayFormat } from '../support/corpus.ts';
import { shuffle } from '../support/random.ts';

const ROTATION: DayFormat[] = ['plaintext', 'markdown', 'textbrowser', 'api', 'repr', 'wrapper'];

async function readDir(dir: string): Promise<Map<string, string>> {
  const names = (await readdir(dir)).sort();
  return new Map(await Promise.all(names.map(async (n) => [n, await readFile(path.join(dir, n), 'utf8')] as [string, string])));
}

describe.skipIf(!hasCorpus)('every digest, in any order, gives the same archive', () => {
  let root: string;
  let inputs: DigestInput[];
  const outputs = new Map<string, { papers: Map<string, string>; archive: string; result: IngestResult }>();

  async function ingestInto(
    name: string,
    list: readonly DigestInput[],
    options: PipelineOptions = {},
    out = path.join(root, `out-${name}`),
  ) {
    const result = runPipeline(list, options);
    await writePapers(out, result.papers);
    const entry = { papers: await readDir(out), archive: toArchiveJsonl(result.papers, '/papershelf/'), result };
    outputs.set(name, entry);
    return entry;
  }

  beforeAll(async () => {
    root = await mkdtemp(path.join(tmpdir(), 'papershelf-corpus-order-'));
    const digests = path.join(root, 'digests');
    await writeDays(digests, (_, i) => ROTATION[i % ROTATION.length]!);
    await mkdir(path.join(digests, 'raw'));
    for (const name of await readdir(apiDir)) await copyFile(path.join(apiDir, name), path.join(digests, 'raw', name));
    await mkdir(path.join(digests, 'captures'));
    await copyFile(path.join(capturesDir, 'hf-papers-search-markdown.md'), path.join(digests, 'captures', 'hf-papers-search-markdown.md'));
    await copyFile(
      path.join(capturesDir, 'hf-papers-search-textbrowser.txt'),
      path.join(digests, 'captures', 'hf-papers-search-textbrowser.txt'),
    );
    await copyFile(path.join(capturesDir, 'hf-trending-markdown.md'), path.join(digests, 'captures', '2026-01-21-trending.md'));
    inputs = readDigestFiles(await listDigestFiles([digests]));
  });
  afterAll(async () => {
    if (root) await rm(root, { recursive: true, force: true });
  });

  it('ingests 590 digests: every corpus paper kept, one rejection (the cut-off card), reconciled', async () => {
    expect(inputs).toHaveLength(580 + 7 + 3);
    const started = performance.now();
    const { result } = await ingestInto('sorted', inputs);
    const { report, papers } = result;
    const seconds = (performance.now() - started) / 1000;
    console.log(
      `[corpus order] ${report.filesRead} files, ${report.entriesRead} entries → ${report.papersWritten} papers, ${report.duplicatesMerged} merged, ` +
        `${report.entriesRejected} rejected, ${report.slugCollisions.length} shared URLs, ${papers.reduce((n, p) => n + p.aliases.length, 0)} aliases (${seconds.toFixed(1)} s)`,
    );
    expect(report.entriesRead).toBe(report.papersWritten + report.duplicatesMerged + report.entriesRejected);
    expect(report.entriesRejected).toBe(1);
    expect(new Set(report.files.map((f) => f.format))).toEqual(new Set(['plaintext', 'markdown', 'textbrowser', 'api']));
    const byArxiv = new Set(papers.flatMap((p) => (p.arxiv ? [p.arxiv] : [])));
    const byKey = new Set(papers.map((p: Paper) => paperKey(p.title, p.published)));
    const lost = loadCorpus().papers.filter((c) => !byArxiv.has(c.arxiv) && !byKey.has(paperKey(c.title, c.published)));
    expect(lost.map((c) => c.arxiv)).toEqual([]);
    expect(new Set(papers.map((p) => p.id)).size).toBe(papers.length);
  });

  it.each([
    ['reversed', (list: DigestInput[]) => [...list].reverse()],
    ['shuffled', (list: DigestInput[]) => shuffle(list, 20260821)],
  ])('gives byte-identical papers and archive.jsonl when the digests come %s', async (name, reorder) => {
    const sorted = outputs.get('sorted')!;
    const other = await ingestInto(name, reorder(inputs));
    expect(other.papers.size).toBe(sorted.papers.size);
    expect(other.papers).toEqual(sorted.papers);
    expect(other.archive).toBe(sorted.archive);
  });

  it('gives the same bytes when older digests are added after newer ones, and keeps every URL the first batch published', async () => {
    const sorted = outputs.get('sorted')!;
    const days = inputs.map((i) => digestFromFileName(i.file) ?? '9999-12-31').sort();
    const median = days[Math.floor(days.length / 2)]!;
    const newer = inputs.filter((i) => (digestFromFileName(i.file) ?? '9999-12-31') >= median);
    const out = path.join(root, 'out-batches');
    const first = await ingestInto('newer', shuffle(newer, 7), { ledger: { file: 'permalinks.txt', ledger: parseLedger('') } }, out);
    const ledger = parseLedger(first.result.ledgerText!);
    // The older digests arrive later, into the same folder, with the ledger the first run left.
    const both = await ingestInto('batches', shuffle(inputs, 11), { ledger: { file: 'permalinks.txt', ledger } }, out);
    console.log(
      `[corpus order] two batches: ${newer.length} newer digests (${ledger.ids.length} URLs), then all ${inputs.length}; ledger ${both.result.report.permalinks.known} known, ${both.result.report.permalinks.added.length} added, ${both.result.report.permalinks.missing.length} lost`,
    );
    expect(both.result.report.permalinks.missing).toEqual([]);
    expect(both.result.report.permalinks.recovered).toEqual([]);
    expect(both.papers).toEqual(sorted.papers);
    expect(both.archive).toBe(sorted.archive);
    const published = new Set(both.result.papers.flatMap((p) => [p.id, ...p.aliases]));
    expect(ledger.ids.filter((l) => !published.has(l.id))).toEqual([]);
  });
});
