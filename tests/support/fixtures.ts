/**
 * The fixture convention of the unit tests (after remark's): one folder per case beside the tested
 * module, holding the input and the expected output, compared on every run and rewritten with
 * `UPDATE=1 npx vitest run <folder>`. A missing expected file fails instead of being written, so a
 * deleted one cannot pass. Every fixture test also has explicit checks, so a regenerated snapshot
 * cannot hide a regression.
 *
 * Format readers (`src/ingest/formats/fixtures/<format>/<case>/`): the input's name gives the
 * digest date, as in `content/digests/`, and `expected.json` is the `ParsedFile` it must give.
 */
import { existsSync, readdirSync, readFileSync, writeFileSync } from 'node:fs';
import path from 'node:path';
import { expect } from 'vitest';
import { digestFromFileName } from '../../src/ingest/dates.ts';
import type { FormatReader, ParsedFile } from '../../src/ingest/types.ts';
import { isRejection } from '../../src/ingest/formats/read-log.ts';
import { UPDATE } from './env.ts';
import { repoRoot } from './repo.ts';

/** The case folders in `dir` (only those holding `file`, when given), sorted. */
export function fixtureCases(dir: string, file?: string): string[] {
  return readdirSync(dir)
    .filter((name) => file === undefined || existsSync(path.join(dir, name, file)))
    .sort();
}

function expectedText(expectedFile: string, actual: string): string {
  if (UPDATE) writeFileSync(expectedFile, actual);
  if (!existsSync(expectedFile)) throw new Error(`${expectedFile} is missing: run the test with UPDATE=1 to write it, then read it`);
  return readFileSync(expectedFile, 'utf8');
}

/** Compares `actual` with the text of `expectedFile` (UPDATE=1 writes it first). */
export function matchFixture(expectedFile: string, actual: string): void {
  expect(actual).toBe(expectedText(expectedFile, actual));
}

/** Compares `actual` with the JSON in `expectedFile` (UPDATE=1 writes it first, 2-space indented). */
export function matchJsonFixture(expectedFile: string, actual: unknown): void {
  expect(actual).toEqual(JSON.parse(expectedText(expectedFile, JSON.stringify(actual, null, 2) + '\n')));
}

/** The format readers' fixtures. */
const readerFixtures = path.join(repoRoot, 'src/ingest/formats/fixtures');

/** One reader case: its input text, file name and what the reader made of it. */
export interface ReaderCase {
  input: string;
  file: string;
  parsed: ParsedFile;
}

/** The case names of a format, sorted. */
export function readerCaseNames(format: string): string[] {
  return fixtureCases(path.join(readerFixtures, format));
}

/** Reads a case of `format` and parses it with `reader`. */
export function readerCase(format: string, name: string, reader: FormatReader): ReaderCase {
  const dir = path.join(readerFixtures, format, name);
  const file = readdirSync(dir).find((f) => f !== 'expected.json')!;
  const input = readFileSync(path.join(dir, file), 'utf8');
  return { input, file, parsed: reader.parse(input, { file, digestFromName: digestFromFileName(file) }) };
}

/**
 * Checks a reader case: `reader` detects it (unless `detects: false`), the result matches
 * `expected.json`, and the count rule holds (entries read = accepted + one error per rejected card).
 */
export function checkReaderCase(format: string, name: string, reader: FormatReader, { detects = true } = {}): ReaderCase {
  const c = readerCase(format, name, reader);
  expect(reader.detect(c.input, c.file), `${reader.name} detects ${name}`).toBe(detects);
  matchJsonFixture(path.join(readerFixtures, format, name, 'expected.json'), c.parsed);
  expect(c.parsed.entriesRead).toBe(c.parsed.entries.length + c.parsed.problems.filter(isRejection).length);
  return c;
}
