/**
 * Summarises V8 CPU profiles (`node --cpu-prof`, e.g. of `astro build`) for issue 9's profile:
 * self time by category (content layer, zod, Astro's renderer, our site code by file, KaTeX,
 * Workbox, sitemap, Vite/Rolldown, GC, …), the top functions by self time, and the inclusive
 * time of named functions (a function's own time plus everything it called, counted once per
 * sample however deep the recursion).
 *
 * CLI: npx tsx scripts/bench/cpu-profile.ts PROFILE.cpuprofile… [--top 25] [--json]
 */
import { readFileSync } from 'node:fs';
import path from 'node:path';
import { fileURLToPath } from 'node:url';

interface CallFrame {
  functionName: string;
  url: string;
  lineNumber: number;
  columnNumber: number;
}
interface ProfileNode {
  id: number;
  callFrame: CallFrame;
  children?: number[];
}
interface CpuProfile {
  nodes: ProfileNode[];
  startTime: number;
  endTime: number;
  samples: number[];
  timeDeltas: number[];
}

/** The summary of one or more profiles, in ms. */
export interface ProfileSummary {
  totalMs: number;
  byCategory: Array<{ category: string; selfMs: number }>;
  topSelf: Array<{ fn: string; selfMs: number }>;
  inclusive: Array<{ fn: string; ms: number }>;
}

/** Categories by URL (first match wins); the site's own files are named by their path. */
const CATEGORIES: Array<[string, RegExp]> = [
  ['content layer (astro/content, glob loader, data store)', /node_modules\/astro\/dist\/content\//],
  ['zod (schema validation)', /node_modules\/zod\//],
  ['devalue (data store (de)serialisation)', /node_modules\/devalue\//],
  ['astro renderer (runtime/server)', /node_modules\/astro\/dist\/runtime\//],
  ['astro build/generate, routing', /node_modules\/astro\/dist\/(core|vite-plugin|prerender|assets)/],
  ['astro (other)', /node_modules\/astro\//],
  ['katex', /node_modules\/katex\//],
  ['unified/remark/rehype/mdx', /node_modules\/(unified|remark|rehype|mdast|hast|micromark|@mdx-js|@astrojs\/(mdx|markdown))/],
  ['workbox-build (sw.js, hashing files)', /node_modules\/(workbox|@surma|rollup|fast-json-stable|tempy|glob|minimatch|fs-extra|@rollup)/],
  ['sitemap', /node_modules\/(@astrojs\/sitemap|sitemap)\//],
  ['pagefind (node side)', /node_modules\/(pagefind|@pagefind)\//],
  ['vite / rolldown / esbuild / tailwind', /node_modules\/(vite|rolldown|@rolldown|esbuild|tailwindcss|@tailwindcss|lightningcss|postcss|@oxc)/],
  ['node internals', /^node:|^internal\//],
];

/** The category of a call frame: a known package, a site source file, or a V8 pseudo-frame. */
function categoryOf(frame: CallFrame): string {
  const { url, functionName } = frame;
  if (!url) {
    if (functionName === '(garbage collector)') return 'GC';
    if (functionName === '(idle)') return '(idle: waiting on I/O or a child process)';
    if (functionName === '(program)') return '(program: V8/native outside JS)';
    return `native: ${functionName || '(anonymous)'}`;
  }
  for (const [name, re] of CATEGORIES) if (re.test(url)) return name;
  const pkg = /node_modules\/((?:@[^/]+\/)?[^/]+)\//.exec(url);
  if (pkg) return `package: ${pkg[1]}`;
  const src = /\/(src\/[^?]+|astro\.config\.mjs|\.astro\/[^?]+)/.exec(url);
  // Prerendered chunks carry a content hash (`queries_0x9WVaOX.mjs`): named without it.
  if (src) return `site: ${src[1]!.replace(/\?.*$/, '').replace(/_[\w-]{8}\.mjs$/, '.mjs')}`;
  // Vite's prerender bundle: chunks named after the pages and libs they hold.
  const chunk = /\/(dist|\.prerender)\/[^?]*?([^/?]+)$/.exec(url);
  if (chunk) return `built chunk: ${chunk[2]}`;
  return `other: ${url.replace(/^file:\/\//, '').slice(-60)}`;
}

const fnKey = (f: CallFrame): string => `${f.functionName || '(anonymous)'} ${f.url.replace(/^file:\/\//, '').replace(/^.*node_modules\//, '').replace(/^.*\/(src|dist|\.prerender)\//, '$1/')}:${f.lineNumber + 1}`;

/** Summarises profiles; `inclusiveOf` names functions (substring of the key) to time inclusively. */
export function summarise(profiles: readonly CpuProfile[], top = 25, inclusiveOf: readonly string[] = []): ProfileSummary {
  const self = new Map<string, number>();
  const cats = new Map<string, number>();
  const incl = new Map<string, number>();
  let totalUs = 0;
  for (const p of profiles) {
    const byId = new Map(p.nodes.map((n) => [n.id, n]));
    const parent = new Map<number, number>();
    for (const n of p.nodes) for (const c of n.children ?? []) parent.set(c, n.id);
    // Inclusive matches per node, computed once per node (stack walk), then counted per sample.
    const matchesOf = new Map<number, string[]>();
    const matches = (id: number): string[] => {
      let m = matchesOf.get(id);
      if (m) return m;
      const found = new Set<string>();
      for (let cur: number | undefined = id; cur !== undefined; cur = parent.get(cur)) {
        const key = fnKey(byId.get(cur)!.callFrame);
        for (const name of inclusiveOf) if (key.includes(name)) found.add(name);
      }
      m = [...found];
      matchesOf.set(id, m);
      return m;
    };
    for (let i = 0; i < p.samples.length; i++) {
      const dt = p.timeDeltas[i + 1] ?? 0;
      const node = byId.get(p.samples[i]!)!;
      totalUs += dt;
      const key = fnKey(node.callFrame);
      self.set(key, (self.get(key) ?? 0) + dt);
      const cat = categoryOf(node.callFrame);
      cats.set(cat, (cats.get(cat) ?? 0) + dt);
      if (inclusiveOf.length) for (const name of matches(node.id)) incl.set(name, (incl.get(name) ?? 0) + dt);
    }
  }
  const ms = (us: number) => Math.round(us / 1000);
  return {
    totalMs: ms(totalUs),
    byCategory: [...cats].sort((a, b) => b[1] - a[1]).map(([category, us]) => ({ category, selfMs: ms(us) })),
    topSelf: [...self].sort((a, b) => b[1] - a[1]).slice(0, top).map(([fn, us]) => ({ fn, selfMs: ms(us) })),
    inclusive: inclusiveOf.map((fn) => ({ fn, ms: ms(incl.get(fn) ?? 0) })),
  };
}

/** Functions whose inclusive time the issue-9 profile reports (substrings of `name file:line`). */
export const DEFAULT_INCLUSIVE = [
  'syncData',
  'syncContentLayer',
  'getStaticPaths',
  'relatedPapers',
  'relatedById',
  'getShelf',
  'renderMath',
  'renderToString',
  'generatePages',
  'generatePathWithPrerenderer',
  'generateSW',
  'aliasPaths',
  'JSON.parse',
  'writeFile',
];

/** The summary as text. */
export function formatSummary(s: ProfileSummary): string {
  const lines = [`profiled CPU time: ${(s.totalMs / 1000).toFixed(1)} s (main-thread JS samples; includes idle)`, 'self time by category:'];
  for (const c of s.byCategory.slice(0, 30)) lines.push(`  ${String(c.selfMs).padStart(7)} ms  ${c.category}`);
  lines.push('top functions by self time:');
  for (const f of s.topSelf) lines.push(`  ${String(f.selfMs).padStart(7)} ms  ${f.fn}`);
  if (s.inclusive.length) {
    lines.push('inclusive time (the function and all it called):');
    for (const f of s.inclusive) lines.push(`  ${String(f.ms).padStart(7)} ms  ${f.fn}`);
  }
  return lines.join('\n') + '\n';
}

if (process.argv[1] && path.resolve(process.argv[1]) === fileURLToPath(import.meta.url)) {
  const args = process.argv.slice(2);
  const topAt = args.indexOf('--top');
  const top = topAt >= 0 ? Number(args[topAt + 1]) : 25;
  const files = args.filter((a, i) => a.endsWith('.cpuprofile') && args[i - 1] !== '--top');
  if (!files.length) {
    process.stderr.write('usage: cpu-profile.ts PROFILE.cpuprofile… [--top N] [--json]\n');
    process.exitCode = 2;
  } else {
    const s = summarise(files.map((f) => JSON.parse(readFileSync(f, 'utf8')) as CpuProfile), top, DEFAULT_INCLUSIVE);
    process.stdout.write(args.includes('--json') ? JSON.stringify(s, null, 2) + '\n' : formatSummary(s));
  }
}
