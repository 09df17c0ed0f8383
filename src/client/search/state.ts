/**
 * The search state (query, sort, filters) and its URL form, `?q=&sort=newest|upvotes&topic=…&org=…&year=…`,
 * so reload, back/forward and shared links show the same search. Pure: unit-tested.
 */

/** Relevance (Pagefind's score, no sort), newest first, or most upvoted first. */
type SortKey = 'relevance' | 'newest' | 'upvotes';

/** The query's URL parameter (also read by the search page's early start, src/pages/search.astro). */
export const QUERY_PARAM = 'q';

/** Filter groups: OR within a group, AND across groups. Values are display names (and URL parameters). */
export const FILTER_GROUPS = ['topic', 'org', 'year'] as const;
export type FilterGroup = (typeof FILTER_GROUPS)[number];

/** One search as the reader set it up. */
export interface SearchState {
  q: string;
  sort: SortKey;
  filters: Record<FilterGroup, string[]>;
}

/** The state a URL's query string describes (unknown sort values read as relevance). */
export function stateFromParams(params: URLSearchParams): SearchState {
  const sort = params.get('sort');
  const filters = {} as Record<FilterGroup, string[]>;
  for (const group of FILTER_GROUPS) filters[group] = [...new Set(params.getAll(group).filter(Boolean))];
  return { q: params.get(QUERY_PARAM) ?? '', sort: sort === 'newest' || sort === 'upvotes' ? sort : 'relevance', filters };
}

/** The query string of `state` (empty parts left out; filter values in the order chosen). */
export function paramsFromState(state: SearchState): URLSearchParams {
  const params = new URLSearchParams();
  if (state.q) params.set(QUERY_PARAM, state.q);
  if (state.sort !== 'relevance') params.set('sort', state.sort);
  for (const group of FILTER_GROUPS) for (const value of state.filters[group]) params.append(group, value);
  return params;
}

/** Pagefind's search options for `state`: filters only (the engine sorts, from the sort data). */
export function pagefindOptions(state: SearchState): { filters: Record<string, { any: string[] }> } {
  const filters: Record<string, { any: string[] }> = {};
  for (const group of FILTER_GROUPS) if (state.filters[group].length) filters[group] = { any: state.filters[group] };
  return { filters };
}

/** True when any filter is set. */
export function hasFilters(state: SearchState): boolean {
  return FILTER_GROUPS.some((group) => state.filters[group].length > 0);
}
