/** Paths shared by the end-to-end tests. */
import path from 'node:path';
import { fileURLToPath } from 'node:url';
import { config } from '../../src/config.ts';

/** The repository root. */
export const repoRoot = path.resolve(path.dirname(fileURLToPath(import.meta.url)), '../..');

/** The real corpus beside the repository (CI has `../shared` too); override with `PAPERSHELF_CORPUS`. */
export const corpusDir = config().corpusDir;

/** Base path used by the second, base-path build of the demo site. */
export const TEST_BASE = '/papershelf/';
