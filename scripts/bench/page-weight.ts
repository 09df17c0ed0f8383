/**
 * Where the bytes of a built site go (issue 9 §1): `dist/` by kind of file, paper pages (median,
 * p90, raw and gzip), a byte breakdown of the median paper page (head scripts, JSON-LD, meta,
 * class attributes, Pagefind attributes, each part of the body), and listing pages (topic, digest,
 * organisation) per paper entry. Gzip is what GitHub Pages sends; raw bytes are what its 1 GB
 * counts. "Marginal gzip" of a part is the page's gzip size minus the gzip size of the page
 * without that part (what removing it would save on the wire).
 *
 * CLI: npx tsx scripts/bench/page-weight.ts DIST [--json]
 */
import { readdirSync, readFileSync, statSync } from 'node:fs';
import path from 'node:path';
import { gzipSync } from 'node:zlib';
import { fileURLToPath } from 'node:url';
import { parse, type HTMLElement } from 'node-html-parser';

/** Bytes and files of one kind of output. */
export interface Group {
  bytes: number;
  files: number;
}

/** Summary statistics of a list of sizes. */
export interface Sizes {
  count: number;
  median: number;
  p90: number;
  mean: number;
  total: number;
}

/** One part of a page: its raw bytes and what removing it saves gzip-compressed. */
export interface Part {
  raw: number;
  gzipMarginal: number;
}

/** Listing pages of one kind. */
export interface ListingStats {
  pages: number;
  entries: number;
  /** Bytes of one `<li>` paper entry (raw), over every entry of every page of the kind. */
  entryRaw: Sizes;
  /** gzip bytes per entry: a page's entries gzipped together, divided by their number (median over pages). */
  entryGzip: number;
  /** Bytes of a page that are not entries (chrome, head, headings), median. */
  pageOverhead: number;
  /** All bytes of the kind. */
  bytes: number;
}

/** The whole report. */
export interface PageWeight {
  dist: Group;
  groups: Record<string, Group>;
  paperPages: { raw: Sizes; gzip: Sizes };
  medianPage: { file: string; raw: number; gzip: number; parts: Record<string, Part>; attributes: Record<string, Part> };
  /** Mean raw bytes per part over a sample of paper pages (the median page may lack an org or topics). */
  meanParts: Record<string, number>;
  listings: Record<string, ListingStats>;
  /** Listing bytes (topic + digest + org pages) divided by paper pages: what each paper costs in lists. */
  listingBytesPerPaper: number;
  archive: { raw: number; gzip: number } | null;
}

const utf8 = (s: string): number => Buffer.byteLength(s, 'utf8');
const gz = (s: string | Buffer): number => gzipSync(s).length;

/** Every file below `dir`, relative paths with `/`. */
function walk(dir: string, prefix = ''): string[] {
  const out: string[] = [];
  for (const e of readdirSync(dir, { withFileTypes: true })) {
    const rel = prefix ? `${prefix}/${e.name}` : e.name;
    if (e.isDirectory()) out.push(...walk(path.join(dir, e.name), rel));
    else if (e.isFile()) out.push(rel);
  }
  return out;
}

/** The kind of a `dist/` file, for the inventory. */
function kindOf(rel: string, isPaper: (rel: string) => boolean): string {
  if (/^papers\/[^/]+\/index\.html$/.test(rel)) return isPaper(rel) ? 'paper pages' : 'paper alias pages';
  if (rel.startsWith('topics/')) return rel.endsWith('.xml') ? 'feeds' : rel === 'topics/index.html' ? 'index pages' : 'topic listings';
  if (rel.startsWith('digests/')) return rel === 'digests/index.html' ? 'index pages' : 'digest listings';
  if (rel.startsWith('orgs/')) return rel === 'orgs/index.html' ? 'index pages' : 'org listings';
  if (rel.startsWith('pagefind/')) return 'pagefind';
  if (rel.startsWith('_astro/')) return '_astro (css, js)';
  if (rel.startsWith('katex/')) return 'katex';
  if (/^(sw\.js|workbox-[^/]+\.js)(\.map)?$/.test(rel)) return 'service worker';
  if (rel === 'archive.jsonl') return 'archive.jsonl';
  if (rel.endsWith('.xml')) return rel.startsWith('sitemap') ? 'sitemaps' : 'feeds';
  if (rel.endsWith('.html')) return 'other pages';
  return 'other';
}

/** Median, p90, mean and total of `values`. */
export function sizes(values: readonly number[]): Sizes {
  const s = [...values].sort((a, b) => a - b);
  const at = (q: number) => (s.length ? s[Math.min(s.length - 1, Math.floor(q * s.length))]! : 0);
  const total = s.reduce((a, b) => a + b, 0);
  return { count: s.length, median: at(0.5), p90: at(0.9), mean: s.length ? Math.round(total / s.length) : 0, total };
}

/** A name for a direct child of a paper page's `<main>` or `<article>`. */
function partName(el: HTMLElement, index: number): string {
  const labelled = el.getAttribute('aria-labelledby');
  if (labelled) return labelled.replace(/-heading$/, '');
  if (el.hasAttribute('data-related')) return 'related';
  const tag = el.tagName.toLowerCase();
  if (tag === 'nav') return 'prev/next nav';
  if (tag === 'h1') return 'h1 title';
  if (tag === 'p' && index === 1) return 'byline';
  if (tag === 'p' && /Organisation/.test(el.textContent)) return 'org line';
  if (tag === 'ul' && /Published/.test(el.textContent)) return 'dates, digest, counts';
  return `${tag}#${index}`;
}

/** One part of a page: where it lies in the page's text (`[start, end)` ranges; a part may have holes). */
interface PartRange {
  name: string;
  ranges: Array<readonly [number, number]>;
}

/**
 * The parts of one paper page, as ranges of its text (so marginal gzip can cut them out): head
 * items, body chrome, each part of the article, related papers, the neighbour nav, the footer.
 */
export function pageParts(html: string): PartRange[] {
  const root = parse(html, { comment: true });
  const parts: PartRange[] = [];
  const elements = (el: HTMLElement | null) => (el?.childNodes ?? []).filter((n) => (n as HTMLElement).tagName) as HTMLElement[];
  for (const e of elements(root.querySelector('head'))) {
    const tag = e.tagName.toLowerCase();
    const type = e.getAttribute('type');
    const name =
      tag === 'script' && type === 'application/ld+json' ? 'head: JSON-LD'
      : tag === 'script' && e.textContent.includes('serviceWorker') ? 'head: service-worker script'
      : tag === 'script' && e.textContent.includes('theme') ? 'head: theme script'
      : tag === 'script' ? 'head: other script'
      : tag === 'meta' || tag === 'title' ? 'head: title and meta'
      : tag === 'link' ? 'head: links (canonical, icon, css, feed)'
      : `head: ${tag}`;
    parts.push({ name, ranges: [e.range] });
  }
  for (const e of elements(root.querySelector('body'))) {
    const tag = e.tagName.toLowerCase();
    if (tag !== 'main') {
      parts.push({ name: tag === 'a' ? 'body: skip link' : `body: ${tag}`, ranges: [e.range] });
      continue;
    }
    for (const [i, c] of elements(e).entries()) {
      if (c.tagName.toLowerCase() !== 'article') {
        parts.push({ name: `main: ${partName(c, i)}`, ranges: [c.range] });
        continue;
      }
      for (const [j, a] of elements(c).entries()) {
        const n = partName(a, j);
        // The BibTeX section carries its copy script: counted apart.
        const script = a.querySelector('script');
        if (!script) parts.push({ name: `article: ${n}`, ranges: [a.range] });
        else {
          parts.push({ name: `article: ${n} script`, ranges: [script.range] });
          parts.push({ name: `article: ${n}`, ranges: [[a.range[0], script.range[0]], [script.range[1], a.range[1]]] });
        }
      }
    }
  }
  return parts;
}

/** `html` without the `ranges`. */
function cut(html: string, ranges: ReadonlyArray<readonly [number, number]>): string {
  let out = '';
  let at = 0;
  for (const [start, end] of [...ranges].sort((a, b) => a[0] - b[0])) {
    out += html.slice(at, start);
    at = end;
  }
  return out + html.slice(at);
}

/** Raw bytes of a part. */
const partBytes = (html: string, ranges: ReadonlyArray<readonly [number, number]>): number => ranges.reduce((a, [s, e]) => a + utf8(html.slice(s, e)), 0);

/** Attribute families across a whole page: every occurrence as the substrings to remove. */
const ATTRIBUTES: Record<string, RegExp> = {
  'class attributes': / class="[^"]*"/g,
  'data-pagefind-* attributes': / data-pagefind-[a-z]+(?:="[^"]*")?| data-filter-value="[^"]*"/g,
  'other data-* attributes': / data-(?!pagefind-|filter-value)[a-z-]+(?:="[^"]*")?/g,
  'whitespace in inline scripts': /(?<=<script[^>]*>[^<]*)\n\s+/g,
};

/** Raw bytes of each attribute family and its marginal gzip (the page without any of it). */
function attributeParts(html: string): Record<string, Part> {
  const whole = gz(html);
  const out: Record<string, Part> = {};
  for (const [name, re] of Object.entries(ATTRIBUTES)) {
    const raw = (html.match(re) ?? []).reduce((a, m) => a + utf8(m), 0);
    out[name] = { raw, gzipMarginal: whole - gz(html.replace(re, name.startsWith('whitespace') ? '\n' : '')) };
  }
  return out;
}

/** Parts of one page with raw bytes and marginal gzip. */
function breakdown(html: string): Record<string, Part> {
  const whole = gz(html);
  const out: Record<string, Part> = {};
  const byName = new Map<string, Array<readonly [number, number]>>();
  for (const { name, ranges } of pageParts(html)) byName.set(name, [...(byName.get(name) ?? []), ...ranges]);
  for (const [name, ranges] of byName) out[name] = { raw: partBytes(html, ranges), gzipMarginal: whole - gz(cut(html, ranges)) };
  return out;
}

/** `<li>` entries of a listing page's paper list (an `<ol>`/`<ul>` whose items hold an `<article>`). */
function listingEntries(html: string): string[] {
  const root = parse(html);
  const entries: string[] = [];
  for (const list of root.querySelectorAll('main ol, main ul')) {
    const items = list.childNodes.filter((n) => (n as HTMLElement).tagName?.toLowerCase() === 'li') as HTMLElement[];
    if (items.length && items.every((li) => li.querySelector('article, h2, h3') && li.querySelector('a[href*="/papers/"]'))) entries.push(...items.map((li) => li.toString()));
  }
  return entries;
}

/** Measures `dist`. `sample` paper pages (evenly spread) give the mean parts. */
export function pageWeight(dist: string, sample = 400): PageWeight {
  const files = walk(dist).sort();
  const read = (rel: string) => readFileSync(path.join(dist, rel), 'utf8');
  const paperSet = new Set<string>();
  for (const rel of files) if (/^papers\/[^/]+\/index\.html$/.test(rel) && !/<meta name="robots" content="noindex"/.test(read(rel))) paperSet.add(rel);
  const groups: Record<string, Group> = {};
  let distBytes = 0;
  for (const rel of files) {
    const size = statSync(path.join(dist, rel)).size;
    const kind = kindOf(rel, (r) => paperSet.has(r));
    groups[kind] ??= { bytes: 0, files: 0 };
    groups[kind].bytes += size;
    groups[kind].files++;
    distBytes += size;
  }
  const papers = [...paperSet];
  const raw: number[] = [];
  const gzip: number[] = [];
  for (const rel of papers) {
    const text = read(rel);
    raw.push(utf8(text));
    gzip.push(gz(text));
  }
  const rawSizes = sizes(raw);
  // The page whose raw size is the median.
  const order = papers.map((rel, i) => ({ rel, size: raw[i]! })).sort((a, b) => a.size - b.size || (a.rel < b.rel ? -1 : 1));
  const median = order[Math.floor(order.length / 2)];
  const medianHtml = median ? read(median.rel) : '';
  const meanParts: Record<string, number> = {};
  const step = Math.max(1, Math.floor(papers.length / sample));
  let sampled = 0;
  for (let i = 0; i < papers.length; i += step) {
    sampled++;
    const html = read(papers[i]!);
    for (const { name, ranges } of pageParts(html)) meanParts[name] = (meanParts[name] ?? 0) + partBytes(html, ranges);
    for (const [name, re] of Object.entries(ATTRIBUTES)) meanParts[`(${name})`] = (meanParts[`(${name})`] ?? 0) + (html.match(re) ?? []).reduce((a, m) => a + utf8(m), 0);
  }
  for (const k of Object.keys(meanParts)) meanParts[k] = Math.round(meanParts[k]! / Math.max(1, sampled));

  const listings: Record<string, ListingStats> = {};
  for (const kind of ['topic listings', 'digest listings', 'org listings']) {
    const pages = files.filter((rel) => rel.endsWith('.html') && kindOf(rel, () => false) === kind);
    const entryRaw: number[] = [];
    const perEntryGzip: number[] = [];
    const overhead: number[] = [];
    for (const rel of pages) {
      const html = read(rel);
      const entries = listingEntries(html);
      const bytes = entries.map(utf8);
      entryRaw.push(...bytes);
      if (entries.length) perEntryGzip.push(gz(entries.join('')) / entries.length);
      overhead.push(utf8(html) - bytes.reduce((a, b) => a + b, 0));
    }
    listings[kind] = {
      pages: pages.length,
      entries: entryRaw.length,
      entryRaw: sizes(entryRaw),
      entryGzip: Math.round(sizes(perEntryGzip).median),
      pageOverhead: sizes(overhead).median,
      bytes: groups[kind]?.bytes ?? 0,
    };
  }
  const listingBytes = Object.values(listings).reduce((a, l) => a + l.bytes, 0);
  let archive: PageWeight['archive'] = null;
  if (files.includes('archive.jsonl')) {
    const buf = readFileSync(path.join(dist, 'archive.jsonl'));
    archive = { raw: buf.length, gzip: gz(buf) };
  }
  return {
    dist: { bytes: distBytes, files: files.length },
    groups,
    paperPages: { raw: rawSizes, gzip: sizes(gzip) },
    medianPage: { file: median?.rel ?? '', raw: median?.size ?? 0, gzip: gz(medianHtml), parts: breakdown(medianHtml), attributes: attributeParts(medianHtml) },
    meanParts,
    listings,
    listingBytesPerPaper: papers.length ? Math.round(listingBytes / papers.length) : 0,
    archive,
  };
}

/** The report as text. */
export function formatPageWeight(w: PageWeight): string {
  const kb = (b: number) => (b / 1000).toFixed(1);
  const mb = (b: number) => (b / 1e6).toFixed(1);
  const lines: string[] = [];
  lines.push(`dist: ${mb(w.dist.bytes)} MB, ${w.dist.files} files`);
  for (const [k, g] of Object.entries(w.groups).sort((a, b) => b[1].bytes - a[1].bytes)) lines.push(`  ${k.padEnd(24)} ${mb(g.bytes).padStart(8)} MB ${String(g.files).padStart(8)} files`);
  const p = w.paperPages;
  lines.push(`paper pages: ${p.raw.count}; raw median ${kb(p.raw.median)} kB, p90 ${kb(p.raw.p90)} kB; gzip median ${kb(p.gzip.median)} kB, p90 ${kb(p.gzip.p90)} kB`);
  lines.push(`median page ${w.medianPage.file}: ${w.medianPage.raw} B raw, ${w.medianPage.gzip} B gzip`);
  for (const [k, part] of Object.entries(w.medianPage.parts).sort((a, b) => b[1].raw - a[1].raw)) lines.push(`  ${k.padEnd(44)} ${String(part.raw).padStart(6)} B  gzip −${part.gzipMarginal} B  (sample mean ${w.meanParts[k] ?? '–'} B)`);
  lines.push('  across the page:');
  for (const [k, part] of Object.entries(w.medianPage.attributes)) lines.push(`  ${k.padEnd(44)} ${String(part.raw).padStart(6)} B  gzip −${part.gzipMarginal} B  (sample mean ${w.meanParts[`(${k})`] ?? '–'} B)`);
  for (const [k, l] of Object.entries(w.listings))
    lines.push(`${k}: ${l.pages} pages, ${l.entries} entries; entry raw median ${l.entryRaw.median} B, mean ${l.entryRaw.mean} B, gzip ~${l.entryGzip} B; page overhead ${l.pageOverhead} B; ${mb(l.bytes)} MB`);
  lines.push(`listing bytes per paper page: ${w.listingBytesPerPaper} B`);
  if (w.archive) lines.push(`archive.jsonl: ${mb(w.archive.raw)} MB raw, ${mb(w.archive.gzip)} MB gzip`);
  return lines.join('\n') + '\n';
}

if (process.argv[1] && path.resolve(process.argv[1]) === fileURLToPath(import.meta.url)) {
  const dist = process.argv[2];
  if (!dist) {
    process.stderr.write('usage: page-weight.ts DIST [--json]\n');
    process.exitCode = 2;
  } else {
    const w = pageWeight(dist);
    process.stdout.write(process.argv.includes('--json') ? JSON.stringify(w, null, 2) + '\n' : formatPageWeight(w));
  }
}
