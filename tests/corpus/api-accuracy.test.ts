/**
 * api/daily_papers accuracy on the seven real raw days (`corpus/api/*.json`): ingested through
 * the real listing and pipeline, each written paper is compared with what its raw entry says
 * (read here with plain JSON.parse, independently of the reader) and cross-checked with the
 * normalised corpus. Then the whole corpus is written in the three storage shapes SOURCES.md
 * lists (JSON list, Python-repr strings, the {status,date,count,data} wrapper) and read back.
 */
import { readdirSync, readFileSync } from 'node:fs';
import { mkdtemp, rm } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { Paper } from '../../src/schemas/paper.ts';
import { runPipeline } from '../../src/ingest/pipeline.ts';
import { normalizeLine } from '../../src/ingest/normalize.ts';
import { githubRepo } from '../../src/core/urls.ts';
import { listDigestFiles, readDigestFiles } from '../../src/ingest/io.ts';
import { apiDir, hasCorpus, loadCorpus, pct, writeDays } from '../support/corpus.ts';

interface RawAuthor {
  name: string;
  hidden?: boolean;
}
interface RawEntry {
  title: string;
  numComments: number;
  organization?: { name: string; fullname: string };
  paper: {
    id: string;
    authors: RawAuthor[];
    publishedAt: string;
    upvotes: number;
    githubRepo?: string;
    projectPage?: string;
    ai_keywords?: string[];
    organization?: { name: string; fullname: string };
  };
}

/** Tallies exact matches per field and keeps a few misses to print. */
class Tally {
  hits = new Map<string, number>();
  total = new Map<string, number>();
  misses: string[] = [];
  check(field: string, ok: boolean, detail: () => string): void {
    this.total.set(field, (this.total.get(field) ?? 0) + 1);
    if (ok) this.hits.set(field, (this.hits.get(field) ?? 0) + 1);
    else if (this.misses.length < 20) this.misses.push(`${field}: ${detail()}`);
  }
  rate(field: string): number {
    return (this.hits.get(field) ?? 0) / (this.total.get(field) ?? 1);
  }
  line(): string {
    return [...this.total.keys()].map((f) => `${f} ${pct(this.hits.get(f) ?? 0, this.total.get(f)!)}`).join(', ');
  }
}

const same = (a: unknown, b: unknown): boolean => JSON.stringify(a) === JSON.stringify(b);
/** Keywords as a paper keeps them: whitespace tidied, empty ones and repeats dropped. */
const keywords = (list: readonly string[] | null | undefined): string[] => [
  ...new Set((list ?? []).map(normalizeLine).filter((k) => k !== '')),
];

describe.skipIf(!hasCorpus)('api/daily_papers accuracy on the real corpus', () => {
  let dir: string;
  beforeAll(async () => {
    dir = await mkdtemp(path.join(tmpdir(), 'papershelf-corpus-api-'));
  });
  afterAll(async () => {
    if (dir) await rm(dir, { recursive: true, force: true });
  });

  it('reads every field of the seven raw days, and agrees with the corpus', async () => {
    const { byArxiv } = loadCorpus();
    const inputs = readDigestFiles(await listDigestFiles([apiDir]));
    expect(inputs).toHaveLength(7);
    const { papers, report } = runPipeline(inputs);
    expect(report).toMatchObject({ entriesRejected: 0, problems: [] });
    expect(report.files.every((f) => f.format === 'api')).toBe(true);
    const byId = new Map<string, Paper>(papers.map((p) => [p.id, p]));

    const raw = new Tally();
    const corpus = new Tally();
    let entries = 0;
    for (const name of readdirSync(apiDir).sort()) {
      const day = name.slice(0, 10);
      const list = JSON.parse(readFileSync(path.join(apiDir, name), 'utf8')) as RawEntry[];
      for (const e of list) {
        entries++;
        const p = byId.get(e.paper.id);
        raw.check('kept', p !== undefined, () => e.paper.id);
        if (!p) continue;
        const org = e.paper.organization ?? e.organization;
        const github = e.paper.githubRepo ? (githubRepo(e.paper.githubRepo.replace(/\s+/g, '')) ?? e.paper.githubRepo) : null;
        const expected: Record<string, unknown> = {
          arxiv: e.paper.id,
          title: normalizeLine(e.title),
          published: e.paper.publishedAt.slice(0, 10),
          authors: e.paper.authors.filter((a) => !a.hidden).map((a) => normalizeLine(a.name)),
          upvotes: e.paper.upvotes,
          comments: e.numComments,
          org: org ? { slug: org.name, name: normalizeLine(org.fullname) } : null,
          github,
          project: e.paper.projectPage ?? null,
          keywords: keywords(e.paper.ai_keywords),
          digest: day,
        };
        const got: Record<string, unknown> = { ...p, digest: p.digests.includes(day) ? day : p.digests };
        // No githubRepo: ingest may take the first repository linked in the abstract instead.
        const fromAbstract =
          github === null && typeof p.github === 'string' && p.abstract.includes(p.github.replace('https://github.com/', ''));
        for (const [field, want] of Object.entries(expected)) {
          const ok = same(got[field], want) || (field === 'github' && fromAbstract);
          raw.check(field, ok, () => `${e.paper.id} want ${JSON.stringify(want)} got ${JSON.stringify(got[field])}`);
        }

        const c = byArxiv.get(e.paper.id);
        corpus.check('in corpus', c !== undefined, () => e.paper.id);
        if (!c) continue;
        const fromCorpus: Record<string, unknown> = {
          title: normalizeLine(c.title),
          published: c.published,
          authors: c.authors.map(normalizeLine),
          authorCount: c.author_count,
          upvotes: c.upvotes,
          comments: c.num_comments,
          org: c.org ? { slug: c.org.slug, name: normalizeLine(c.org.name) } : null,
          github: c.github ? (githubRepo(c.github) ?? c.github) : null,
          keywords: keywords(c.keywords),
          digest: c.digest_date,
        };
        const gotCorpus: Record<string, unknown> = { ...p, digest: p.digests[0] };
        for (const [field, want] of Object.entries(fromCorpus)) {
          const ok = same(gotCorpus[field], want) || (field === 'github' && want === null && fromAbstract);
          corpus.check(field, ok, () => `${c.arxiv} corpus ${JSON.stringify(want)} ingest ${JSON.stringify(gotCorpus[field])}`);
        }
      }
    }
    console.log(`[corpus api] 7 raw days, ${entries} entries → ${papers.length} papers; exact vs raw JSON: ${raw.line()}`);
    console.log(`[corpus api] exact vs corpus papers.jsonl: ${corpus.line()}`);
    if (raw.misses.length || corpus.misses.length) console.log([...raw.misses, ...corpus.misses].join('\n'));
    expect(raw.rate('kept')).toBe(1);
    for (const field of raw.total.keys()) expect(raw.rate(field), `raw ${field}`).toBeGreaterThanOrEqual(0.999);
    for (const field of corpus.total.keys()) expect(corpus.rate(field), `corpus ${field}`).toBeGreaterThanOrEqual(0.999);
  });

  it('dates every raw day by its own content when its file name says nothing: 2024 days by their entries’ publishedAt', () => {
    // The three 2024–early 2025 days have no submittedOnDailyAt, organization or githubRepo.
    const days = readdirSync(apiDir)
      .filter((n) => n.endsWith('.json'))
      .sort();
    const old = days.filter((n) => !readFileSync(path.join(apiDir, n), 'utf8').includes('submittedOnDailyAt'));
    expect(old.length).toBeGreaterThanOrEqual(3);
    for (const name of days) {
      const text = readFileSync(path.join(apiDir, name), 'utf8');
      const { report } = runPipeline([{ file: 'daily_papers.json', text }]);
      expect(report.files[0]!.digest, name).toBe(name.slice(0, 10));
      expect(report.entriesRejected, name).toBe(0);
      expect(report.papersWritten + report.duplicatesMerged, name).toBe(report.entriesRead);
    }
  });

  it.each(['api', 'repr', 'wrapper'] as const)('reads the whole corpus stored as %s days: every paper, every field', async (shape) => {
    const { papers: corpus } = loadCorpus();
    const out = path.join(dir, shape);
    await writeDays(out, () => shape);
    const { papers, report } = runPipeline(readDigestFiles(await listDigestFiles([out])));
    expect(report).toMatchObject({ entriesRead: 9881, entriesRejected: 0, problems: [] });
    const byId = new Map(papers.map((p) => [p.id, p]));
    const tally = new Tally();
    for (const c of corpus) {
      const p = byId.get(c.arxiv);
      tally.check('kept', p !== undefined, () => c.arxiv);
      if (!p) continue;
      tally.check('title', p.title === normalizeLine(c.title), () => `${c.arxiv} ${p.title}`);
      tally.check('authors', same(p.authors, c.authors.map(normalizeLine)), () => c.arxiv);
      tally.check('upvotes', p.upvotes === c.upvotes, () => c.arxiv);
      tally.check('comments', p.comments === c.num_comments, () => c.arxiv);
      tally.check('org', same(p.org, c.org ? { slug: c.org.slug, name: normalizeLine(c.org.name) } : null), () => c.arxiv);
      tally.check('keywords', same(p.keywords, keywords(c.keywords)), () => `${c.arxiv} ${JSON.stringify(p.keywords)}`);
      tally.check('digests', same(p.digests, c.digest_dates), () => c.arxiv);
    }
    console.log(`[corpus api:${shape}] ${papers.length} papers; exact: ${tally.line()}`);
    if (tally.misses.length) console.log(tally.misses.join('\n'));
    for (const field of tally.total.keys()) expect(tally.rate(field), field).toBeGreaterThanOrEqual(field === 'kept' ? 1 : 0.999);
  });
});
