/**
 * The shards a query may take papers from (src/site/search/word-shards.ts says why): each query
 * word as Pagefind searches it (normalised as its worker does, stemmed as its WASM does), looked up
 * in the build's table, one small chunk per word, fetched once per page. Loaded only where the
 * index has several shards, beside Pagefind.
 *
 * The stemmer is porter2 (Snowball English), not Pagefind's own (its WASM does not expose it). On the
 * real corpus's 60,407 distinct words they agree on 60,358; where they differ porter2's stem is
 * mostly shorter (a prefix of Pagefind's: the table then names a superset of the right shards, so no
 * paper is lost), and for the "-ologist" words longer ("psychologist", Pagefind "psycholog"), a
 * string no index holds, so the table has no line for it and every shard is searched, as before.
 */
import { stem } from 'porter2';
import { chunkOf, parseWordShards, shardsHolding, type WordShardsIndex } from '../../site/search/word-shards.ts';

/** A grapheme Pagefind's worker drops from a query (its own test, quirk of precedence included). */
const DROPPED = /^\p{Pd}|\p{Pe}|\p{Pf}|\p{Pi}|\p{Po}|\p{Ps}$/u;

/** Segments `text` into graphemes where the browser can (as Pagefind's worker does), else code points. */
function graphemes(text: string): string[] {
  if (typeof Intl.Segmenter === 'undefined') return [...text];
  return [...new Intl.Segmenter('en', { granularity: 'grapheme' }).segment(text)].map((s) => s.segment);
}

/**
 * The words Pagefind 1.6 searches for `query`, stemmed: punctuation graphemes dropped, lower case,
 * split on spaces, diacritics removed (its worker), each word stemmed (its WASM). A quoted query is
 * an exact search, which never falls back to a shorter word: none.
 */
export function queryStems(query: string): string[] {
  if (/^\s*".+"\s*$/.test(query)) return [];
  const kept = graphemes(query)
    .filter((g) => !DROPPED.test(g))
    .map((g) => g.toLocaleLowerCase())
    .join('')
    .replace(/\s{2,}/g, ' ')
    .trim();
  return kept
    .split(' ')
    .map((word) => word.normalize('NFD').replace(/(?![\u3099\u309A])\p{M}/gu, ''))
    .filter(Boolean)
    .map((word) => stem(word));
}

const chunks = new Map<string, Promise<Map<string, bigint>>>();

/**
 * The indexes of the shards (newest first, of `count`) a search of `query` may take papers from,
 * `load` fetching a chunk of the table by its base-relative name. Every shard when no word of the
 * query is missing from any.
 */
export async function shardsFor(
  query: string,
  words: WordShardsIndex,
  count: number,
  load: (name: string) => Promise<string>,
): Promise<number[]> {
  const masks = await Promise.all(
    queryStems(query).map(async (term) => {
      const i = chunkOf(words, term);
      if (i < 0) return undefined;
      const name = `${words.file}${i}.txt`;
      let chunk = chunks.get(name);
      if (!chunk) {
        chunk = load(name).then((text) => parseWordShards(text, name));
        chunk.catch(() => chunks.delete(name));
        chunks.set(name, chunk);
      }
      return (await chunk).get(term);
    }),
  );
  return shardsHolding(masks, count);
}
