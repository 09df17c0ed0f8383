/**
 * Pagefind's JS API, loaded from the site (it is written by the build, not bundled), memoised,
 * warmed up ahead of the first keystroke, and re-initialised once when a deploy replaced the
 * index under an open page. Also runs a search for a state and decides on "Did you mean".
 */
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
  id: string;
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
  init(): Promise<void>;
  destroy(): Promise<void>;
  search(q: string | null, o?: object): Promise<PagefindResponse>;
  debouncedSearch(q: string | null, o: object, ms: number): Promise<PagefindResponse | null>;
  filters(): Promise<FilterCounts>;
}

/** The site's base path, always ending in `/`. */
export const BASE = import.meta.env.BASE_URL.endsWith('/') ? import.meta.env.BASE_URL : `${import.meta.env.BASE_URL}/`;

/** Results whose data a page of results loads. */
const PAGE = 10;

let loading: Promise<Pagefind> | undefined;

/** Pagefind, imported and initialised once (its WASM and `pf_meta` load here: the warm-up). */
function pagefind(): Promise<Pagefind> {
  loading ??= (async () => {
    const pf = (await import(/* @vite-ignore */ `${BASE}pagefind/pagefind.js`)) as Pagefind;
    // Title matches rank above abstract matches; 5 is Pagefind's default, stated so a test pins it.
    await pf.options({ baseUrl: BASE, excerptLength: 24, ranking: { metaWeights: { title: 5 } } });
    await pf.init();
    return pf;
  })();
  loading.catch(() => (loading = undefined));
  return loading;
}

/** True when a data-saving reader asked for nothing to be fetched ahead. */
function saveData(): boolean {
  return Boolean((navigator as Navigator & { connection?: { saveData?: boolean } }).connection?.saveData);
}

/** Starts loading Pagefind (on focus, pointer-over or dialog open) unless Save-Data is on. */
export function warmUp(): void {
  if (!saveData()) pagefind().catch(() => {});
}

/** Why a search failed, in words a reader can act on. */
export class SearchUnavailable extends Error {
  override name = 'SearchUnavailable';
}

/**
 * `fn(pagefind)`, retried once after `destroy()` + `init()` when a file failed to load: after a
 * deploy, the `pf_meta` in memory names chunks the server no longer has.
 */
async function withRetry<T>(fn: (pf: Pagefind) => Promise<T>): Promise<T> {
  try {
    return await fn(await pagefind());
  } catch {
    if (!navigator.onLine) {
      throw new SearchUnavailable('This search needs parts of the index that are not saved on this device.');
    }
    const pf = await pagefind();
    await pf.destroy();
    loading = undefined;
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
}

/** Loads the data of results `from` … `from + PAGE`. */
export function loadPage(results: PagefindResult[], from: number): Promise<ResultData[]> {
  return Promise.all(results.slice(from, from + PAGE).map((r) => r.data()));
}

/** Runs `state`'s search (debounced while typing; null when a newer one superseded it). */
export async function runSearch(state: SearchState, debounce = 0): Promise<SearchOutcome | null> {
  const options = pagefindOptions(state);
  // No words but filters: Pagefind lists every paper the filters match only for a null query ("" finds nothing).
  const term = state.q.trim() || null;
  const response = await withRetry((pf) => (debounce ? pf.debouncedSearch(term, options, debounce) : pf.search(term, options)));
  if (!response) return null;
  const shown = await withRetry(() => loadPage(response.results, 0));
  const outcome: SearchOutcome = { state, total: response.results.length, results: response.results, shown, filters: response.filters };
  if (!state.q.trim()) return outcome;
  const { looksMisspelt } = await import('./suggest.ts');
  if (
    response.results.length > 0 &&
    !looksMisspelt(
      state.q,
      shown.flatMap((d) => [d.meta.title ?? '', d.content]),
    )
  )
    return outcome;
  const suggestion = await correction(state);
  if (!suggestion) return outcome;
  if (response.results.length > 0) return { ...outcome, suggestion };
  // The query found nothing and the correction finds papers: show those, and say so.
  const corrected = await withRetry((pf) => pf.search(suggestion, options));
  const correctedShown = await withRetry(() => loadPage(corrected.results, 0));
  return {
    state,
    total: corrected.results.length,
    results: corrected.results,
    shown: correctedShown,
    filters: corrected.filters,
    replacedBy: suggestion,
  };
}

let vocabulary: Promise<Vocabulary> | undefined;

/** The vocabulary of the current index (named after its hash), fetched on first need. */
function loadVocabulary() {
  vocabulary ??= (async () => {
    const { parseVocab } = await import('./suggest.ts');
    const entry = (await (await fetch(`${BASE}pagefind/pagefind-entry.json`)).json()) as { languages: Record<string, { hash: string }> };
    const response = await fetch(`${BASE}search/vocab-${entry.languages.en!.hash}.txt`);
    if (!response.ok) throw new Error(`vocabulary: HTTP ${response.status}`);
    return parseVocab(await response.text());
  })();
  vocabulary.catch(() => (vocabulary = undefined));
  return vocabulary;
}

/** The corrected query for `state`, or undefined (no vocabulary offline is not an error: no suggestion). */
async function correction(state: SearchState): Promise<string | undefined> {
  try {
    const [{ resolve }, vocab, pf] = await Promise.all([import('./suggest.ts'), loadVocabulary(), pagefind()]);
    const options = pagefindOptions(state);
    const found = await resolve(state.q, vocab, async (q) => (await pf.search(q, options)).results.length);
    return found ?? undefined;
  } catch {
    return undefined;
  }
}

/** Every filter value with its count over the whole archive (loads the filter files: only when asked). */
export function allFilters(): Promise<FilterCounts> {
  return withRetry((pf) => pf.filters());
}
