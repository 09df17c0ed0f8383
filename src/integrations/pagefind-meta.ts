/**
 * The page hashes of a Pagefind bundle, read from its one meta file (`pagefind.<hash>.pf_meta`)
 * instead of from every fragment: the meta index lists the pages in the order they were added,
 * each with the hash that names its fragment (the result id). At the corpus's size this replaces
 * reading and unzipping 9,877 fragments (~2.8 s of the index worker's CPU) with one small file.
 *
 * The meta file is gzip of "pagefind_dcd" + CBOR (Pagefind's `MetaIndex`, encoded by minicbor as
 * arrays): `[version, pages, index chunks, filters, sorts, …]`, each page `[hash, word count, …]`.
 * The CBOR reader is hand-written: it needs only definite-length items, no npm CBOR library is in
 * the tree, and one more dependency for ~40 lines of a fixed format is not worth its upkeep.
 */
import { gunzipSync } from 'node:zlib';

/** What Pagefind writes before the CBOR of every data file. */
const MAGIC = 'pagefind_dcd';

/** A decoded CBOR item (maps as `Map`, byte strings as `Uint8Array`). */
type Cbor = number | bigint | string | boolean | null | undefined | Uint8Array | Cbor[] | Map<Cbor, Cbor>;

/** Decodes one definite-length CBOR item of `bytes` at `at`; returns it and where the next one starts. */
function decodeItem(bytes: Uint8Array, at: number): [Cbor, number] {
  if (at >= bytes.length) throw new Error('CBOR ends early');
  const head = bytes[at]!;
  const major = head >> 5;
  const info = head & 31;
  let pos = at + 1;
  let arg: number | bigint;
  if (info < 24) arg = info;
  else if (info <= 27) {
    const size = 1 << (info - 24);
    if (pos + size > bytes.length) throw new Error('CBOR ends early');
    const view = new DataView(bytes.buffer, bytes.byteOffset + pos, size);
    if (major === 7 && info >= 25) {
      // Floats (half precision is not written by minicbor for our types).
      if (info === 25) throw new Error('CBOR half-precision floats are not supported');
      return [info === 26 ? view.getFloat32(0) : view.getFloat64(0), pos + size];
    }
    arg = size === 1 ? view.getUint8(0) : size === 2 ? view.getUint16(0) : size === 4 ? view.getUint32(0) : view.getBigUint64(0);
    pos += size;
  } else throw new Error(`CBOR item of unsupported form (major type ${major}, info ${info})`);
  const length = (): number => {
    if (typeof arg === 'bigint') throw new Error('CBOR length too large');
    return arg;
  };
  switch (major) {
    case 0:
      return [arg, pos];
    case 1:
      return [typeof arg === 'bigint' ? -1n - arg : -1 - arg, pos];
    case 2:
    case 3: {
      const end = pos + length();
      if (end > bytes.length) throw new Error('CBOR ends early');
      const raw = bytes.subarray(pos, end);
      return [major === 2 ? new Uint8Array(raw) : new TextDecoder('utf-8', { fatal: true }).decode(raw), end];
    }
    case 4: {
      const items: Cbor[] = [];
      for (let i = 0; i < length(); i++) {
        const [item, next] = decodeItem(bytes, pos);
        items.push(item);
        pos = next;
      }
      return [items, pos];
    }
    case 5: {
      const map = new Map<Cbor, Cbor>();
      for (let i = 0; i < length(); i++) {
        const [key, afterKey] = decodeItem(bytes, pos);
        const [value, next] = decodeItem(bytes, afterKey);
        map.set(key, value);
        pos = next;
      }
      return [map, pos];
    }
    case 6:
      // A tag: the tagged item is what counts.
      return decodeItem(bytes, pos);
    default:
      return [arg === 20 ? false : arg === 21 ? true : arg === 22 ? null : undefined, pos];
  }
}

/** Decodes `bytes` as one CBOR item (nothing may follow it). */
export function decodeCbor(bytes: Uint8Array): Cbor {
  const [item, end] = decodeItem(bytes, 0);
  if (end !== bytes.length) throw new Error(`CBOR has ${bytes.length - end} bytes after its item`);
  return item;
}

/** The CBOR of a Pagefind data file (`gzipped`: the file's bytes: meta, index chunk, filter), its header checked and cut off. */
export function pagefindPayload(gzipped: Uint8Array): Uint8Array {
  const raw = gunzipSync(gzipped);
  if (raw.subarray(0, MAGIC.length).toString('latin1') !== MAGIC) throw new Error('not a Pagefind data file (no "pagefind_dcd" header)');
  return raw.subarray(MAGIC.length);
}

/**
 * The page hashes of a Pagefind meta file (`gzipped`: the file's bytes), in the order the pages
 * were added to the index. Throws when the file is not the layout described above.
 */
export function metaPageHashes(gzipped: Uint8Array): string[] {
  const meta = decodeCbor(pagefindPayload(gzipped));
  const pages = Array.isArray(meta) ? meta[1] : undefined;
  if (!Array.isArray(pages)) throw new Error('Pagefind meta index has no page list');
  return pages.map((page, i) => {
    const hash = Array.isArray(page) ? page[0] : undefined;
    if (typeof hash !== 'string' || !hash) throw new Error(`Pagefind meta index: page ${i} has no hash`);
    return hash;
  });
}
