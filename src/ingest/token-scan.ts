/**
 * The tokens of a text as topic matching (topics.ts) reads them, without a string or an object
 * per token. `wordTokens` (phrases.ts) defines the tokens; this module gives the same tokens as
 * offsets into the text plus a hash of each token's folded form (`norm`), so the ~240 tokens of
 * an abstract, three in four of which start no rule, are looked up by a number and compared
 * character by character only when a rule might match. Why: tokenizing into strings and objects,
 * then hashing each new string for the rule index, was most of topic assignment's time (about
 * 1.8 s of CPU over the 9,877-paper corpus).
 */
import { foldWord, isJoinerOrSpace, isWordChar, NON_ASCII_WORD_CHAR } from './phrases.ts';

const lower = (c: number): number => (c >= 65 && c <= 90 ? c + 32 : c);

/** For each ASCII code: the lower-cased letter or digit when it is a word character, else 0. */
const LOWER_WORD = new Uint8Array(128);
for (let c = 0; c < 128; c++) {
  if ((c >= 97 && c <= 122) || (c >= 65 && c <= 90) || (c >= 48 && c <= 57)) {
    LOWER_WORD[c] = lower(c);
  }
}

const HASH_MASK = 0x3fffffff; // small integers stay unboxed as Map keys

/** The hash of a token's folded form, as `Tokens.hash` holds it; rule indexes are keyed by it. */
export function normHash(norm: string): number {
  let h = 0;
  for (let i = 0; i < norm.length; i++) h = (Math.imul(h, 31) + norm.charCodeAt(i)) | 0;
  return h & HASH_MASK;
}

// Letters of `ies` and `y` for folding ASCII words in place (see `foldWord`).
const S = 0x73;
const Y = 0x79;

/**
 * The tokens of one text. Token `k` spans `text.slice(start[k], end[k])` (its `raw`); its `norm` is
 * the lower-cased first `kept[k] - start[k]` characters of that, then `y` when `plusY[k]`, except
 * for a word with a character outside ASCII, whose `norm` is in `norms[k]` (built as
 * `wordTokens` builds it). Reused from text to text: read it before tokenizing the next one.
 */
export class Tokens {
  text = '';
  count = 0;
  start = new Int32Array(256);
  end = new Int32Array(256);
  kept = new Int32Array(256);
  plusY = new Uint8Array(256);
  hash = new Int32Array(256);
  norms: Array<string | undefined> = [];

  /** Tokenizes `text` into this buffer (the tokens of `wordTokens(text)`, in order). */
  read(text: string): this {
    this.text = text;
    this.count = 0;
    const n = text.length;
    let i = 0;
    while (i < n) {
      const c = text.charCodeAt(i);
      if (c < 128 ? LOWER_WORD[c] !== 0 : NON_ASCII_WORD_CHAR.test(text[i]!)) i = this.word(i);
      else {
        if (!isJoinerOrSpace(c)) this.push(i, i + 1, i + 1, 0, normHash(text[i]!), undefined);
        i++;
      }
    }
    return this;
  }

  /**
   * The word starting at `i` (a word character): pushed with its `norm` folded (`foldWord` of its
   * lower-cased form) on offsets and hashed in the same pass, unless it has a character outside
   * ASCII (then built as `wordTokens` builds it). Returns where the word ends.
   */
  private word(i: number): number {
    const text = this.text;
    const n = text.length;
    // The hash so far, and the hashes one and three characters back, for the folded endings.
    let h = 0;
    let h1 = 0;
    let h2 = 0;
    let h3 = 0;
    let j = i;
    for (; j < n; j++) {
      const c = text.charCodeAt(j);
      if (c >= 128) return this.nonAscii(i);
      const lowered = LOWER_WORD[c]!;
      if (lowered === 0) break;
      h3 = h2;
      h2 = h1;
      h1 = h;
      h = (Math.imul(h, 31) + lowered) | 0;
    }
    const len = j - i;
    if (len < 3 || LOWER_WORD[text.charCodeAt(j - 1)] !== S) this.push(i, j, j, 0, h & HASH_MASK, undefined);
    else {
      const before = LOWER_WORD[text.charCodeAt(j - 2)];
      if (len > 4 && before === 0x65 /* e */ && LOWER_WORD[text.charCodeAt(j - 3)] === 0x69 /* i */)
        this.push(i, j, j - 3, 1, (Math.imul(h3, 31) + Y) & HASH_MASK, undefined);
      else if (before === S || before === 0x75 /* u */ || before === 0x69 /* i */) this.push(i, j, j, 0, h & HASH_MASK, undefined);
      else this.push(i, j, j - 1, 0, h1 & HASH_MASK, undefined);
    }
    return j;
  }

  /** A word with a character outside ASCII, from `i`: its `norm` as a string, as `wordTokens` makes it. */
  private nonAscii(i: number): number {
    const text = this.text;
    let j = i + 1;
    while (j < text.length && isWordChar(text, j)) j++;
    const norm = foldWord(text.slice(i, j).toLowerCase());
    this.push(i, j, j, 0, normHash(norm), norm);
    return j;
  }

  private push(start: number, end: number, kept: number, plusY: number, hash: number, norm: string | undefined): void {
    const k = this.count++;
    if (k === this.start.length) this.grow();
    this.start[k] = start;
    this.end[k] = end;
    this.kept[k] = kept;
    this.plusY[k] = plusY;
    this.hash[k] = hash;
    // Written only when set or stale: most tokens have none, and a store per token shows.
    if (norm !== undefined || this.norms[k] !== undefined) this.norms[k] = norm;
  }

  private grow(): void {
    const size = this.start.length * 2;
    const copy = <T extends Int32Array | Uint8Array>(a: T, make: (n: number) => T): T => {
      const b = make(size);
      b.set(a);
      return b;
    };
    this.start = copy(this.start, (n) => new Int32Array(n));
    this.end = copy(this.end, (n) => new Int32Array(n));
    this.kept = copy(this.kept, (n) => new Int32Array(n));
    this.plusY = copy(this.plusY, (n) => new Uint8Array(n));
    this.hash = copy(this.hash, (n) => new Int32Array(n));
  }

  /** Token `k`'s `norm` equals `norm` (whose `normHash` is `hash`). */
  normIs(k: number, norm: string, hash: number): boolean {
    if (this.hash[k] !== hash) return false;
    const own = this.norms[k];
    if (own !== undefined) return own === norm;
    const start = this.start[k]!;
    const kept = this.kept[k]!;
    const plusY = this.plusY[k]!;
    if (kept - start + plusY !== norm.length) return false;
    const text = this.text;
    for (let m = 0; m < kept - start; m++) if (lower(text.charCodeAt(start + m)) !== norm.charCodeAt(m)) return false;
    return plusY === 0 || norm.charCodeAt(norm.length - 1) === Y;
  }

  /** Token `k` is written exactly `raw`, or `raw` and an `s` when `plural` (an acronym's plural). */
  rawIs(k: number, raw: string, plural: boolean): boolean {
    const start = this.start[k]!;
    const len = this.end[k]! - start;
    if (len !== raw.length && !(plural && len === raw.length + 1 && this.text.charCodeAt(start + raw.length) === S)) return false;
    return this.text.startsWith(raw, start);
  }
}
