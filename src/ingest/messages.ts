/**
 * Message helpers every ingest stage shares: each problem says what was expected and quotes what
 * was found (`expected …, found "…"`).
 */

/** Longest excerpt of bad input quoted in a message. */
const QUOTE_MAX = 60;

/**
 * Quotes untrusted input for a message: JSON-style escaping (so control characters and ANSI
 * escapes cannot reach a terminal raw) and truncated with `…`.
 */
export function quote(text: string, max: number = QUOTE_MAX): string {
  const chars = [...text];
  const cut = chars.length > max ? chars.slice(0, max).join('') + '…' : text;
  return JSON.stringify(cut);
}
