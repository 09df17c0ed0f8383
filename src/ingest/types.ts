/**
 * Types shared by the ingest stages. A format reader turns one file's text into `RawEntry`s and
 * `Problem`s; later stages never see the text again.
 */
import type { CAPTURE_FORMATS, Org } from '../schemas/paper.ts';

/** A problem found while reading a file. Errors reject an entry; warnings keep it. */
export interface Problem {
  /** File path as given to the reader (relative to the input root). */
  file: string;
  /** 1-based line the problem is on (0 when it concerns the whole file). */
  line: number;
  /** 1-based column, where the checker knows it (notes: `file:line:col`). */
  column?: number;
  severity: 'error' | 'warning';
  /** `expected …, found …` phrasing, quoting the bad input. */
  message: string;
}

/** Why a file in the input was not read (its bytes never reached a reader). */
export interface NotRead {
  /** 1-based line of the first bad byte when the content is the reason; 0 otherwise. */
  line: number;
  /**
   * `error`: meant as a digest but unreadable (a link out of the folder or to nothing, another
   * encoding): exit code 1. `warning`: not a digest by its name. `info`: hidden, listed only.
   */
  severity: 'error' | 'warning' | 'info';
  /** What was expected and found, e.g. `expected UTF-8 text, found the byte 0xE9 …`. */
  reason: string;
}

/** A file in the input that ingest did not read, and why; the report lists every one. */
export interface NotReadFile extends NotRead {
  /** Path relative to the input root, like `Problem.file`. */
  file: string;
}

/** One paper card as a capture showed it, before normalisation and merging. */
export interface RawEntry {
  /** File the card came from (relative to the input root). */
  file: string;
  /** 1-based line of the card's first line. */
  line: number;
  /** 0-based position of the card among the file's accepted cards. */
  rank: number;
  /** The digest day the file stands for, `YYYY-MM-DD`. */
  digest: string;
  title: string;
  abstract: string;
  /** Publication date, `YYYY-MM-DD`, the year already inferred; null when the capture has none. */
  published: string | null;
  authors: string[] | null;
  authorCount: number | null;
  org: Org | null;
  upvotes: number | null;
  comments: number | null;
  arxiv: string | null;
  github: string | null;
  project: string | null;
  keywords: string[];
  /**
   * When the file was saved, as a UTC instant (`dates.ts` `captureInstant`), when the file says:
   * the pipeline copies the file's `capturedAt` here. Decides whose counts are newest (merge.ts).
   */
  capturedAt?: string | null;
  /** The format of the file the card came from; the pipeline sets it (provenance on the page). */
  format?: DigestFormat;
}

/** What reading one file yields. */
export interface ParsedFile {
  /** Format the file was read as. */
  format: DigestFormat;
  /** The digest day the file stands for. */
  digest: string | null;
  entries: RawEntry[];
  /** Card-like blocks that could not be read, each with a message; counted as rejected entries. */
  problems: Problem[];
  /** Number of entries the file held (accepted + rejected); repeats within a file count. */
  entriesRead: number;
  /**
   * When the file was saved, as the file itself says (front matter, a "Captured" header, the
   * API's own timestamps), as a UTC instant; null or absent when it does not say.
   */
  capturedAt?: string | null;
}

/** The formats Papershelf reads: the four digest formats and counts files (`formats/counts.ts`). */
export type DigestFormat = (typeof CAPTURE_FORMATS)[number];

/** What a reader needs besides the text. */
export interface ReadContext {
  /** File path for messages and provenance. */
  file: string;
  /** Digest day from the file name (`YYYY-MM-DD…`), when it has one. */
  digestFromName: string | null;
}

/** A digest format: how to recognise a file's text and how to read it (both pure). */
export interface FormatReader {
  name: DigestFormat;
  /** How messages name the format, e.g. `a markdown capture`. */
  label: string;
  /** True when `text` is in this format; `file` (its extension) is only a hint. */
  detect(text: string, file: string): boolean;
  /**
   * Reads every card. Never throws on bad input: each malformed card becomes one `error` problem
   * on its own line (line > 0), so `entriesRead = entries.length + those errors`; the pipeline
   * checks this. Line 0 is for notes about the whole file.
   */
  parse(text: string, ctx: ReadContext): ParsedFile;
}

/** What reading one file gave; `format` is null when no reader recognised the text. */
export type ReadResult = Omit<ParsedFile, 'format'> & { format: DigestFormat | null };

/** One digest file: its path relative to the input root, and its text. */
export interface DigestInput {
  file: string;
  /** The file's text (empty when `notRead` is set). */
  text: string;
  /** Set when the file was not read (a link out of the folder, another encoding…): listed in the report, never parsed. */
  notRead?: NotRead;
  /** Set for `empty-days.txt`: the days the API had no papers for (core/empty-days.ts), not a digest. */
  emptyDays?: true;
}

/** Per-file summary in the report. */
export interface FileSummary {
  file: string;
  /** Format the file was read as, or null when no reader recognised it. */
  format: DigestFormat | null;
  digest: string | null;
  entriesRead: number;
  entriesAccepted: number;
}

/** A URL two or more papers' captures imply (a shared title slug): the site renders it as a page linking each. */
export interface SlugCollision {
  slug: string;
  ids: string[];
}

/** What checking the hand-written notes (`content/notes/<id>.mdx`) found. */
interface NotesReport {
  /** The notes folder checked (null when ingest ran without one). */
  dir: string | null;
  /** Notes checked. */
  checked: number;
  /** Errors (a note the build could not render, `file:line:col`) and warnings (a note for no paper). */
  problems: Problem[];
}

/** Everything `npm run ingest` reports; `--json` prints exactly this object. */
export interface IngestReport {
  /** Files read (each given to the format readers). */
  filesRead: number;
  /** Files found but not read; `notRead` says why for each. */
  filesNotRead: number;
  entriesRead: number;
  papersWritten: number;
  duplicatesMerged: number;
  entriesRejected: number;
  /** Errors (each a rejected entry or an unreadable file) and warnings, sorted by file and line. */
  problems: Problem[];
  /** URLs shared by different papers; each is a page linking them (src/site/data/permalinks.ts). */
  slugCollisions: SlugCollision[];
  /** What the permalink ledger check found (README, "Permalinks"). */
  permalinks: PermalinkReport;
  files: FileSummary[];
  /** Every file found in the input and not read, and why (sorted by file). */
  notRead: NotReadFile[];
  /** The notes check. */
  notes: NotesReport;
  /**
   * Weekdays between the first and last digest day with no digest (`coverage.ts`): the calendar at
   * `/digests/` shows them, the text report prints one warning line.
   */
  missingWeekdays: string[];
  /**
   * What `empty-days.txt` said (core/empty-days.ts): the days the API answered with no papers, which
   * are not missing; the files read (not counted in `filesRead`: they hold no entries); and each
   * line that is not a day, as an error `file:line: expected a date YYYY-MM-DD, found "…"`.
   */
  emptyDays: { files: string[]; days: string[]; problems: Problem[] };
  /** Fields captures of one paper disagreed on (titles, organisations, author counts), summed over papers. */
  conflicts: number;
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
