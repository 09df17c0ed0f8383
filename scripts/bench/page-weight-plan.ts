/**
 * What-if for issue 9's page-weight plan: applies each proposed change to the pages of a built
 * `dist/` (as text rewrites that imitate what the change would emit) and measures what it saves,
 * alone and cumulatively in order of saving, on every paper page (median, raw and gzip) and on
 * the listing pages (bytes per entry; listing bytes per paper). A measurement aid, not the change:
 * the real work happens in the components; these rewrites only estimate its bytes.
 *
 * CLI: npx tsx scripts/bench/page-weight-plan.ts DIST [--sample N] [--json] | DIST --show papers/<id>/index.html
 */
import { readdirSync, readFileSync } from 'node:fs';
import path from 'node:path';
import { gzipSync } from 'node:zlib';
import { fileURLToPath } from 'node:url';
import { sizes, type Sizes } from './page-weight.ts';

/** One proposed change, as a rewrite of a built page. */
interface Change {
  id: string;
  what: string;
  /** Which pages it applies to. */
  on: 'all' | 'paper' | 'listing';
  /** A final pass (minification): applied after every other change, whatever its saving. */
  last?: boolean;
  apply: (html: string, kind: string) => string;
}

const utf8 = (s: string): number => Buffer.byteLength(s, 'utf8');

/** Tailwind utilities (KaTeX's own classes — `katex`, `mord`, `vlist-t` … — never match, and stay). */
const UTILITY = /(^|\s)(?:[a-z]+:)*(?:text-|m[tblrxy]?-|p[tblrxy]?-|flex|grid|gap-|border|rounded|font-|block|hidden|sr-only|not-sr-only|max-w|w-|h-|min-h|break-|prose|space-|divide-|items-|justify-|order-|tracking-|uppercase|leading-|whitespace|bg-|no-underline|underline|inline|absolute|z-|top-|left-|col-span|sm:|dark:|hover:|focus:|print:|\[)/;

/** Elements a stylesheet reaches through their container (`.paper-meta li`, `.site-nav a`): no class of their own. */
const INNER = new Set(['a', 'li', 'span', 'p', 'time', 'code', 'label', 'button', 'input', 'small', 'strong', 'em', 'h2', 'h3']);

/**
 * Utility lists become one short semantic class on containers (`class="paper-meta"`, 10 bytes)
 * and nothing on the elements inside them, which the component's CSS reaches by descent.
 */
function semanticClasses(html: string): string {
  return html.replace(/<([a-z0-9]+)([^>]*?) class="([^"]*)"/g, (m, tag: string, before: string, value: string) => {
    if (!UTILITY.test(value)) return m;
    return INNER.has(tag) ? `<${tag}${before}` : `<${tag}${before} class="c-xxxxxxx"`;
  });
}

/** What the inline theme script shrinks to when the toggle and listeners move to a cached module. */
const MINIMAL_THEME = `<script>try{var t=localStorage.theme;document.documentElement.classList.toggle('dark',t?t=='dark':matchMedia('(prefers-color-scheme:dark)').matches)}catch(e){}</script>`;
const SITE_MODULE = '<script type="module" src="/_astro/site.AbCd1234.js"></script>';

const CHANGES: Change[] = [
  {
    id: 'classes',
    what: 'semantic component classes (Tailwind @layer components / @apply) on containers, descendant selectors for what is inside, instead of utility lists on every element',
    on: 'all',
    apply: semanticClasses,
  },
  {
    id: 'scripts',
    what: 'theme toggle, service-worker registration and BibTeX copy in one cached module; a 170-byte inline theme line stays (no flash)',
    on: 'all',
    apply: (html) => {
      let out = html.replace(/<script>\s*\(\(\) => \{\s*const root = document\.documentElement;[\s\S]*?<\/script>/, MINIMAL_THEME + SITE_MODULE);
      out = out.replace(/<script>\(function\(\)\{const swUrl[\s\S]*?<\/script>/, '');
      out = out.replace(/<script>\s*\(\(\) => \{\s*const button = document\.querySelector\('button\[data-copy[\s\S]*?<\/script>/, '');
      return out;
    },
  },
  {
    id: 'jsonld',
    what: 'JSON-LD without the abstract (the page shows it; description meta has its start) and without name/url duplicating headline/@id',
    on: 'paper',
    apply: (html) =>
      html.replace(/(<script type="application\/ld\+json">)([\s\S]*?)(<\/script>)/, (_m, open: string, json: string, close: string) => {
        const data = JSON.parse(json) as Record<string, unknown>;
        delete data.abstract;
        delete data.name;
        delete data.url;
        return open + JSON.stringify(data).replace(/[<>&]/g, (c) => `\\u${c.charCodeAt(0).toString(16).padStart(4, '0')}`) + close;
      }),
  },
  {
    id: 'pagefind-attrs',
    what: 'no data-pagefind-* / data-filter-value attributes (search indexes custom records: issue 8)',
    on: 'all',
    apply: (html) => html.replace(/ data-pagefind-[a-z]+(?:="[^"]*")?| data-filter-value="[^"]*"/g, ''),
  },
  {
    id: 'reasons',
    what: 'topic reasons written compactly: “title: RNN; abstract: RNN ×5, recurrent ×4” (same facts, curly quotes instead of &quot;)',
    on: 'paper',
    apply: (html) =>
      html.replace(/(Why: )([^<]*)/g, (_m, why: string, text: string) => {
        const compact = text
          .split(/; (?=(?:title|abstract|keyword) )/)
          .map((r) => r.replace(/^(title|abstract) mentions &quot;(.*?)&quot;(?: \((\d+)×\))?$/, (_x, where: string, w: string, n?: string) => `${where}: ${w}${n ? ` ×${n}` : ''}`).replace(/^keyword &quot;(.*?)&quot;$/, 'keyword: $1'))
          .join('; ');
        return why + compact;
      }),
  },
  {
    id: 'classes-roots',
    what: 'beyond containers: classes only on landmark roots (body, header, main, article, section, nav, footer); lists, headings and blocks styled by element inside them (as @tailwindcss/typography does)',
    on: 'all',
    apply: (html) =>
      html.replace(/<(div|ul|ol|h1|pre|form|figure|figcaption)([^>]*?) class="(c-xxxxxxx|[^"]*)"/g, (m, tag: string, before: string, value: string) =>
        value === 'c-xxxxxxx' || UTILITY.test(value) ? `<${tag}${before}` : m,
      ),
  },
  {
    id: 'jsonld-keywords',
    what: 'JSON-LD without keywords (shown on the page; search engines ignore schema keywords)',
    on: 'paper',
    apply: (html) =>
      html.replace(/(<script type="application\/ld\+json">)([\s\S]*?)(<\/script>)/, (_m, open: string, json: string, close: string) => {
        const data = JSON.parse(json) as Record<string, unknown>;
        delete data.keywords;
        return open + JSON.stringify(data).replace(/[<>&]/g, (c) => `\\u${c.charCodeAt(0).toString(16).padStart(4, '0')}`) + close;
      }),
  },
  {
    id: 'feed-link',
    what: 'RSS <link rel=alternate> only on the home and topic pages, not on every paper and listing page',
    on: 'all',
    apply: (html, kind) => (kind === 'topic listings' ? html : html.replace(/<link rel="alternate" type="application\/rss\+xml"[^>]*>/, '')),
  },
  {
    id: 'test-hooks',
    what: 'no data-* attributes that only tests read (data-topic, data-link-kind, data-related, data-cite, data-keywords, data-topic-reasons): tests select by landmark/heading instead',
    on: 'all',
    apply: (html) => html.replace(/ data-(?:topic|link-kind|related|cite|keywords|topic-reasons|topic-feed|permalink)(?:="[^"]*")?(?=[ >])/g, ''),
  },
  {
    id: 'minify',
    what: 'post-build minification: unquoted safe attribute values, omitted </li> end tags (html-minifier-terser / minify-html options)',
    on: 'all',
    last: true,
    apply: (html) =>
      html
        .replace(/(<[a-z][a-z0-9]*\s[^<>]*>)/g, (tag) => tag.replace(/=("([A-Za-z0-9._:#/-]+)")(?=[\s>])/g, (_m, _q: string, v: string) => `=${v}`))
        .replace(/<\/li>/g, ''),
  },
  {
    id: 'head-trim',
    what: 'no generator meta and sitemap link in every head (robots.txt names the sitemap)',
    on: 'all',
    apply: (html) => html.replace(/<meta name="generator"[^>]*>/, '').replace(/<link rel="sitemap"[^>]*>/, ''),
  },
  {
    id: 'excerpt-short',
    what: 'listing excerpts cut to ~140 characters (today ~250)',
    on: 'listing',
    apply: (html) => html.replace(/(<p(?: class="[^"]*")?>)([^<]{150,})(<\/p><\/article>)/g, (_m, open: string, text: string, close: string) => `${open}${text.slice(0, text.lastIndexOf(' ', 140))}…${close}`),
  },
  {
    id: 'excerpt-digest-only',
    what: 'excerpts only on digest pages; topic and organisation listings show title, byline, date, counts',
    on: 'listing',
    apply: (html, kind) => (kind === 'digest listings' ? html : html.replace(/<p(?: class="[^"]*")?>[^<]*(?:<[^/][^>]*>[^<]*<\/[^>]+>[^<]*)*<\/p>(<\/article>)/g, '$1')),
  },
];

/** Every file below `dir` (relative). */
function walk(dir: string, prefix = ''): string[] {
  const out: string[] = [];
  for (const e of readdirSync(dir, { withFileTypes: true })) {
    const rel = prefix ? `${prefix}/${e.name}` : e.name;
    if (e.isDirectory()) out.push(...walk(path.join(dir, e.name), rel));
    else if (e.isFile() && e.name.endsWith('.html')) out.push(rel);
  }
  return out;
}

const LISTING = (rel: string): string | null =>
  rel.startsWith('topics/') && rel !== 'topics/index.html' ? 'topic listings'
  : rel.startsWith('digests/') && rel !== 'digests/index.html' ? 'digest listings'
  : rel.startsWith('orgs/') && rel !== 'orgs/index.html' ? 'org listings'
  : null;

/** The state of the pages after some changes. */
interface Snapshot {
  paperRaw: Sizes;
  paperGzip: Sizes;
  /** Listing bytes per paper page (all listing pages' bytes ÷ paper pages). */
  listingPerPaper: number;
  /** Mean bytes of one `<li><article>` entry, by kind. */
  entryMean: Record<string, number>;
}

/** The plan: baseline, each change alone, and cumulative in order of its saving alone. */
export interface Plan {
  papers: number;
  baseline: Snapshot;
  alone: Array<{ id: string; what: string; paperRawSaved: number; paperGzipSaved: number; listingPerPaperSaved: number; mbAt50k: number }>;
  cumulative: Array<{ id: string; after: Snapshot; mbAt50k: number }>;
}

/** Measures the pages after applying `changes` (in order). */
function snapshot(papers: readonly string[], listings: ReadonlyArray<{ html: string; kind: string }>, changes: readonly Change[]): Snapshot {
  const raw: number[] = [];
  const gz: number[] = [];
  for (const html of papers) {
    const out = changes.filter((c) => c.on !== 'listing').reduce((h, c) => c.apply(h, 'paper'), html);
    raw.push(utf8(out));
    gz.push(gzipSync(out).length);
  }
  let listingBytes = 0;
  const entries: Record<string, { bytes: number; n: number }> = {};
  for (const { html, kind } of listings) {
    const out = changes.filter((c) => c.on !== 'paper').reduce((h, c) => c.apply(h, kind), html);
    listingBytes += utf8(out);
    const e = (entries[kind] ??= { bytes: 0, n: 0 });
    for (const m of out.matchAll(/<li><article[\s\S]*?<\/article>(?:<\/li>)?/g)) {
      e.bytes += utf8(m[0]);
      e.n++;
    }
  }
  return {
    paperRaw: sizes(raw),
    paperGzip: sizes(gz),
    listingPerPaper: Math.round(listingBytes / Math.max(1, papers.length)),
    entryMean: Object.fromEntries(Object.entries(entries).map(([k, v]) => [k, Math.round(v.bytes / Math.max(1, v.n))])),
  };
}

/** Builds the plan for `dist` (every paper page; `sample` > 0 limits the pages read, evenly spread). */
export function pageWeightPlan(dist: string, sample = 0): Plan {
  const files = walk(dist).sort();
  const read = (rel: string) => readFileSync(path.join(dist, rel), 'utf8');
  const every = <T>(list: T[]) => (sample > 0 && list.length > sample ? list.filter((_, i) => i % Math.ceil(list.length / sample) === 0) : list);
  const allPapers = files.filter((rel) => /^papers\/[^/]+\/index\.html$/.test(rel)).map(read).filter((h) => !h.includes('<meta name="robots" content="noindex"'));
  const papers = every(allPapers);
  const listings = files.filter((rel) => LISTING(rel)).map((rel) => ({ html: read(rel), kind: LISTING(rel)! }));
  // Listing bytes per paper use every paper page as the denominator even when sampling paper pages.
  const scale = allPapers.length / papers.length;
  const snap = (changes: readonly Change[]) => {
    const s = snapshot(papers, listings, changes);
    return { ...s, listingPerPaper: Math.round(s.listingPerPaper / scale) };
  };
  const baseline = snap([]);
  const total = (s: Snapshot) => s.paperRaw.median + s.listingPerPaper;
  const alone = CHANGES.map((c) => {
    const s = snap([c]);
    const paperRawSaved = baseline.paperRaw.median - s.paperRaw.median;
    const listingPerPaperSaved = baseline.listingPerPaper - s.listingPerPaper;
    return {
      id: c.id,
      what: c.what,
      paperRawSaved,
      paperGzipSaved: baseline.paperGzip.median - s.paperGzip.median,
      listingPerPaperSaved,
      mbAt50k: Math.round(((paperRawSaved + listingPerPaperSaved) * 50_000) / 1e5) / 10,
    };
  });
  const isLast = (id: string) => CHANGES.find((c) => c.id === id)?.last === true;
  const order = [...alone].sort((a, b) => Number(isLast(a.id)) - Number(isLast(b.id)) || b.mbAt50k - a.mbAt50k);
  const cumulative: Plan['cumulative'] = [];
  const applied: Change[] = [];
  for (const a of order) {
    applied.push(CHANGES.find((c) => c.id === a.id)!);
    const after = snap(applied);
    cumulative.push({ id: a.id, after, mbAt50k: Math.round(((total(baseline) - total(after)) * 50_000) / 1e5) / 10 });
  }
  return { papers: allPapers.length, baseline, alone: order, cumulative };
}

/** The plan as text. */
export function formatPlan(p: Plan): string {
  const kb = (b: number) => (b / 1000).toFixed(2);
  const snap = (s: Snapshot) =>
    `paper page median ${kb(s.paperRaw.median)} kB raw / ${kb(s.paperGzip.median)} kB gzip (p90 ${kb(s.paperRaw.p90)} kB); listings ${kb(s.listingPerPaper)} kB per paper; entry ${Object.entries(s.entryMean).map(([k, v]) => `${k.split(' ')[0]} ${v} B`).join(', ')}`;
  const lines = [`${p.papers} paper pages. Baseline: ${snap(p.baseline)}`, 'each change alone (saved per paper: page median raw, gzip; listing bytes per paper; MB at 50,000 papers):'];
  for (const a of p.alone) lines.push(`  ${a.id.padEnd(20)} page −${a.paperRawSaved} B (gzip −${a.paperGzipSaved} B), listings −${a.listingPerPaperSaved} B, ≈ ${a.mbAt50k} MB at 50k — ${a.what}`);
  lines.push('cumulative, in that order:');
  for (const c of p.cumulative) lines.push(`  + ${c.id.padEnd(20)} ${snap(c.after)} (≈ ${c.mbAt50k} MB saved at 50k)`);
  return lines.join('\n') + '\n';
}

/** A page after every change (to read what is left). */
export function applyAll(html: string, kind: string): string {
  const ordered = [...CHANGES].sort((a, b) => Number(a.last === true) - Number(b.last === true));
  return ordered.filter((c) => (kind === 'paper' ? c.on !== 'listing' : c.on !== 'paper')).reduce((h, c) => c.apply(h, kind), html);
}

if (process.argv[1] && path.resolve(process.argv[1]) === fileURLToPath(import.meta.url)) {
  const dist = process.argv[2];
  const show = process.argv.indexOf('--show');
  if (dist && show > 0) {
    // --show papers/<id>/index.html: that page after every change.
    process.stdout.write(applyAll(readFileSync(path.join(dist, process.argv[show + 1]!), 'utf8'), process.argv[show + 1]!.startsWith('papers/') ? 'paper' : (LISTING(process.argv[show + 1]!) ?? 'other')) + '\n');
    process.exit(0);
  }
  if (!dist) {
    process.stderr.write('usage: page-weight-plan.ts DIST [--sample N] [--json]\n');
    process.exitCode = 2;
  } else {
    const at = process.argv.indexOf('--sample');
    const plan = pageWeightPlan(dist, at > 0 ? Number(process.argv[at + 1]) : 0);
    process.stdout.write(process.argv.includes('--json') ? JSON.stringify(plan, null, 2) + '\n' : formatPlan(plan));
  }
}
