/**
 * What search knows about a paper: one Pagefind custom record per paper, built from the paper's
 * JSON (not from its HTML page), so page markup can change without changing search, and pages
 * carry no `data-pagefind-*` attributes. Values are plain strings; the search UI renders them as
 * text only (src/client/search/render.ts), so nothing in them is ever markup.
 */
import type { Paper } from '../../schemas/paper.ts';
import { paperPath } from '../../core/paths.ts';
import { plainText } from '../view/rich-text.ts';

/** The fields of a paper its search record is made of. */
export type SearchablePaper = Pick<
  Paper,
  'id' | 'title' | 'authors' | 'authorCount' | 'org' | 'abstract' | 'keywords' | 'topics' | 'published' | 'upvotes'
>;

/** Pagefind's `addCustomRecord` argument (the subset we use). */
export interface SearchRecord {
  /** `/papers/<id>/`, without base: the client's `baseUrl` adds BASE. */
  url: string;
  /** Always `en`: one WASM file, one index. */
  language: 'en';
  /** The searchable text: title, byline, org, abstract, keywords and note. */
  content: string;
  /** What a result shows: title (searchable, weighted above the body), date, byline, org, topics, upvotes. */
  meta: Record<string, string>;
  /** Filter values: topic names, org name, year. No sort keys: they would grow every `pf_meta` (src/site/search/shards.ts). */
  filters: Record<string, string[]>;
}

/**
 * `text` with lone UTF-16 surrogates replaced by U+FFFD. Pagefind's service parses records as
 * JSON in Rust, which rejects a lone surrogate (`\ud800`) and stops the build; a digest may hold one.
 */
const wellFormed = (text: string): string =>
  text.replace(/[\uD800-\uDBFF](?![\uDC00-\uDFFF])|(?<![\uD800-\uDBFF])[\uDC00-\uDFFF]/g, '\uFFFD');

/** Longest byline a result shows. */
const BYLINE_MAX = 120;

/** The authors as one line of at most `BYLINE_MAX` characters, or "N authors". */
export function shortByline(paper: Pick<Paper, 'authors' | 'authorCount'>): string {
  const authors = paper.authors ?? [];
  if (authors.length === 0) return paper.authorCount ? `${paper.authorCount} author${paper.authorCount === 1 ? '' : 's'}` : '';
  let line = '';
  for (const [i, name] of authors.entries()) {
    const next = line ? `${line}, ${name}` : name;
    if (next.length > BYLINE_MAX - 2) return i === 0 ? `${name.slice(0, BYLINE_MAX - 1)}…` : `${line}, …`;
    line = next;
  }
  return line;
}

/**
 * The search record of `paper`. `topicNames` maps a topic slug to its display name (filter value
 * and result label); `note` is the plain text of its hand-written note, if any.
 */
export function searchRecord(paper: SearchablePaper, topicNames: ReadonlyMap<string, string>, note = ''): SearchRecord {
  const title = plainText(paper.title);
  const byline = shortByline(paper);
  const topics = paper.topics.map((t) => topicNames.get(t.slug) ?? t.slug);
  const upvotes = String(paper.upvotes ?? 0);
  const content = [title, (paper.authors ?? []).join(', '), paper.org?.name, plainText(paper.abstract), ...paper.keywords, note]
    .filter((part) => part && part.trim())
    .join('. ');
  const meta = { title, date: paper.published, byline, org: paper.org?.name ?? '', topics: topics.join(' · '), upvotes };
  const filters = { topic: topics, org: paper.org ? [paper.org.name] : [], year: [paper.published.slice(0, 4)] };
  return {
    url: `/${paperPath(paper.id)}`,
    language: 'en',
    content: wellFormed(content),
    meta: Object.fromEntries(Object.entries(meta).map(([k, v]) => [k, wellFormed(v)])),
    filters: Object.fromEntries(Object.entries(filters).map(([k, v]) => [k, v.map(wellFormed)])),
  };
}
