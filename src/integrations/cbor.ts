/**
 * A small CBOR (RFC 8949) item reader for Pagefind's data files, shared by the meta reader
 * (pagefind-meta.ts) and the index-chunk word reader (word-shards.ts).
 *
 * Hand-written rather than a library: no CBOR package is in the dependency tree, and the word
 * reader's speed comes from skipping the items it does not need (each word's pages and positions,
 * most of a chunk's bytes) without building them, which a general decoder does not offer: a full
 * decode with cborg took 1.8 s a shard of 10,000 papers, skipping 0.3 s. Pagefind (minicbor)
 * writes definite lengths only, so indefinite lengths, half-precision floats and reserved forms are
 * refused with an error naming them rather than read.
 */

/** A decoded CBOR item (maps as `Map`, byte strings as `Uint8Array`, 8-byte integers as `bigint`). */
export type Cbor = number | bigint | string | boolean | null | undefined | Uint8Array | Cbor[] | Map<Cbor, Cbor>;

/** Pagefind writes Rust strings, always UTF-8: anything else is a broken file, not text to patch. */
const utf8 = new TextDecoder('utf-8', { fatal: true });

/**
 * Reads CBOR items one after another from `bytes`, from `at` on. `read` builds an item, `skip`
 * passes over one without building it, `array`/`text` read an item expected to be of that type.
 * Every method throws on input that ends early, so a truncated file is an error, not a short list.
 */
export class CborReader {
  /** Where the next item starts. */
  at = 0;
  private readonly bytes: Uint8Array;
  /** The argument of the head last read: an integer's value, a string's byte length, an array's or map's item count. */
  private arg = 0;
  /** The additional-information bits of the head last read (27: an 8-byte argument, for `bigint`s). */
  private info = 0;

  constructor(bytes: Uint8Array) {
    this.bytes = bytes;
  }

  /** Whether every byte has been read. */
  get done(): boolean {
    return this.at >= this.bytes.length;
  }

  /** Reads an item's head; returns its major type (0–7) and leaves its argument in `arg`. */
  private head(): number {
    const bytes = this.bytes;
    if (this.at >= bytes.length) throw new Error(`CBOR ends early (an item expected at byte ${this.at})`);
    const start = this.at;
    const byte = bytes[this.at++]!;
    const info = byte & 31;
    this.info = info;
    if (info < 24) this.arg = info;
    else if (info <= 27) {
      const size = 1 << (info - 24);
      if (this.at + size > bytes.length) throw new Error(`CBOR ends early (in the head at byte ${start})`);
      let n = 0;
      // Exact up to 2^53; wider values only as integers, which `read` takes from the bytes again.
      for (let i = 0; i < size; i++) n = n * 256 + bytes[this.at++]!;
      this.arg = n;
    } else throw new Error(`CBOR item of unsupported form (major type ${byte >> 5}, info ${info}) at byte ${start}`);
    return byte >> 5;
  }

  /** The head's argument as the length of what follows (`unit`: its least bytes per counted item), checked against the input. */
  private length(unit: number): number {
    if (this.arg * unit > this.bytes.length - this.at)
      throw new Error(`CBOR ends early (${this.arg} items or bytes announced at byte ${this.at})`);
    return this.arg;
  }

  /** Reads an array's head; returns its item count. Throws when the next item is not an array. */
  array(): number {
    const start = this.at;
    const major = this.head();
    if (major !== 4) throw new Error(`expected a CBOR array at byte ${start}, found major type ${major}`);
    return this.length(1);
  }

  /** Reads a text string. Throws when the next item is not one. */
  text(): string {
    const start = this.at;
    const major = this.head();
    if (major !== 3) throw new Error(`expected a CBOR text string at byte ${start}, found major type ${major}`);
    return this.textAfterHead();
  }

  /** The text string whose head was just read. */
  private textAfterHead(): string {
    const end = this.at + this.length(1);
    const text = utf8.decode(this.bytes.subarray(this.at, end));
    this.at = end;
    return text;
  }

  /** Passes over the next item, nested items included, without building it. */
  skip(): void {
    const major = this.head();
    if (major === 2 || major === 3) this.at += this.length(1);
    else if (major === 4) for (let i = this.length(1); i > 0; i--) this.skip();
    else if (major === 5) for (let i = 2 * this.length(2); i > 0; i--) this.skip();
    else if (major === 6) this.skip();
    // Integers, simple values and floats are whole with their head.
  }

  /** Reads and builds the next item. */
  read(): Cbor {
    const start = this.at;
    const major = this.head();
    const bytes = this.bytes;
    const wide = this.info === 27;
    switch (major) {
      case 0:
        return wide ? new DataView(bytes.buffer, bytes.byteOffset + start + 1, 8).getBigUint64(0) : this.arg;
      case 1:
        return wide ? -1n - new DataView(bytes.buffer, bytes.byteOffset + start + 1, 8).getBigUint64(0) : -1 - this.arg;
      case 2: {
        const end = this.at + this.length(1);
        // A copy as a plain Uint8Array: `slice` of a Buffer would share its memory.
        const copy = new Uint8Array(bytes.subarray(this.at, end));
        this.at = end;
        return copy;
      }
      case 3:
        return this.textAfterHead();
      case 4: {
        const items: Cbor[] = [];
        for (let i = this.length(1); i > 0; i--) items.push(this.read());
        return items;
      }
      case 5: {
        const map = new Map<Cbor, Cbor>();
        for (let i = this.length(2); i > 0; i--) {
          const key = this.read();
          map.set(key, this.read());
        }
        return map;
      }
      case 6:
        // A tag: the tagged item is what counts.
        return this.read();
      default: {
        if (this.info === 25) throw new Error(`CBOR half-precision floats are not supported (byte ${start})`);
        if (this.info === 26) return new DataView(bytes.buffer, bytes.byteOffset + start + 1, 4).getFloat32(0);
        if (wide) return new DataView(bytes.buffer, bytes.byteOffset + start + 1, 8).getFloat64(0);
        const arg = this.arg;
        return arg === 20 ? false : arg === 21 ? true : arg === 22 ? null : undefined;
      }
    }
  }
}

/** Decodes `bytes` as one CBOR item (nothing may follow it). */
export function decodeCbor(bytes: Uint8Array): Cbor {
  const reader = new CborReader(bytes);
  const item = reader.read();
  if (!reader.done) throw new Error(`CBOR has ${bytes.length - reader.at} bytes after its item`);
  return item;
}
