import { describe, expect, it } from 'vitest';
import { createHash } from 'node:crypto';
import { offlineManifest, parseOfflinePart } from './offline-manifest.ts';

const sha1 = (text: string) => createHash('sha1').update(text).digest('hex');

describe('offline manifest', () => {
  const files = Array.from({ length: 12_001 }, (_, i) => ({
    path: `papers/p${String(i).padStart(5, '0')}/`,
    bytes: 100 + i,
    hash: 'abcdef01',
  }));

  it('totals, splits into parts of 5,000 lines, sorts and versions by index hash and content', () => {
    const { manifest, parts } = offlineManifest([...files].reverse(), 'en_123', sha1);
    expect(manifest.files).toBe(12_001);
    expect(manifest.bytes).toBe(files.reduce((n, f) => n + f.bytes, 0));
    expect(manifest.parts).toEqual(['offline/files-0.txt', 'offline/files-1.txt', 'offline/files-2.txt']);
    expect(manifest.version.startsWith('en_123-')).toBe(true);
    const back = manifest.parts.flatMap((name) => parseOfflinePart(parts.get(name)!, name));
    expect(back).toEqual(files);
    // A changed file changes the version; the same list gives the same one.
    expect(offlineManifest(files, 'en_123', sha1).manifest.version).toBe(manifest.version);
    const changed = files.map((f, i) => (i === 7 ? { ...f, hash: '12345678' } : f));
    expect(offlineManifest(changed, 'en_123', sha1).manifest.version).not.toBe(manifest.version);
  });

  it('keeps the home page, whose path is empty', () => {
    expect(parseOfflinePart('\t52832\t9b2095f9\n', 'p')).toEqual([{ path: '', bytes: 52832, hash: '9b2095f9' }]);
  });

  it('names the part and line of a malformed entry', () => {
    expect(() => parseOfflinePart('papers/a/\t12\tabcdef01\npapers/b/\tlots\tabcdef01\n', 'offline/files-3.txt')).toThrow(
      'offline/files-3.txt:2: expected "path<TAB>bytes<TAB>hash", found "papers/b/\tlots\tabcdef01"',
    );
  });
});
