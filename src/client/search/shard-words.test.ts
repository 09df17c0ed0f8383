import { describe, expect, it } from 'vitest';
import { serialiseWordShards, wordShardTable } from '../../site/search/word-shards.ts';
import { queryStems, shardsFor } from './shard-words.ts';

describe('queryStems', () => {
  it('normalises as Pagefind 1.6 does (case, punctuation, diacritics, spaces) and stems', () => {
    expect(queryStems('RynnBrain')).toEqual(['rynnbrain']);
    expect(queryStems('  Speculative   Decoding ')).toEqual(['specul', 'decod']);
    expect(queryStems('Qwen2.5-VL, (café)')).toEqual(['qwen25vl', 'cafe']);
    expect(queryStems('models')).toEqual(['model']);
  });

  it('leaves a quoted (exact) search alone: it never falls back to a shorter word', () => {
    expect(queryStems('"rynnbrain robot"')).toEqual([]);
  });
});

describe('shardsFor', () => {
  // Three shards, newest first: "rynnbrain" only in the newest, "rynnec" in the middle one.
  const table = wordShardTable([
    ['rynnbrain', 'rynn', 'model'],
    ['rynnec', 'rynn', 'model'],
    ['model', 'rynn'],
  ]);
  const { chunks, from } = serialiseWordShards(table, 20);
  const files = new Map(chunks.map((text, i) => [`search/words-t_${i}.txt`, text]));
  const words = { file: 'search/words-t_', from };

  it('names the shards holding every word, fetching only the chunks the words fall in', async () => {
    const fetched: string[] = [];
    const load = async (name: string) => {
      fetched.push(name);
      return files.get(name)!;
    };
    expect(await shardsFor('RynnBrain', words, 3, load)).toEqual([0]);
    expect(await shardsFor('rynnec model', words, 3, load)).toEqual([1]);
    expect(await shardsFor('rynnbrain rynnec', words, 3, load)).toEqual([]);
    // Words every shard has, or none has: every shard.
    expect(await shardsFor('model rynn', words, 3, load)).toEqual([0, 1, 2]);
    expect(await shardsFor('zebra', words, 3, load)).toEqual([0, 1, 2]);
    expect(fetched.length).toBeLessThan(files.size + 1);
    expect(new Set(fetched).size).toBe(fetched.length);
  });
});
