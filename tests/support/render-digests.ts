/**
 * Writes digests in every format Papershelf reads: the inverse of the readers, laid out like the
 * real captures (see `captures/README.md`). Used by the property tests (render, parse back,
 * compare), the corpus accuracy tests (the real corpus written out per format) and the benchmark.
 * Never used by the ingest itself.
 */
import type { RawEntry } from '../../src/ingest/types.ts';

/** One paper card as a renderer needs it; `null` fields are left out where the format allows. */
export type CardRecord = Omit<RawEntry, 'file' | 'line' | 'rank' | 'digest' | 'published'> & {
  /** `YYYY-MM-DD`, on or before the digest day. */
  published: string;
  /** Names of authors the API marks `hidden` (left out of `authors`; readers must drop them). */
  hiddenAuthors?: string[];
};

const MONTHS = ['Jan', 'Feb', 'Mar', 'Apr', 'May', 'Jun', 'Jul', 'Aug', 'Sep', 'Oct', 'Nov', 'Dec'];

/** `Mon D`, with `, YYYY` unless the date is in the digest's own year (as papers pages show it). */
function cardDate(iso: string, digest: string): string {
  const [y, m, d] = iso.split('-').map(Number) as [number, number, number];
  return `${MONTHS[m - 1]} ${d}${iso.slice(0, 4) === digest.slice(0, 4) ? '' : `, ${String(y).padStart(4, '0')}`}`;
}

/** The page's date selector for a digest day (`Jan 8`). */
function headerDate(digest: string): string {
  const [, m, d] = digest.split('-').map(Number) as [number, number, number];
  return `${MONTHS[m - 1]} ${d}`;
}

/** The author count a card shows: names counted, else the count. */
const shownCount = (c: CardRecord): number | null => c.authors?.length ?? c.authorCount;

/** Greedy word wrap at `width` columns (words longer than the width stay whole). */
function wrap(text: string, width: number): string[] {
  const lines: string[] = [];
  let line = '';
  for (const word of text.split(/ +/)) {
    if (line && line.length + 1 + word.length > width) {
      lines.push(line);
      line = word;
    } else line = line ? `${line} ${word}` : word;
  }
  if (line) lines.push(line);
  return lines;
}

/** A plain-text copy of a papers page, in the seed's layout (`content/digests/2026-01-08.txt`). */
export function renderPlaintext(digest: string, cards: readonly CardRecord[], options: { upvotes?: boolean } = {}): string {
  const header = `new\n\nGet trending papers in your email inbox!\n\nSubscribe\n\nDaily Papers\n\nbyAK and the research community\n\n${headerDate(digest)}\n\n`;
  const body = cards.map((c) => {
    const count = shownCount(c);
    const byline = c.org ? `${c.org.slug} ${c.org.name}` : `  • ${count ?? 0} authors`;
    const comments = c.comments ? ` ${c.comments}` : '';
    const votes = options.upvotes && c.upvotes !== null ? `${c.upvotes || '-'}\n\n` : '';
    return `${votes}${c.title}\n\n${c.abstract}\n\n${byline}\n·\n${cardDate(c.published, digest)}${comments}\n`;
  });
  // Like the seed: cards separated by a blank line, no newline after the last one.
  return header + body.join('\n').replace(/\n$/, '');
}

/** Markdown's backslash escapes for the characters that would otherwise mean something. */
function escapeMarkdown(text: string): string {
  return text.replace(/[\\`*_[\]<>#!]/g, (c) => `\\${c}`);
}

/** A markdown capture (firecrawl-style search page): front matter, linked headings, `\\` hard wraps. */
export function renderMarkdown(digest: string, cards: readonly CardRecord[], options: { wrapAt?: number } = {}): string {
  const wrapAt = options.wrapAt ?? 80;
  const out = [
    '---',
    'url: https://huggingface.co/papers?q=test',
    `retrieved: ${digest}`,
    'title: Daily Papers - Hugging Face',
    '---',
    'new',
    '',
    '# Daily Papers',
    '',
    headerDate(digest),
    '',
  ];
  for (const c of cards) {
    const page = `https://huggingface.co/papers/${c.arxiv ?? 'unknown'}`;
    const votes = c.upvotes === null || c.upvotes === 0 ? '-' : String(c.upvotes);
    out.push(`[${votes}](https://huggingface.co/login?next=%2Fpapers%2F${c.arxiv ?? 'unknown'})`, '');
    out.push(`### [${escapeMarkdown(c.title)}](${page})`, '');
    // Long abstracts are hard-wrapped like older captures: every wrapped line ends in `\\`.
    const lines = c.abstract.length > 300 ? wrap(c.abstract, wrapAt) : [c.abstract];
    const text = lines.map(escapeMarkdown);
    out.push(...text.map((l, i) => `${i === 0 ? '[' : ''}${l}${i < text.length - 1 ? '\\\\' : `](${page})`}`), '');
    if (c.org)
      out.push(
        `[![${c.org.slug}](https://cdn-avatars.huggingface.co/x.png)${escapeMarkdown(c.org.name)}](https://huggingface.co/${c.org.slug})`,
        '',
      );
    else out.push(`[- ![](https://huggingface.co/avatars/a.svg)\\\\`, `- ${shownCount(c) ?? 0} authors](${page})`, '');
    const comments = c.comments ? `[${c.comments}](${page}#community)` : '';
    out.push('·', '', `${cardDate(c.published, digest)}${comments}`, '');
  }
  out.push(`[Previous](https://huggingface.co/papers/date/${digest})`, '', 'Trending Papers ranked by GitHub stars activity');
  return out.join('\n');
}

/** A link target as a page's `href` gives it: raw API values may hold newlines, a rendered link never does. */
const linkTarget = (url: string): string => url.replace(/\s+/g, '');

/** The trending page's markdown capture: unlinked headings, a summary, no dates; every card twice. */
export function renderTrending(cards: readonly CardRecord[]): string {
  const out = [
    '# What is Papers with Code?',
    '**URL:** https://paperswithcode.com',
    '**Page Title:** Trending Papers - Hugging Face',
    '--------------------',
    '',
    '## Trending Papers',
    '',
  ];
  for (const c of cards) {
    const [first, ...rest] = wrap(escapeMarkdown(c.title), 70);
    const card = [`### ${first}`, ...rest.map((l) => `  ${l}`), '', escapeMarkdown(c.abstract)];
    const count = shownCount(c);
    if (count) card.push(`- ${count} authors`);
    if (c.github) card.push(`[LINK: GitHub 1.2k](${linkTarget(c.github)})`);
    out.push(...card, '', ...card, '');
  }
  out.push('--------------------');
  return out.join('\n');
}

/**
 * The trending page as another HTML-to-markdown converter writes it: linked `###` headings, the
 * byline and `· Published on Oct 4, 2026` on one line, `[Upvote\n\nN](…login…)` below it, org
 * badges as `[[image: slug] Org Name](…)`, the abstract wrapped at 120, a `[GitHub 1.2k](…)`
 * link; every card twice (see `fixtures/markdown/trending-other-converter`).
 */
export function renderTrendingVariant(_digest: string, cards: readonly CardRecord[]): string {
  const out = [
    'Title: Trending Papers - Hugging Face',
    '',
    'URL Source: https://huggingface.co/papers/trending',
    '',
    'Markdown Content:',
    '# Trending Papers',
    '',
  ];
  for (const c of cards) {
    const id = c.arxiv ?? 'unknown';
    const byline = c.org
      ? `[[image: ${c.org.slug}] ${escapeMarkdown(c.org.name)}](https://huggingface.co/${c.org.slug})`
      : `- ${shownCount(c) ?? 0} authors`;
    const [y, m, d] = c.published.split('-').map(Number) as [number, number, number];
    const card = [
      `### [${escapeMarkdown(c.title)}](https://huggingface.co/papers/${id})`,
      '',
      `${byline} · Published on ${MONTHS[m - 1]} ${d}, ${String(y).padStart(4, '0')}`,
      '',
      '[Upvote',
      '',
      `${c.upvotes ? c.upvotes : '-'}](https://huggingface.co/login?next=%2Fpapers%2F${id})`,
      '',
      ...wrap(c.abstract, 120).map(escapeMarkdown),
      ...(c.github ? ['', `[GitHub 1.2k](${linkTarget(c.github)})`] : []),
      '',
    ];
    out.push(...card, ...card);
  }
  out.push('* * *', '', '[TOS](https://huggingface.co/terms-of-service)');
  return out.join('\n');
}

/** A text-browser dump: numbered references, titles split over `### ` lines, abstracts wrapped at 120. */
export function renderTextBrowser(digest: string, cards: readonly CardRecord[]): string {
  let ref = 30;
  const r = () => `][${ref++}]`;
  const out = [
    '# Web source',
    '',
    '- URL: https://huggingface.co/papers?q=test',
    `- Captured (UTC): ${digest}T16:31:22.135762458+00:00`,
    '',
    '```text',
    '# Daily Papers',
    '',
    headerDate(digest),
  ];
  for (const c of cards) {
    out.push('[', c.upvotes ? String(c.upvotes) : '-', r(), '');
    const cut = c.title.length > 110 ? c.title.lastIndexOf(' ', 100) : -1;
    const title = cut > 0 ? [c.title.slice(0, cut), c.title.slice(cut + 1)] : [c.title];
    out.push(...title.map((t, i) => `### ${i === 0 ? '[' : ''}${t}${i === title.length - 1 ? r() : ''}`), '');
    out.push('[', '', ...wrap(c.abstract, 120), '', r());
    if (c.org) out.push(`[[${c.org.slug}] ${c.org.name}${r()}`);
    else out.push('[', `* ${shownCount(c) ?? 0} authors`, r());
    out.push('·', `${cardDate(c.published, digest)}${c.comments ? ` [ ${c.comments}${r()}` : ''}`);
  }
  out.push('```', '');
  return out.join('\n');
}

/** The raw `api/daily_papers` entry for a card, shaped like the real endpoint's. */
function apiEntry(digest: string, c: CardRecord, n: number): Record<string, unknown> {
  const names = [
    ...(c.authors ?? []).map((name) => ({ name, hidden: false })),
    ...(c.hiddenAuthors ?? []).map((name) => ({ name, hidden: true })),
  ];
  const paper: Record<string, unknown> = {
    id: c.arxiv,
    authors: names.map((a, i) => ({ _id: `${String(n).padStart(6, '0')}${String(i).padStart(6, '0')}`, ...a })),
    publishedAt: `${c.published}T17:50:01.000Z`,
    submittedOnDailyAt: `${digest}T03:44:01.558Z`,
    title: c.title,
    summary: c.abstract,
    upvotes: c.upvotes ?? 0,
    discussionId: `d${n}`,
  };
  if (c.github) paper.githubRepo = c.github;
  if (c.project) paper.projectPage = c.project;
  if (c.keywords.length) paper.ai_keywords = c.keywords;
  const org = c.org ? { _id: `o${n}`, name: c.org.slug, fullname: c.org.name } : null;
  if (org) paper.organization = org;
  return {
    paper,
    publishedAt: `${digest}T03:44:01.558Z`,
    title: c.title,
    numComments: c.comments ?? 0,
    ...(org ? { organization: org } : {}),
  };
}

/** A Python `repr()` of JSON-shaped data, as `str(dict)` writes it (single quotes, `True`, `None`). */
export function toPyRepr(value: unknown): string {
  if (value === null || value === undefined) return 'None';
  if (value === true) return 'True';
  if (value === false) return 'False';
  if (typeof value === 'number') return String(value);
  if (typeof value === 'string') return pyString(value);
  if (Array.isArray(value)) return `[${value.map(toPyRepr).join(', ')}]`;
  return `{${Object.entries(value as Record<string, unknown>)
    .map(([k, v]) => `${pyString(k)}: ${toPyRepr(v)}`)
    .join(', ')}}`;
}

/** Python's `repr(str)`: single quotes unless the text has `'` and no `"`; non-printables escaped. */
function pyString(s: string): string {
  const q = s.includes("'") && !s.includes('"') ? '"' : "'";
  let out = '';
  for (const ch of s) {
    const code = ch.codePointAt(0)!;
    if (ch === '\\') out += '\\\\';
    else if (ch === q) out += `\\${q}`;
    else if (ch === '\n') out += '\\n';
    else if (ch === '\r') out += '\\r';
    else if (ch === '\t') out += '\\t';
    else if (code < 0x20 || code === 0x7f || (code < 0x100 && /[\p{C}\p{Z}]/u.test(ch) && ch !== ' '))
      out += `\\x${code.toString(16).padStart(2, '0')}`;
    else if (/[\p{C}\p{Z}]/u.test(ch) && ch !== ' ')
      out += code > 0xffff ? `\\U${code.toString(16).padStart(8, '0')}` : `\\u${code.toString(16).padStart(4, '0')}`;
    else out += ch;
  }
  return q + out + q;
}

/** The three shapes raw API days come in (SOURCES.md). */
export type ApiShape = 'list' | 'repr' | 'wrapper';

/** An `api/daily_papers` day: a JSON list (4-space indent, like the real files), repr strings, or the wrapper. */
export function renderApi(digest: string, cards: readonly CardRecord[], shape: ApiShape = 'list'): string {
  const entries = cards.map((c, n) => apiEntry(digest, c, n));
  if (shape === 'list') return JSON.stringify(entries, null, 4);
  const reprs = entries.map(toPyRepr);
  if (shape === 'repr') return JSON.stringify(reprs, null, 4);
  return JSON.stringify({ status: 'success', date: digest, count: reprs.length, data: reprs }, null, 4);
}
