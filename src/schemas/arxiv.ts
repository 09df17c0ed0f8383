/**
 * arXiv identifiers: the one validator every reader, the merge, the ids and the site use.
 *
 * Two schemes exist (https://info.arxiv.org/help/arxiv_identifier.html):
 * - new style, since April 2007: `YYMM.NNNN` (to 2014) or `YYMM.NNNNN` (from 2015), e.g. `2401.04558`;
 * - old style, 1991 to March 2007: `archive[.SUBJECT]/YYMMNNN`, e.g. `hep-th/9901001`,
 *   `math.GT/0309136` (the subject class is not part of the identifier: `math/0309136` is the same paper).
 *
 * An optional `arXiv:` prefix and a version suffix (`v2`) are dropped. Anything else a capture
 * calls an id (a title slug, a path, `2401.1}{x`) is not one.
 *
 * Permalinks (README, "Permalinks"): a paper with an arXiv id lives at `/papers/<url id>/`, where
 * the URL id of a new-style id is the id itself and that of an old-style id replaces `/` with `.`
 * (`hep-th/9901001` → `hep-th.9901001`). Every URL id therefore contains a dot, and no title slug
 * does, so an arXiv id can never take a slug's URL, nor a slug an arXiv id's.
 */

/** New style: year ≥ 07, month 01–12, then 4 digits (to 1412) or 5 (from 1501). */
const NEW_STYLE = /^(\d\d)(\d\d)\.(\d{4,5})(?:v[1-9]\d*)?$/;
/** Old style: archive (`hep-th`, `cond-mat`, `cs`), optional subject class, `/YYMMNNN`. */
const OLD_STYLE = /^([a-z]+(?:-[a-z]{2,})?)(?:\.[a-z-]{2,})?\/(\d\d)(\d\d)(\d{3})(?:v[1-9]\d*)?$/i;

/** A canonical arXiv id as the `arxiv` field holds it (what `parseArxivId` returns). */
export const ARXIV_ID = /^(?:\d{4}\.\d{4,5}|[a-z]+(?:-[a-z]{2,})?\/\d{7})$/;

/**
 * The URL id of an arXiv paper: the new-style id, or an old-style id with `/` as `.`. Every such
 * id has a dot; title slugs never do (src/ingest/ids.ts).
 */
export const ARXIV_URL_ID = /^(?:\d{4}\.\d{4,5}|[a-z]+(?:-[a-z]{2,})?\.\d{7})$/;

/**
 * The canonical form of an arXiv id (`2401.04558`, `hep-th/9901001`), or null when `raw` is not
 * one. Accepts `arXiv:` prefixes, version suffixes, surrounding spaces and upper-case archives.
 */
export function parseArxivId(raw: string | null | undefined): string | null {
  if (typeof raw !== 'string') return null;
  const text = raw.trim().replace(/^arxiv:\s*/i, '');
  const n = NEW_STYLE.exec(text);
  if (n) {
    const [yy, mm, num] = [Number(n[1]), Number(n[2]), n[3]!];
    if (mm < 1 || mm > 12 || yy * 100 + mm < 704) return null;
    // Four-digit numbers until December 2014, five from January 2015.
    if (yy * 100 + mm < 1501 !== (num.length === 4)) return null;
    return `${n[1]}${n[2]}.${num}`;
  }
  const o = OLD_STYLE.exec(text);
  if (o) {
    const [yy, mm] = [Number(o[2]), Number(o[3])];
    // 9108 (August 1991) to 0703 (March 2007).
    const month = (yy >= 91 ? 1900 + yy : 2000 + yy) * 100 + mm;
    if (mm < 1 || mm > 12 || month < 199108 || month > 200703) return null;
    return `${o[1]!.toLowerCase()}/${o[2]}${o[3]}${o[4]}`;
  }
  return null;
}

/** The URL id (permalink) of a canonical arXiv id: `/` becomes `.` (see the module comment). */
export function arxivUrlId(arxiv: string): string {
  return arxiv.replace('/', '.');
}

/**
 * The arXiv id a link points at (`huggingface.co/papers/<id>`, `arxiv.org/abs/<id>`,
 * `arxiv.org/pdf/<id>[.pdf]`, or a login link's `next=/papers/<id>`, percent-encoded or not), or null.
 */
export function arxivIdFromUrl(url: string): string | null {
  let decoded = url;
  try {
    decoded = decodeURIComponent(url);
  } catch {
    // A malformed escape: read the raw text.
  }
  const m = /(?:huggingface\.co\/papers|arxiv\.org\/(?:abs|pdf)|[?&]next=\/papers)\/([A-Za-z0-9.\-/]+?)(?:\.pdf)?(?=$|[?#&)\s])/.exec(
    decoded,
  );
  return m ? parseArxivId(m[1]) : null;
}
