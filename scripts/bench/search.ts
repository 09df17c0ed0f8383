/**
 * The search and offline benchmark of issue 8 (`npm run bench -- --search DIST`): against a built site, served the way GitHub Pages
 * serves it (text gzip-compressed; Pagefind's files are gzip already), in Chromium:
 * - first visit: bytes over the wire for one paper page until the service worker is idle, and the
 *   Cache Storage it leaves;
 * - `sw.js` size;
 * - a cold first query (no service worker, nothing cached) for three queries: bytes and time from
 *   typing to the first results shown (the newest papers' index, when it has older shards) and to
 *   the results over every shard, without and with the focus warm-up;
 * - typo recall: 100 seeded titles misspelt (scripts/bench/misspell.ts), found in the top 10 as
 *   typed or after one click on the suggestion;
 * - optionally (`--lighthouse`) Lighthouse mobile on `/search/?q=diffusion` (lighthouse via npx).
 */
import http from 'node:http';
import os from 'node:os';
import { mkdir, writeFile } from 'node:fs/promises';
import { parseArgs } from 'node:util';
import { execFile } from 'node:child_process';
import { existsSync, readFileSync, statSync } from 'node:fs';
import path from 'node:path';
import { gzipSync } from 'node:zlib';
import type { AddressInfo } from 'node:net';
import type { Browser, BrowserContext, Page } from 'playwright-core';
import { launchBrowser } from '../../tests/support/browser.ts';
import { sample, seededRandom } from '../../tests/support/random.ts';
import { CHROMIUM_PATH } from '../../tests/support/env.ts';
import { repoRoot } from '../../tests/support/repo.ts';
import { misspell } from './misspell.ts';
import { table } from './table.ts';

const TEXT = /\.(html|js|css|json|txt|svg|xml|jsonl)$/;
const TYPES: Record<string, string> = {
  '.html': 'text/html; charset=utf-8',
  '.js': 'text/javascript',
  '.css': 'text/css',
  '.json': 'application/json',
  '.txt': 'text/plain; charset=utf-8',
  '.svg': 'image/svg+xml',
};

/** One response: its path, when it was asked for and sent (epoch ms, the browser's clock too), its bytes. */
interface Served {
  path: string;
  asked: number;
  at: number;
  bytes: number;
}

/** A byte-counting static server for `dist` at `/`: gzip for text (as GitHub Pages), files as stored otherwise. */
async function countingServer(dist: string) {
  const gzCache = new Map<string, Buffer>();
  let bytes = 0;
  let requests = 0;
  let served: Served[] = [];
  const server = http.createServer((req, res) => {
    const asked = Date.now();
    let file = path.join(dist, decodeURIComponent((req.url ?? '/').split('?')[0]!));
    if (existsSync(file) && statSync(file).isDirectory()) file = path.join(file, 'index.html');
    if (!existsSync(file)) {
      res.statusCode = 404;
      return res.end('not found');
    }
    let body: Buffer = readFileSync(file);
    if (TEXT.test(file)) {
      let gz = gzCache.get(file);
      if (!gz) gzCache.set(file, (gz = gzipSync(body, { level: 9 })));
      body = gz;
      res.setHeader('content-encoding', 'gzip');
    }
    res.setHeader('content-type', TYPES[path.extname(file)] ?? 'application/octet-stream');
    // As GitHub Pages: ten minutes, so a file fetched twice in one visit (a preload, then its use) is fetched once.
    res.setHeader('cache-control', 'max-age=600');
    bytes += body.length;
    requests++;
    served.push({ path: req.url ?? '/', asked, at: Date.now(), bytes: body.length });
    res.end(body);
  });
  await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', resolve));
  return {
    url: `http://127.0.0.1:${(server.address() as AddressInfo).port}/`,
    /** Bytes and requests served since the last reset. */
    take() {
      const out = { bytes, requests, served };
      bytes = 0;
      requests = 0;
      served = [];
      return out;
    },
    close: () => new Promise<void>((resolve) => server.close(() => resolve())),
  };
}
type Server = Awaited<ReturnType<typeof countingServer>>;

/** Waits until no request started for `quietMs`. */
async function quiet(context: BrowserContext, quietMs: number) {
  let last = Date.now();
  const bump = () => (last = Date.now());
  context.on('request', bump);
  while (Date.now() - last < quietMs) await new Promise((r) => setTimeout(r, 200));
  context.off('request', bump);
}

interface Record_ {
  id: string;
  title: string;
  url: string;
}

function archive(dist: string): Record_[] {
  return readFileSync(path.join(dist, 'archive.jsonl'), 'utf8')
    .split('\n')
    .filter(Boolean)
    .map((line) => JSON.parse(line) as Record_);
}

async function firstVisit(browser: Browser, server: Server, paper: string) {
  const context = await browser.newContext();
  const page = await context.newPage();
  server.take();
  const started = performance.now();
  await page.goto(`${server.url}${paper}`);
  await page.evaluate(() => navigator.serviceWorker.ready.then(() => undefined));
  await quiet(context, 2500);
  const served = server.take();
  const cache = await page.evaluate(async () => {
    let total = 0;
    for (const name of await caches.keys()) {
      const c = await caches.open(name);
      for (const r of await c.keys()) total += (await (await c.match(r))!.arrayBuffer()).byteLength;
    }
    return total;
  });
  await context.close();
  return { bytes: served.bytes, requests: served.requests, cacheStorageBytes: cache, quietAfterMs: Math.round(performance.now() - started - 2500) };
}

/** Served responses up to `t`: their bytes and count, and the path and ms (after `start`) of each, for `--trace`. */
function servedUpTo(served: Served[], start: number, t: number) {
  const rows = served.filter((r) => r.at <= t);
  return {
    bytes: rows.reduce((n, r) => n + r.bytes, 0),
    requests: rows.length,
    trace: rows.map((r) => `${r.asked - start}–${r.at - start} ms ${r.path} ${r.bytes} B`),
  };
}

/**
 * The page stamps (epoch ms) when the first results show, that is the first result row with its
 * title (or "0 papers"), and when the search is over: the results over every index shard, the
 * whole first page of them (the list no longer `aria-busy`). Playwright's polling would notice
 * later, and count bytes the page fetched after the first results (fragments, older shards' metas).
 */
// A string, not a function: tsx would wrap named inner functions in a helper the page lacks.
const stampResults = `(() => {
  const watch = () => {
    const root = document.querySelector('[data-search-page]');
    const status = root.querySelector('[data-status]');
    const list = root.querySelector('[data-results]');
    new MutationObserver(() => {
      const text = status.textContent || '';
      if (list.querySelector('.search-title') || /^0 papers/.test(text)) window.__first ??= Date.now();
      if (/papers? for/.test(text) && !text.includes('Searching older') && list.getAttribute('aria-busy') !== 'true') window.__all ??= Date.now();
    }).observe(root, { childList: true, characterData: true, subtree: true, attributes: true, attributeFilter: ['aria-busy'] });
  };
  if (document.readyState === 'loading') document.addEventListener('DOMContentLoaded', watch);
  else watch();
})()`;

/** Waits for the page's stamps, then the served bytes and times from `started` to the first results and to all. */
async function stamped(page: Page, server: Server, started: number) {
  await page.waitForFunction(() => (window as unknown as Record<string, number>).__all, null, { timeout: 30_000 });
  await quiet(page.context(), 300);
  const { first, all } = await page.evaluate(() => {
    const w = window as unknown as Record<string, number>;
    return { first: w.__first!, all: w.__all! };
  });
  const { served } = server.take();
  const [toFirst, toAll] = [servedUpTo(served, started, first), servedUpTo(served, started, all)];
  const results = Number((await page.locator('[data-status]').innerText()).match(/\d+/)?.[0] ?? 0);
  return {
    ms: first - started,
    bytes: toFirst.bytes,
    requests: toFirst.requests,
    completeMs: all - started,
    completeBytes: toAll.bytes,
    completeRequests: toAll.requests,
    results,
    // Every request up to the complete answer; those after the first results are marked.
    trace: toAll.trace.map((t, i) => (i < toFirst.requests ? t : `(after first) ${t}`)),
  };
}

/** One cold query typed on the search page: bytes and ms from typing to the first results shown. */
async function coldQuery(browser: Browser, server: Server, query: string, warm: boolean) {
  const context = await browser.newContext({ serviceWorkers: 'block' });
  const page = await context.newPage();
  await page.goto(`${server.url}search/`);
  await quiet(context, 500);
  const input = page.locator('main input[name=q]');
  if (warm) {
    await input.focus();
    await quiet(context, 1500);
  }
  await page.evaluate(stampResults);
  server.take();
  const started = Date.now();
  await input.fill(query);
  const measured = await stamped(page, server, started);
  await context.close();
  return { query, warm, ...measured };
}

/**
 * One cold query opened as a link (`/search/?q=…`, nothing cached, no service worker): bytes and ms
 * from the navigation's start to the first results, the page, its CSS and scripts included.
 */
async function coldLink(browser: Browser, server: Server, query: string) {
  const context = await browser.newContext({ serviceWorkers: 'block' });
  const page = await context.newPage();
  await page.addInitScript({ content: stampResults });
  server.take();
  const started = Date.now();
  await page.goto(`${server.url}search/?q=${encodeURIComponent(query)}`, { waitUntil: 'commit' });
  const measured = await stamped(page, server, started);
  await context.close();
  return { query, ...measured };
}

/** The median of `values`. */
function median(values: number[]): number {
  const sorted = [...values].sort((a, b) => a - b);
  const mid = Math.floor(sorted.length / 2);
  return sorted.length % 2 ? sorted[mid]! : Math.round((sorted[mid - 1]! + sorted[mid]!) / 2);
}

/** `runs` repeats of `measure`, as one row of medians (with the range of first-result times). */
async function medianOf<T extends { ms: number; bytes: number; completeMs: number; completeBytes: number; requests: number; completeRequests: number; trace: string[] }>(
  runs: number,
  measure: () => Promise<T>,
): Promise<T & { runs: number; msRange: [number, number] }> {
  const rows: T[] = [];
  for (let i = 0; i < runs; i++) rows.push(await measure());
  const pick = (key: 'ms' | 'bytes' | 'completeMs' | 'completeBytes' | 'requests' | 'completeRequests') => median(rows.map((r) => r[key]));
  const mid = rows.find((r) => r.ms === pick('ms')) ?? rows[0]!;
  return {
    ...mid,
    ms: pick('ms'),
    bytes: pick('bytes'),
    requests: pick('requests'),
    completeMs: pick('completeMs'),
    completeBytes: pick('completeBytes'),
    completeRequests: pick('completeRequests'),
    runs,
    msRange: [Math.min(...rows.map((r) => r.ms)), Math.max(...rows.map((r) => r.ms))],
  };
}

/** Share of `n` seeded misspelt titles found in the top 10, as typed or after one suggestion click. */
async function typoRecall(browser: Browser, server: Server, records: Record_[], n: number, seed: number) {
  const candidates = records.filter((r) => !r.title.includes('$') && /\p{L}{6,}/u.test(r.title));
  const random = seededRandom(seed);
  const context = await browser.newContext({ serviceWorkers: 'block' });
  const page = await context.newPage();
  let direct = 0;
  let afterClick = 0;
  const misses: string[] = [];
  // With older index shards, the first results are the newest papers' only: the final ones (and
  // "Did you mean", decided before they show) come after the merge.
  const complete = async () => {
    await page.locator('[data-status]', { hasText: /papers? for|could not|failed/ }).waitFor({ timeout: 30_000 });
    await page.waitForFunction(() => !document.querySelector('[data-status]')?.textContent?.includes('Searching older'), null, {
      timeout: 30_000,
    });
  };
  const top10 = () => page.locator('[data-results] li a').evaluateAll((as) => as.slice(0, 10).map((a) => new URL((a as HTMLAnchorElement).href).pathname));
  for (const record of sample(candidates, n, seed)) {
    const typo = misspell(record.title, random);
    await page.goto(`${server.url}search/?q=${encodeURIComponent(typo)}`);
    await page.locator('[data-status]', { hasText: /papers? for|could not|failed/ }).waitFor({ timeout: 30_000 });
    await complete();
    // "Did you mean" is decided after the results show: give it its moment.
    await page.waitForTimeout(150);
    await page.waitForLoadState('networkidle');
    if ((await top10()).includes(record.url)) {
      direct++;
      continue;
    }
    const link = page.locator('[data-suggestion] strong a');
    if ((await link.count()) > 0) {
      await link.click();
      await page.waitForURL((u) => u.searchParams.get('q') !== typo);
      await complete();
      if ((await top10()).includes(record.url)) {
        afterClick++;
        continue;
      }
    }
    misses.push(`${typo} → ${record.title}`);
  }
  await context.close();
  return { cases: n, seed, foundAsTyped: direct, foundAfterSuggestion: afterClick, recall: (direct + afterClick) / n, misses };
}

/** Lighthouse mobile on `url`, run asynchronously: the counting server lives in this process's event loop. */
async function lighthouse(url: string) {
  const result = await new Promise<{ status: number | null; stdout: string; stderr: string }>((resolve) => {
    execFile(
      'npx',
      ['--yes', 'lighthouse@13.5.0', url, '--output=json', '--quiet', '--chrome-flags=--headless --no-sandbox --disable-gpu', '--only-categories=performance,accessibility'],
      { encoding: 'utf8', env: { ...process.env, CHROME_PATH: CHROMIUM_PATH }, maxBuffer: 64 * 1024 * 1024 },
      (error, stdout, stderr) => resolve({ status: error ? 1 : 0, stdout, stderr }),
    );
  });
  if (result.status !== 0) return { error: result.stderr.slice(-500) };
  const report = JSON.parse(result.stdout) as { categories: Record<string, { score: number }>; audits: Record<string, { numericValue?: number }> };
  return {
    performance: Math.round(report.categories.performance!.score * 100),
    accessibility: Math.round(report.categories.accessibility!.score * 100),
    tbtMs: Math.round(report.audits['total-blocking-time']?.numericValue ?? NaN),
    cls: report.audits['cumulative-layout-shift']?.numericValue,
    lcpMs: Math.round(report.audits['largest-contentful-paint']?.numericValue ?? NaN),
  };
}

/** Papers per index shard: from `search/index.json`, or Pagefind's entry for a site built before the index was split. */
function indexShards(dist: string): number[] {
  const file = path.join(dist, 'search', 'index.json');
  if (existsSync(file)) return (JSON.parse(readFileSync(file, 'utf8')) as { shards: { papers: number }[] }).shards.map((s) => s.papers);
  return [(JSON.parse(readFileSync(path.join(dist, 'pagefind', 'pagefind-entry.json'), 'utf8')) as { languages: { en: { page_count: number } } }).languages.en.page_count];
}

/** The three queries of the cold-query measures: a phrase, a word in a fifth of the papers, a rare model name. */
const QUERIES = ['speculative decoding', 'diffusion', 'RynnBrain'];

/** Runs every measure on `dist` (built with BASE=/). */
export async function benchSearch(dist: string, options: { recall?: number; seed?: number; lighthouse?: boolean; runs?: number } = {}) {
  const server = await countingServer(dist);
  const browser = await launchBrowser();
  try {
    const records = archive(dist);
    const sw = readFileSync(path.join(dist, 'sw.js'));
    const shards = indexShards(dist);
    // A paper page that exists (a site whose index was rebuilt over more papers than it has pages
    // has records without one; a 404 page would wait for a service worker forever).
    const paper = [...records.slice(Math.floor(records.length / 2)), ...records].find((r) =>
      existsSync(path.join(dist, r.url.slice(1), 'index.html')),
    )!;
    const visit = await firstVisit(browser, server, paper.url.slice(1));
    const runs = options.runs ?? 1;
    const queries = [];
    const links = [];
    for (const warm of [false, true]) for (const q of QUERIES) queries.push(await medianOf(runs, () => coldQuery(browser, server, q, warm)));
    for (const q of QUERIES) links.push(await medianOf(runs, () => coldLink(browser, server, q)));
    const recall = options.recall === 0 ? null : await typoRecall(browser, server, records, options.recall ?? 100, options.seed ?? 1);
    const lh = options.lighthouse ? await lighthouse(`${server.url}search/?q=diffusion`) : null;
    return {
      papers: shards.reduce((n, papers) => n + papers, 0),
      shards: shards.length,
      swBytes: sw.length,
      swGzipBytes: gzipSync(sw).length,
      firstVisit: visit,
      queries,
      links,
      recall,
      lighthouse: lh,
    };
  } finally {
    await browser.close();
    await server.close();
  }
}

/** The measures as a table (with `trace`, each query's requests up to its complete answer). */
export function formatSearch(r: Awaited<ReturnType<typeof benchSearch>>, trace = false): string {
  const kb = (n: number) => `${(n / 1000).toFixed(1)} kB`;
  const runs = r.queries[0]?.runs ?? 1;
  const ms = (q: { ms: number; msRange: [number, number] }) => (runs > 1 ? `${q.ms} (${q.msRange[0]}–${q.msRange[1]})` : String(q.ms));
  const lines = [
    `Search and offline, ${r.papers} papers in ${r.shards} index shard${r.shards === 1 ? '' : 's'}`,
    `  first visit: ${kb(r.firstVisit.bytes)} over the wire in ${r.firstVisit.requests} requests, Cache Storage ${kb(r.firstVisit.cacheStorageBytes)}`,
    `  sw.js: ${r.swBytes} B (${r.swGzipBytes} B gzip)`,
    `  cold first query${runs > 1 ? `, median of ${runs} runs (range)` : ''}: typed on the loaded search page (from typing), or opened as /search/?q= (from the navigation's start, the page included)`,
    table(
      ['query', 'how', 'first ms', 'first bytes', 'requests', 'all ms', 'all bytes', 'requests', 'results'],
      [
        ...r.queries.map((q) => [q.query, q.warm ? 'typed, focus warm-up' : 'typed', ms(q), kb(q.bytes), String(q.requests), String(q.completeMs), kb(q.completeBytes), String(q.completeRequests), String(q.results)]),
        ...r.links.map((q) => [q.query, 'link', ms(q), kb(q.bytes), String(q.requests), String(q.completeMs), kb(q.completeBytes), String(q.completeRequests), String(q.results)]),
      ],
    ),
  ];
  if (trace) {
    for (const q of [...r.queries, ...r.links]) {
      lines.push(`  ${q.query} (${'warm' in q ? (q.warm ? 'typed, focus warm-up' : 'typed') : 'link'}), requests to the complete answer:`, ...q.trace.map((t) => `    ${t}`));
    }
  }
  if (r.recall) {
    lines.push(
      `  typo recall: ${(r.recall.recall * 100).toFixed(1)}% of ${r.recall.cases} (seed ${r.recall.seed}): ${r.recall.foundAsTyped} as typed, ${r.recall.foundAfterSuggestion} after one suggestion`,
    );
  }
  if (r.lighthouse) lines.push(`  Lighthouse (mobile) /search/?q=diffusion: ${JSON.stringify(r.lighthouse)}`);
  return `${lines.join('\n')}\n`;
}

/** `npm run bench -- --search DIST [--recall N] [--seed N] [--runs N] [--trace] [--lighthouse]`: prints the table, writes bench/search-results.json. */
export async function searchBenchMain(args: string[]): Promise<number> {
  const { values, positionals } = parseArgs({
    args,
    allowPositionals: true,
    options: {
      recall: { type: 'string' },
      seed: { type: 'string' },
      runs: { type: 'string' },
      trace: { type: 'boolean', default: false },
      lighthouse: { type: 'boolean', default: false },
    },
  });
  const dist = positionals[0];
  if (!dist || !existsSync(path.join(dist, 'sw.js'))) {
    process.stderr.write(`bench: --search needs a built site (a dist/ folder with sw.js), got ${JSON.stringify(dist ?? '')}\n`);
    return 2;
  }
  const result = await benchSearch(dist, {
    recall: values.recall === undefined ? undefined : Number(values.recall),
    seed: values.seed === undefined ? undefined : Number(values.seed),
    lighthouse: values.lighthouse,
    runs: values.runs === undefined ? undefined : Number(values.runs),
  });
  await mkdir(path.join(repoRoot, 'bench'), { recursive: true });
  const load = os.loadavg().map((n) => n.toFixed(1));
  await writeFile(path.join(repoRoot, 'bench', 'search-results.json'), `${JSON.stringify({ date: new Date().toISOString(), loadAverage: load, dist, ...result }, null, 2)}\n`);
  process.stdout.write(`${formatSearch(result, values.trace)}  load average ${load.join(' ')}; wrote bench/search-results.json\n`);
  return 0;
}
