/**
 * Incremental rebuilds (astro.config.mjs `experimental.incrementalBuild`, cache keys in
 * src/site/data/cache-keys.ts): a rebuild after one more digest day, with the cache of the build
 * before, keeps the pages the new day did not touch (src/integrations/kept-pages.ts) and renders
 * the rest; its `dist/` must be
 * byte for byte the `dist/` of a cold build of the same papers. A cache key that misses an input
 * of a page would leave that page stale, and this comparison would show it. The search index is
 * split into shards of 50 papers here, so the rebuild also reuses the older shard from the cache
 * (src/integrations/shard-cache.ts), and the same comparison checks it. A hundred more papers on
 * sparse attention give their topic three pages, numbered from the oldest
 * (src/site/view/topic-pages.ts): the two full ones must be kept, not rendered again, and so
 * must the feeds and BibTeX files of a topic the new day did not touch. Going back to the first
 * day's papers must remove the pages whose paths are gone.
 */
import { beforeAll, describe, expect, it } from 'vitest';
import { mkdirSync, mkdtempSync, readFileSync, readdirSync, writeFileSync } from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { run } from '../support/run.ts';
import { renderApi } from '../support/render-digests.ts';
import { testCard } from '../support/builders.ts';

/** Every file under `dir` with its bytes, by relative path. */
function files(dir: string): Map<string, Buffer> {
  const out = new Map<string, Buffer>();
  for (const e of readdirSync(dir, { recursive: true, withFileTypes: true })) {
    if (e.isFile()) out.set(path.relative(dir, path.join(e.parentPath, e.name)), readFileSync(path.join(e.parentPath, e.name)));
  }
  return out;
}

describe('a rebuild after one more digest day', () => {
  let root: string;
  let firstLog: string;
  let rebuildLog: string;
  let movedLog: string;
  let backLog: string;
  /** dist-1 after the first build, after the rebuild, and after going back to the first day's papers. */
  let firstFiles: Map<string, Buffer>;
  let rebuiltFiles: Map<string, Buffer>;
  let backFiles: Map<string, Buffer>;

  beforeAll(async () => {
    root = mkdtempSync(path.join(os.tmpdir(), 'papershelf-incremental-'));
    const digests = path.join(root, 'digests');
    mkdirSync(digests);
    const day1 = [
      testCard({ title: 'Sparse Attention for Long Documents', arxiv: '2601.00001', published: '2026-01-02' }),
      testCard({ title: 'Long Document Retrieval with Sparse Attention', arxiv: '2601.00002', published: '2026-01-03' }),
      testCard({ title: 'Robot Grasping from Video', arxiv: '2601.00003', published: '2026-01-04' }),
    ];
    // Older papers of one topic (architectures: "sparse attention"), enough for three of its pages.
    const older = Array.from({ length: 100 }, (_, i) =>
      testCard({
        title: `Sparse Attention Variant ${i + 1}`,
        arxiv: `2512.${String(i + 1).padStart(5, '0')}`,
        published: `2025-12-${String(1 + (i % 28)).padStart(2, '0')}`,
      }),
    );
    writeFileSync(path.join(digests, '2026-01-08.json'), renderApi('2026-01-08', [...day1, ...older]));
    const ingest = (out: string) => run('npx', ['tsx', 'scripts/ingest.ts', digests, '--out', out, '--no-ledger', '--quiet']);
    const build = (papers: string, out: string, cache: string, env: Record<string, string> = {}) =>
      run('npx', ['astro', 'build'], {
        PAPERSHELF_PAPERS: papers,
        PAPERSHELF_OUT: path.join(root, out),
        PAPERSHELF_CACHE: path.join(root, cache),
        PAPERSHELF_SEARCH_SHARD: '50',
        // 103 papers: shards of 50 and 53, the newest 13 of those 53 set apart (blocks of 20).
        PAPERSHELF_SEARCH_RECENT: '20',
        ...env,
      });

    expect((await ingest(path.join(root, 'papers-1'))).code).toBe(0);
    const first = await build(path.join(root, 'papers-1'), 'dist-1', 'cache');
    expect(first.code, first.output).toBe(0);
    firstLog = first.output;
    firstFiles = files(path.join(root, 'dist-1'));

    // The next day: a new paper related to two old ones, and an old one seen again with more upvotes.
    writeFileSync(
      path.join(digests, '2026-01-09.json'),
      renderApi('2026-01-09', [
        testCard({ title: 'Sparse Attention Retrieval for Long Documents', arxiv: '2601.00004', published: '2026-01-08' }),
        { ...day1[2]!, upvotes: 99 },
      ]),
    );
    expect((await ingest(path.join(root, 'papers-2'))).code).toBe(0);
    // Into the first build's folder, as `npm run build` does: nothing of the old output may stay.
    const rebuild = await build(path.join(root, 'papers-2'), 'dist-1', 'cache');
    expect(rebuild.code, rebuild.output).toBe(0);
    rebuildLog = rebuild.output;
    rebuiltFiles = files(path.join(root, 'dist-1'));
    const cold = await build(path.join(root, 'papers-2'), 'dist-cold', 'cache-cold');
    expect(cold.code, cold.output).toBe(0);

    // Back to the first day's papers (the second day's digest taken out again): the new paper's
    // page and the second day's page must go, though the last build's pages were kept in place.
    const back = await build(path.join(root, 'papers-1'), 'dist-1', 'cache');
    expect(back.code, back.output).toBe(0);
    backLog = back.output;
    backFiles = files(path.join(root, 'dist-1'));

    // The site moves (a custom domain, or the repository renamed): same papers, same cache.
    const moved = await build(path.join(root, 'papers-2'), 'dist-moved', 'cache', { SITE: 'https://moved.example', BASE: '/shelf' });
    expect(moved.code, moved.output).toBe(0);
    movedLog = moved.output;
  });

  it('writes exactly the files a cold build of the same papers writes', () => {
    const rebuilt = rebuiltFiles;
    const cold = files(path.join(root, 'dist-cold'));
    expect([...rebuilt.keys()].sort()).toEqual([...cold.keys()].sort());
    const differing = [...cold].filter(([name, bytes]) => !rebuilt.get(name)!.equals(bytes)).map(([name]) => name);
    expect(differing).toEqual([]);
  });

  it('kept in place the pages the new day did not change, and rendered the new paper and the one whose counts changed', () => {
    // "(cached)": Astro found the page already in dist/ (src/integrations/kept-pages.ts), rather
    // than copying it from its cache ("(restored)").
    expect(rebuildLog).toMatch(/\/papers\/2512\.\d+\/index\.html \(cached\)/);
    expect(rebuildLog).not.toMatch(/\(restored\)/);
    expect(rebuildLog).toMatch(/kept the last build's pages in place/);
    for (const id of ['2601.00003', '2601.00004']) {
      expect(rebuildLog).toContain(`/papers/${id}/index.html`);
      expect(rebuildLog).not.toContain(`/papers/${id}/index.html (cached)`);
    }
  });

  it("removes the kept pages whose paths are gone, leaving exactly the first build's files", () => {
    expect(rebuiltFiles.has('papers/2601.00004/index.html')).toBe(true);
    expect(rebuiltFiles.has('digests/2026-01-09/index.html')).toBe(true);
    expect(backLog).toMatch(
      /kept the last build's pages in place for the ones Astro did not render again; removed \d+ whose paths are gone/,
    );
    expect([...backFiles.keys()].sort()).toEqual([...firstFiles.keys()].sort());
    const differing = [...firstFiles].filter(([name, bytes]) => !backFiles.get(name)!.equals(bytes)).map(([name]) => name);
    expect(differing).toEqual([]);
  });

  it("copied the topic's full pages, counted from the oldest, and rendered its front page and its newest page", () => {
    const topic = '/topics/architectures/';
    expect(rebuiltFiles.has(`${topic.slice(1)}3/index.html`)).toBe(true);
    expect(rebuiltFiles.has(`${topic.slice(1)}4/index.html`)).toBe(false);
    for (const n of [1, 2]) expect(rebuildLog).toContain(`${topic}${n}/index.html (cached)`);
    for (const page of ['', '3/']) {
      expect(rebuildLog).toContain(`${topic}${page}index.html`);
      expect(rebuildLog).not.toContain(`${topic}${page}index.html (cached)`);
    }
  });

  it("kept the feeds and BibTeX files of the topics the new day did not touch, and rendered the changed topic's", () => {
    for (const file of ['feed.xml', 'feed.json', 'papers.bib']) {
      // No paper of the fixture is on speech: its files are as the first build wrote them.
      expect(rebuildLog).toContain(`/topics/speech-audio/${file} (cached)`);
      expect(rebuildLog).toContain(`/topics/architectures/${file}`);
      expect(rebuildLog).not.toContain(`/topics/architectures/${file} (cached)`);
    }
    // The new paper is in its topic's feed and BibTeX file (and the comparison above checks every byte).
    // dist-1 as the rebuild left it (a later step builds it back to the first day).
    expect(rebuiltFiles.get('topics/architectures/feed.xml')!.toString('utf8')).toContain('/papers/2601.00004/');
    expect(rebuiltFiles.get('topics/architectures/papers.bib')!.toString('utf8')).toContain(
      'Sparse Attention Retrieval for Long Documents',
    );
  });

  it('indexes only the newest papers the new day changed, and takes the older shards from the cache', () => {
    expect(firstLog).toMatch(/indexed 103 papers in 3 shards, vocabulary/);
    expect(rebuildLog).toMatch(/indexed 104 papers in 3 shards \(2 unchanged, from the cache\), vocabulary/);
    const index = JSON.parse(rebuiltFiles.get('search/index.json')!.toString('utf8')) as { shards: { bundle: string; papers: number }[] };
    const older = expect.stringMatching(/^pagefind\/older-\w+\/$/);
    expect(index.shards.map((s) => s.bundle)).toEqual(['pagefind/', older, older]);
    // The newest 14 papers apart (the new one among them), the rest of their shard of 54, then the oldest 50.
    expect(index.shards.map((s) => s.papers)).toEqual([14, 40, 50]);
    const first = JSON.parse(firstFiles.get('search/index.json')!.toString('utf8')) as { shards: { bundle: string }[] };
    expect(index.shards.slice(1).map((s) => s.bundle)).toEqual(first.shards.slice(1).map((s) => s.bundle));
  });

  it("removed the last build's output beside the build, leaving nothing in the cache", () => {
    expect(firstLog).not.toContain("removed the last build's output");
    expect(rebuildLog).toMatch(/removed the last build's output in \d+ ms, beside the build/);
    expect(readdirSync(path.join(root, 'cache')).filter((name) => name.startsWith('old-'))).toEqual([]);
  });

  it('renders every page again when SITE or BASE changes, so no page keeps the old address', () => {
    // The page keys hold only the papers; Astro's own config hash (site, base) must invalidate them.
    expect(movedLog).not.toMatch(/\((restored|cached)\)/);
    const page = readFileSync(path.join(root, 'dist-moved/papers/2601.00001/index.html'), 'utf8');
    expect(page).toContain('href="https://moved.example/shelf/papers/2601.00001/"');
    expect(page).not.toContain('localhost:4321');
  });
});
