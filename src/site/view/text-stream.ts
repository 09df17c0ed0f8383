/**
 * A response body made of text parts encoded as they are read, for the two endpoints that are the
 * whole archive (`/archive.jsonl`, `/archive.bib`: 102 and 20 MB at 50,000 papers). Astro's build
 * reads a body with `response.arrayBuffer()`: from one string that meant the string, its UTF-8
 * copy and the read copies, 0.5–0.7 GB of ArrayBuffers in Astro's process for ~40 s at 50,000
 * papers (sampled with `process.memoryUsage()`), beside a Pagefind indexer (issue 9: the whole
 * build at most 4 GB). From a stream it is the chunks and the one buffer they are joined into.
 */

const encoder = new TextEncoder();

/**
 * `parts` joined and UTF-8 encoded, a chunk of at least `chunkChars` characters at a time (fewer
 * chunks than parts: a line of the archive is ~2 kB). Each part must be whole text (no lone
 * surrogate at either end), as each chunk is encoded on its own.
 */
export function textStream(parts: Iterable<string>, chunkChars = 1 << 16): ReadableStream<Uint8Array> {
  const iterator = parts[Symbol.iterator]();
  return new ReadableStream<Uint8Array>({
    pull(controller) {
      let chunk = '';
      while (chunk.length < chunkChars) {
        const next = iterator.next();
        if (next.done) {
          if (chunk) controller.enqueue(encoder.encode(chunk));
          controller.close();
          return;
        }
        chunk += next.value;
      }
      controller.enqueue(encoder.encode(chunk));
    },
  });
}
