import { mkdtemp, rm, writeFile } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { pathToFileURL } from 'node:url';
import { stringify, unflatten } from 'devalue';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import dataStoreModule, { dataStoreModuleCode, dataStoreReaderCode, storeIsSingleFile } from './data-store-module.ts';

let tmp: string;
beforeAll(async () => {
  tmp = await mkdtemp(path.join(tmpdir(), 'papershelf-data-store-'));
});
afterAll(async () => {
  await rm(tmp, { recursive: true, force: true });
});

/** A store as Astro's MutableDataStore writes it: collection → id → entry, through devalue. */
const store = new Map<string, Map<string, unknown>>([
  [
    'papers',
    new Map([
      ['2401.00001', { id: '2401.00001', data: { title: 'Ünïcode — “quotes” and \u2028 a separator', upvotes: 3, topics: ['a', 'b'] } }],
      ['2401.00002', { id: '2401.00002', data: { title: 'Second', upvotes: 0, topics: ['a'] } }],
    ]),
  ],
  ['topics', new Map([['a', { id: 'a', data: { slug: 'a', name: 'A' } }]])],
]);
const json = stringify(store);
/** What Astro's build emits for that file (vite-plugin-content-virtual-mod.js). */
const inlined = `export default JSON.parse(${JSON.stringify(json)})`;

describe('dataStoreModuleCode', () => {
  it("gives a module that reads the file and exports the same Map Astro's unflatten gives (so the pages see the same entries)", async () => {
    const file = path.join(tmp, 'data-store.json');
    await writeFile(file, json);
    const code = dataStoreModuleCode(inlined, file);
    expect(code).not.toBeNull();
    // The store's text is no longer in the module: only the file's path.
    expect(code).not.toContain('2401.00001');
    const module = path.join(tmp, 'store.mjs');
    await writeFile(module, code!);
    const loaded = ((await import(pathToFileURL(module).href)) as { default: unknown }).default;
    expect(loaded).toBeInstanceOf(Map);
    expect(loaded).toEqual(unflatten(JSON.parse(json) as number));
    expect(loaded).toEqual(store);
  });

  it('leaves any other form alone (an empty store, the chunked store, a future Astro)', () => {
    expect(dataStoreModuleCode('export default new Map()', '/x/data-store.json')).toBeNull();
    expect(dataStoreModuleCode('export default{"papers":[(await import("astro:data-layer-chunk/a.json"))]}', '/x')).toBeNull();
    expect(dataStoreModuleCode(`const s = JSON.parse(${JSON.stringify(json)}); export default s`, '/x')).toBeNull();
  });
});

describe('storeIsSingleFile', () => {
  it('is true for the default store (unset or single-file) and false for the chunked store, which the reader module cannot read', () => {
    expect(storeIsSingleFile({})).toBe(true);
    expect(storeIsSingleFile({ experimental: {} })).toBe(true);
    expect(storeIsSingleFile({ experimental: { collectionStorage: 'single-file' } })).toBe(true);
    expect(storeIsSingleFile({ experimental: { collectionStorage: 'chunked' } })).toBe(false);
    expect(storeIsSingleFile({ experimental: { collectionStorage: { chunkSize: 1024 } } })).toBe(false);
  });
});

describe('dataStoreModule (the integration)', () => {
  /** The Vite plugin the integration adds for a build whose cacheDir is `cacheDir`. */
  /** The part of the Vite plugin these tests call. */
  interface StorePlugin {
    enforce: string;
    load: { order: string; handler: (id: string) => { code: string; meta: unknown } | null };
  }
  function pluginFor(cacheDir: string, experimental: Record<string, unknown> = {}): StorePlugin {
    let plugin: StorePlugin | undefined;
    const hook = dataStoreModule().hooks['astro:config:setup'] as (options: unknown) => void;
    hook({
      command: 'build',
      config: { cacheDir: pathToFileURL(`${cacheDir}/`), experimental },
      updateConfig: (c: { vite: { plugins: StorePlugin[] } }) => (plugin = c.vite.plugins[0]),
    });
    return plugin!;
  }

  it("loads the store module itself, ahead of Astro's load, as the reader with Astro's content-data mark (so a new digest leaves page code unchanged)", async () => {
    const cacheDir = await mkdtemp(path.join(tmp, 'cache-'));
    await writeFile(path.join(cacheDir, 'data-store.json'), json);
    const plugin = pluginFor(cacheDir);
    expect(plugin.enforce).toBe('pre');
    expect(plugin.load.order).toBe('pre');
    const loaded = plugin.load.handler('\0astro:data-layer-content')!;
    expect(loaded.code).toBe(dataStoreReaderCode(path.join(cacheDir, 'data-store.json')));
    expect(loaded.meta).toEqual({ astroIncremental: { kind: 'content-data' } });
    // Other modules, a missing store (Astro's empty Map) and the chunked store are Astro's to load.
    expect(plugin.load.handler('\0astro:content')).toBeNull();
    expect(pluginFor(await mkdtemp(path.join(tmp, 'empty-'))).load.handler('\0astro:data-layer-content')).toBeNull();
    expect(pluginFor(cacheDir, { collectionStorage: 'chunked' }).load.handler('\0astro:data-layer-content')).toBeNull();
  });
});
