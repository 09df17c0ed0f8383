/**
 * The files a saved copy holds ("Save the archive", src/client/offline/save.ts): every page and
 * the whole index, KaTeX, the vocabulary and the shell's assets, each with its size and hash, for
 * the offline manifest (src/site/search/offline-manifest.ts). The offline step (offline.ts) reads
 * them in a worker thread (saved-files-worker.ts) while its own thread bundles sw.js with Workbox:
 * the two were one after the other, and together the last ~10 s of a 10,000-paper build.
 */
import { createHash } from 'node:crypto';
import { readdirSync, readFileSync } from 'node:fs';
import path from 'node:path';
import type { OfflineFile } from '../site/search/offline-manifest.ts';
import { runWorker } from './worker-result.ts';

/** Whether the file at `relPath` (inside the site, `/`-separated) belongs in a saved copy. */
function wanted(relPath: string): boolean {
  return /^(pagefind|katex|_astro|search)\//.test(relPath) || relPath.endsWith('index.html') || relPath === 'favicon.svg';
}

/**
 * Every file of `outDir` a saved copy holds (not `offline/`, the manifest's own parts), in walk
 * order (`offlineManifest` sorts by path); pages under their directory URL, the one readers
 * navigate to. Synchronous on purpose: it runs in a worker with nothing else to do, and a
 * promise per file (open, stat, read, close, each a thread-pool round trip) cost ~3 s of CPU for
 * 22,000 files where the plain calls cost a fraction of that.
 */
export function listSavedFiles(outDir: string): OfflineFile[] {
  const files: OfflineFile[] = [];
  const walk = (dir: string, rel: string): void => {
    for (const entry of readdirSync(dir, { withFileTypes: true })) {
      const relPath = rel ? `${rel}/${entry.name}` : entry.name;
      const full = path.join(dir, entry.name);
      if (entry.isDirectory()) {
        if (relPath !== 'offline') walk(full, relPath);
        continue;
      }
      if (!wanted(relPath)) continue;
      const body = readFileSync(full);
      const url = relPath === 'index.html' ? '' : relPath.endsWith('/index.html') ? relPath.slice(0, -'index.html'.length) : relPath;
      files.push({ path: url, bytes: body.length, hash: createHash('sha1').update(body).digest('hex').slice(0, 8) });
    }
  };
  walk(outDir, '');
  return files;
}

/** `listSavedFiles(outDir)` in a worker thread (saved-files-worker.ts); rejects with its error. */
export function listSavedFilesInWorker(outDir: string): Promise<OfflineFile[]> {
  const url = new URL('./saved-files-worker.ts', import.meta.url);
  return runWorker(url, { outDir }, 'the saved-files worker', (m: { files: OfflineFile[] }) => m.files);
}
