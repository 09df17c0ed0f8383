/**
 * A topic's list pages, numbered from its oldest paper, so that a numbered page keeps its papers
 * when new ones arrive. Numbered newest first, one more day shifted every page of each topic it
 * touched: a rebuild rendered 422 of the corpus's 601 topic pages again, and a reader's link to
 * `/topics/agents/3/` showed other papers the next day.
 *
 * `/topics/<slug>/` shows the newest `size` papers. Page n (`/topics/<slug>/<n>/`) holds papers
 * (n − 1)·size + 1 to n·size counted from the oldest, newest first; the highest-numbered page is
 * the only one not yet full. Every page below it is rendered from nothing that depends on how many
 * papers the topic has (no total, no last page number, no trend chart), so it keeps its bytes, and
 * Astro's incremental build copies it, until one of its own papers changes. A topic of at most
 * `size` papers has its front page only, as before. Pure: unit-tested.
 */
import { formatCount, plural } from './format.ts';
import { pagePath, PAGE_SIZE, withGaps, type Pager } from './pagination.ts';

/** A topic page: `'front'` (`/topics/<slug>/`) or a page number, 1 holding the oldest papers. */
export type TopicPageRef = number | 'front';

/** One page of a topic's list. */
export interface TopicListPage<T> {
  page: TopicPageRef;
  /** Its papers, newest first. */
  items: T[];
  /** The position of `items[0]` counted from the oldest paper (1-based): the list counts down from it. */
  top: number;
  /** The topic's paper count, on the front page only: a numbered page must not depend on it. */
  total: number | null;
  /** The page with the papers just newer than these, or null (the front page). */
  newer: TopicPageRef | null;
  /** The page with the papers just older than these, or null. */
  older: TopicPageRef | null;
  /** The pages the pager links, newest first, the current one included; null where pages are skipped. */
  window: Array<TopicPageRef | null>;
}

/** `numbers` newest first, without repeats, with null where pages are skipped (`withGaps`). */
function descending(numbers: Iterable<number>): Array<number | null> {
  return withGaps([...new Set(numbers)].sort((a, b) => b - a));
}

/**
 * The pages of a topic whose papers are `newestFirst`: the front page first, then pages 1 to the
 * last. A numbered page's neighbours and window are the next newer page, itself, the next older
 * page and page 1, and the front page: all known from its own number, except on the last page.
 */
export function topicListPages<T>(newestFirst: readonly T[], size = PAGE_SIZE): TopicListPage<T>[] {
  const total = newestFirst.length;
  const last = Math.ceil(total / size);
  if (last <= 1) return [{ page: 'front', items: [...newestFirst], top: total, total, newer: null, older: null, window: ['front'] }];
  const pages: TopicListPage<T>[] = [
    {
      page: 'front',
      items: newestFirst.slice(0, size),
      top: total,
      total,
      newer: null,
      // The page holding the newest paper the front page leaves out.
      older: last - 1,
      window: ['front', ...descending([last, last - 1, 1])],
    },
  ];
  for (let n = 1; n <= last; n++) {
    // Counted from the oldest: positions (n − 1)·size + 1 … n·size, held newest first.
    const top = Math.min(n * size, total);
    pages.push({
      page: n,
      items: newestFirst.slice(total - top, total - (n - 1) * size),
      top,
      total: null,
      newer: n === last ? 'front' : n + 1,
      older: n === 1 ? null : n - 1,
      window: ['front', ...descending([Math.min(n + 1, last), n, Math.max(n - 1, 1), 1])],
    });
  }
  return pages;
}

/** The path of a topic page, without base: `first` for the front page, `first<n>/` for page n. */
function topicPagePath(first: string, page: TopicPageRef): string {
  // pagePath keeps page 1 at the list's own path; a topic's page 1 is a page of its own.
  return page === 'front' ? pagePath(first, 1) : `${pagePath(first, 1)}${page}/`;
}

/** The pager of a topic page: newer and older links, and the window's links (the front page as "Newest"). */
export function topicPager(first: string, page: Pick<TopicListPage<unknown>, 'page' | 'newer' | 'older' | 'window'>): Pager {
  const path = (ref: TopicPageRef | null) => (ref === null ? null : topicPagePath(first, ref));
  return {
    newer: path(page.newer),
    older: path(page.older),
    links: page.window.map((ref) =>
      ref === null
        ? null
        : {
            text: ref === 'front' ? 'Newest' : String(ref),
            label: ref === 'front' ? 'Newest papers' : `Page ${ref}`,
            path: topicPagePath(first, ref),
            current: ref === page.page,
          },
    ),
  };
}

/** The page's `<title>`: the topic's name, and the page number on a numbered page (titles stay unique). */
export function topicPageTitle(name: string, page: TopicPageRef): string {
  return page === 'front' ? name : `${name} (page ${page})`;
}

/**
 * The line above the list: on the front page the count (`120 papers, newest first; the newest 50
 * here, older ones on pages numbered from the oldest.`), on a numbered page its papers' positions.
 */
export function topicListSummary(page: Pick<TopicListPage<unknown>, 'page' | 'items' | 'top' | 'total'>): string {
  if (page.page !== 'front') {
    return `Papers ${formatCount(page.top - page.items.length + 1)}–${formatCount(page.top)}, counted from the oldest; newest first.`;
  }
  const head = `${plural(page.total ?? 0, 'paper')}, newest first`;
  return page.items.length < (page.total ?? 0)
    ? `${head}; the newest ${formatCount(page.items.length)} here, older ones on pages numbered from the oldest.`
    : `${head}.`;
}
