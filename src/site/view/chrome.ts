/**
 * The header and footer of every page (the Base layout) as HTML strings, with the bytes the
 * SiteHeader and SiteFooter components wrote: two component renders a page for markup that
 * differs only by the current section (issue 9 build time). Each returns its element's content;
 * the layout writes `<header>` and `<footer>` around it. No classes: they are on every page, and
 * global.css styles them as `body > header` and `body > footer` (issue 9). Pure.
 */
import { escapeAttribute, escapeHtml } from '../../core/escape.ts';
import { href, NAV, type NavKey } from './links.ts';

/**
 * The site header's content: the site's name, the navigation (`current` marked), a search form
 * that works without JavaScript, and the theme toggle. The Search link also opens the search
 * dialog when scripts run (src/client/search/hotkeys.ts). `base` defaults to the site's.
 */
export function siteHeaderHtml(current: NavKey | undefined, base?: string): string {
  const link = (path: string) => escapeAttribute(href(path, base));
  const items = NAV.map(
    (item) =>
      `<li><a href="${link(item.path)}"${item.key === current ? ' aria-current="page"' : ''}${item.key === 'search' ? ' data-search-open' : ''}>` +
      `${escapeHtml(item.label)}</a></li>`,
  ).join('');
  return (
    `<div><a href="${link('')}">Papershelf</a><nav aria-label="Main"><ul>${items}</ul></nav>` +
    `<div><form role="search" action="${link('search/')}"><input name="q" type="search" aria-label="Search papers" placeholder="Keywords">` +
    '<button type="submit">Search</button></form><button type="button" data-theme-toggle aria-pressed="false" aria-label="Dark theme"></button></div></div>'
  );
}

/** The site footer's content, one line: the whole archive as data and as BibTeX, and the feeds. `base` defaults to the site's. */
export function siteFooterHtml(base?: string): string {
  const link = (path: string) => escapeAttribute(href(path, base));
  return (
    `<p>Download <a href="${link('archive.jsonl')}" download>archive.jsonl</a> (data) or ` +
    `<a href="${link('archive.bib')}" download>archive.bib</a> (BibTeX) · <a href="${link('feeds/')}">Feeds</a> (RSS, JSON Feed, OPML)</p>`
  );
}
