/**
 * A BibTeX entry for a paper's "Cite" box. Hand-written: the npm BibTeX packages parse or
 * format whole bibliographies; this needs one entry with careful escaping of untrusted text.
 */
import { splitMath } from '../../core/math.ts';
import { parseArxivId } from '../../schemas/arxiv.ts';
import { arxivAbsUrl } from '../../core/urls.ts';
import { compareStrings } from '../../core/compare.ts';

/** What `bibtexFor` needs to know about a paper (a subset of `Paper`). */
export interface BibtexInput {
  /** arXiv identifier; without a valid one the entry has no `eprint` and uses `url` below. */
  arxiv: string | null;
  title: string;
  /** Full author names, or null when no capture listed them. */
  authors: string[] | null;
  /** Number of authors, when known: more than `authors.length` adds "and others". */
  authorCount: number | null;
  /** `YYYY-MM-DD`. */
  published: string;
  /** The paper's id on this site (used for the key when nothing better is known). */
  id: string;
  /** Where to point when there is no arXiv id, e.g. the paper's absolute permalink. */
  url?: string;
}

/** Words skipped when choosing the key's title word. */
const KEY_SKIP = new Set([
  'a',
  'an',
  'the',
  'on',
  'of',
  'in',
  'for',
  'to',
  'and',
  'towards',
  'toward',
  'with',
  'from',
  'is',
  'are',
  'do',
  'does',
  'can',
  'how',
  'what',
  'when',
  'why',
]);

/** Name suffixes that are not a surname. */
const SUFFIX = /^(jr|sr|ii|iii|iv)\.?$/i;

/** Letters and digits of `s` folded to lower-case ASCII (accents dropped; other scripts vanish). */
function asciiKeyPart(s: string): string {
  return s
    .normalize('NFKD')
    .replace(/\p{M}/gu, '')
    .toLowerCase()
    .replace(/[^a-z0-9]/g, '');
}

/** The citation key: first author's surname + year + first significant title word, e.g. `lecun2024convllava`. */
export function bibtexKey(p: Pick<BibtexInput, 'authors' | 'published' | 'title' | 'id'>): string {
  const first = p.authors?.[0]?.trim() ?? '';
  const parts = first.split(/\s+/).filter((w) => w && !SUFFIX.test(w));
  const surname = asciiKeyPart(first.includes(',') ? first.split(',')[0]! : (parts.at(-1) ?? ''));
  const year = /^\d{4}/.exec(p.published)?.[0] ?? '';
  const plainTitle = splitMath(p.title)
    .map((t) => (t.kind === 'text' ? t.text : ' '))
    .join('');
  const word =
    plainTitle
      .split(/[^\p{L}\p{N}]+/u)
      .map(asciiKeyPart)
      .find((w) => w && !KEY_SKIP.has(w)) ?? asciiKeyPart(p.id);
  return `${surname || 'anon'}${year}${word}`;
}

/**
 * Escapes text for a BibTeX field read by LaTeX: braces, `\`, and the characters LaTeX treats
 * specially (`% & # _ $ ^ ~`) become their text-mode commands.
 */
export function escapeBibtex(text: string): string {
  return text.replace(/[\\{}%&#_$^~]/g, (c) => {
    switch (c) {
      case '\\':
        return '\\textbackslash{}';
      case '^':
        return '\\textasciicircum{}';
      case '~':
        return '\\textasciitilde{}';
      default:
        return `\\${c}`;
    }
  });
}

/**
 * Braces in a field must balance or BibTeX misreads the rest of the file; formulas with
 * unbalanced braces (`$\frac{$`) are escaped as text instead of kept as math.
 */
function bracesBalance(tex: string): boolean {
  let depth = 0;
  for (let i = 0; i < tex.length; i++) {
    if (tex[i] === '\\') i++;
    else if (tex[i] === '{') depth++;
    else if (tex[i] === '}' && --depth < 0) return false;
  }
  return depth === 0;
}

/** A title with `$…$` math kept as math and everything else escaped. */
function bibtexTitle(title: string): string {
  return splitMath(title)
    .map((t) => {
      if (t.kind === 'text') return escapeBibtex(t.text);
      if (!bracesBalance(t.source)) return escapeBibtex(t.raw);
      // `%` would comment out the rest of the line even in math; `#` and `&` are errors there.
      const tex = t.source.replace(/\\.|[%#&]/g, (m) => (m.length === 2 ? m : `\\${m}`));
      return t.display ? `$\\displaystyle ${tex}$` : `$${tex}$`;
    })
    .join('');
}

/** One author for an `and`-separated list; braced when it would be misparsed. */
function bibtexAuthor(name: string): string {
  const clean = name.trim().replace(/\s+/g, ' ');
  // A comma means "Last, First" to BibTeX, and a word "and" would split the name in two.
  if (/,|\band\b/i.test(clean)) return `{${escapeBibtex(clean)}}`;
  // "José Núñez Jr." would make "Jr." the surname; BibTeX's form is "Núñez, Jr., José".
  const words = clean.split(' ');
  if (words.length >= 3 && SUFFIX.test(words.at(-1)!)) {
    const [suffix, surname] = [words.pop()!, words.pop()!];
    return [surname, suffix, words.join(' ')].map(escapeBibtex).join(', ');
  }
  return escapeBibtex(clean);
}

/**
 * Each input's key and fields, worked out once: a paper's entry is on its page, in `archive.bib`
 * and in the `papers.bib` of each of its topics, and a build's paper entries never change.
 */
const entryParts = new WeakMap<BibtexInput, { key: string; fields: string }>();

/** The key and the fields (one `  name = {value}` line each) of `p`'s entry, memoised. */
function partsOf(p: BibtexInput): { key: string; fields: string } {
  let parts = entryParts.get(p);
  if (!parts) {
    parts = { key: bibtexKey(p), fields: entryFields(p) };
    entryParts.set(p, parts);
  }
  return parts;
}

/** The fields of `p`'s entry, one `  name = {value}` line each, comma-separated. */
function entryFields(p: BibtexInput): string {
  // The one arXiv id rule ingest uses too (schemas/arxiv.ts); its canonical form is the eprint.
  const arxiv = parseArxivId(p.arxiv);
  const names = (p.authors ?? []).map((a) => a.trim()).filter(Boolean);
  const more = names.length === 0 || (p.authorCount !== null && p.authorCount > names.length);
  const author = [...names.map(bibtexAuthor), ...(more ? ['others'] : [])].join(' and ');
  const url = arxiv ? arxivAbsUrl(arxiv) : p.url && /^https?:\/\/[^\s{}]+$/.test(p.url) ? p.url : null;
  const year = /^\d{4}/.exec(p.published)?.[0];

  const fields: Array<[string, string | null | undefined]> = [
    // Double braces keep the title's capitalisation (acronyms, model names) as written.
    ['title', `{${bibtexTitle(p.title.trim().replace(/\s+/g, ' '))}}`],
    ['author', author],
    ['year', year],
    ['eprint', arxiv],
    ['archivePrefix', arxiv ? 'arXiv' : null],
    ['url', url],
  ];
  return fields
    .filter((f): f is [string, string] => Boolean(f[1]))
    .map(([name, value]) => `  ${name} = {${value}}`)
    .join(',\n');
}

/**
 * A BibTeX `@misc` entry (the form arXiv and most styles use for preprints) with `eprint`,
 * `archivePrefix = {arXiv}`, `url` and `year`. Title and author text is escaped; `$…$` math in
 * the title is kept. Unknown or partial author lists end in "and others".
 */
export function bibtexFor(p: BibtexInput, key?: string): string {
  const parts = partsOf(p);
  return `@misc{${key ?? parts.key},\n${parts.fields}\n}`;
}

/**
 * A `.bib` file of `papers` (by id), each entry exactly as its page's Cite box shows it, except
 * that a key an earlier paper already took gets a number (`lee2024attention2`): BibTeX and
 * reference managers refuse or merge duplicate keys, and two papers can share a surname, year
 * and title word.
 */
export function bibliography(papers: readonly BibtexInput[]): string {
  return [...bibliographyParts(papers)].join('');
}

/**
 * `bibliography(papers)` in parts, each made when it is read: `/archive.bib` streams them
 * (src/site/view/text-stream.ts) instead of holding the whole file as one string.
 */
export function* bibliographyParts(papers: readonly BibtexInput[]): Generator<string> {
  const taken = new Set<string>();
  let first = true;
  for (const p of [...papers].sort((a, b) => compareStrings(a.id, b.id))) {
    const base = partsOf(p).key;
    let key = base;
    for (let n = 2; taken.has(key); n++) key = `${base}${n}`;
    taken.add(key);
    yield `${first ? '' : '\n\n'}${bibtexFor(p, key)}`;
    first = false;
  }
  if (!first) yield '\n';
}
