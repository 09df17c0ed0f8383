/**
 * The permalink ledger, `content/permalinks.txt`: every `/papers/<id>/` URL id the archive has
 * ever published, one per line, sorted. It is committed (unlike `content/papers/`) and only ever
 * grows: `npm run ingest` adds the ids it produces, and an id the digests no longer give is an
 * error naming it, because a URL once published must keep working (README, "Permalinks").
 *
 * Pure: parsing, checking and serialising; write.ts reads and writes the file.
 */
import { ID_PATTERN } from './ids.ts';
import { quote } from './report.ts';

/** One id of the ledger and the line it is on. */
export interface LedgerLine {
  id: string;
  line: number;
}

/** A parsed ledger: its ids, and lines that are not ids (reported, never dropped silently). */
export interface Ledger {
  ids: LedgerLine[];
  invalid: Array<{ line: number; message: string }>;
}

/** Parses the ledger text: one id a line; blank lines and `#` comments are ignored. */
export function parseLedger(text: string): Ledger {
  const ledger: Ledger = { ids: [], invalid: [] };
  text.replace(/^\uFEFF/, '').split(/\r\n|\r|\n/).forEach((raw, i) => {
    const id = raw.trim();
    if (id === '' || id.startsWith('#')) return;
    if (ID_PATTERN.test(id)) ledger.ids.push({ id, line: i + 1 });
    else ledger.invalid.push({ line: i + 1, message: `expected a permalink id (lower-case letters, digits, "." and "-"), found ${quote(id)}` });
  });
  return ledger;
}

/** The ledger file's text for a set of ids: unique, sorted (byte order), one a line. */
export function serializeLedger(ids: Iterable<string>): string {
  const sorted = [...new Set(ids)].sort((a, b) => (a < b ? -1 : a > b ? 1 : 0));
  return sorted.map((id) => `${id}\n`).join('');
}

/** What the ingest found when it checked the ledger. */
export interface PermalinkReport {
  /** The ledger file checked (null when ingest ran without one). */
  ledger: string | null;
  /** Ids in the ledger before this run. */
  known: number;
  /** Ids this run published that the ledger did not have yet (appended). */
  added: string[];
  /** Ledger ids the current rules no longer produce, resolved again through a paper's title chain. */
  recovered: string[];
  /** Ledger ids nothing resolves any more: each is an error (exit code 1). */
  missing: Array<{ line: number; message: string }>;
}

/** The next ledger: everything it had, plus every URL id now published. Append-only by construction. */
export function nextLedger(ledger: Ledger, published: Iterable<string>): string {
  return serializeLedger([...ledger.ids.map((l) => l.id), ...published]);
}

/** The message for a ledger id that nothing resolves. */
export function missingMessage(id: string): string {
  return (
    `expected the published permalink ${quote(id)} to resolve to a paper, a redirect or a shared-slug page, ` +
    'found no digest that gives it (digests are only ever added: restore the one that produced it, ' +
    'or delete this line to retire the URL on purpose)'
  );
}
