/**
 * Puts a tree of files in another place, merging with folders already there: the one file-tree
 * walk behind the search index's moves into `dist/` and the shard cache's copies. Hand-written:
 * `fs.cp` copies every byte (a shard is ~10,000 files the build never changes in place, so hard
 * links serve) and cannot merge a move into an existing folder (`dist/search/` holds the search page).
 */
import { cpSync, linkSync, mkdirSync, readdirSync, renameSync, statSync } from 'node:fs';
import path from 'node:path';

/** Error codes of a link or rename the file system refuses where a copy works: across devices, no hard links, too many links. */
const COPY_INSTEAD = new Set(['EXDEV', 'EPERM', 'EMLINK']);

/**
 * Places every file under `from` at the same relative path under `to`, creating folders as needed.
 * `link`: hard links, `from` stays whole (a copy where links are refused). `move`: renames, whole
 * entries at once where `to` has no entry of that name (a copy across file systems, `from` then
 * left for its owner to remove).
 */
export function placeTree(from: string, to: string, how: 'link' | 'move'): void {
  mkdirSync(to, { recursive: true });
  for (const entry of readdirSync(from, { withFileTypes: true })) {
    const source = path.join(from, entry.name);
    const target = path.join(to, entry.name);
    const merge = entry.isDirectory() && (how === 'link' || isDirectory(target));
    if (merge) {
      placeTree(source, target, how);
      continue;
    }
    try {
      if (how === 'link') linkSync(source, target);
      else renameSync(source, target);
    } catch (err) {
      if (!COPY_INSTEAD.has((err as NodeJS.ErrnoException).code ?? '')) throw err;
      cpSync(source, target, { recursive: true });
    }
  }
}

function isDirectory(file: string): boolean {
  return statSync(file, { throwIfNoEntry: false })?.isDirectory() ?? false;
}
