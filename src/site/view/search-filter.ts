/**
 * Values given to Pagefind as filters (organisation, topic, digest day).
 *
 * Pagefind's default UI renders a filter value as HTML: the label of its checkbox in the filter
 * panel is inserted with `innerHTML` (titles and meta tags are rendered as text, and excerpts are
 * escaped by Pagefind itself). An organisation or topic name comes from untrusted text, so a name
 * like `acme <img src=x onerror=…>` ran script on `/search/`. The value Pagefind stores must
 * therefore be the name HTML-escaped once: the panel then shows the literal name as inert text.
 *
 * Pagefind 1.x decodes HTML entities in a filter value twice while indexing (measured: an
 * attribute holding `&amp;amp;lt;` is stored as `&lt;`), and Astro escapes the attribute once
 * more; so the value written here is escaped twice. tests/browser/search-injection.test.ts pins this
 * down in Chromium: a hostile name must show literally in the filter panel and run nothing, so a
 * Pagefind upgrade that changes either behaviour fails that test rather than the reader.
 * Meta values must not go through this: the UI shows them as text, they would read `&lt;…`.
 */
import { escapeHtml } from '../../core/escape.ts';

/**
 * `text` as the `data-filter-value` attribute read by `data-pagefind-filter="name[data-filter-value]"`
 * (the attribute form also keeps a comma or colon in a name from splitting it).
 */
export function searchFilterValue(text: string): string {
  return escapeHtml(escapeHtml(text));
}
