/**
 * The permalink ledger, `content/permalinks.txt`: every `/papers/<id>/` URL id the archive has
 * ever published, one per line, sorted. It is committed (unlike `content/papers/`) and only ever
 * grows: `npm run ingest` adds the ids it produces, and an id the digests no longer give is an
 * error naming it, because a URL once published must keep working (README, "Permalinks").
 * People edit it too: `#` comments, blank lines and any line ingest does not understand stay
 * verbatim where they are; ingest only ever inserts its new ids.
 *
 * Pure: parsing, checking and serialising; io.ts reads and writes the file.
 */
import { PAPER_ID_PATTERN } from '../schemas/paper-id.ts';
import { quote } from './messages.ts';
import { compareStrings } from '../core/compare.ts';

/** One id of the ledger and the line it is on. */
interface LedgerLine {
  id: string;
  line: number;
}

/** A parsed ledger: its ids, lines that are not ids (reported every run, never dropped), and its text. */
export interface Ledger {
  ids: LedgerLine[];
  invalid: Array<{ line: number; message: string }>;
  /** The text as read, which `nextLedger` edits by inserting lines only. */
  text: string;
}

/** Parses the ledger text: one id a line; blank lines and `#` comments are kept but not ids. */
export function parseLedger(text: string): Ledger {
  const ledger: Ledger = { ids: [], invalid: [], text };
  text
    .replace(/^\uFEFF/, '')
    .split(/\r\n|\r|\n/)
    .forEach((raw, i) => {
      const id = raw.trim();
      if (id === '' || id.startsWith('#')) return;
      if (PAPER_ID_PATTERN.test(id)) ledger.ids.push({ id, line: i + 1 });
      else {
        ledger.invalid.push({
          line: i + 1,
          message: `expected a permalink id (lower-case letters, digits, "." and "-"), found ${quote(id)}; start it with "#" to keep it as a comment`,
        });
      }
    });
  return ledger;
}

/** The ledger file's text for a set of ids: unique, sorted (byte order), one a line. */
export function serializeLedger(ids: Iterable<string>): string {
  const sorted = [...new Set(ids)].sort(compareStrings);
  return sorted.map((id) => `${id}\n`).join('');
}

/**
 * The next ledger: its text as it was, with every URL id now published and not yet listed
 * inserted in sorted order (before the first listed id that sorts after it; after the last
 * listed id otherwise), so comments, blank lines and lines it does not understand keep their
 * place and bytes. Nothing new: the text comes back byte for byte. A new file is sorted ids.
 */
export function nextLedger(ledger: Ledger, published: Iterable<string>): string {
  const known = new Set(ledger.ids.map((l) => l.id));
  const fresh = [...new Set(published)].filter((id) => !known.has(id)).sort(compareStrings);
  if (fresh.length === 0) return ledger.text;
  const bom = ledger.text.startsWith('\uFEFF') ? '\uFEFF' : '';
  const body = ledger.text.slice(bom.length);
  const eol = /\r\n|\r|\n/.exec(body)?.[0] ?? '\n';
  // The last element is what follows the final line break: '' when the text ends with one.
  const lines = body === '' ? [] : body.replace(/(?:\r\n|\r|\n)$/, '').split(/\r\n|\r|\n/);
  const isId = new Set(ledger.ids.map((l) => l.line - 1));
  let lastId = -1;
  for (const i of isId) lastId = Math.max(lastId, i);
  const out: string[] = [];
  let next = 0;
  lines.forEach((line, i) => {
    if (isId.has(i)) while (next < fresh.length && compareStrings(fresh[next]!, line.trim()) < 0) out.push(fresh[next++]!);
    out.push(line);
    if (i === lastId) while (next < fresh.length) out.push(fresh[next++]!);
  });
  out.push(...fresh.slice(next));
  return bom + out.map((l) => l + eol).join('');
}

/** The message for a ledger id that nothing resolves. */
export function missingMessage(id: string): string {
  return (
    `expected the published permalink ${quote(id)} to resolve to a paper, a redirect or a shared-slug page, ` +
    'found no digest that gives it (digests are only ever added: restore the one that produced it, ' +
    'or delete this line to retire the URL on purpose)'
  );
}
