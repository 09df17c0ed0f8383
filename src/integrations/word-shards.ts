/**
 * Writes the table of which shards hold which words (src/site/search/word-shards.ts) from the
 * shards Pagefind wrote: their index words are read back from their index chunks, so the table
 * holds exactly the words the browser's Pagefind searches. Only with several shards.
 */
import { mkdir, readdir, readFile, writeFile } from 'node:fs/promises';
import path from 'node:path';
import { pagefindPayload } from './pagefind-meta.ts';
import { serialiseWordShards, wordShardTable, type WordShardsIndex } from '../site/search/word-shards.ts';

/**
 * The words of one Pagefind 1.6 index chunk: gzip of "pagefind_dcd" then CBOR, an array whose first
 * item is the array of words, each an array starting with the word. Hand-written rather than a CBOR
 * library: it reads the words and skips the rest (each word's pages and positions, most of the
 * bytes) without building them; a full decode (cborg) took 1.8 s a shard of 10,000 papers, this 0.3 s.
 */
function chunkWords(bytes: Uint8Array): string[] {
  const data = pagefindPayload(bytes);
  const text = new TextDecoder();
  let at = 0;
  /** Reads an item's head: major type and length (or value). */
  const head = (): [number, number] => {
    const byte = data[at++]!;
    const info = byte & 31;
    let n: number;
    if (info < 24) n = info;
    else if (info === 24) n = data[at++]!;
    else if (info === 25) n = (data[at++]! << 8) | data[at++]!;
    else if (info === 26) n = data[at++]! * 2 ** 24 + ((data[at++]! << 16) | (data[at++]! << 8) | data[at++]!);
    else if (info === 27) {
      n = 0;
      for (let i = 0; i < 8; i++) n = n * 256 + data[at++]!;
    } else throw new Error(`unexpected CBOR item ${byte} at ${at - 1}`);
    return [byte >> 5, n];
  };
  const skip = (): void => {
    const [type, n] = head();
    if (type === 2 || type === 3) at += n;
    else if (type === 4) for (let i = 0; i < n; i++) skip();
    else if (type === 5) for (let i = 0; i < 2 * n; i++) skip();
    else if (type === 6) skip();
  };
  const expectArray = (): number => {
    const [type, n] = head();
    if (type !== 4) throw new Error(`expected a CBOR array at ${at}, found type ${type}`);
    return n;
  };
  if (expectArray() < 1) throw new Error('empty index chunk');
  const words: string[] = [];
  for (let i = expectArray(); i > 0; i--) {
    const fields = expectArray();
    const [type, n] = head();
    if (type !== 3) throw new Error(`expected a word at ${at}, found type ${type}`);
    words.push(text.decode(data.subarray(at, at + n)));
    at += n;
    for (let f = 1; f < fields; f++) skip();
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
