/**
 * The one problem log every format reader keeps: cards accepted, cards refused (one error each, on
 * the card's own line), warnings, and errors about the whole file. It keeps the count rule by
 * construction: entries read = entries accepted + cards rejected, which the pipeline checks and the
 * report's reconciliation rests on.
 */
import type { DigestFormat, ParsedFile, Problem, RawEntry } from '../types.ts';

/** What a reader knows of a card; `file` and `rank` come from the log, the rest defaults to unknown. */
export type CardFields = Omit<RawEntry, 'file' | 'rank' | 'authors' | 'arxiv' | 'github' | 'project' | 'keywords'> &
  Partial<Pick<RawEntry, 'authors' | 'arxiv' | 'github' | 'project' | 'keywords'>>;

/** An error about one entry (a line of its own) is a rejected entry; line 0 means the whole file. */
export const isRejection = (p: Problem): boolean => p.severity === 'error' && p.line > 0;

/** The problems and entries of one file as a reader reads it. Lines are 1-based, as in `Problem`. */
export class ReadLog {
  readonly problems: Problem[] = [];
  readonly entries: RawEntry[] = [];
  private rejected = 0;

  private readonly file: string;

  // A plain field, not a parameter property: the ingest CLI runs on Node's type stripping, which has none.
  constructor(file: string) {
    this.file = file;
  }

  /** Refuses one card: an error on its `line` (≥ 1), counted as a rejected entry. */
  reject(line: number, message: string): void {
    this.problems.push({ file: this.file, line, severity: 'error', message });
    this.rejected++;
  }

  /** A warning on `line` (0: about the whole file); the card, if any, is kept. */
  warn(line: number, message: string): void {
    this.problems.push({ file: this.file, line, severity: 'warning', message });
  }

  /** An error about the whole file (line 0): no card of it could be read, and none is counted. */
  fileError(message: string): void {
    this.problems.push({ file: this.file, line: 0, severity: 'error', message });
  }

  /** Accepts a card: its entry, with the file, its rank among the file's accepted cards, and unknowns as null. */
  accept(card: CardFields): RawEntry {
    const entry: RawEntry = {
      file: this.file,
      rank: this.entries.length,
      authors: null,
      arxiv: null,
      github: null,
      project: null,
      keywords: [],
      ...card,
    };
    this.entries.push(entry);
    return entry;
  }

  /** What the reader read; `entriesRead` is accepted + rejected. */
  result(format: DigestFormat, digest: string | null, capturedAt?: string | null): ParsedFile {
    return {
      format,
      digest,
      entries: this.entries,
      problems: this.problems,
      entriesRead: this.entries.length + this.rejected,
      ...(capturedAt !== undefined ? { capturedAt } : {}),
    };
  }
}
