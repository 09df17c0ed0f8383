/**
 * The list behind "Save the archive for offline" (src/client/offline/save.ts): every page and the
 * whole search index, written at build time as `offline-manifest.json` plus part files, fetched
 * only when the reader opens the Save control. Never precached, so the first visit stays small.
 */

/** One file of the built site that a saved copy holds. */
export interface OfflineFile {
  /** Path inside the site, without base (`papers/x/`, `pagefind/…`); pages as their directory URL (the home page is ``). */
  path: string;
  /** Stored size in bytes. */
  bytes: number;
  /** First 8 hex digits of the file's SHA-1: an update fetches only files whose hash changed. */
  hash: string;
}

/** `offline-manifest.json`. */
export interface OfflineManifest {
  /** Changes with every deploy whose content changed (the index state plus a digest of every file hash). */
  version: string;
  /** Number of files. */
  files: number;
  /** Total stored bytes (what the saved copy takes on disk, roughly). */
  bytes: number;
  /** Part files (base-relative) holding `path\tbytes\thash` lines. */
  parts: string[];
}

/** Lines per part file: ~200 kB raw each, so progress can start before the whole list is in. */
const PART_LINES = 5000;

/**
 * The manifest and its part files for `files` (sorted by path here, so the output is
 * deterministic). `indexHash` is the index state (`search/index.json`); `digest` hashes the file list.
 */
export function offlineManifest(
  files: readonly OfflineFile[],
  indexHash: string,
  digest: (text: string) => string,
): { manifest: OfflineManifest; parts: Map<string, string> } {
  const sorted = [...files].sort((a, b) => (a.path < b.path ? -1 : a.path > b.path ? 1 : 0));
  const lines = sorted.map((f) => `${f.path}\t${f.bytes}\t${f.hash}`);
  const parts = new Map<string, string>();
  for (let i = 0; i * PART_LINES < lines.length; i++) {
    parts.set(`offline/files-${i}.txt`, `${lines.slice(i * PART_LINES, (i + 1) * PART_LINES).join('\n')}\n`);
  }
  return {
    manifest: {
      version: `${indexHash}-${digest(lines.join('\n')).slice(0, 12)}`,
      files: sorted.length,
      bytes: sorted.reduce((sum, f) => sum + f.bytes, 0),
      parts: [...parts.keys()],
    },
    parts,
  };
}

/** Parses one part file back into files (the client's reader; malformed lines are reported, not skipped). */
export function parseOfflinePart(text: string, name: string): OfflineFile[] {
  const out: OfflineFile[] = [];
  for (const [i, line] of text.split('\n').entries()) {
    if (!line) continue;
    const [path, bytes, hash] = line.split('\t');
    if (path === undefined || !/^\d+$/.test(bytes ?? '') || !/^[0-9a-f]{8}$/.test(hash ?? '')) {
      throw new Error(`${name}:${i + 1}: expected "path<TAB>bytes<TAB>hash", found "${line.slice(0, 80)}"`);
    }
    out.push({ path, bytes: Number(bytes), hash: hash! });
  }
  return out;
}
