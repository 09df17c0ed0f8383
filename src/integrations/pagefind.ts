/**
 * Builds the search index: one Pagefind custom record per paper, from the paper entries (not from
 * the HTML pages; see src/site/search/records.ts), split by time into shards
 * (src/site/search/shards.ts): the newest papers in `pagefind/`, older ones in
 * `pagefind/older-<hash>/` (data files only; they share the primary's WASM). Removes the Pagefind
 * UI bundles we do not use (our own UI renders text only), writes each shard's sort data, the
 * "Did you mean" vocabulary named after the index state, and `search/index.json`, which names them all.
 * After the model of Starlight's integration: timed, errors surfaced, service closed.
 *
 * When: the records need no rendered page, so the indexing starts with the build
 * (`astro:build:start`, or `astro:config:setup` for an archive of one index) in a worker thread (entries.ts, which also computes the related papers
 * from the same read of the entries) and runs while Astro renders, on the second core (Pagefind's
 * indexer is a process of its own anyway). It writes into a staging folder, because Astro empties
 * `dist/` when it starts writing; `astro:build:done` waits for it and moves the files into `dist/`. An indexing error is raised there and stops the build.
 */
import type { AstroIntegration } from 'astro';
import { fileURLToPath } from 'node:url';
import { createHash } from 'node:crypto';
import { existsSync, mkdtempSync, readFileSync, readdirSync, rmSync } from 'node:fs';
import { mkdir, readFile, readdir, rename, rm, writeFile } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { gunzipSync } from 'node:zlib';
import path from 'node:path';
import { close, createIndex } from 'pagefind';
import { config } from '../config.ts';
import { parseTopics } from '../schemas/topic.ts';
import { searchRecord, type SearchRecord } from '../site/search/records.ts';
import { countVocabulary, serialiseVocabulary } from '../site/search/vocabulary.ts';
import { isOneIndex, planIndex, serialiseSortData, sortKey, type SearchIndex, type SearchShard } from '../site/search/shards.ts';
import { startEntriesWorker, type EntryFields } from './entries.ts';
import { writeWordShards } from './word-shards.ts';
import { metaPageHashes } from './pagefind-meta.ts';
import { placeTree } from './place-tree.ts';
import { openShardCache, shardKey } from './shard-cache.ts';

/** Files Pagefind writes that the site never loads (its three UIs, highlighting, the non-English WASM). */
const UNUSED = [
  'pagefind-ui.js',
  'pagefind-ui.css',
  'pagefind-component-ui.js',
  'pagefind-component-ui.css',
  'pagefind-modular-ui.js',
  'pagefind-modular-ui.css',
  'pagefind-highlight.js',
  'wasm.unknown.pagefind',
];

/** What an older shard's bundle keeps: its entry and data; the primary's JS and WASM serve it. */
const SHARD_KEEP = /^(pagefind-entry\.json|pagefind\..+\.pf_meta|index|fragment|filter)$/;

/** How many fragments `pageHashes` reads back to check the meta index's page order against the records. */
const CHECKED_FRAGMENTS = 16;

/**
 * The page hash (the result id) of each of `urls`, the shard's records in the order they were
 * added: Pagefind's API does not give it (`addCustomRecord` answers with the URL, word count and
 * meta only, and `getFiles()` returns the same gzipped files), so it is read from the bundle's meta
 * index, which lists the pages in that order (pagefind-meta.ts). One file instead of every
 * fragment (9,877 at the corpus's size, ~2.8 s of CPU); a few fragments, evenly spread, are read
 * back to check that the order is the records' (a Pagefind that numbered pages otherwise would
 * give every paper another's sort data: the build stops instead).
 */
async function pageHashes(bundle: string, hash: string, urls: readonly string[]): Promise<string[]> {
  const hashes = metaPageHashes(await readFile(path.join(bundle, `pagefind.${hash}.pf_meta`)));
  if (hashes.length !== urls.length) throw new Error(`Pagefind indexed ${hashes.length} pages of ${urls.length}`);
  if (!urls.length) return hashes;
  const checked = new Set(
    Array.from({ length: CHECKED_FRAGMENTS }, (_, k) => Math.round((k * (urls.length - 1)) / (CHECKED_FRAGMENTS - 1))),
  );
  for (const i of checked) {
    // A fragment is gzip of "pagefind_dcd" + JSON.
    const json = gunzipSync(await readFile(path.join(bundle, 'fragment', `${hashes[i]}.pf_fragment`)))
      .subarray(12)
      .toString('utf8');
    const { url } = JSON.parse(json) as { url: string };
    if (url !== urls[i])
      throw new Error(`Pagefind's meta index lists ${url} where ${urls[i]} was added: its page order is not the records' order`);
  }
  return hashes;
}

/**
 * Writes one shard's Pagefind bundle (one record per paper) into `bundle`. Each shard gets an
 * indexer process of its own, closed when the shard is written: deleting an index leaves the
 * process holding much of its memory (its allocator keeps the pages), so the next shard's peak
 * stacked on the last one's leftovers, beside Astro's rendering.
 */
async function writeShard(records: readonly SearchRecord[], bundle: string): Promise<void> {
  const { index, errors: createErrors } = await createIndex({ forceLanguage: 'en' });
  if (!index) throw new Error(`Pagefind could not start: ${createErrors.join('; ')}`);
  // All sent at once, not one awaited at a time: Pagefind's service reads them in order from its
  // stdin and indexes one after another, so its order (the page numbers pageHashes relies on) is
  // the records', and neither process waits for the other's turn on a busy CPU (at the corpus's
  // size, under a load of 11–18: 15–17 s against 20–39 s to add the records; the same CPU).
  const added = await Promise.all(records.map((record) => index.addCustomRecord(record)));
  for (const [i, { errors }] of added.entries())
    if (errors.length) throw new Error(`Pagefind could not index ${records[i]!.url}: ${errors.join('; ')}`);
  const written = await index.writeFiles({ outputPath: bundle });
  if (written.errors.length) throw new Error(`Pagefind could not write: ${written.errors.join('; ')}`);
  await index.deleteIndex();
  await close();
}

/** A bundle's index hash, from its `pagefind-entry.json`. */
async function bundleHash(bundle: string): Promise<string> {
  const entry = JSON.parse(await readFile(path.join(bundle, 'pagefind-entry.json'), 'utf8')) as {
    languages: Record<string, { hash: string }>;
  };
  const hash = entry.languages.en?.hash;
  if (!hash) throw new Error('Pagefind wrote no English index (pagefind-entry.json has no languages.en)');
  return hash;
}

/**
 * The ids of the papers with a note (`<id>.mdx`, the notes collection's own pattern): one readdir
 * of the notes folder instead of a file check per paper (50,000 at that size). None when the
 * folder does not exist.
 */
function notedIds(dir: string): Set<string> {
  if (!existsSync(dir)) return new Set();
  return new Set(
    readdirSync(dir)
      .filter((name) => name.endsWith('.mdx'))
      .map((name) => name.slice(0, -'.mdx'.length)),
  );
}

/** A note's words for the index: MDX import/export lines, tags and Markdown punctuation left out. */
function noteText(dir: string, id: string): string {
  return readFileSync(path.join(dir, `${id}.mdx`), 'utf8')
    .replace(/^(import|export)\s.*$/gm, ' ')
    .replace(/<[^>]*>/g, ' ')
    .replace(/[#*_`>[\]()]+/g, ' ')
    .replace(/\s+/g, ' ')
    .trim();
}

/**
 * Indexes `papers` (oldest first) into `<outDir>/pagefind/` and its older shards, and writes the
 * sort data, the vocabulary and `search/index.json`. Returns the index for the log line.
 */
async function writeSearchIndex(
  outDir: string,
  papers: readonly EntryFields[],
): Promise<{ index: SearchIndex; vocabBytes: number; reused: number }> {
  const { topicsFile, notesDir, searchShardPapers, searchRecentPapers, cacheDir } = config();
  const cache = openShardCache(cacheDir);
  let reused = 0;
  const topicNames = new Map(parseTopics(readFileSync(topicsFile, 'utf8'), topicsFile).map((t) => [t.slug, t.name]));
  const noted = notedIds(notesDir);
  const root = path.join(outDir, 'pagefind');
  await mkdir(path.join(outDir, 'search'), { recursive: true });
  const shards: SearchShard[] = [];
  for (const [i, shard] of planIndex(papers, searchShardPapers, searchRecentPapers).entries()) {
    let bundle = i === 0 ? root : path.join(root, `older-${i}`);
    // Built once: indexed, then matched to the hash Pagefind gave its page.
    const records = shard.map((paper) => searchRecord(paper, topicNames, noted.has(paper.id) ? noteText(notesDir, paper.id) : ''));
    const cacheKey = shardKey(records, i === 0 ? `primary, without ${UNUSED.join(' ')}` : `older, keeping ${SHARD_KEEP.source}`);
    const restored = cache.restore(cacheKey, bundle);
    if (restored) reused++;
    else {
      await writeShard(records, bundle);
      if (i === 0) await Promise.all(UNUSED.map((name) => rm(path.join(bundle, name), { force: true })));
      else
        for (const name of await readdir(bundle))
          if (!SHARD_KEEP.test(name)) await rm(path.join(bundle, name), { recursive: true, force: true });
    }
    const hash = await bundleHash(bundle);
    if (i !== 0) {
      // Named by content: a deploy never mixes an old entry with new data, and the name is the cache tag.
      const named = path.join(root, `older-${hash}`);
      await rename(bundle, named);
      bundle = named;
    }
    // Saved before the next shard is written: the primary's folder holds the older ones.
    if (!restored) cache.save(cacheKey, bundle);
    const hashes = await pageHashes(
      bundle,
      hash,
      records.map((r) => r.url),
    );
    const rows = shard.map((paper, j) => ({ key: sortKey(hashes[j]!), date: paper.published, upvotes: paper.upvotes ?? 0 }));
    const sort = `search/sort-${hash}.txt`;
    await writeFile(path.join(outDir, sort), serialiseSortData(rows));
    shards.push({ bundle: `pagefind/${i === 0 ? '' : `older-${hash}/`}`, hash, papers: shard.length, sort });
  }
  const state = createHash('sha1')
    .update(shards.map((s) => s.hash).join(','))
    .digest('hex')
    .slice(0, 12);
  const vocabulary = serialiseVocabulary(countVocabulary(papers));
  const words = await writeWordShards(
    outDir,
    shards.map((s) => path.join(outDir, s.bundle)),
    state,
  );
  const index: SearchIndex = { state, vocab: `search/vocab-${state}.txt`, shards, ...(words && { words }) };
  await writeFile(path.join(outDir, index.vocab), vocabulary);
  await writeFile(path.join(outDir, 'search', 'index.json'), `${JSON.stringify(index)}\n`);
  cache.prune();
  return { index, vocabBytes: vocabulary.length, reused };
}

/**
 * Writes the index (`pagefind/` and its shards), the sort data, the vocabulary and
 * `search/index.json` into `outDir` from the paper entries (read by entries.ts); resolves to the
 * line the build log shows, timed from `started` (when the entries' read began). Runs in the
 * entries worker (entries-worker.ts).
 */
export async function indexSearch(outDir: string, papers: readonly EntryFields[], started = performance.now()): Promise<string> {
  try {
    const { index, vocabBytes, reused } = await writeSearchIndex(outDir, papers);
    const shards = `${index.shards.length} shard${index.shards.length === 1 ? '' : 's'}${reused ? ` (${reused} unchanged, from the cache)` : ''}`;
    return `indexed ${papers.length} papers in ${shards}, vocabulary ${Math.round(vocabBytes / 1024)} kB, in ${Math.round(performance.now() - started)} ms`;
  } finally {
    await close();
  }
}

/** The indexing as the integration tracks it: its staging folder and its outcome (an error is kept, not thrown, until the build is done). */
interface Indexing {
  staging: string;
  outcome: Promise<string | Error>;
  removeStaging: () => void;
}

/** Starts the entries worker (related papers, then the index) into a new staging folder. */
function startIndexing(): Indexing {
  const staging = mkdtempSync(path.join(tmpdir(), 'papershelf-pagefind-'));
  // A build that fails never reaches astro:build:done (Astro has no failure hook): the staging
  // folder goes when the process exits instead, so a failed build leaves no index behind.
  const removeStaging = (): void => rmSync(staging, { recursive: true, force: true });
  process.once('exit', removeStaging);
  const line = startEntriesWorker(staging);
  // Not awaited: it runs while Astro renders. Caught here, so a failure is no unhandled rejection.
  const outcome = line.catch((err: unknown) => (err instanceof Error ? err : new Error(String(err))));
  return { staging, outcome, removeStaging };
}

/** How many paper entries (`*.json`) `dir` holds: one readdir, none when it does not exist yet. */
function countEntries(dir: string): number {
  return existsSync(dir) ? readdirSync(dir).filter((name) => name.endsWith('.json')).length : 0;
}

/** Astro integration: writes `<outDir>/pagefind/` (one record per paper, split by time), sort data and the vocabulary. */
export default function pagefind(): AstroIntegration {
  /** The indexing started with the build. */
  let indexing: Indexing | undefined;
  return {
    name: 'papershelf:pagefind',
    hooks: {
      // An archive of one shard (under 1.5 shards of papers) starts its index with the build's
      // first hook, before content sync: the entries are ingest's files, already written, and the
      // index needs no page. A rebuild re-indexes that one shard whole (unless PAPERSHELF_SEARCH_RECENT
      // sets its newest papers apart, planIndex) and waited for it after the pages: on the real corpus
      // (2026-12-02, Intel Xeon, load 2.6–3.8, alternating) a rebuild after one more day took
      // 27.1–27.9 s (3 runs) starting at astro:build:start, 22.2–22.6 s (2 runs) starting here. Several shards start
      // at astro:build:start as before: a rebuild then re-indexes only the newest of them, and at
      // 50,000 papers the early start raised the build's peak from 3.75 to ~4.0 GB (issue 9: 4 GB).
      'astro:config:setup': ({ command }) => {
        if (command !== 'build') return;
        const { papersDir, searchShardPapers } = config();
        if (isOneIndex(countEntries(papersDir), searchShardPapers)) indexing = startIndexing();
      },
      'astro:build:start': () => {
        indexing ??= startIndexing();
      },
      'astro:build:done': async ({ dir, logger }) => {
        if (!indexing) throw new Error('the search index was not started (astro:build:start did not run)');
        const { staging, outcome, removeStaging } = indexing;
        indexing = undefined;
        const waitStarted = performance.now();
        try {
          const result = await outcome;
          if (result instanceof Error) throw new Error(`search index: ${result.message}`, { cause: result });
          placeTree(staging, fileURLToPath(dir), 'move');
          logger.info(`${result}, alongside the pages (the build then waited ${Math.round(performance.now() - waitStarted)} ms for it)`);
        } finally {
          process.off('exit', removeStaging);
          await rm(staging, { recursive: true, force: true });
        }
      },
    },
  };
}
