/**
 * URLs: the web addresses of a paper (arXiv, Hugging Face), and URLs in abstracts. Text copies glue LaTeX debris to them (`https://x.io/{https://x.io/}`,
 * `…/FlashSD/{[here]}.`, `…/MIGU{this https URL}`) and end them with sentence punctuation, so a
 * plain URL regex gives broken links. `findUrls` returns both the raw span (for linkifying the
 * text as it reads) and the cleaned URL (for `href`s and the paper's `github`/`links` fields).
 *
 * Hand-written: linkify libraries find the span but know nothing of the LaTeX debris.
 */

/** A URL found in a text: `[start, end)` are UTF-16 offsets of the raw span (debris included). */
export interface UrlSpan {
  start: number;
  end: number;
  /** The cleaned, absolute URL. */
  url: string;
}

// A URL starts with a scheme, `www.`, or a bare `github.com/` (abstracts often drop the scheme).
const START = /(?<![\w@/.-])(?:https?:\/\/|www\.|github\.com\/)/gi;
// Characters that end a URL token: whitespace, quotes/angle brackets, and CJK punctuation.
const STOP = /[\s<>"`\u3000-\u303f\uff01-\uff0f\uff1a-\uff20]/;
// Sentence punctuation a URL does not end with (tested one character at a time). Closing brackets are handled with balancing.
const TRAILING = /^[.,;:!?'"*]$/;
const PAIRS: Readonly<Record<string, string>> = { ')': '(', ']': '[', '}': '{' };
/** The longest `{…}` debris group we will attach to a URL; anything longer is prose. */
const MAX_DEBRIS = 200;

/**
 * Finds URLs in `text`, in order. `url` is cleaned: trailing punctuation dropped (balanced
 * parentheses kept), LaTeX debris such as `{[here]}` or `/{https://x.io/}` dropped, and a missing
 * `https://` added. The span covers the URL and its debris but not trailing punctuation.
 *
 * Linear in the length of `text` (digest text is untrusted: `https://a.bc/{` repeated 16,000 times
 * took 45 s when each match rescanned the rest of its token): every match reads its URL up to the
 * first stop character or `{` only, a debris group at most `MAX_DEBRIS` characters, and the next
 * match starts after what this one read.
 */
export function findUrls(text: string): UrlSpan[] {
  const found: UrlSpan[] = [];
  START.lastIndex = 0;
  let m: RegExpExecArray | null;
  while ((m = START.exec(text)) !== null) {
    const start = m.index;
    let end = start + m[0].length;
    while (end < text.length && text[end] !== '{' && !STOP.test(text[end]!)) end++;
    const hit = cleanToken(text, start, end);
    START.lastIndex = Math.max(hit?.end ?? end, start + m[0].length);
    if (hit) found.push({ start, end: hit.end, url: hit.url });
  }
  return found;
}

/** The URL from `start` to `end` (a stop character or a `{` of LaTeX debris), cleaned. */
function cleanToken(text: string, start: number, end: number): { end: number; url: string } | null {
  const body = text.slice(start, end);
  if (text[end] !== '{') {
    const trimmed = trimTrailing(body);
    const url = absolute(trimmed);
    return url === null ? null : { end: start + trimmed.length, url };
  }
  // Debris: the `{…}` group after the URL (it may run past whitespace: `{this https URL}`).
  // `…/FlashSD/{[here]}`: the slash before the group belongs to the debris, not the URL.
  const url = absolute(trimTrailing(body.replace(/\/+$/, '')));
  if (url === null) return null;
  const close = matchBrace(text, end);
  return { end: close >= 0 ? close + 1 : end, url };
}

/** Index of the `}` closing the `{` at `open`, nesting allowed, on the same line; -1 if none. */
function matchBrace(text: string, open: number): number {
  let depth = 0;
  const limit = Math.min(text.length, open + MAX_DEBRIS);
  for (let i = open; i < limit; i++) {
    const c = text[i];
    if (c === '\n') return -1;
    if (c === '{') depth++;
    else if (c === '}' && --depth === 0) return i;
  }
  return -1;
}

/**
 * Drops trailing punctuation and unbalanced closing brackets, repeatedly (`x).` → `x`). One pass
 * from the end with bracket counts kept up to date, so a run of `)))…` costs its length, not its square.
 */
function trimTrailing(url: string): string {
  const opened: Record<string, number> = {};
  const closed: Record<string, number> = {};
  for (const [closer, opener] of Object.entries(PAIRS)) {
    opened[closer] = count(url, opener);
    closed[closer] = count(url, closer);
  }
  let end = url.length;
  while (end > 0) {
    const last = url[end - 1]!;
    if (TRAILING.test(last)) end--;
    else if (last in PAIRS && opened[last]! < closed[last]!) {
      closed[last]!--;
      end--;
    } else break;
  }
  return url.slice(0, end);
}

function count(s: string, ch: string): number {
  let n = 0;
  for (let i = s.indexOf(ch); i >= 0; i = s.indexOf(ch, i + 1)) n++;
  return n;
}

/** Adds the scheme to `www.`/`github.com/` forms and checks the result is a usable web URL. */
function absolute(raw: string): string | null {
  const withScheme = /^https?:\/\//i.test(raw) ? raw : `https://${raw}`;
  let parsed: URL;
  try {
    parsed = new URL(withScheme);
  } catch {
    return null;
  }
  // A host without a dot (`https://localhost`, a cut-off `https://`) is not a link worth keeping.
  if (!parsed.hostname.includes('.') || parsed.hostname.endsWith('.')) return null;
  return withScheme.replace(/^https?:\/\//i, (s) => s.toLowerCase());
}

/**
 * A URL field as a capture gave it (`githubRepo`, `projectPage`), cleaned the way abstract URLs
 * are: the first web URL in it, or null when it holds none (`javascript:…`, `data:…`, a bare word).
 * The API reader warns when a field gives no URL, normalisation keeps what this returns: one rule.
 */
export function webUrl(raw: string | null): string | null {
  if (raw === null) return null;
  return findUrls(raw.trim())[0]?.url ?? null;
}

/** GitHub paths that are site pages, not `owner/repo`. */
const GITHUB_RESERVED = new Set([
  'orgs',
  'users',
  'topics',
  'features',
  'sponsors',
  'settings',
  'marketplace',
  'explore',
  'about',
  'login',
  'join',
  'collections',
  'trending',
  'search',
  'notifications',
  'pulls',
  'issues',
  'apps',
  'site',
  'pricing',
  'enterprise',
  'security',
  'customer-stories',
  'readme',
]);

/**
 * `https://github.com/owner/repo` for any URL inside a repository (`.git`, `/tree/…`, a trailing
 * slash dropped); null for other hosts (`*.github.io` included), user or org pages, and site pages.
 */
export function githubRepo(url: string): string | null {
  let parsed: URL;
  try {
    parsed = new URL(/^[a-z]+:\/\//i.test(url) ? url : `https://${url}`);
  } catch {
    return null;
  }
  const host = parsed.hostname.toLowerCase();
  if (host !== 'github.com' && host !== 'www.github.com') return null;
  const [owner, rawRepo] = parsed.pathname.split('/').filter(Boolean);
  if (owner === undefined || rawRepo === undefined) return null;
  if (GITHUB_RESERVED.has(owner.toLowerCase())) return null;
  const repo = rawRepo.replace(/\.git$/i, '');
  const name = /^[A-Za-z0-9_.-]+$/;
  if (!name.test(owner) || !name.test(repo) || repo === '.' || repo === '..') return null;
  return `https://github.com/${owner}/${repo}`;
}

/**
 * The paper's `github` (first repository URL in the text) and `links` (every other cleaned URL,
 * deduplicated, in order of appearance).
 */
export function extractLinks(text: string): { github: string | null; links: string[] } {
  let github: string | null = null;
  const links: string[] = [];
  for (const { url } of findUrls(text)) {
    const repo = githubRepo(url);
    if (github === null && repo !== null) {
      github = repo;
      continue;
    }
    if (repo !== null && repo === github) continue;
    if (!links.includes(url)) links.push(url);
  }
  return { github, links };
}

/** `https://arxiv.org/abs/<id>`. */
export function arxivAbsUrl(arxiv: string): string {
  return `https://arxiv.org/abs/${encodeURI(arxiv)}`;
}

/** `https://arxiv.org/pdf/<id>`. */
export function arxivPdfUrl(arxiv: string): string {
  return `https://arxiv.org/pdf/${encodeURI(arxiv)}`;
}

/** `https://huggingface.co/papers/<id>`. */
export function huggingFacePaperUrl(arxiv: string): string {
  return `https://huggingface.co/papers/${encodeURI(arxiv)}`;
}
