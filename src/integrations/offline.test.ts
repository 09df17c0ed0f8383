import { spawnSync } from 'node:child_process';
import { createHash } from 'node:crypto';
import { readFileSync, writeFileSync } from 'node:fs';
import path from 'node:path';
import { pathToFileURL } from 'node:url';
import type { AstroIntegration } from 'astro';
import { describe, expect, it } from 'vitest';
import { parseBuildLog } from '../../scripts/bench/build-log.ts';
import { tempDir, writeTree } from '../../tests/support/temp-dir.ts';
import { parseOfflinePart } from '../site/search/offline-manifest.ts';
import offline from './offline.ts';

type Hooks = AstroIntegration['hooks'];
/** Calls one hook with only the arguments these integrations read. */
const call = <K extends keyof Hooks>(integration: AstroIntegration, hook: K, args: object): unknown =>
  (integration.hooks[hook] as (a: never) => unknown)(args as never);

/** A small built site: the shell Workbox precaches, a paper page, and the search index's state. */
function builtSite(): string {
  const dir = tempDir('offline');
  const files: Record<string, string> = {
    'index.html': '<h1>home</h1>',
    'search/index.html': '<h1>search</h1>',
    'offline/index.html': '<h1>offline</h1>',
    'papers/a/index.html': '<h1>a</h1>',
    'favicon.svg': '<svg/>',
    'site.js': 'js',
    '_astro/x.css': 'css',
    'pagefind/pagefind-entry.json': '{}',
    'pagefind/pagefind.js': 'pf',
    'pagefind/pagefind-worker.js': 'pfw',
    'pagefind/wasm.en.pagefind': 'wasm',
    'search/index.json': '{"state":"s1"}',
  };
  return writeTree(dir, files);
}

describe('offline()', () => {
  it('writes sw.js (Workbox, loaded from the build start) and the saved-copy manifest, and logs the line the benchmark reads', async () => {
    const dir = builtSite();
    const { start, finish } = offline();
    const logged: string[] = [];
    const logger = { info: (line: string) => logged.push(line), warn: (line: string) => logged.push(`warn ${line}`) };
    await call(start, 'astro:config:done', { config: { base: '/shelf' } });
    await call(start, 'astro:build:start', {});
    const dirUrl = pathToFileURL(`${dir}/`);
    // Returns at once: the sitemap runs while the two workers do the offline step.
    await call(start, 'astro:build:done', { dir: dirUrl, logger });
    await call(finish, 'astro:build:done', { dir: dirUrl, logger });

    const sw = readFileSync(path.join(dir, 'sw.js'), 'utf8');
    expect(sw).toContain('"/shelf/offline/index.html"');
    expect(sw).toContain('"/shelf/search/index.json"');
    // The serialised plugin: pages and index chunks fall back to the reader's saved copy.
    expect(sw).toContain('papershelf-saved');
    const manifest = JSON.parse(readFileSync(path.join(dir, 'offline-manifest.json'), 'utf8'));
    expect(manifest).toMatchObject({ files: 10, parts: ['offline/files-0.txt'] });
    expect(manifest.version).toMatch(/^s1-[0-9a-f]{12}$/);
    const saved = parseOfflinePart(readFileSync(path.join(dir, 'offline', 'files-0.txt'), 'utf8'), 'files-0.txt');
    const hash = createHash('sha1').update('<h1>a</h1>').digest('hex').slice(0, 8);
    expect(saved).toContainEqual({ path: 'papers/a/', bytes: 10, hash });

    expect(logged).toHaveLength(1);
    expect(logged[0]).toMatch(/^sw\.js precaches 11 shell files .* the build then waited \d+ ms for it; in \d+ ms$/);
    // The tag in brackets is built, not written: Tailwind's class scanner would make a CSS rule of it.
    const tag = start.name.replace(/-start$/, '');
    expect(finish.name).toBe(tag);
    expect(parseBuildLog(`12:00:00 [${tag}] ${logged[0]}`).offlineMs).toEqual(expect.any(Number));
  }, 180_000);

  it('does not keep a build that fails before its pages are done from exiting (the Workbox worker waits unreferenced)', () => {
    // Only the start hook that starts the worker: what a build that fails while rendering leaves behind.
    // A file, not `--eval`: the worker inherits the process's options, and `--input-type` would stop it loading.
    const script = path.join(tempDir('offline-exit'), 'start-only.mjs');
    writeFileSync(
      script,
      `import offline from ${JSON.stringify(new URL('./offline.ts', import.meta.url).href)};\noffline().start.hooks['astro:build:start']();\n`,
    );
    const started = performance.now();
    const child = spawnSync(process.execPath, [script], { encoding: 'utf8', timeout: 45_000 });
    expect(child.stderr).toBe('');
    expect(child.signal).toBeNull();
    expect(child.status).toBe(0);
    expect(performance.now() - started).toBeLessThan(45_000);
  }, 60_000);

  it('says which half is missing when the finishing one runs without the start', async () => {
    const { finish } = offline();
    await expect(call(finish, 'astro:build:done', { dir: pathToFileURL('/nowhere/'), logger: {} })).rejects.toThrow(
      /offline step was not started/,
    );
  });
});
