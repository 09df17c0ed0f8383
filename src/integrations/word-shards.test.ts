import { readFileSync } from 'node:fs';
import path from 'node:path';
import { close, createIndex } from 'pagefind';
import { describe, expect, it } from 'vitest';
import { tempDir } from '../../tests/support/temp-dir.ts';
import { parseWordShards } from '../site/search/word-shards.ts';
import { writeWordShards } from './word-shards.ts';

/** Writes a Pagefind bundle of one record per text into `dir`. */
async function bundle(dir: string, texts: string[]): Promise<string> {
  const { index } = await createIndex({ forceLanguage: 'en' });
  for (const [i, content] of texts.entries())
    await index!.addCustomRecord({ url: `/p/${i}/`, language: 'en', content, meta: { title: `${i}` } });
  await index!.writeFiles({ outputPath: dir });
  await close();
  return dir;
}

describe('writeWordShards', () => {
  it("reads each shard's index words back from Pagefind's own chunks and writes the shards holding each prefix", async () => {
    const out = tempDir('word-shards');
    const newest = await bundle(path.join(out, 'new'), ['RynnBrain plans robot navigation', 'A robot model']);
    const older = await bundle(path.join(out, 'old'), ['RynnEC segments video for robots', 'Models of video']);
    const words = await writeWordShards(out, [newest, older], 'test');
    expect(words?.file).toBe('search/words-test_');
    const table = new Map(
      words!.from.flatMap((_, i) => [...parseWordShards(readFileSync(path.join(out, `${words!.file}${i}.txt`), 'utf8'), `chunk ${i}`)]),
    );
    // Stemmed, as Pagefind indexes them: "rynnbrain" only in the newest shard, "rynnec" and "video" only in the older.
    expect(table.get('rynnbrain')).toBe(1n);
    expect(table.get('rynnb')).toBe(1n);
    expect(table.get('rynnec')).toBe(2n);
    expect(table.get('video')).toBe(2n);
    // In both ("robot", "model", and "rynn", a part Pagefind also indexes): no line.
    for (const both of ['robot', 'model', 'rynn', 'r']) expect(table.has(both)).toBe(false);
  }, 60_000);

  it('writes nothing for one shard', async () => {
    const out = tempDir('word-shards');
    await expect(writeWordShards(out, [await bundle(path.join(out, 'only'), ['One index'])], 'x')).resolves.toBeUndefined();
  }, 60_000);
});
