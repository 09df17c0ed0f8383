/**
 * `/search/`: results as you type, sort, filters (topic, organisation, year), the whole state in
 * the URL (typing replaces the history entry; Enter, sort and filter changes push one; back and
 * forward restore it), "Did you mean", and an empty state that helps.
 */
import {
  BASE,
  SearchUnavailable,
  allFilters,
  loadPage,
  runSearch,
  warmUp,
  type FilterCounts,
  type ResultData,
  type SearchOutcome,
} from './engine.ts';
import { countText, el, resultItem, statusText, suggestionNodes } from './render.ts';
import { FILTER_GROUPS, hasFilters, paramsFromState, stateFromParams, type FilterGroup, type SearchState } from './state.ts';

const root = document.querySelector<HTMLElement>('[data-search-page]')!;
const form = root.querySelector<HTMLFormElement>('form')!;
const input = form.querySelector<HTMLInputElement>('input[name=q]')!;
const sortSelect = form.querySelector<HTMLSelectElement>('select[name=sort]')!;
const details = root.querySelector<HTMLDetailsElement>('[data-filters]')!;
const panel = root.querySelector<HTMLElement>('[data-filter-panel]')!;
const status = root.querySelector<HTMLElement>('[data-status]')!;
const note = root.querySelector<HTMLElement>('[data-suggestion]')!;
const list = root.querySelector<HTMLOListElement>('[data-results]')!;
const more = root.querySelector<HTMLButtonElement>('[data-more]')!;
const emptyQuery = root.querySelector<HTMLElement>('[data-empty-query]')!;
const noResults = root.querySelector<HTMLElement>('[data-no-results]')!;

let state: SearchState = stateFromParams(new URLSearchParams(location.search));
let outcome: SearchOutcome | null = null;
let totals: FilterCounts | null = null;
let seq = 0;
/** A render of results still arriving, waiting for the next frame (0: none). */
let frame = 0;
/** The results whose rows the list shows (the first of them). */
let listed: SearchOutcome['results'] | null = null;

const LABELS: Record<FilterGroup, string> = { topic: 'Topic', org: 'Organisation', year: 'Year' };

/** The form shows `state`. */
function showState() {
  input.value = state.q;
  sortSelect.value = state.sort;
  for (const box of panel.querySelectorAll<HTMLInputElement>('input[type=checkbox]')) {
    box.checked = state.filters[box.name as FilterGroup]?.includes(box.value) ?? false;
  }
  if (totals) renderFilters();
}

/** Writes `state` into the URL: a new history entry for a deliberate change, a replaced one while typing. */
function writeUrl(mode: 'push' | 'replace') {
  const query = paramsFromState(state).toString();
  const url = `${location.pathname}${query ? `?${query}` : ''}`;
  if (url === `${location.pathname}${location.search}`) return;
  if (mode === 'push') history.pushState(null, '', url);
  else history.replaceState(null, '', url);
}

/** Runs the current state's search and shows it. */
async function search(debounce = 0) {
  const mine = ++seq;
  const active = state.q.trim() !== '' || hasFilters(state);
  emptyQuery.hidden = active;
  if (!active) {
    outcome = null;
    list.replaceChildren();
    status.textContent = '';
    note.replaceChildren();
    noResults.hidden = true;
    more.hidden = true;
    return;
  }
  // The same search again (filter counts arriving): keep as many results shown as before.
  const keep =
    outcome && paramsFromState(outcome.state).toString() === paramsFromState({ ...state, q: state.q.trim() }).toString()
      ? outcome.shown.length
      : 0;
  try {
    const found = await runSearch({ ...state, q: state.q.trim() }, debounce, (progress) => {
      // The same search again already shows its rows: they stay until the new ones are all in.
      if (mine !== seq || (progress.loading && keep)) return;
      outcome = progress;
      // Rows arriving within one frame are drawn once (fewer style and layout passes during page load).
      frame ||= requestAnimationFrame(() => {
        frame = 0;
        render();
      });
    });
    if (!found || mine !== seq) return;
    cancelAnimationFrame(frame);
    frame = 0;
    while (found.shown.length < Math.min(keep, found.total)) found.shown.push(...(await loadPage(found.results, found.shown.length)));
    if (mine !== seq) return;
    outcome = found;
    render();
  } catch (error) {
    if (mine !== seq) return;
    cancelAnimationFrame(frame);
    frame = 0;
    list.replaceChildren();
    more.hidden = true;
    const message = error instanceof SearchUnavailable ? error.message : 'Search failed. Reload the page to try again.';
    const offline = el('a', 'Save the archive for offline use');
    offline.href = `${BASE}offline/`;
    status.replaceChildren(document.createTextNode(`${message} `), offline, document.createTextNode('.'));
  }
}

/** Shows `outcome`: count, correction, results (the first ones while the rest load), "Show more", the no-results help. */
function render() {
  if (!outcome) return;
  const { total, shown, state: searched, loading } = outcome;
  list.setAttribute('aria-busy', String(Boolean(loading)));
  const row = (data: ResultData) => resultItem(data, { upvotes: searched.sort === 'upvotes' });
  // The rows of one search arrive one by one: add the new ones instead of building the list again.
  if (listed === outcome.results && list.children.length <= shown.length) list.append(...shown.slice(list.children.length).map(row));
  else list.replaceChildren(...shown.map(row));
  listed = outcome.results;
  noResults.hidden = total > 0;
  more.hidden = loading || shown.length >= total;
  // The count and the correction wait for the whole page: the status line is a live region (its
  // height reserved, so it never pushes the first rows down), spoken once per search.
  if (loading) return;
  const q = outcome.replacedBy ?? searched.q;
  const counted = q ? `${countText(total)} for “${q}”` : countText(total);
  status.textContent = statusText(counted, outcome.partial);
  note.replaceChildren(...suggestionNodes(outcome));
  root.querySelector<HTMLElement>('[data-clear-filters]')!.hidden = !hasFilters(state);
  if (totals) updateCounts();
}

more.addEventListener('click', async () => {
  if (!outcome) return;
  const next = await loadPage(outcome.results, outcome.shown.length);
  outcome.shown.push(...next);
  list.append(...next.map((data) => resultItem(data, { upvotes: outcome!.state.sort === 'upvotes' })));
  more.hidden = outcome.shown.length >= outcome.total;
  // Keyboard readers continue from the first new result.
  (list.children[outcome.shown.length - next.length]?.querySelector('a') as HTMLElement | null)?.focus();
});

// The search page: warm the older shards too (a reader here means to search).
const warmAll = () => warmUp(true);
input.addEventListener('focus', warmAll, { once: true });
input.addEventListener('pointerover', warmAll, { once: true });
input.addEventListener('input', () => {
  state = { ...state, q: input.value };
  writeUrl('replace');
  void search(60);
});
form.addEventListener('submit', (event) => {
  event.preventDefault();
  state = { ...state, q: input.value };
  writeUrl('push');
  void search();
});
sortSelect.addEventListener('change', () => {
  state = { ...state, sort: sortSelect.value as SearchState['sort'] };
  writeUrl('push');
  void search();
});
addEventListener('popstate', () => {
  state = stateFromParams(new URLSearchParams(location.search));
  showState();
  if (hasFilters(state)) details.open = true;
  void search();
});
root.querySelector('[data-clear-filters] button')?.addEventListener('click', () => {
  state = { ...state, filters: { topic: [], org: [], year: [] } };
  writeUrl('push');
  showState();
  void search();
});

/** Sets one filter value on or off. */
function toggleFilter(group: FilterGroup, value: string, on: boolean) {
  const values = state.filters[group].filter((v) => v !== value);
  if (on) values.push(value);
  state = { ...state, filters: { ...state.filters, [group]: values } };
  writeUrl('push');
  void search();
}

/** Count of `value` in the current results (or in the archive, before any search). */
function countOf(group: FilterGroup, value: string): number {
  return (outcome ? outcome.filters[group]?.[value] : undefined) ?? totals?.[group]?.[value] ?? 0;
}

/** A checkbox row: `Name (12)`, all text. */
function checkbox(group: FilterGroup, value: string): HTMLLIElement {
  const li = el('li');
  const label = el('label', null, 'inline-flex gap-1.5');
  const box = el('input');
  box.type = 'checkbox';
  box.name = group;
  box.value = value;
  box.checked = state.filters[group].includes(value);
  box.addEventListener('change', () => toggleFilter(group, value, box.checked));
  const count = el('span', `(${countOf(group, value)})`, 'text-zinc-600 dark:text-zinc-400');
  count.dataset.count = `${group}\u0000${value}`;
  label.append(box, el('span', value), count);
  li.append(label);
  return li;
}

/** The filter panel: topic and year as checkbox groups; organisation (hundreds of values) as a list input. */
function renderFilters() {
  if (!totals) return;
  const groups: Node[] = [];
  for (const group of FILTER_GROUPS) {
    const values = Object.keys(totals[group] ?? {}).sort((a, b) => (group === 'year' ? b.localeCompare(a) : a.localeCompare(b)));
    const fieldset = el('fieldset', null, 'mt-3');
    fieldset.append(el('legend', LABELS[group], 'font-semibold'));
    if (group === 'org') {
      const id = 'search-org-input';
      const label = el('label', 'Add an organisation', 'block text-sm');
      label.htmlFor = id;
      const orgInput = el('input', null, 'search-input mt-1');
      orgInput.id = id;
      orgInput.setAttribute('list', 'search-org-list');
      const datalist = el('datalist');
      datalist.id = 'search-org-list';
      for (const value of values) {
        const option = el('option');
        option.value = value;
        datalist.append(option);
      }
      orgInput.addEventListener('change', () => {
        if (values.includes(orgInput.value) && !state.filters.org.includes(orgInput.value)) {
          toggleFilter('org', orgInput.value, true);
          renderFilters();
        }
      });
      const chosen = el('ul', null, 'mt-2 flex flex-wrap gap-x-4');
      chosen.append(...state.filters.org.map((value) => checkbox('org', value)));
      fieldset.append(label, orgInput, datalist, chosen);
    } else {
      const ul = el('ul', null, 'mt-1 flex flex-wrap gap-x-4 gap-y-1 text-sm');
      ul.append(...values.map((value) => checkbox(group, value)));
      fieldset.append(ul);
    }
    groups.push(fieldset);
  }
  panel.replaceChildren(...groups);
}

/** Refreshes the counts shown beside each value after a search. */
function updateCounts() {
  for (const span of panel.querySelectorAll<HTMLElement>('[data-count]')) {
    const [group, value] = span.dataset.count!.split('\u0000') as [FilterGroup, string];
    span.textContent = `(${countOf(group, value)})`;
  }
}

/** Filter files load only when the panel opens (or the URL has filters): never on the first query. */
async function openFilters() {
  if (totals) return;
  panel.textContent = 'Loading filters…';
  try {
    totals = await allFilters();
    renderFilters();
    // Counts within the current results arrive with the next search.
    if (state.q.trim() || hasFilters(state)) void search();
  } catch (error) {
    panel.textContent = error instanceof SearchUnavailable ? error.message : 'Filters could not load.';
  }
}
details.addEventListener('toggle', () => {
  if (details.open) void openFilters();
});

showState();
if (hasFilters(state)) details.open = true;
if (state.q || hasFilters(state)) void search();
// A reader on the search page is about to search: Pagefind (its worker, WASM and the newest papers'
// `pf_meta`, then the older shards' metas) loads once the page is idle, so the first query finds it
// ready instead of paying for it after the first keystroke (its compile and decode are most of a
// cold query's time; the older metas most of a sharded index's complete answer). Not with Save-Data.
else if ('requestIdleCallback' in window) requestIdleCallback(warmAll, { timeout: 1000 });
else setTimeout(warmAll, 200);
