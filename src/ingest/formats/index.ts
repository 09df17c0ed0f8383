/**
 * The format registry: every digest format Papershelf reads, and detection by content (a file's
 * extension says little: a `.txt` may be a plain-text copy or a text-browser dump).
 *
 * Adding a format is one entry in `FORMATS`: `{ name, detect(text, file), parse(text, ctx) }`.
 */
import type { DigestFormat, ParsedFile, ReadContext } from '../types.ts';
import { plaintextFormat } from './plaintext.ts';

/** A digest format: how to recognise a file's text and how to read it (both pure). */
export interface FormatReader {
  name: DigestFormat;
  /** True when `text` is in this format; `file` (its extension) is only a hint. */
  detect(text: string, file: string): boolean;
  /**
   * Reads every card. Never throws on bad input: each malformed card becomes one `error` problem
   * on its own line (line > 0), so `entriesRead = entries.length + those errors`; the pipeline
   * checks this. Line 0 is for notes about the whole file.
   */
  parse(text: string, ctx: ReadContext): ParsedFile;
}

/**
 * Most specific first: the first reader whose `detect` accepts a text reads it. Plain text goes
 * last because markdown captures share its `·`-then-date layout (its `detect` also refuses
 * markdown links and text-browser references, so the order is a second line of defence).
 */
export const FORMATS: readonly FormatReader[] = [
  // api (JSON), markdown and textbrowser readers go here, before plaintext.
  plaintextFormat,
];

/** The reader for a text, or null when no format recognises it. */
export function detectFormat(
  text: string,
  file: string,
  formats: readonly FormatReader[] = FORMATS,
): FormatReader | null {
  return formats.find((f) => f.detect(text, file)) ?? null;
}
