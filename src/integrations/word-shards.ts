/**
 * Writes the table of which shards hold which words (src/site/search/word-shards.ts) from the
 * shards Pagefind wrote: their index words are read back from their index chunks, so the table
 * holds exactly the words the browser's Pagefind searches. Only with several shards.
 */
import { mkdir, readdir, readFile, writeFile } from 'node:fs/promises';
import path from 'node:path';
import { CborReader } from './cbor.ts';
import { pagefindPayload } from './pagefind-meta.ts';
import { serialiseWordShards, wordShardTable, type WordShardsIndex } from '../site/search/word-shards.ts';

/**
 * The words of one Pagefind 1.6 index chunk: gzip of "pagefind_dcd" then CBOR, an array whose first
 * item is the array of words, each an array starting with the word. The rest of each word (its pages
 * and positions, most of the bytes) is skipped, not built (see cbor.ts).
 */
function chunkWords(bytes: Uint8Array): string[] {
  const cbor = new CborReader(pagefindPayload(bytes));
  if (cbor.array() < 1) throw new Error('empty index chunk');
  const words: string[] = [];
  for (let i = cbor.array(); i > 0; i--) {
    const fields = cbor.array();
    words.push(cbor.text());
    for (let f = 1; f < fields; f++) cbor.skip();
  }
  return words;
}

/** Every index word of the Pagefind bundle in `bundle`. */
async function bundleWords(bundle: string): Promise<string[]> {
  const dir = path.join(bundle, 'index');
  const words: string[] = [];
  for (const name of await readdir(dir)) words.push(...chunkWords(await readFile(path.join(dir, name))));
  return words;
}

/**
 * Writes `search/words-<state>_<i>.txt` into `outDir` for the bundles (absolute paths, newest
 * first) and returns their index for `search/index.json`; undefined with one bundle (nothing to
 * leave out).
 */
export async function writeWordShards(outDir: string, bundles: readonly string[], state: string): Promise<WordShardsIndex | undefined> {
  if (bundles.length < 2) return undefined;
  const table = wordShardTable(await Promise.all(bundles.map(bundleWords)));
  const { chunks, from } = serialiseWordShards(table);
  // `_`, not `-`: the service worker's cache-first pattern takes `\w+` after `words-`.
  const file = `search/words-${state}_`;
  await mkdir(path.join(outDir, 'search'), { recursive: true });
  await Promise.all(chunks.map((chunk, i) => writeFile(path.join(outDir, `${file}${i}.txt`), chunk)));
  return { file, from };
}
