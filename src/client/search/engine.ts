/**
 * Pagefind's JS API, loaded from the site (it is written by the build, not bundled), memoised,
 * warmed up ahead of the first keystroke, and re-initialised once when a deploy replaced the
 * index under an open page. The index is split by time (src/site/search/shards.ts): the first
 * search runs on the newest papers' index alone and shows its results, then the older shards are
 * merged (sharing the primary's WASM) and it runs again over all of them. Also sorts results by
 * date or upvotes from the lazily loaded sort data, and decides on "Did you mean".
 *
 * With several shards, the module's default instance holds the newest papers alone (first
 * results), and one instance holds every shard merged (the complete answer, "Did you mean" and the
 * filter counts). Where a reader means to search, that is a second instance (`createInstance`, in
 * Pagefind's one worker, sharing its WASM) merging the older shards ahead, while idle: decoding
 * their metas is most of the merge's CPU, and it no longer delays the answer. When nothing was
 * merged ahead (a search opened as a link), the older shards are merged into the default instance
 * once its first results show: a second instance then would load, inflate and decode the WASM and
 * the newest papers' meta a second time, on the complete answer's path.
 *
 * A shard lacking a query word would answer with papers of a shorter word it has (Pagefind's
 * fallback), where one index over every paper would not: such shards take no part in the answer
 * (`holding`, `searchHolding`; src/site/search/word-shards.ts).
 */
import { bundleOptions } from '../../site/search/pagefind-options.ts';
import { orderResults, parseSortData, type SearchIndex, type SortValues } from '../../site/search/shards.ts';
import { pagefindOptions, type SearchState } from './state.ts';
import type { Vocabulary } from './suggest.ts';

/** One result's data (`result.data()`): what the custom record holds. */
export interface ResultData {
  url: string;
  excerpt: string;
  content: string;
  meta: Record<string, string | undefined>;
}
interface PagefindResult {
  /** The page hash: what the sort data is keyed by, known without loading the fragment. */
  id: string;
  score: number;
  data(): Promise<ResultData>;
}
/** Filter value → count, per group. */
export type FilterCounts = Record<string, Record<string, number>>;
interface PagefindResponse {
  results: PagefindResult[];
  filters: FilterCounts;
  totalFilters: FilterCounts;
}
interface Pagefind {
  options(o: object): Promise<void>;
  /** A second instance with its own indexes (Pagefind 1.6: in the same worker, sharing the WASM). */
  createInstance(o: object): Omit<Pagefind, 'createInstance'>;
  init(): Promise<void>;
  destroy(): Promise<void>;
  search(q: string | null, o?: object): Promise<PagefindResponse>;
  debouncedSearch(q: string | null, o: object, ms: number): Promise<PagefindResponse | null>;
  filters(): Promise<FilterCounts>;
  mergeIndex(path: string, o: object): Promise<void>;
}

/** The site's base path, always ending in `/`. */
export const BASE = import.meta.env.BASE_URL.endsWith('/') ? import.meta.env.BASE_URL : `${import.meta.env.BASE_URL}/`;

/** Results whose data a page of results loads. */
const PAGE = 10;

/** Options of every bundle (the search page's early start passes the same). */
const OPTIONS = bundleOptions(BASE);

type Instance = Omit<Pagefind, 'createInstance'>;

let loading: Promise<Pagefind> | undefined;
let indexFile: Promise<SearchIndex> | undefined;
/**
 * Every shard merged (only with several shards): a second instance when merged ahead, else the
 * default one. Ready once its promise is; one merge per page (until `resetEngine`), so no shard is
 * merged twice into one instance.
 */
let whole: Promise<Instance> | undefined;
/** The page ran a search: later ones are answered by the merged instance alone, as one index would. */
let searched = false;
/** The older shards were merged into the default instance: it no longer holds the newest papers alone. */
let defaultMerged = false;
/**
 * Every shard merged again, each tagged with a synthetic filter naming it (`SHARD_FILTER`), for the
 * searches that must leave some shards out (`holding`). Not the merged instance's own: Pagefind
 * counts every filter value of every result on each search (`get_filters`, pages × results), and a
 * filter over every page made broad queries 20–40% slower; so only queries that need it pay.
 */
let filtered: Promise<Instance> | undefined;

/**
 * Pagefind, imported and initialised once on the newest papers' index (its WASM and `pf_meta` load
 * here: the warm-up). When the search page was opened with a search, its early start (an inline
 * script in src/pages/search.astro) has already imported the same module and initialised it with
 * the same options: then `options` only repeats them and `init` does nothing.
 */
function pagefind(): Promise<Pagefind> {
  loading ??= (async () => {
    const pf = (await import(/* @vite-ignore */ `${BASE}pagefind/pagefind.js`)) as Pagefind;
    await pf.options(OPTIONS);
    await pf.init();
    return pf;
  })();
  loading.catch(() => (loading = undefined));
  return loading;
}

/** `search/index.json`: the shards, sort data and vocabulary of this deploy (precached with the shell). */
function searchIndex(): Promise<SearchIndex> {
  indexFile ??= (async () => {
    const response = await fetch(`${BASE}search/index.json`);
    if (!response.ok) throw new Error(`search index: HTTP ${response.status}`);
    return (await response.json()) as SearchIndex;
  })();
  indexFile.catch(() => (indexFile = undefined));
  return indexFile;
}

/**
 * The instance that answers over every shard: with one shard, the default one. With several, each
 * older shard is merged into it (each entry's cache tag is its shard's hash, so the URLs are stable
 * and cacheable), into a second instance on the newest papers' bundle when asked `ahead` (the
 * default one keeps the newest papers alone for the next first results; this second instance's
 * WASM and newest meta are the default's files again, from the browser's cache, and Pagefind's
 * worker keeps one WASM module), else into the default instance: a search needs the answer now,
 * and the default instance already has the WASM and the newest meta decoded. Whichever comes
 * first is the page's merged instance.
 */
function merged(index: SearchIndex, ahead = false): Promise<Instance> {
  if (index.shards.length === 1) return pagefind();
  if (whole) return whole;
  const base = pagefind();
  // Set now, not once merged: a search for the newest papers alone must not go to an instance being merged into.
  if (!ahead) defaultMerged = true;
  const attempt = (async () => {
    const pf: Instance = ahead
      ? (await base).createInstance({ ...OPTIONS, basePath: `${BASE}${index.shards[0]!.bundle}`, metaCacheTag: index.shards[0]!.hash })
      : await base;
    try {
      if (ahead) await pf.init();
      await Promise.all(
        index.shards.slice(1).map((shard) => pf.mergeIndex(`${BASE}${shard.bundle}`, { ...OPTIONS, metaCacheTag: shard.hash })),
      );
      return pf;
    } catch (error) {
      // Offline without a saved copy, or a deploy replaced the index. The instance holds the shards
      // merged so far and Pagefind keeps a failed one (its searches throw from then on): drop it,
      // so the next attempt starts afresh. The default one only while it is still the page's (the
      // module's `destroy` ends whichever default instance is current): after `resetEngine`, it is gone.
      if (ahead || loading === base) {
        if (!ahead) loading = undefined;
        await pf.destroy().catch(() => {});
      }
      throw error;
    }
  })();
  whole = attempt;
  attempt.catch(() => {
    if (whole === attempt) whole = undefined;
  });
  return attempt;
}

/** The synthetic filter naming each shard of the filtered instance (its value: the shard's position, newest 0). */
const SHARD_FILTER = 'shard';

/**
 * The filtered instance (`filtered`), made on the first search that needs it: a second copy of every
 * shard's meta, fetched from the browser's cache and decoded then.
 */
function filteredInstance(index: SearchIndex): Promise<Instance> {
  // Nothing merged yet (a search opened as a link): the default instance becomes the merged one,
  // filtered, rather than a second instance loading and decoding the WASM and newest meta again.
  const intoDefault = !whole && !filtered;
  if (intoDefault) defaultMerged = true;
  const base = pagefind();
  const attempt = (filtered ??= (async () => {
    const [newest, ...older] = index.shards;
    const pf: Instance = intoDefault
      ? await base
      : (await base).createInstance({
          ...OPTIONS,
          basePath: `${BASE}${newest!.bundle}`,
          metaCacheTag: newest!.hash,
          mergeFilter: { [SHARD_FILTER]: '0' },
        });
    try {
      if (intoDefault) await pf.options({ mergeFilter: { [SHARD_FILTER]: '0' } });
      else await pf.init();
      await Promise.all(
        older.map((shard, i) =>
          pf.mergeIndex(`${BASE}${shard.bundle}`, { ...OPTIONS, metaCacheTag: shard.hash, mergeFilter: { [SHARD_FILTER]: String(i + 1) } }),
        ),
      );
      return pf;
    } catch (error) {
      if (intoDefault && loading === base) loading = undefined;
      if (!intoDefault || !loading) await pf.destroy().catch(() => {});
      throw error;
    }
  })());
  // The default instance merged and filtered is the page's merged instance too.
  if (intoDefault) whole = attempt;
  attempt.catch(() => {
    if (filtered === attempt) filtered = undefined;
    if (whole === attempt) whole = undefined;
  });
  return attempt;
}

/** A base-relative text file of this deploy. */
async function fetchText(name: string): Promise<string> {
  const response = await fetch(`${BASE}${name}`);
  if (!response.ok) throw new Error(`${name}: HTTP ${response.status}`);
  return response.text();
}

/**
 * The shards (positions, newest 0) that `term` may take papers from, or undefined for every shard:
 * a shard lacking a query word would answer with papers one index would not
 * (src/site/search/word-shards.ts). Every shard when the table cannot load (offline without a
 * saved copy): the search then answers as before.
 */
async function holding(index: SearchIndex, term: string | null): Promise<number[] | undefined> {
  const words = index.words;
  if (!term || !words || index.shards.length < 2) return undefined;
  try {
    const { shardsFor } = await import('./shard-words.ts');
    const shards = await shardsFor(term, words, index.shards.length, fetchText);
    return shards.length === index.shards.length ? undefined : shards;
  } catch {
    return undefined;
  }
}

/** What a search that no shard can answer finds: nothing. */
const NOTHING: PagefindResponse = { results: [], filters: {}, totalFilters: {} };

/**
 * `term` searched over every shard that holds it (`shards`, from `holding`): the merged instance
 * when every shard does; the default one when only the newest papers do and it still holds them
 * alone; else the filtered instance, told to leave the others out.
 */
async function searchHolding(
  index: SearchIndex,
  shards: number[] | undefined,
  term: string | null,
  options: ReturnType<typeof pagefindOptions>,
  debounce = 0,
): Promise<PagefindResponse | null> {
  const run = (instance: Instance, o: object) => (debounce ? instance.debouncedSearch(term, o, debounce) : instance.search(term, o));
  if (!shards) return run(await merged(index), options);
  if (shards.length === 0) return NOTHING;
  if (shards.length === 1 && shards[0] === 0 && !defaultMerged) return run(await pagefind(), options);
  return run(await filteredInstance(index), {
    ...options,
    filters: { ...options.filters, [SHARD_FILTER]: { any: shards.map(String) } },
  });
}

/** True when a data-saving reader asked for nothing to be fetched ahead. */
function saveData(): boolean {
  return Boolean((navigator as Navigator & { connection?: { saveData?: boolean } }).connection?.saveData);
}

let rehearsal: Promise<unknown> | undefined;

/**
 * Starts loading Pagefind (search page idle, focus, pointer-over or dialog open) unless Save-Data
 * is on, then runs one search for nothing. A workaround, not an API: Pagefind has no "warm up"
 * call, and `init()` only loads the WASM and the `pf_meta`. Relies on Pagefind 1.6's worker
 * (pagefind-worker.js), where `search(null)` is a filter-only search: with no filters it asks the
 * WASM for no index chunk and no filter file (nothing is fetched) yet runs the whole search path —
 * the `Intl.Segmenter` set-up, the WASM's search functions (Chromium compiles WASM lazily, on first
 * call) and the result ranking — so the first real query does not pay for their first run.
 * Measured on the real corpus (Pagefind's API alone, cold contexts, the same idle second after
 * `init`, two interleaved A/B rounds of 5 and 7 runs at load 6–14): the first `search()` took
 * 1,050/878 ms without it and 455/258 ms with it for "diffusion", 279/320 against 237/178 ms for
 * "speculative decoding", 326/170 against 122/217 ms for "RynnBrain". If a Pagefind upgrade
 * makes `search(null)` fetch anything, or measures no gain, drop it.
 *
 * `older`: once that is done, also merge every shard into a second instance (`merged`): it
 * fetches the older shards' entries and `pf_meta`s and decodes them now, so the first query's
 * complete answer fetches only index chunks and fragments and runs on an index already merged. The
 * default instance keeps the newest papers alone, so the first results do not wait for every shard.
 * Where a reader means to search (the search page, the open dialog), not on a pointer passing over
 * the header's link. Each older shard's `pf_meta` is ~7 B per paper (a page hash and word count
 * each, ~71 kB gzip per 10,000 papers) and was most of what the complete answer fetched at 50,000
 * papers; its decoding, ~75 ms of the worker's CPU each, most of the complete answer's time.
 * No search for nothing on the merged instance: with no filter it lists every paper of every shard
 * (~0.9 s at 50,000), and the WASM it would compile is the one the default instance's already did.
 * Nothing once the page searched: the search did all of it (and merged any shard not merged
 * ahead into the default instance, which the search for nothing would then list whole).
 */
export function warmUp(older = false): void {
  if (saveData() || searched) return;
  rehearsal ??= pagefind()
    .then((pf) => pf.search(null))
    .catch(() => (rehearsal = undefined));
  const indexing = searchIndex();
  // With several shards, the query's words are looked up beside the first search: its module loads now.
  indexing.then((index) => index.words && import('./shard-words.ts')).catch(() => {});
  // Every first query loads "Did you mean" beside its search (runSearch): loaded now, it is not on
  // the query's path (1.6 kB gzip, talisman's edit distance, which made the complete answer for
  // "speculative decoding" at 50,000 papers 300.1 kB, over issue 8's 300 kB).
  import('./suggest.ts').catch(() => {});
  if (!older) return;
  // After the rehearsal: the merge's fetches and CPU do not compete with the default instance's start.
  Promise.all([rehearsal, indexing])
    .then(([, index]) => merged(index, true))
    .catch(() => {});
}

/** Why a search failed, in words a reader can act on. */
export class SearchUnavailable extends Error {
  override name = 'SearchUnavailable';
}

/**
 * Forgets everything loaded from the index (a deploy replaced it under the page, or a file failed
 * to load) and destroys the Pagefind instances: each once, the merged one being the default one
 * when a search merged into it. The next call loads afresh.
 */
async function resetEngine(): Promise<void> {
  const instances = [loading, whole, filtered];
  loading = indexFile = whole = filtered = vocabulary = rehearsal = undefined;
  searched = defaultMerged = false;
  sortValues.clear();
  const loaded = new Set(await Promise.all(instances.map((p) => p?.catch(() => undefined))));
  await Promise.all([...loaded].map((pf) => pf?.destroy().catch(() => {})));
}

/**
 * `fn(pagefind)`, retried once after `resetEngine()` when a file failed to load: after a deploy,
 * the `pf_meta` in memory names chunks the server no longer has.
 */
async function withRetry<T>(fn: (pf: Pagefind) => Promise<T>): Promise<T> {
  try {
    return await fn(await pagefind());
  } catch {
    if (!navigator.onLine) {
      throw new SearchUnavailable('This search needs parts of the index that are not saved on this device.');
    }
    await resetEngine();
    try {
      return await fn(await pagefind());
    } catch {
      throw new SearchUnavailable('Search could not load its index. Reload the page to try again.');
    }
  }
}

/** A finished search: results (data loaded for the first `shown`), counts, and a correction if one helps. */
export interface SearchOutcome {
  state: SearchState;
  total: number;
  results: PagefindResult[];
  shown: ResultData[];
  filters: FilterCounts;
  /** The query that was run instead of `state.q` (it found nothing; the correction did). */
  replacedBy?: string;
  /** "Did you mean": a corrected query offered as a link. */
  suggestion?: string;
  /** Results of the newest papers only: older shards are still being searched. */
  partial?: boolean;
  /** `shown` is the first of the page's results whose data arrived: the rest are still loading. */
  loading?: boolean;
}

/**
 * Loads the data of results `from` … `from + PAGE` (one fragment each, fetched in parallel).
 * `onPrefix` hears every time the run of loaded results from the first one grows, so the first
 * rows can show while later fragments are still on their way.
 */
export function loadPage(results: PagefindResult[], from: number, onPrefix?: (loaded: ResultData[]) => void): Promise<ResultData[]> {
  const loaded: Array<ResultData | undefined> = [];
  let ready = 0;
  return Promise.all(
    results.slice(from, from + PAGE).map(async (result, i) => {
      const data = await result.data();
      loaded[i] = data;
      if (onPrefix && i === ready) {
        while (loaded[ready]) ready++;
        onPrefix(loaded.slice(0, ready) as ResultData[]);
      }
      return data;
    }),
  );
}

/** Sort data already loaded, by sort file, each a map from result id to date and upvotes. */
const sortValues = new Map<string, Promise<Map<string, SortValues>>>();

/** The sort data of `shards`, one file each, fetched on first need (only when a sort other than relevance is chosen). */
async function sortData(shards: SearchIndex['shards']): Promise<Map<string, SortValues>> {
  const maps = await Promise.all(
    shards.map((shard) => {
      let map = sortValues.get(shard.sort);
      if (!map) {
        map = (async () => {
          const response = await fetch(`${BASE}${shard.sort}`);
          if (!response.ok) throw new Error(`sort data: HTTP ${response.status}`);
          return parseSortData(await response.text(), shard.sort);
        })();
        map.catch(() => sortValues.delete(shard.sort));
        sortValues.set(shard.sort, map);
      }
      return map;
    }),
  );
  return maps.length === 1 ? maps[0]! : new Map(maps.flatMap((m) => [...m]));
}

/**
 * `response`'s results in `state`'s order, and the first page's data; `onPrefix` hears the order
 * and the first results whose data arrived, as they grow.
 */
async function ordered(
  state: SearchState,
  response: PagefindResponse,
  shards: SearchIndex['shards'],
  onPrefix?: (results: PagefindResult[], loaded: ResultData[]) => void,
) {
  const results = state.sort === 'relevance' ? response.results : orderResults(response.results, state.sort, await sortData(shards));
  return { results, shown: await loadPage(results, 0, onPrefix && ((loaded) => onPrefix(results, loaded))) };
}

/**
 * Runs `state`'s search (debounced while typing; null when a newer one superseded it).
 * `onProgress` hears what can be shown before the end: the first results as their data arrives
 * (`loading`: a result's title is in its fragment, and the first page's ten fragments arrive one
 * by one), and, on the first search of a page whose index has older shards, the newest papers'
 * results (`partial`, from the default instance) before the results over every shard (from the
 * merged one: the second instance merged ahead by `warmUp(true)`, or, when nothing was merged
 * ahead, the default one merged now). Later searches ask the merged one alone.
 * It never hears a search that found nothing: that one may yet be replaced by its correction.
 */
export async function runSearch(
  state: SearchState,
  debounce = 0,
  onProgress?: (outcome: SearchOutcome) => void,
): Promise<SearchOutcome | null> {
  const options = pagefindOptions(state);
  // No words but filters: Pagefind lists every paper the filters match only for a null query ("" finds nothing).
  const term = state.q.trim() || null;
  const indexing = searchIndex();
  indexing.catch(() => {});
  // "Did you mean" is decided before the results show: its module loads beside the index, not after it.
  const suggesting = term ? import('./suggest.ts') : undefined;
  suggesting?.catch(() => {});
  // Which shards hold the query's words: looked up beside the first search (a chunk of the table per word).
  const lookup = indexing.then((index) => holding(index, term));
  lookup.catch(() => {});
  // Every search after the page's first: every shard holding the words, as before with one index.
  const known = searched ? await withRetry(() => searchIndex()) : undefined;
  let response = await withRetry(async (pf) => {
    if (!known) return debounce ? pf.debouncedSearch(term, options, debounce) : pf.search(term, options);
    const index = await searchIndex();
    return searchHolding(index, index === known ? await lookup : await holding(index, term), term, options, debounce);
  });
  if (!response) return null;
  const index = known ?? (await withRetry(() => searchIndex()));
  /** Tells `onProgress` about the first results of `found` while the rest of the page loads. */
  const progress =
    (found: PagefindResponse, partial?: boolean) =>
    (results: PagefindResult[], loaded: ResultData[]): void =>
      onProgress?.({ state, total: results.length, results, shown: loaded, filters: found.filters, partial, loading: true });
  let showedPartial = false;
  if (index.shards.length > 1 && !known) {
    searched = true;
    const first = response;
    const shards = await lookup;
    // Asked once the first row shows: neither a merge not done ahead (into the default instance,
    // whose first results are out by then) nor the search over every shard competes with the
    // first results for the network and the worker, yet the rest of the newest papers' page loads
    // while it runs.
    let completing: Promise<PagefindResponse> | undefined;
    const complete = () => (completing ??= withRetry(async () => (await searchHolding(index, shards, term, options)) ?? NOTHING));
    if (shards?.length === 1 && shards[0] === 0) {
      // Only the newest papers hold every word: their results are the whole answer.
    } else if (shards && !shards.includes(0)) {
      // The newest papers lack a word: their results were found through a shorter one. None to show.
      response = await complete();
    } else {
      const firstRows = progress(first, true);
      // The newest papers' page is a preview: when its data cannot load (a failed merge dropped the
      // default instance, or the complete answer's retry reset it, under the page), the complete
      // answer shows instead. Retrying it would not help: its results belong to the instance gone.
      const newest = await ordered(state, first, index.shards.slice(0, 1), (found, loaded) => {
        firstRows(found, loaded);
        complete().catch(() => {});
      }).catch(() => undefined);
      if (newest) {
        onProgress?.({ state, total: newest.results.length, ...newest, filters: first.filters, partial: true });
        showedPartial = true;
      }
      response = await complete();
    }
  }
  searched = true;
  const final = response;
  // After the newest papers' page is shown, a prefix of the final page would shrink it: wait for the whole page.
  const { results, shown } = await withRetry(() => ordered(state, final, index.shards, showedPartial ? undefined : progress(final)));
  const outcome: SearchOutcome = { state, total: results.length, results, shown, filters: response.filters };
  if (!suggesting) return outcome;
  const { looksMisspelt } = await suggesting;
  if (
    results.length > 0 &&
    !looksMisspelt(
      state.q,
      shown.flatMap((d) => [d.meta.title ?? '', d.content]),
    )
  )
    return outcome;
  const suggestion = await correction(state);
  if (!suggestion) return outcome;
  if (results.length > 0) return { ...outcome, suggestion };
  // The query found nothing and the correction finds papers: show those, and say so.
  const corrected = await withRetry(
    async () => (await searchHolding(index, await holding(index, suggestion), suggestion, options)) ?? NOTHING,
  );
  const correctedOrder = await withRetry(() => ordered(state, corrected, index.shards));
  return {
    state,
    total: correctedOrder.results.length,
    results: correctedOrder.results,
    shown: correctedOrder.shown,
    filters: corrected.filters,
    replacedBy: suggestion,
  };
}

let vocabulary: Promise<Vocabulary> | undefined;

/** The vocabulary of the current index (named after its state), fetched on first need. */
function loadVocabulary() {
  vocabulary ??= (async () => {
    const [{ parseVocab }, index] = await Promise.all([import('./suggest.ts'), searchIndex()]);
    const response = await fetch(`${BASE}${index.vocab}`);
    if (!response.ok) throw new Error(`vocabulary: HTTP ${response.status}`);
    return parseVocab(await response.text());
  })();
  vocabulary.catch(() => (vocabulary = undefined));
  return vocabulary;
}

/** The corrected query for `state`, or undefined (no vocabulary offline is not an error: no suggestion). */
async function correction(state: SearchState): Promise<string | undefined> {
  try {
    const [{ resolve }, vocab, index] = await Promise.all([import('./suggest.ts'), loadVocabulary(), searchIndex()]);
    const options = pagefindOptions(state);
    const found = await resolve(
      state.q,
      vocab,
      async (q) => (await searchHolding(index, await holding(index, q), q, options))?.results.length ?? 0,
    );
    return found ?? undefined;
  } catch {
    return undefined;
  }
}

/** Every filter value with its count over the whole archive (loads the filter files: only when asked). */
export function allFilters(): Promise<FilterCounts> {
  // Every shard's counts, summed by Pagefind over the merged instance.
  return withRetry(async () => (await merged(await searchIndex())).filters());
}
