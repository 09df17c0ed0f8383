/**
 * The format registry: every digest format Papershelf reads, and detection by content (a file's
 * extension says little: a `.txt` may be a plain-text copy or a text-browser dump, and a `.md`
 * saved from a browser may hold either capture).
 *
 * Adding a format is one entry in `FORMATS`: `{ name, label, detect(text, file), parse(text, ctx) }`.
 */
import type { FormatReader } from '../types.ts';
import { apiFormat } from './api.ts';
import { countsFormat } from './counts.ts';
import { markdownFormat } from './markdown.ts';
import { plaintextFormat } from './plaintext.ts';
import { textbrowserFormat } from './textbrowser.ts';

/**
 * Most specific first: the first reader whose `detect` accepts a text reads it. JSON is
 * unmistakable (an API day is a list or a wrapper with `paper` entries, a counts file one object per line); text-browser dumps (`### [Title][N]`) before markdown (`### [Title](url)`); plain
 * text last, because the captures share its `·`-then-date layout (its `detect` also refuses
 * markdown links and text-browser references, so the order is a second line of defence).
 */
export const FORMATS: readonly FormatReader[] = [apiFormat, countsFormat, textbrowserFormat, markdownFormat, plaintextFormat];

/** The reader for a text, or null when no format recognises it. */
export function detectFormat(text: string, file: string, formats: readonly FormatReader[] = FORMATS): FormatReader | null {
  return formats.find((f) => f.detect(text, file)) ?? null;
}

/** "a, b, c or d": the formats a message says are understood. */
export function formatList(formats: readonly FormatReader[] = FORMATS): string {
  const labels = formats.map((f) => f.label);
  return labels.length <= 1 ? (labels[0] ?? 'none') : `${labels.slice(0, -1).join(', ')} or ${labels.at(-1)}`;
}
