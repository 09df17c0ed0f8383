/**
 * Builders for hostile digests in each format Papershelf reads, shaped like the real captures
 * (see src/ingest/formats/*.ts and their fixtures), so a case states only what is hostile in it.
 */

/** A card's fields; every builder fills the rest with harmless defaults. */
export interface CardSpec {
  title: string;
  abstract: string;
  /** arXiv id (markdown, text-browser and API captures carry one). */
  id?: string;
  /** Plain-text byline, e.g. `  • 3 authors` or `acme Acme Labs`. */
  byline?: string;
  /** Organisation: slug and display name. */
  org?: { slug: string; name: string };
  /** Date line as the capture shows it, e.g. `Feb 2, 2026`. */
  date?: string;
  /** Trailing comment count (plain text) or upvotes (markdown, text browser). */
  count?: number;
}

/** The plain-text copy of a papers page (format 1): header, then `title`, abstract, byline, `·`, date. */
export function plaintext(cards: readonly CardSpec[], header = 'Feb 2'): string {
  const body = cards.map((c) => {
    const byline = c.byline ?? (c.org ? `${c.org.slug} ${c.org.name}` : '  • 3 authors');
    const date = `${c.date ?? 'Feb 2, 2026'}${c.count !== undefined ? ` ${c.count}` : ''}`;
    return `${c.title}\n\n${c.abstract}\n\n${byline}\n·\n${date}\n`;
  });
  return `Daily Papers\n\nbyAK and the research community\n\n${header}\n\n${body.join('\n')}`;
}

/**
 * A default arXiv id for a card, from its title: `2602.9xxxx`. Every case's file is ingested in one
 * run, so ids counted per file (the first card of each file `2602.90001`) made every markdown case
 * one paper under one id, and only the longest title ever reached a page.
 */
function idFor(title: string): string {
  let h = 0x811c9dc5; // FNV-1a
  for (let i = 0; i < title.length; i++) h = Math.imul(h ^ title.charCodeAt(i), 0x01000193) >>> 0;
  return `2602.${90000 + (h % 10000)}`;
}

/** A markdown capture (format 2): upvote link, linked `###` title, linked abstract, byline, `·`, date. */
export function markdown(cards: readonly CardSpec[]): string {
  return cards
    .map((c) => {
      const id = c.id ?? idFor(c.title);
      const paper = `https://huggingface.co/papers/${id}`;
      const byline = c.org
        ? `[![${c.org.slug}](https://cdn.example.org/avatar.png)${c.org.name}](https://huggingface.co/${c.org.slug})`
        : `[- 3 authors](${paper})`;
      return [
        `[${c.count ?? 5}](https://huggingface.co/login?next=%2Fpapers%2F${id})`,
        `### [${c.title}](${paper})`,
        `[${c.abstract}](${paper})`,
        byline,
        '·',
        `${c.date ?? 'Feb 2'}[2](${paper}#community)`,
      ].join('\n\n');
    })
    .join('\n\n')
    .concat('\n');
}

/** A text-browser capture (format 3): the page as text with numbered link references, in a code fence. */
export function textBrowser(cards: readonly CardSpec[]): string {
  let ref = 40;
  const next = () => ref++;
  const body = cards.map((c) => {
    const byline = c.org ? `[[${c.org.slug}] ${c.org.name}][${next()}]` : `[\n* 3 authors\n][${next()}]`;
    return `[\n${c.count ?? 4}\n][${next()}]\n\n### [${c.title}][${next()}]\n\n[\n\n${c.abstract}\n\n][${next()}]\n${byline}\n·\n${c.date ?? 'Feb 2, 2026'}\n`;
  });
  return `\`\`\`text\nFeb 2\n${body.join('')}\`\`\`\n`;
}

/** One `api/daily_papers` entry (format 4); `paper` and `top` override or add raw JSON fields. */
export interface ApiSpec {
  id: unknown;
  title: unknown;
  summary: unknown;
  authors?: unknown[];
  org?: { name: unknown; fullname: unknown };
  upvotes?: unknown;
  comments?: unknown;
  github?: unknown;
  project?: unknown;
  keywords?: unknown[];
  publishedAt?: unknown;
  submittedOnDailyAt?: unknown;
  /** Extra or replacement fields of `paper`. */
  paper?: Record<string, unknown>;
}

/** An entry as the API returns it. */
export function apiEntry(s: ApiSpec): Record<string, unknown> {
  const org = s.org ? { _id: 'o1', name: s.org.name, fullname: s.org.fullname, avatar: 'https://cdn.example.org/o.png' } : undefined;
  return {
    paper: {
      id: s.id,
      authors: (s.authors ?? ['Ada Lovelace', 'Alan Turing']).map((name, i) => ({ _id: `a${i}`, name, hidden: false })),
      publishedAt: s.publishedAt ?? '2026-02-01T17:00:00.000Z',
      submittedOnDailyAt: s.submittedOnDailyAt ?? '2026-02-02T03:00:00.000Z',
      title: s.title,
      summary: s.summary,
      upvotes: s.upvotes ?? 12,
      discussionId: 'd1',
      ...(s.github !== undefined ? { githubRepo: s.github } : {}),
      ...(s.project !== undefined ? { projectPage: s.project } : {}),
      ...(s.keywords !== undefined ? { ai_keywords: s.keywords } : {}),
      ...(org ? { organization: org } : {}),
      ...s.paper,
    },
    publishedAt: s.submittedOnDailyAt ?? '2026-02-02T03:00:00.000Z',
    title: s.title,
    numComments: s.comments ?? 2,
    ...(org ? { organization: org } : {}),
  };
}

/** An `api/daily_papers` day as saved: a JSON array of entries. */
export function api(entries: readonly ApiSpec[]): string {
  return `${JSON.stringify(entries.map(apiEntry), null, 2)}\n`;
}
