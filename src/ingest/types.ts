/**
 * Types shared by the ingest stages. A format reader turns one file's text into `RawEntry`s and
 * `Problem`s; later stages never see the text again.
 */
import type { Org } from '../schemas/paper.ts';

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

/** The digest formats Papershelf reads. */
export type DigestFormat = 'plaintext' | 'markdown' | 'textbrowser' | 'api';

/** What a reader needs besides the text. */
export interface ReadContext {
  /** File path for messages and provenance. */
  file: string;
  /** Digest day from the file name (`YYYY-MM-DD…`), when it has one. */
  digestFromName: string | null;
}
