/** Temporary folders for tests, removed when they finish. */
import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { onTestFinished } from 'vitest';

/** A new empty folder under the system's temporary folder, named `papershelf-<what>-…`; removed when the calling test finishes. */
export function tempDir(what: string): string {
  const dir = mkdtempSync(path.join(tmpdir(), `papershelf-${what}-`));
  onTestFinished(() => rmSync(dir, { recursive: true, force: true }));
  return dir;
}
