/**
 * Which code a benchmark measured: the commit and a hash of the working tree's uncommitted
 * changes, read before and after each size. The benchmark builds with the repository's own tree
 * (`npm run build` in `repoRoot`), so an edit made while it runs (a long run takes ~40 minutes)
 * splits a size's builds between two versions of the code: Astro's incremental build then sees
 * every route's code changed and renders every page again, and the rebuild looks as slow as a
 * cold build (issue 9, 2026-12-02: the corpus's "rebuild" rendered all 9,877 paper pages, where
 * the same rebuild of one tree renders ~300). The results then say so instead of passing for one tree.
 */
import { execFileSync } from 'node:child_process';
import { createHash } from 'node:crypto';
import { readFileSync } from 'node:fs';
import path from 'node:path';

/** The code in a working tree at one moment. */
export interface TreeState {
  /** `HEAD`'s commit, or null outside a git repository. */
  commit: string | null;
  /** Null when nothing differs from `HEAD`; else a hash of every change, untracked files included (ignored ones not). */
  changes: string | null;
}

/** `git …` in `root`, its standard output; null when git fails (no repository, no git). */
function git(root: string, args: string[]): Buffer | null {
  try {
    return execFileSync('git', args, { cwd: root, stdio: ['ignore', 'pipe', 'ignore'], maxBuffer: 1 << 30 });
  } catch {
    return null;
  }
}

/** The state of the working tree at `root`. */
export function readTreeState(root: string): TreeState {
  const head = git(root, ['rev-parse', '--verify', 'HEAD']);
  if (head === null) return { commit: null, changes: null };
  const status = git(root, ['status', '--porcelain=v1', '-z', '--untracked-files=all']) ?? Buffer.alloc(0);
  if (status.length === 0) return { commit: head.toString().trim(), changes: null };
  const hash = createHash('sha256').update(status);
  // What the tracked files hold now, and each untracked file's bytes: status alone would not see a
  // second edit of a file already modified.
  hash.update(git(root, ['diff', 'HEAD', '--binary']) ?? Buffer.alloc(0));
  for (const entry of status.toString().split('\0')) {
    if (!entry.startsWith('?? ')) continue;
    const file = entry.slice(3);
    hash.update(file).update('\0');
    try {
      hash.update(readFileSync(path.join(root, file)));
    } catch {
      hash.update('(unreadable)');
    }
  }
  return { commit: head.toString().trim(), changes: hash.digest('hex').slice(0, 16) };
}

/** Whether two readings saw the same code. */
export function sameTree(a: TreeState, b: TreeState): boolean {
  return a.commit === b.commit && a.changes === b.changes;
}

/** One line naming a state: `2fa325e` or `2fa325e + uncommitted changes 1a2b…`. */
export function describeTree(state: TreeState): string {
  if (state.commit === null) return 'not a git repository';
  const commit = state.commit.slice(0, 7);
  return state.changes === null ? commit : `${commit} + uncommitted changes ${state.changes.slice(0, 8)}`;
}
