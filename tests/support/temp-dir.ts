/** Temporary folders for tests, removed when they finish. */
import { mkdirSync, mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { onTestFinished } from 'vitest';

/** A new empty folder under the system's temporary folder, named `papershelf-<what>-…`; removed when the calling test finishes. */
export function tempDir(what: string): string {
  const dir = mkdtempSync(path.join(tmpdir(), `papershelf-${what}-`));
  onTestFinished(() => rmSync(dir, { recursive: true, force: true }));
  return dir;
}

/** Writes `files` (path relative to `dir`, `/`-separated → text) under `dir`, making folders as needed; returns `dir`. */
export function writeTree(dir: string, files: Record<string, string>): string {
  for (const [name, text] of Object.entries(files)) {
    mkdirSync(path.dirname(path.join(dir, name)), { recursive: true });
    writeFileSync(path.join(dir, name), text);
  }
  return dir;
}
