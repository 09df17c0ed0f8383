/**
 * The header's search dialog: a native `<dialog>` (showModal: focus trapped, Esc closes), a
 * combobox input driving a listbox of results. ↑/↓ move the active result, Enter opens it (or the
 * search page when none is active), Esc closes and focus returns to what opened it.
 */
import { BASE, runSearch, warmUp, type ResultData, type SearchOutcome } from './engine.ts';
import { countText, el, statusText, suggestionNodes } from './render.ts';

let dialog: HTMLDialogElement | undefined;
let trigger: HTMLElement | null = null;

/** Loads Pagefind ahead of use. */
export function warm(): void {
  warmUp();
}

/** The search page URL for `q`. */
const searchUrl = (q: string) => `${BASE}search/${q ? `?${new URLSearchParams({ q })}` : ''}`;

function build(): HTMLDialogElement {
  const d = el('dialog', null, 'search-dialog');
  d.setAttribute('aria-label', 'Search papers');
  const label = el('label', 'Search papers');
  label.htmlFor = 'search-dialog-input';
  const input = el('input', null, 'search-input');
  input.id = 'search-dialog-input';
  input.type = 'search';
  input.autocomplete = 'off';
  input.spellcheck = false;
  input.setAttribute('role', 'combobox');
  input.setAttribute('aria-expanded', 'false');
  input.setAttribute('aria-controls', 'search-dialog-list');
  input.setAttribute('aria-autocomplete', 'list');
  const status = el('p');
  status.setAttribute('role', 'status');
  const note = el('p');
  const listbox = el('ul');
  listbox.id = 'search-dialog-list';
  listbox.setAttribute('role', 'listbox');
  listbox.setAttribute('aria-label', 'Results');
  const all = el('a', 'See all results, with sort and filters');
  all.href = searchUrl('');
  const hint = el('p', '↑ ↓ to choose, Enter to open, Esc to close');
  d.append(label, input, status, note, listbox, all, hint);

  let results: ResultData[] = [];
  let active = -1;
  let seq = 0;

  const setActive = (i: number) => {
    active = i;
    for (const [n, option] of [...listbox.children].entries()) option.setAttribute('aria-selected', String(n === i));
    const current = listbox.children[i] as HTMLElement | undefined;
    if (current) {
      input.setAttribute('aria-activedescendant', current.id);
      current.scrollIntoView({ block: 'nearest' });
    } else input.removeAttribute('aria-activedescendant');
  };

  input.addEventListener('input', async () => {
    const mine = ++seq;
    const q = input.value.trim();
    all.href = searchUrl(q);
    if (!q) {
      listbox.replaceChildren();
      status.textContent = '';
      note.replaceChildren();
      input.setAttribute('aria-expanded', 'false');
      return setActive(-1);
    }
    /**
     * Shows `outcome`: the first results as they arrive, the newest papers' results when the index
     * has older shards, then all. The option chosen with the arrows stays chosen while more arrive.
     */
    let shown = false;
    const show = (outcome: SearchOutcome) => {
      const keepActive = shown && active < outcome.shown.length;
      shown = true;
      results = outcome.shown;
      listbox.replaceChildren(
        ...results.map((data, i) => {
          const option = el('li', null, 'search-result');
          option.id = `search-dialog-option-${i}`;
          option.setAttribute('role', 'option');
          option.setAttribute('aria-selected', 'false');
          option.append(el('span', data.meta.title ?? data.url, 'search-title'));
          const who = [data.meta.org, data.meta.byline, data.meta.date].filter(Boolean).join(' · ');
          if (who) option.append(el('span', who, 'search-meta'));
          option.addEventListener('click', () => location.assign(data.url));
          return option;
        }),
      );
      input.setAttribute('aria-expanded', String(results.length > 0));
      setActive(keepActive ? active : -1);
      // The status (a live region) speaks once per search, when the first page is all in.
      if (outcome.loading) return;
      const q2 = outcome.replacedBy ?? q;
      const counted = `${countText(outcome.total)} for “${q2}”${outcome.total > results.length ? `, first ${results.length} shown` : ''}`;
      status.textContent = statusText(counted, outcome.partial);
      note.replaceChildren(...suggestionNodes(outcome));
    };
    try {
      const outcome = await runSearch({ q, sort: 'relevance', filters: { topic: [], org: [], year: [] } }, 60, (progress) => {
        if (mine === seq) show(progress);
      });
      if (!outcome || mine !== seq) return;
      show(outcome);
    } catch (error) {
      if (mine === seq) status.textContent = error instanceof Error ? error.message : 'Search failed.';
    }
  });

  input.addEventListener('keydown', (event) => {
    if (event.key === 'ArrowDown' || event.key === 'ArrowUp') {
      event.preventDefault();
      if (!results.length) return;
      const step = event.key === 'ArrowDown' ? 1 : -1;
      setActive((active + step + results.length + (active < 0 && step < 0 ? 1 : 0)) % results.length);
    } else if (event.key === 'Escape') {
      // One Esc closes (in a search field the browser's first Esc would only clear the text).
      event.preventDefault();
      d.close();
    } else if (event.key === 'Enter') {
      event.preventDefault();
      const chosen = results[active];
      location.assign(chosen ? chosen.url : searchUrl(input.value.trim()));
    }
  });
  d.addEventListener('close', () => trigger?.focus());
  document.body.append(d);
  return d;
}

/** Opens the dialog; focus goes back to `from` when it closes. */
export function openSearchDialog(from: HTMLElement | null): void {
  dialog ??= build();
  trigger = from;
  // Open: the reader means to search, so the older shards warm too (a hover warms the newest only).
  warmUp(true);
  if (!dialog.open) dialog.showModal();
  const input = dialog.querySelector('input')!;
  input.focus();
  input.select();
}
