/**
 * The three real captures (`corpus/captures/`, described field by field in their README):
 * counts (120 cards in the search markdown, 34 in the text-browser dump with the 34th cut off,
 * 50 papers from 100 headings in the trending capture), the fields each carries, and a
 * cross-check against the normalised corpus wherever a paper is in it.
 */
import { copyFile, mkdtemp, rm } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { readFileSync } from 'node:fs';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { runPipeline } from '../../src/ingest/pipeline.ts';
import { normalizeLine } from '../../src/ingest/normalize.ts';
import { titleKey } from '../../src/ingest/merge.ts';
import { listDigestFiles, readDigestFiles } from '../../src/ingest/io.ts';
import { capturesDir, hasCorpus, loadCorpus, pct, type CorpusPaper } from '../support/corpus.ts';

const SEARCH_MD = 'hf-papers-search-markdown.md';
const BROWSER = 'hf-papers-search-textbrowser.txt';
const TRENDING = 'hf-trending-markdown.md';

async function ingest(dir: string, names: string[]) {
  return runPipeline(readDigestFiles(await listDigestFiles(names.map((n) => path.join(dir, n)))));
}

/** Corpus papers by normalised title (several when titles repeat). */
function byTitle(): Map<string, CorpusPaper[]> {
  const out = new Map<string, CorpusPaper[]>();
  for (const p of loadCorpus().papers) out.set(titleKey(p.title), [...(out.get(titleKey(p.title)) ?? []), p]);
  return out;
}

describe.skipIf(!hasCorpus)('the real captures', () => {
  let dir: string;
  beforeAll(async () => {
    dir = await mkdtemp(path.join(tmpdir(), 'papershelf-corpus-captures-'));
    // The trending capture has no date anywhere: saved under the day it was captured, it can be read.
    await copyFile(path.join(capturesDir, TRENDING), path.join(dir, `2026-01-21-${TRENDING}`));
  });
  afterAll(async () => {
    if (dir) await rm(dir, { recursive: true, force: true });
  });

  it('search markdown: 120 cards, 120 papers with arXiv ids, dated by the front matter; agrees with the corpus', async () => {
    const { papers, report } = await ingest(capturesDir, [SEARCH_MD]);
    expect(report).toMatchObject({ entriesRead: 120, papersWritten: 120, duplicatesMerged: 0, entriesRejected: 0 });
    expect(report.files[0]).toMatchObject({ format: 'markdown', digest: '2026-10-02' });
    expect(papers.every((p) => p.arxiv !== null && p.id === p.arxiv && p.upvotes !== null)).toBe(true);
    expect(papers.filter((p) => p.org !== null).length + papers.filter((p) => p.authorCount !== null).length).toBe(120);
    // The README's examples, exactly.
    const noisy = papers.find((p) => p.id === '2502.20581')!;
    expect(noisy).toMatchObject({
      title: 'The Noisy Path from Source to Citation: Measuring How Scholars Engage with Past Research',
      upvotes: 0,
      authorCount: 3,
      published: '2025-02-27',
      comments: null,
    });
    expect(papers.find((p) => p.id === '2606.00683')).toMatchObject({
      upvotes: 101,
      comments: 6,
      published: '2026-05-29',
      org: { slug: 'occ-ai', name: 'OCC' },
    });
    expect(papers.find((p) => p.id === '2402.03003')!.title).toBe(
      '[Citation needed] Data usage and citation practices in medical imaging conferences',
    );
    expect(papers.some((p) => /\\\\|\\[_.[\]-]/.test(p.title + p.abstract))).toBe(false);

    const { byArxiv } = loadCorpus();
    // The page shows the arXiv date in the capturing browser's time zone, the corpus in UTC: a day
    // apart for papers published late in the (UTC) day.
    const fields = { title: 0, 'published ±1 day': 0, 'authorCount/org': 0 };
    let inCorpus = 0;
    let exactDate = 0;
    for (const p of papers) {
      const c = byArxiv.get(p.id);
      if (!c) continue;
      inCorpus++;
      if (p.title === normalizeLine(c.title)) fields.title++;
      if (p.published === c.published) exactDate++;
      if (Math.abs(Date.parse(p.published) - Date.parse(c.published)) <= 86_400_000) fields['published ±1 day']++;
      if (c.org ? p.org?.slug === c.org.slug : p.authorCount === c.author_count) fields['authorCount/org']++;
    }
    console.log(
      `[captures] search markdown: 120 cards → ${papers.length} papers; ${inCorpus} in the corpus, exact: ${Object.entries(fields)
        .map(([f, n]) => `${f} ${pct(n, inCorpus)}`)
        .join(', ')} (same day ${pct(exactDate, inCorpus)})`,
    );
    expect(inCorpus).toBe(10);
    for (const n of Object.values(fields)) expect(n).toBe(inCorpus);
  });

  it('text browser: 34 cards, the cut-off 34th rejected with a clear message; agrees with the corpus', async () => {
    const { papers, report } = await ingest(capturesDir, [BROWSER]);
    expect(report).toMatchObject({ entriesRead: 34, papersWritten: 33, duplicatesMerged: 0, entriesRejected: 1 });
    expect(report.files[0]).toMatchObject({ format: 'textbrowser', digest: '2026-06-29' });
    expect(report.problems).toEqual([
      expect.objectContaining({
        file: BROWSER,
        line: 939,
        severity: 'error',
        message:
          'expected the card "Reducing Distraction in Long-Context Lan…" to end with a byline, "·" and a date line, found "[Content truncated]" after "Ho"',
      }),
    ]);
    expect(papers.find((p) => p.title.startsWith('Gemini 1.5'))).toMatchObject({
      upvotes: 65,
      authorCount: 671,
      published: '2024-03-08',
      comments: 6,
      arxiv: null,
    });
    expect(papers.find((p) => p.title.startsWith('KV Cache Compression'))!.title).toBe(
      'KV Cache Compression, But What Must We Give in Return? A Comprehensive Benchmark of Long Context Capable Approaches',
    );
    expect(papers.find((p) => p.title.startsWith('VIBEVOICE'))!.org).toEqual({ slug: 'microsoft', name: 'Microsoft' });

    const titles = byTitle();
    let matched = 0;
    let same = 0;
    let sameDay = 0;
    for (const p of papers) {
      const c = (titles.get(titleKey(p.title)) ?? []).find(
        (x) => Math.abs(Date.parse(x.published) - Date.parse(p.published)) <= 86_400_000,
      );
      if (!c) continue;
      matched++;
      if (c.published === p.published) sameDay++;
      if (c.org ? p.org?.name === c.org.name : p.authorCount === c.author_count) same++;
    }
    console.log(
      `[captures] text browser: 34 cards → ${papers.length} papers, 1 rejected (cut off); ${matched} in the corpus (title, date ±1 day; same day ${sameDay}), byline exact ${pct(same, matched)}`,
    );
    expect(same).toBe(matched);
  });

  it('trending: 100 headings, 50 papers; undated cards dated by the digest day with one warning; no digest day, no papers', async () => {
    const asFound = await ingest(capturesDir, [TRENDING]);
    expect(asFound.report).toMatchObject({ entriesRead: 100, papersWritten: 0, entriesRejected: 100 });
    expect(asFound.report.problems[0]!.message).toMatch(/^expected a digest date \(file name YYYY-MM-DD…/);

    const named = `2026-01-21-${TRENDING}`;
    const { papers, report } = await ingest(dir, [named]);
    expect(report).toMatchObject({ entriesRead: 100, papersWritten: 50, duplicatesMerged: 50, entriesRejected: 0 });
    expect(report.problems).toEqual([
      expect.objectContaining({
        file: named,
        line: 13,
        severity: 'warning',
        message: expect.stringMatching(/found none on 100 cards .* using the digest day 2026-01-21/),
      }),
    ]);
    expect(papers.every((p) => p.published === '2026-01-21' && p.github !== null && p.appearances.length === 2)).toBe(true);
    expect(papers.filter((p) => p.authorCount !== null)).toHaveLength(33);
    expect(papers.find((p) => p.title.startsWith('SmolDocling'))!.title).toBe(
      'SmolDocling: An ultra-compact vision-language model for end-to-end multi-modal document conversion',
    );
    const text = readFileSync(path.join(capturesDir, TRENDING), 'utf8');
    expect(text.match(/^### /gm)).toHaveLength(100);

    // With the corpus: a trending card joins the dated paper of the same title and takes its date.
    const titles = byTitle();
    const known = papers.filter((p) => titles.has(titleKey(p.title)));
    const corpusInputs = readDigestFiles(await listDigestFiles([path.join(dir, named)]));
    const { byDay } = loadCorpus();
    const { renderDay } = await import('../support/corpus.ts');
    const days = [...byDay].filter(([, list]) => list.some((c) => known.some((k) => titleKey(k.title) === titleKey(c.title))));
    const merged = runPipeline([
      ...corpusInputs,
      ...days.map(([day, list]) => ({ file: renderDay('api', day, list).name, text: renderDay('api', day, list).text })),
    ]);
    for (const k of known) {
      const c = titles.get(titleKey(k.title))!;
      const p = merged.papers.find((x) => titleKey(x.title) === titleKey(k.title))!;
      expect(p.arxiv).not.toBeNull();
      expect(p.published).toBe(c.find((x) => x.arxiv === p.arxiv)!.published);
      expect(p.digests).toContain('2026-01-21');
    }
    console.log(
      `[captures] trending: 100 headings → ${papers.length} papers (${report.duplicatesMerged} repeats merged); ${known.length} also in the corpus, merged into their dated papers`,
    );
  });
});
