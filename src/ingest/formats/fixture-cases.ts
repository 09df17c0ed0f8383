/**
 * The fixture convention the format tests share: one folder per case under
 * `fixtures/<format>/<case>/` holding the input (its name gives the digest date, as in
 * `content/digests/`) and `expected.json`, the `ParsedFile` it must give. Regenerate with
 * `UPDATE=1 npx vitest run src/ingest/formats`; each case also has explicit checks in its test, so
 * a regenerated snapshot cannot hide a regression. Test support only.
 */
import { readdirSync, readFileSync, writeFileSync } from 'node:fs';
import path from 'node:path';
import { fileURLToPath } from 'node:url';
import { expect } from 'vitest';
import { digestFromFileName } from '../dates.ts';
import type { ParsedFile } from '../types.ts';
import type { FormatReader } from './index.ts';

const root = path.join(path.dirname(fileURLToPath(import.meta.url)), 'fixtures');

/** One case: its input text, file name and what the reader made of it. */
export interface FixtureCase {
  input: string;
  file: string;
  parsed: ParsedFile;
}

/** The case names of a format, sorted. */
export function caseNames(format: string): string[] {
  return readdirSync(path.join(root, format)).sort();
}

/** Reads a case and parses it with `reader` (after checking `reader` detects it). */
export function readCase(format: string, name: string, reader: FormatReader): FixtureCase {
  const dir = path.join(root, format, name);
  const file = readdirSync(dir).find((f) => f !== 'expected.json')!;
  const input = readFileSync(path.join(dir, file), 'utf8');
  return { input, file, parsed: reader.parse(input, { file, digestFromName: digestFromFileName(file) }) };
}

/** Compares a case with its `expected.json` (writing it under UPDATE=1) and checks the count rule. */
export function checkCase(format: string, name: string, reader: FormatReader): void {
  const { parsed, input, file } = readCase(format, name, reader);
  const expectedFile = path.join(root, format, name, 'expected.json');
  if (process.env.UPDATE) writeFileSync(expectedFile, JSON.stringify(parsed, null, 2) + '\n');
  expect(reader.detect(input, file), `${reader.name} detects ${name}`).toBe(true);
  expect(parsed).toEqual(JSON.parse(readFileSync(expectedFile, 'utf8')));
  // Every reader keeps this count honest: read = accepted + one error per rejected card.
  const errors = parsed.problems.filter((p) => p.severity === 'error' && p.line > 0).length;
  expect(parsed.entriesRead).toBe(parsed.entries.length + errors);
}
