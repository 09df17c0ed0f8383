/**
 * Builds the demo site once for the end-to-end tests, exactly as a user would: `npm run build`
 * (ingest + astro build + Pagefind) into `dist/`, then a second `astro build` of the same papers
 * under a GitHub Pages base path, then a third of the fixture archive (tests/fixtures/site:
 * generated paper JSON, a fixture taxonomy and notes) under another base path, and a fourth of
 * the hostile-digest set (tests/hostile) next to the sample digest, and a fifth of the history
 * fixture. The builds take turns (tests/support/build-lock.ts); the ingest runs between them overlap.
 * `PAPERSHELF_SKIP_BUILD=1` reuses existing builds while iterating.
 */
import { SKIP_BUILD } from '../env.ts';
import { existsSync, mkdirSync, mkdtempSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import type { TestProject } from 'vitest/node';
import { repoRoot, TEST_BASE } from '../repo.ts';
import { run } from '../run.ts';
import { fixturePapers } from '../../fixtures/site/papers.ts';
import { writeHistoryDigests } from '../../fixtures/history/digests.ts';
import { buildHostileSite, type HostileSite } from '../../hostile/harness.ts';

/** Papers per search index shard in the base-path build of the demo site (so its index has several). */
const BASE_SITE_SHARD = 6;

/** Base path of the fixture build (a different one from TEST_BASE, so nothing leans on either). */
export const FIXTURE_BASE = '/shelf/';

declare module 'vitest' {
  export interface ProvidedContext {
    /** `dist/` of `npm run build` (base `/`). */
    distDir: string;
    /** The same site built with `BASE=/papershelf/`, its search index split into shards of `BASE_SITE_SHARD` papers. */
    baseDistDir: string;
    /** The fixture archive (tests/fixtures/site) built with `BASE=/shelf/`. */
    fixtureDistDir: string;
    /** The hostile-digest set (tests/hostile) next to the sample digest, ingested and built once. */
    hostile: HostileSite;
    /** The history fixture (tests/fixtures/history), ingested with `npm run ingest` and built. */
    history: HistorySite;
  }
}

async function mustRun(label: string, command: string, args: string[], env: Record<string, string> = {}) {
  const started = performance.now();
  const result = await run(command, args, env);
  if (result.code !== 0) {
    throw new Error(`${label} failed (exit ${result.code}):\n${result.stdout}\n${result.stderr}`);
  }
  console.log(`[e2e setup] ${label}: ${((performance.now() - started) / 1000).toFixed(1)} s`);
}

export default async function setup(project: TestProject) {
  const distDir = path.join(repoRoot, 'dist');
  const baseDistDir = SKIP_BUILD
    ? path.join(os.tmpdir(), 'papershelf-e2e-base-dist')
    : path.join(mkdtempSync(path.join(os.tmpdir(), 'papershelf-e2e-')), 'dist');
  const skip = SKIP_BUILD && existsSync(distDir) && existsSync(baseDistDir);
  const started = performance.now();
  // Two lanes at once: the astro builds still take turns (tests/support/build-lock.ts), but one
  // lane's ingest and file writing run while the other lane builds.
  const [, fixtureDistDir, hostile, history] = await Promise.all([
    skip ? Promise.resolve() : buildDemoSites(baseDistDir),
    buildFixtureSite(),
    buildHostile(),
    buildHistorySite(),
  ]);
  console.log(`[e2e setup] all sites: ${((performance.now() - started) / 1000).toFixed(1)} s`);
  project.provide('distDir', distDir);
  project.provide('baseDistDir', baseDistDir);
  project.provide('fixtureDistDir', fixtureDistDir);
  project.provide('hostile', hostile);
  project.provide('history', history);
}

/** `npm run build` into `dist/`, then the same papers (its `content/papers/`) under TEST_BASE. */
async function buildDemoSites(baseDistDir: string): Promise<void> {
  await mustRun('npm run build', 'npm', ['run', 'build']);
  // Small index shards: every search and offline test of the base-path site runs over an index
  // split by time (newest papers first, older shards merged), as a large archive's is.
  await mustRun(`astro build with BASE=${TEST_BASE} and search shards of ${BASE_SITE_SHARD} papers`, 'npx', ['astro', 'build'], {
    BASE: TEST_BASE,
    SITE: 'https://example.org',
    PAPERSHELF_OUT: baseDistDir,
    PAPERSHELF_SEARCH_SHARD: String(BASE_SITE_SHARD),
  });
}

/** One build of every hostile case (but the known defects) next to the sample digest. */
async function buildHostile(): Promise<HostileSite> {
  const root = SKIP_BUILD
    ? path.join(os.tmpdir(), 'papershelf-e2e-hostile')
    : mkdtempSync(path.join(os.tmpdir(), 'papershelf-e2e-hostile-'));
  const saved = path.join(root, 'site.json');
  if (SKIP_BUILD && existsSync(saved)) return JSON.parse(readFileSync(saved, 'utf8')) as HostileSite;
  const started = performance.now();
  const site = await buildHostileSite(root);
  writeFileSync(saved, JSON.stringify(site));
  console.log(`[e2e setup] hostile archive ingested and built: ${((performance.now() - started) / 1000).toFixed(1)} s`);
  return site;
}

/** Writes the fixture papers to a temporary folder and builds them with the fixture taxonomy and notes. */
async function buildFixtureSite(): Promise<string> {
  const root = SKIP_BUILD
    ? path.join(os.tmpdir(), 'papershelf-e2e-fixture')
    : mkdtempSync(path.join(os.tmpdir(), 'papershelf-e2e-fixture-'));
  const dist = path.join(root, 'dist');
  if (SKIP_BUILD && existsSync(dist)) return dist;
  const papers = path.join(root, 'papers');
  rmSync(papers, { recursive: true, force: true });
  mkdirSync(papers, { recursive: true });
  for (const paper of fixturePapers()) writeFileSync(path.join(papers, `${paper.id}.json`), `${JSON.stringify(paper, null, 2)}\n`);
  const fixtures = path.join(repoRoot, 'tests/fixtures/site');
  await mustRun(`astro build of the fixture archive with BASE=${FIXTURE_BASE}`, 'npx', ['astro', 'build'], {
    BASE: FIXTURE_BASE,
    SITE: 'https://example.org',
    PAPERSHELF_PAPERS: papers,
    PAPERSHELF_NOTES: path.join(fixtures, 'notes'),
    PAPERSHELF_TOPICS: path.join(fixtures, 'topics.yaml'),
    PAPERSHELF_OUT: dist,
  });
  return dist;
}

/** The history build: its `dist/`, its `archive.jsonl` and the ingest's text report. */
export interface HistorySite {
  dist: string;
  archive: string;
  report: string;
}

/** Writes the history digests, runs `npm run ingest` on them as a user would, and builds the papers. */
async function buildHistorySite(): Promise<HistorySite> {
  const root = SKIP_BUILD
    ? path.join(os.tmpdir(), 'papershelf-e2e-history')
    : mkdtempSync(path.join(os.tmpdir(), 'papershelf-e2e-history-'));
  const site = { dist: path.join(root, 'dist'), archive: path.join(root, 'archive.jsonl'), report: path.join(root, 'report.txt') };
  if (SKIP_BUILD && existsSync(site.dist) && existsSync(site.report)) return site;
  rmSync(root, { recursive: true, force: true });
  const digests = path.join(root, 'digests');
  const papers = path.join(root, 'papers');
  const notes = path.join(root, 'notes');
  mkdirSync(notes, { recursive: true });
  writeHistoryDigests(digests);
  const ingest = await run('npm', ['run', 'ingest', '--', digests, '--out', papers, '--archive', site.archive, '--notes', notes]);
  if (ingest.code !== 0) throw new Error(`history ingest failed (exit ${ingest.code}):\n${ingest.output}`);
  writeFileSync(site.report, ingest.stdout);
  await mustRun('astro build of the history fixture', 'npx', ['astro', 'build'], {
    SITE: 'https://example.org',
    PAPERSHELF_PAPERS: papers,
    PAPERSHELF_NOTES: notes,
    PAPERSHELF_OUT: site.dist,
  });
  return site;
}
