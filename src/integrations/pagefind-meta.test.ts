import { readFileSync, readdirSync } from 'node:fs';
import path from 'node:path';
import { gunzipSync, gzipSync } from 'node:zlib';
import { close, createIndex } from 'pagefind';
import { afterAll, describe, expect, it } from 'vitest';
import { tempDir } from '../../tests/support/temp-dir.ts';
import { metaPageHashes } from './pagefind-meta.ts';

afterAll(() => close());

describe('metaPageHashes', () => {
  it("lists a real Pagefind bundle's pages in the order their records were added, by their fragments' names", async () => {
    const out = tempDir('pagefind-meta');
    const { index } = await createIndex({ forceLanguage: 'en' });
    // Not alphabetical, so the order checked is the adding order, not a sort.
    const urls = ['/papers/c/', '/papers/a/', '/papers/b/', '/papers/e/', '/papers/d/'];
    await Promise.all(
      urls.map((url, i) =>
        index!.addCustomRecord({
          url,
          language: 'en',
          content: `paper ${url} number ${i}`,
          meta: { title: url },
          filters: { year: ['2025'] },
        }),
      ),
    );
    await index!.writeFiles({ outputPath: out });
    const meta = readdirSync(out).find((name) => name.endsWith('.pf_meta'))!;
    const hashes = metaPageHashes(readFileSync(path.join(out, meta)));
    const urlOf = (hash: string) =>
      (
        JSON.parse(
          gunzipSync(readFileSync(path.join(out, 'fragment', `${hash}.pf_fragment`)))
            .subarray(12)
            .toString('utf8'),
        ) as { url: string }
      ).url;
    expect(hashes.map(urlOf)).toEqual(urls);
    expect(new Set(hashes).size).toBe(urls.length);
  });

  it('refuses a file that is not a Pagefind data file or has no page list', () => {
    expect(() => metaPageHashes(gzipSync(Buffer.from('not pagefind')))).toThrow(/pagefind_dcd/);
    // "pagefind_dcd" + ["1.6.0"]
    expect(() => metaPageHashes(gzipSync(Buffer.concat([Buffer.from('pagefind_dcd'), Buffer.from('8165312e362e30', 'hex')])))).toThrow(
      /no page list/,
    );
  });
});
