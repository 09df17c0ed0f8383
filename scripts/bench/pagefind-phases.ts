/**
 * Pagefind's share of the build, measured apart from Astro on a built `dist/` (issue 9 §2, and the
 * issue-8 change it coordinates with): indexing the paper pages' HTML (today: `addDirectory`,
 * reading and parsing every page) against custom records built from the paper entries (issue 8's
 * design: `addCustomRecord`, no HTML), each timed per step (add, write) with the peak RSS of this
 * process and Pagefind's binary, and the size of what each writes.
 *
 * The records follow issue 8's `searchRecord` shape (title, byline, org, abstract, keywords as
 * content; title/date/byline/topics/upvotes as meta; topic/org/year filters; date/upvotes sorts);
 * close enough for cost, not the final code.
 *
 * CLI: npx tsx scripts/bench/pagefind-phases.ts --dist DIST --papers DIR [--only html|records] [--json]
 */
import { readdirSync, readFileSync, statSync } from 'node:fs';
import { mkdtemp, rm } from 'node:fs/promises';
import os from 'node:os';
import path from 'node:path';
import { fileURLToPath } from 'node:url';
import { parseArgs } from 'node:util';
import { performance } from 'node:perf_hooks';
import { close, createIndex } from 'pagefind';
import { sampleTree } from './peak-memory.ts';

/** One way of indexing, measured. */
export interface PagefindRun {
  mode: 'html' | 'records';
  pages: number;
  addMs: number;
  writeMs: number;
  totalMs: number;
  /** Peak summed RSS of this process and Pagefind's binary, and by program. */
  peakTreeMb: number | null;
  peakBy: Record<string, number>;
  outBytes: number;
  outFiles: number;
}

interface PaperEntry {
  id: string;
  title: string;
  abstract: string;
  published: string;
  authors: string[] | null;
  authorCount: number | null;
  org: { slug: string; name: string } | null;
  upvotes: number | null;
  keywords: string[];
  topics: Array<{ slug: string }>;
}

function folderSize(dir: string): { bytes: number; files: number } {
  let bytes = 0;
  let files = 0;
  for (const e of readdirSync(dir, { recursive: true, withFileTypes: true })) {
    if (!e.isFile()) continue;
    bytes += statSync(path.join(e.parentPath, e.name)).size;
    files++;
  }
  return { bytes, files };
}

/** A short byline as issue 8 plans it: names cut at ~120 characters, else "N authors". */
function shortByline(p: PaperEntry): string {
  if (!p.authors?.length) return p.authorCount ? `${p.authorCount} authors` : '';
  const all = p.authors.join(', ');
  return all.length <= 120 ? all : `${all.slice(0, all.lastIndexOf(', ', 117))}, …`;
}

/**
 * Indexes once, in the given mode, into a temporary folder that `remove` disposes of afterwards
 * (the benchmark moves it aside rather than deleting it: see scale-build.ts `discard`).
 */
export async function runPagefind(mode: 'html' | 'records', dist: string, papersDir: string, remove: (target: string) => Promise<void> = (t) => rm(t, { recursive: true, force: true })): Promise<PagefindRun> {
  const out = await mkdtemp(path.join(os.tmpdir(), `papershelf-pagefind-${mode}-`));
  const sampler = sampleTree(process.pid, 100);
  try {
    const t0 = performance.now();
    const { index, errors } = await createIndex(mode === 'records' ? { forceLanguage: 'en' } : {});
    if (!index) throw new Error(`Pagefind could not start: ${errors.join('; ')}`);
    let pages = 0;
    if (mode === 'html') {
      const added = await index.addDirectory({ path: dist, glob: 'papers/**/index.html' });
      if (added.errors.length) throw new Error(added.errors.join('; '));
      pages = added.page_count;
    } else {
      for (const name of readdirSync(papersDir).filter((n) => n.endsWith('.json')).sort()) {
        const p = JSON.parse(readFileSync(path.join(papersDir, name), 'utf8')) as PaperEntry;
        const byline = shortByline(p);
        const topics = p.topics.map((t) => t.slug);
        const r = await index.addCustomRecord({
          url: `/papers/${p.id}/`,
          language: 'en',
          content: [p.title, byline, p.org?.name, p.abstract, ...p.keywords].filter(Boolean).join('. '),
          meta: { title: p.title, date: p.published, byline, topics: topics.join(' · '), upvotes: String(p.upvotes ?? 0) },
          filters: { topic: topics, org: p.org ? [p.org.name] : [], year: [p.published.slice(0, 4)] },
          sort: { date: p.published, upvotes: String(p.upvotes ?? 0).padStart(6, '0') },
        });
        if (r.errors.length) throw new Error(r.errors.join('; '));
        pages++;
      }
    }
    const t1 = performance.now();
    const written = await index.writeFiles({ outputPath: out });
    if (written.errors.length) throw new Error(written.errors.join('; '));
    const t2 = performance.now();
    await close();
    const peak = await sampler.stop();
    const size = folderSize(out);
    return { mode, pages, addMs: Math.round(t1 - t0), writeMs: Math.round(t2 - t1), totalMs: Math.round(t2 - t0), peakTreeMb: peak.peakMb && Math.round(peak.peakMb), peakBy: peak.by, outBytes: size.bytes, outFiles: size.files };
  } finally {
    await sampler.stop();
    await remove(out);
  }
}

if (process.argv[1] && path.resolve(process.argv[1]) === fileURLToPath(import.meta.url)) {
  const { values } = parseArgs({ options: { dist: { type: 'string' }, papers: { type: 'string' }, only: { type: 'string' }, json: { type: 'boolean', default: false } } });
  if (!values.dist || !values.papers) {
    process.stderr.write('usage: pagefind-phases.ts --dist DIST --papers DIR [--only html|records] [--json]\n');
    process.exitCode = 2;
  } else {
    const modes = values.only ? [values.only as 'html' | 'records'] : (['html', 'records'] as const);
    const runs: PagefindRun[] = [];
    for (const mode of modes) runs.push(await runPagefind(mode, values.dist, values.papers));
    if (values.json) process.stdout.write(JSON.stringify(runs, null, 2) + '\n');
    else for (const r of runs) process.stdout.write(`${r.mode}: ${r.pages} pages, add ${r.addMs} ms, write ${r.writeMs} ms, total ${r.totalMs} ms, peak ${r.peakTreeMb} MB ${JSON.stringify(r.peakBy)}, ${(r.outBytes / 1e6).toFixed(1)} MB in ${r.outFiles} files\n`);
  }
}
