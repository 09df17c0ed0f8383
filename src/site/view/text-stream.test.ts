import { describe, expect, it } from 'vitest';
import { textStream } from './text-stream.ts';

/** The stream's chunks as strings, and the bytes they make together. */
async function read(stream: ReadableStream<Uint8Array>): Promise<{ chunks: Uint8Array[]; text: string }> {
  const chunks: Uint8Array[] = [];
  for await (const chunk of stream) chunks.push(chunk);
  return { chunks, text: Buffer.concat(chunks).toString('utf8') };
}

describe('textStream', () => {
  it('gives the parts joined, UTF-8 encoded, in chunks of at least the size asked (the last may be shorter)', async () => {
    const parts = Array.from({ length: 10 }, (_, i) => `line ${i} — “Ünïcode” 数学 😀\n`);
    const { chunks, text } = await read(textStream(parts, 60));
    expect(text).toBe(parts.join(''));
    expect(chunks.length).toBeGreaterThan(1);
    expect(chunks.length).toBeLessThan(parts.length);
    for (const chunk of chunks.slice(0, -1)) expect(Buffer.from(chunk).toString('utf8').length).toBeGreaterThanOrEqual(60);
  });

  it('reads its parts only as the stream is read (a generator is not run ahead)', async () => {
    let made = 0;
    function* parts(): Generator<string> {
      for (let i = 0; i < 1000; i++) {
        made++;
        yield 'x'.repeat(100);
      }
    }
    const reader = textStream(parts(), 1000).getReader();
    await reader.read();
    expect(made).toBeLessThan(50);
    await reader.cancel();
  });

  it('is an empty body for no parts, and the same bytes as a Response of the joined string', async () => {
    expect((await read(textStream([]))).chunks).toEqual([]);
    const parts = ['{"a":"é"}\n', '{"b":"\u2028"}\n', ''];
    expect(await new Response(textStream(parts, 4)).text()).toBe(await new Response(parts.join('')).text());
  });
});
