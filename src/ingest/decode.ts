/**
 * A digest file's bytes → its text, or the reason it cannot be read exactly. Pure; io.ts reads
 * the bytes. Every format benefits: no reader ever sees U+FFFD standing in for bytes it lost.
 *
 * - UTF-8, with or without a byte-order mark, through a fatal decoder.
 * - UTF-16 with a byte-order mark (what Windows editors call "Unicode"): decoded; it is plain
 *   text in a known encoding, so refusing it would only lose cards.
 * - UTF-16 without a byte-order mark (recognised by its zero bytes): refused. Its byte order
 *   would be a guess, and a wrong guess reads as plausible CJK text.
 * - Binary data (not UTF-8, and with control bytes no text file in any encoding has): refused as
 *   binary, for the whole file. Telling the user to re-save it "as UTF-8" would be no help.
 * - Invalid UTF-8: refused, naming the line and column of the first bad byte. Reading it with a
 *   warning would put U+FFFD (or a guessed Latin-1) into titles, and a title makes the paper's
 *   URL, which the ledger then keeps forever; such a file is in another encoding throughout, so
 *   every accented letter would be wrong, not only the first. Saving it as UTF-8 fixes it.
 */

/** The text, or why there is none (`line` 0 when the reason is the whole file). */
export type Decoded = { text: string } | { line: number; reason: string };

const UTF16_SAMPLE = 4096;
/** Share of the sampled byte pairs with a zero byte in the same half that marks UTF-16. */
const UTF16_ZEROS = 0.3;

/** Decodes `bytes` as UTF-8 or BOM-marked UTF-16, or says why it cannot (see the module comment). */
export function decodeDigest(bytes: Uint8Array): Decoded {
  const bom16 = bytes[0] === 0xff && bytes[1] === 0xfe ? 'utf-16le' : bytes[0] === 0xfe && bytes[1] === 0xff ? 'utf-16be' : null;
  if (bom16) {
    try {
      // The decoder consumes the byte-order mark itself.
      return { text: new TextDecoder(bom16, { fatal: true }).decode(bytes) };
    } catch {
      return {
        line: 0,
        reason: `expected UTF-16 text after the byte-order mark, found bytes that are not valid ${bom16.toUpperCase()} (a lone surrogate or an odd byte at the end)`,
      };
    }
  }
  const order = utf16WithoutBom(bytes);
  if (order) {
    return {
      line: 0,
      reason: `expected UTF-8 text, found UTF-16 without a byte-order mark (${order}, by its zero bytes): save it as UTF-8`,
    };
  }
  try {
    return { text: new TextDecoder('utf-8', { fatal: true }).decode(bytes) };
  } catch {
    return binary(bytes) ?? invalidUtf8(bytes);
  }
}

/** Share of control bytes in the sample that marks a file that is not UTF-8 as binary. */
const BINARY_CONTROLS = 0.02;

/**
 * The reason when bytes that are not UTF-8 are binary data: a NUL, or more than `BINARY_CONTROLS`
 * of the sample in C0 control bytes other than tab, line breaks and form feed. Text in another
 * encoding (Latin-1, Windows-1252) has none of those; a stray control character in UTF-8 text is
 * handled elsewhere (stripped with a warning), since that text decodes.
 */
function binary(bytes: Uint8Array): Decoded | null {
  const sample = bytes.subarray(0, UTF16_SAMPLE);
  let controls = 0;
  let nul = false;
  for (const b of sample) {
    if (b === 0) nul = true;
    if ((b < 0x20 && b !== 0x09 && b !== 0x0a && b !== 0x0d && b !== 0x0c) || b === 0x7f) controls++;
  }
  if (!nul && controls <= sample.length * BINARY_CONTROLS) return null;
  return {
    line: 0,
    reason: `expected a text digest, found binary data (${controls} of its first ${sample.length} bytes are control bytes${nul ? ', NUL among them' : ''}, and it is not UTF-8): not a saved page; save the page's text, markdown or JSON instead`,
  };
}

/** `little-endian` or `big-endian` when the sample looks like UTF-16 text (ASCII with a zero byte each), else null. */
function utf16WithoutBom(bytes: Uint8Array): string | null {
  const pairs = Math.floor(Math.min(bytes.length, UTF16_SAMPLE) / 2);
  if (pairs < 2) return null;
  let even = 0;
  let odd = 0;
  for (let i = 0; i < pairs * 2; i += 2) {
    if (bytes[i] === 0) even++;
    if (bytes[i + 1] === 0) odd++;
  }
  if (odd >= pairs * UTF16_ZEROS && even < odd / 4) return 'little-endian';
  if (even >= pairs * UTF16_ZEROS && odd < even / 4) return 'big-endian';
  return null;
}

function decodes(bytes: Uint8Array, stream: boolean): boolean {
  try {
    new TextDecoder('utf-8', { fatal: true }).decode(bytes, { stream });
    return true;
  } catch {
    return false;
  }
}

/**
 * Where the first bad byte is. The platform decoder stays the judge of what is valid UTF-8 (no
 * hand-written validator): a prefix that decodes as a stream only ever shortens to one that does,
 * so a binary search finds the longest, and the bad sequence starts right after its last whole
 * character.
 */
function invalidUtf8(bytes: Uint8Array): Decoded {
  let lo = 0;
  let hi = bytes.length;
  while (lo < hi) {
    const mid = Math.ceil((lo + hi) / 2);
    if (decodes(bytes.subarray(0, mid), true)) lo = mid;
    else hi = mid - 1;
  }
  let start = lo;
  if (!decodes(bytes.subarray(0, lo), false)) {
    // The prefix ends inside a character: back up over its continuation bytes to its lead byte.
    while (start > 0 && (bytes[start - 1]! & 0xc0) === 0x80) start--;
    start--;
  }
  const lines = new TextDecoder('utf-8').decode(bytes.subarray(0, start)).split(/\r\n|\r|\n/);
  const column = [...lines.at(-1)!].length + 1;
  const byte = `0x${bytes[start]!.toString(16).toUpperCase().padStart(2, '0')}`;
  return {
    line: lines.length,
    reason: `expected UTF-8 text, found the byte ${byte} at column ${column}, which is not valid UTF-8 (the file is in another encoding: save it as UTF-8)`,
  };
}
