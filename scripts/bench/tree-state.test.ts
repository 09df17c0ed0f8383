import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { execFileSync } from 'node:child_process';
import { mkdirSync, mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { describeTree, readTreeState, sameTree } from './tree-state.ts';

describe('readTreeState: the code a benchmark measured', () => {
  let repo: string;
  const git = (...args: string[]) => execFileSync('git', args, { cwd: repo, stdio: 'pipe' }).toString().trim();
  const write = (file: string, text: string) => writeFileSync(path.join(repo, file), text);

  beforeAll(() => {
    repo = mkdtempSync(path.join(os.tmpdir(), 'papershelf-tree-state-'));
    git('init', '-q');
    git('config', 'user.email', 'bench@example.org');
    git('config', 'user.name', 'bench');
    write('.gitignore', 'dist/\n');
    write('page.ts', 'export const a = 1;\n');
    git('add', '.');
    git('commit', '-qm', 'first');
  });
  afterAll(() => rmSync(repo, { recursive: true, force: true }));

  it('names the commit of a clean tree, and sees every kind of edit made while it runs', () => {
    const clean = readTreeState(repo);
    expect(clean).toEqual({ commit: git('rev-parse', 'HEAD'), changes: null });
    expect(describeTree(clean)).toBe(clean.commit!.slice(0, 7));

    write('page.ts', 'export const a = 2;\n');
    const edited = readTreeState(repo);
    expect(edited.commit).toBe(clean.commit);
    expect(edited.changes).toMatch(/^[0-9a-f]{16}$/);
    expect(sameTree(clean, edited)).toBe(false);
    expect(describeTree(edited)).toMatch(/^[0-9a-f]{7} \+ uncommitted changes [0-9a-f]{8}$/);

    // A second edit of a file already modified: `git status` reads the same, the code does not.
    write('page.ts', 'export const a = 3;\n');
    const again = readTreeState(repo);
    expect(sameTree(edited, again)).toBe(false);
    expect(sameTree(again, readTreeState(repo))).toBe(true);

    // A new module, and then an edit of it.
    write('new.ts', 'export const b = 1;\n');
    const added = readTreeState(repo);
    expect(sameTree(again, added)).toBe(false);
    write('new.ts', 'export const b = 2;\n');
    expect(sameTree(added, readTreeState(repo))).toBe(false);

    // A commit of it all: a new commit, nothing uncommitted.
    git('add', '.');
    git('commit', '-qm', 'second');
    const committed = readTreeState(repo);
    expect(committed.changes).toBeNull();
    expect(committed.commit).not.toBe(clean.commit);
    expect(sameTree(committed, clean)).toBe(false);
  });

  it('leaves out what git ignores: the build output the benchmark writes itself', () => {
    const before = readTreeState(repo);
    mkdirSync(path.join(repo, 'dist'));
    write('dist/index.html', '<p>built</p>');
    expect(sameTree(before, readTreeState(repo))).toBe(true);
  });

  it('outside a git repository has no commit', () => {
    const plain = mkdtempSync(path.join(os.tmpdir(), 'papershelf-tree-state-plain-'));
    try {
      const state = readTreeState(plain);
      expect(state).toEqual({ commit: null, changes: null });
      expect(describeTree(state)).toBe('not a git repository');
    } finally {
      rmSync(plain, { recursive: true, force: true });
    }
  });
});
