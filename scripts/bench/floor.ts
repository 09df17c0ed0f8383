/**
 * The toolchain floor of issue 9: a bare Astro 7 site, in a temporary folder of its own, that
 * renders the same paper entries (`content/papers/*.json`, as ingest wrote them) with a minimal
 * template — one page per paper with title, byline and abstract; no Tailwind, no KaTeX, no related
 * papers, no listings — and indexes them with Pagefind's Node API in `astro:build:done`, as the
 * real site does. The project reuses this repository's node_modules (a symlink) and keeps its
 * own Astro cache, so it never touches the real build's.
 *
 * The project's files are written from the strings below rather than kept as .astro files in the
 * repository, so the repository's `astro check` and lint never see a second site.
 *
 * CLI: npx tsx scripts/bench/floor.ts --papers DIR [--dir PROJECT] [--out DIST]  (builds once, prints JSON)
 */
import { existsSync } from 'node:fs';
import { mkdir, rm, symlink, writeFile } from 'node:fs/promises';
import os from 'node:os';
import path from 'node:path';
import { fileURLToPath } from 'node:url';
import { parseArgs } from 'node:util';
import { runMeasured, type Measured } from './peak-memory.ts';

const repoRoot = path.resolve(path.dirname(fileURLToPath(import.meta.url)), '../..');

const FILES: Record<string, string> = {
  'package.json': JSON.stringify({ name: 'papershelf-floor', private: true, type: 'module' }, null, 2) + '\n',
  'astro.config.mjs': `import { defineConfig } from 'astro/config';
import { fileURLToPath } from 'node:url';
import { readFileSync } from 'node:fs';
import path from 'node:path';
import { close, createIndex } from 'pagefind';

/** Whether this thread still has Pagefind's indexer as a child (running, or dead and not yet reaped). */
function indexerLeft() {
  try {
    const kids = readFileSync('/proc/' + process.pid + '/task/' + process.pid + '/children', 'utf8').split(' ').filter(Boolean);
    return kids.some((pid) => {
      try {
        return readFileSync('/proc/' + pid + '/comm', 'utf8').startsWith('pagefind');
      } catch {
        return false;
      }
    });
  } catch {
    return false;
  }
}

/** Pagefind over the paper pages, timed per step (HTML reading vs writing the bundle). */
const pagefind = {
  name: 'floor:pagefind',
  hooks: {
    'astro:build:done': async ({ dir, logger }) => {
      const outDir = fileURLToPath(dir);
      const t0 = performance.now();
      try {
        const { index, errors } = await createIndex({});
        if (!index) throw new Error('Pagefind could not start: ' + errors.join('; '));
        const added = await index.addDirectory({ path: outDir, glob: 'papers/**/index.html' });
        if (added.errors.length) throw new Error(added.errors.join('; '));
        const t1 = performance.now();
        const written = await index.writeFiles({ outputPath: path.join(outDir, 'pagefind') });
        if (written.errors.length) throw new Error(written.errors.join('; '));
        const t2 = performance.now();
        logger.info('indexed ' + added.page_count + ' pages in ' + Math.round(t2 - t0) + ' ms (add ' + Math.round(t1 - t0) + ' ms, write ' + Math.round(t2 - t1) + ' ms)');
      } finally {
        await close();
        // close() kills the indexer without waiting for it. Wait (at most 2 s) until Node has reaped
        // it: a child not reaped before Astro exits never counts in the floor's CPU time (GNU time),
        // while the real build's indexers, closed mid-build and reaped, count in the real build's.
        for (let i = 0; i < 200 && indexerLeft(); i++) await new Promise((r) => setTimeout(r, 10));
      }
    },
  },
};

export default defineConfig({
  site: 'http://localhost:4321',
  outDir: process.env.FLOOR_OUT || './dist',
  // Its own cache: node_modules is the real repository's, whose .astro cache is the real build's.
  cacheDir: './.astro-cache',
  trailingSlash: 'always',
  build: { format: 'directory' },
  integrations: [pagefind],
});
`,
  'tsconfig.json': JSON.stringify({ extends: 'astro/tsconfigs/base', include: ['.astro/types.d.ts', 'src/**/*'] }, null, 2) + '\n',
  'src/content.config.ts': `import { defineCollection } from 'astro:content';
import { glob } from 'astro/loaders';

// The same entries as the real site, without a schema: the floor is what Astro itself costs.
export const collections = {
  papers: defineCollection({
    loader: glob({ pattern: '*.json', base: process.env.FLOOR_PAPERS, generateId: ({ data }) => String(data.id) }),
  }),
};
`,
  'src/pages/papers/[id].astro': `---
import { getCollection } from 'astro:content';

export async function getStaticPaths() {
  const papers = await getCollection('papers');
  return papers.map((p) => ({ params: { id: p.id }, props: { paper: p.data } }));
}
const { paper } = Astro.props;
const byline = paper.authors?.length ? paper.authors.join(', ') : paper.authorCount ? paper.authorCount + ' authors' : '';
---
<!doctype html>
<html lang="en">
  <head><meta charset="utf-8" /><meta name="viewport" content="width=device-width, initial-scale=1" /><title>{paper.title}</title></head>
  <body>
    <main>
      <h1>{paper.title}</h1>
      <p>{byline}</p>
      <p>{paper.abstract}</p>
    </main>
  </body>
</html>
`,
  'src/pages/index.astro': `<!doctype html><html lang="en"><head><meta charset="utf-8" /><title>Floor</title></head><body><p>Floor site.</p></body></html>\n`,
};

/** Writes the floor project into `dir` (replacing an earlier one) with node_modules linked to the repo's. */
export async function prepareFloor(dir: string): Promise<void> {
  await rm(dir, { recursive: true, force: true });
  for (const [name, text] of Object.entries(FILES)) {
    await mkdir(path.dirname(path.join(dir, name)), { recursive: true });
    await writeFile(path.join(dir, name), text);
  }
  await symlink(path.join(repoRoot, 'node_modules'), path.join(dir, 'node_modules'), 'dir');
}

/** What the floor's build log says, in ms. */
export interface FloorLogTimes {
  syncMs: number | null;
  pagesMs: number | null;
  pagefindMs: number | null;
  pagefindAddMs: number | null;
  pagefindWriteMs: number | null;
  pagefindPages: number | null;
  astroTotalMs: number | null;
}

/** Reads the floor build's timings from its log (Astro's own lines and the floor's Pagefind line). */
export function parseFloorLog(log: string, parseTimeStat: (t: string) => number | null): FloorLogTimes {
   
  const text = log.replace(/\u001b\[[0-9;]*m/g, '');
  const sync = /\[types\] Generated (.+?)\s*$/m.exec(text);
  const pages = / generating static routes \s*\n[\s\S]*?✓ Completed in (.+?)\.?\s*$/m.exec(text);
  const pf = /\[floor:pagefind\] indexed (\d+) pages in (\d+) ms \(add (\d+) ms, write (\d+) ms\)/.exec(text);
  const total = /\[build\] \d+ page\(s\) built in (.+?)\s*$/m.exec(text);
  return {
    syncMs: sync ? parseTimeStat(sync[1]!) : null,
    pagesMs: pages ? parseTimeStat(pages[1]!) : null,
    pagefindPages: pf ? Number(pf[1]) : null,
    pagefindMs: pf ? Number(pf[2]) : null,
    pagefindAddMs: pf ? Number(pf[3]) : null,
    pagefindWriteMs: pf ? Number(pf[4]) : null,
    astroTotalMs: total ? parseTimeStat(total[1]!) : null,
  };
}

/**
 * One floor build of `papersDir` into `outDir`, measured. `cold` removes the floor's Astro cache
 * first (the real build's cold runs do the same with theirs).
 */
export async function buildFloor(project: string, papersDir: string, outDir: string, options: { cold?: boolean; nice?: number; env?: Record<string, string>; remove?: (target: string) => Promise<void> } = {}): Promise<Measured> {
  const remove = options.remove ?? ((target: string) => rm(target, { recursive: true, force: true }));
  // Astro puts its prerender chunks in the output folder; they find their packages only from inside the project.
  if (!path.resolve(outDir).startsWith(path.resolve(project) + path.sep)) throw new Error(`the floor's output folder must be inside its project (${project}), found ${outDir}`);
  if (!existsSync(path.join(project, 'astro.config.mjs'))) await prepareFloor(project);
  if (options.cold !== false) await remove(path.join(project, '.astro-cache'));
  await remove(outDir);
  const env = { ...process.env, ...options.env, FLOOR_PAPERS: path.resolve(papersDir), FLOOR_OUT: path.resolve(outDir), NO_COLOR: '1', FORCE_COLOR: '0' };
  // This process's Node (the project's pinned Node 24 under npx/tsx), never whatever `node` is on PATH.
  return runMeasured(process.execPath, [path.join(repoRoot, 'node_modules/astro/bin/astro.mjs'), 'build'], { cwd: project, env, nice: options.nice });
}

if (process.argv[1] && path.resolve(process.argv[1]) === fileURLToPath(import.meta.url)) {
  const { values } = parseArgs({ options: { papers: { type: 'string' }, dir: { type: 'string' }, out: { type: 'string' } } });
  if (!values.papers) {
    process.stderr.write('usage: floor.ts --papers DIR [--dir PROJECT] [--out DIST]\n');
    process.exitCode = 2;
  } else {
    const { parseTimeStat } = await import('./repo-imports.ts');
    const project = values.dir ?? path.join(os.tmpdir(), 'papershelf-floor');
    const m = await buildFloor(project, values.papers, values.out ?? path.join(project, 'dist'));
    if (m.exitCode !== 0) process.stderr.write(m.log.slice(-4000));
    process.stdout.write(JSON.stringify({ exitCode: m.exitCode, wallMs: Math.round(m.wallMs), peakProcessMb: m.peakProcessMb, peakTreeMb: m.peakTreeMb, ...parseFloorLog(m.log, parseTimeStat) }) + '\n');
    process.exitCode = m.exitCode ?? 1;
  }
}
