/**
 * DOM builders for search results and messages. Every value from the index goes in as text
 * (`textContent`, text nodes), never as HTML: titles, names and excerpts come from digests.
 */
import type { ResultData } from './engine.ts';
import { BASE } from './engine.ts';

/** An element with optional text and class. */
export function el<K extends keyof HTMLElementTagNameMap>(tag: K, text?: string | null, className?: string): HTMLElementTagNameMap[K] {
  const node = document.createElement(tag);
  if (text != null) node.textContent = text;
  if (className) node.className = className;
  return node;
}

/**
 * Pagefind's excerpt (text with `<` `>` escaped as `&lt;` `&gt;`, hits in `<mark>`) rebuilt as
 * text nodes and `<mark>` elements: the tags Pagefind adds are the only markup, whatever the text holds.
 */
function excerptNodes(excerpt: string): DocumentFragment {
  const fragment = document.createDocumentFragment();
  let marked = false;
  for (const part of excerpt.split(/(<mark>|<\/mark>)/)) {
    if (part === '<mark>' || part === '</mark>') {
      marked = part === '<mark>';
      continue;
    }
    if (!part) continue;
    const text = part.replace(/&lt;/g, '<').replace(/&gt;/g, '>');
    fragment.append(marked ? el('mark', text) : document.createTextNode(text));
  }
  return fragment;
}

/** One result: title link, who and when, topics, excerpt (and upvotes when sorted by them). */
export function resultItem(data: ResultData, options: { upvotes?: boolean; id?: string } = {}): HTMLLIElement {
  const li = el('li', null, 'search-result');
  if (options.id) li.id = options.id;
  const link = el('a', data.meta.title ?? data.url, 'search-title');
  link.href = data.url;
  li.append(link);
  const who = [data.meta.org, data.meta.byline, data.meta.date].filter(Boolean).join(' · ');
  if (who) li.append(el('p', who, 'search-meta'));
  if (data.meta.topics) li.append(el('p', data.meta.topics, 'search-meta'));
  if (options.upvotes) li.append(el('p', `${data.meta.upvotes ?? 0} upvotes`, 'search-meta'));
  if (data.excerpt) {
    const p = el('p', null, 'search-excerpt');
    p.append(excerptNodes(data.excerpt));
    li.append(p);
  }
  return li;
}

/** A link to the search page for `q` (the query text goes into the URL and the link as text). */
function queryLink(q: string, className?: string): HTMLAnchorElement {
  const a = el('a', q, className);
  a.href = `${BASE}search/?${new URLSearchParams({ q })}`;
  return a;
}

/** "Showing results for X. Search instead for Y." / "Did you mean X?" as nodes. */
export function suggestionNodes(outcome: { replacedBy?: string; suggestion?: string; state: { q: string } }): Node[] {
  if (outcome.replacedBy) {
    const strong = el('strong');
    strong.append(queryLink(outcome.replacedBy));
    const instead = el('em');
    instead.append(queryLink(outcome.state.q));
    return [
      document.createTextNode('No papers match your words as typed. Showing results for '),
      strong,
      document.createTextNode('. Search instead for '),
      instead,
      document.createTextNode('.'),
    ];
  }
  if (outcome.suggestion) {
    const strong = el('strong');
    strong.append(queryLink(outcome.suggestion));
    return [document.createTextNode('Did you mean '), strong, document.createTextNode('?')];
  }
  return [];
}

/** "12 papers" */
export function countText(n: number): string {
  return `${n} ${n === 1 ? 'paper' : 'papers'}`;
}

/** The status line: `counted`, and while older index shards are searched, that these are the newest papers' results. */
export function statusText(counted: string, partial: boolean | undefined): string {
  return partial ? `${counted} among the newest papers. Searching older papers…` : counted;
}
