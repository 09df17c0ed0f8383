/** Paths shared by the end-to-end tests. */
import path from 'node:path';
import { fileURLToPath } from 'node:url';

/** The repository root. */
export const repoRoot = path.resolve(path.dirname(fileURLToPath(import.meta.url)), '../..');

/** The real corpus beside the repository (CI has `../shared` too); override with `PAPERSHELF_CORPUS`. */
export const corpusDir = process.env.PAPERSHELF_CORPUS ?? path.resolve(repoRoot, '../shared/corpus');

/** Base path used by the second, base-path build of the demo site. */
export const TEST_BASE = '/papershelf/';
