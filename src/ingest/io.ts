/**
 * Every file operation of ingest: listing and reading digest files, writing `content/papers/`,
 * removing entries no digest produces any more, writing `archive.jsonl`. The rest of ingest is
 * pure; this module keeps its I/O small and its errors clear (`IngestIoError`, exit code 2).
 */
import { readFileSync, writeFileSync } from 'node:fs';
import { mkdir, readdir, readFile, readlink, realpath, stat, unlink, writeFile } from 'node:fs/promises';
import path from 'node:path';
import type { Paper } from '../schemas/paper.ts';
import { toArchiveJsonl } from '../core/archive.ts';
import type { DigestInput, NotRead } from './types.ts';
import { compareStrings } from '../core/compare.ts';
import { decodeDigest } from './decode.ts';
import { EMPTY_DAYS_FILE, emptyDaysText } from '../core/empty-days.ts';
import type { NoteInput } from './notes.ts';

/** A usage or I/O problem (missing path, unreadable file): the CLI exits with 2. */
export class IngestIoError extends Error {
  constructor(message: string, options?: { cause?: unknown }) {
    super(message, options);
    this.name = 'IngestIoError';
  }
}

/** A file found in the input: a digest to read, or one listed as not read. */
export interface DigestFile {
  /** Absolute path. */
  path: string;
  /** Path relative to the input root, `/`-separated: what papers and messages record. */
  file: string;
  /** Set when the file is not to be read, with the reason the report gives. */
  notRead?: NotRead;
  /** Set for `empty-days.txt` (core/empty-days.ts): read as the list of days without papers, not as a digest. */
  emptyDays?: true;
}

/** Extensions read when a directory is given. */
const DIGEST_EXT = /\.(?:txt|md|json|jsonl)$/i;

/** Writing into a folder that exists, ENOENT means the file system (e.g. `/proc`) will not create the file. */
function describeWrite(err: unknown): string {
  return (err as NodeJS.ErrnoException)?.code === 'ENOENT' ? 'the file system does not allow creating it' : describe(err);
}

function describe(err: unknown): string {
  const code = (err as NodeJS.ErrnoException)?.code;
  if (code === 'ENOENT') return 'no such file or directory';
  if (code === 'EACCES' || code === 'EPERM') return 'permission denied';
  if (code === 'EISDIR') return 'is a directory';
  if (code === 'ENOTDIR') return 'a part of the path is not a folder';
  if (code === 'ELOOP') return 'too many levels of symbolic links';
  return code ?? String(err);
}

/** The deepest directory containing every given directory. */
function commonRoot(dirs: readonly string[]): string {
  let root = dirs[0]!;
  for (const d of dirs.slice(1)) {
    while (root !== path.dirname(root) && path.relative(root, d).startsWith('..')) root = path.dirname(root);
  }
  return root;
}

function isInside(file: string, dir: string): boolean {
  const rel = path.relative(dir, file);
  return rel !== '' && !rel.startsWith('..') && !path.isAbsolute(rel);
}

const skip = (severity: NotRead['severity'], reason: string): NotRead => ({ line: 0, severity, reason });

/**
 * Walks one input folder. Hand-written rather than `readdir({ recursive })`, which cannot prune:
 * hidden folders are listed once and not searched, links are resolved here (a link out of the
 * folder is never followed, so no file outside it is read or quoted), and every entry that is
 * not read is kept with its reason.
 */
async function walk(root: string, rootReal: string, exclude: readonly string[], found: Map<string, NotRead | null>): Promise<void> {
  const pending = [root];
  while (pending.length > 0) {
    const dir = pending.pop()!;
    let entries;
    try {
      entries = await readdir(dir, { withFileTypes: true });
    } catch (cause) {
      if (dir === root) throw new IngestIoError(`cannot list ${dir}: ${describe(cause)}`, { cause });
      found.set(dir, skip('error', `a folder that cannot be listed (${describe(cause)})`));
      continue;
    }
    for (const entry of entries) {
      const abs = path.join(dir, entry.name);
      if (exclude.includes(abs)) {
        found.set(abs, skip('info', 'the output folder (paper entries are written there)'));
        continue;
      }
      if (entry.name.startsWith('.')) {
        found.set(abs, skip('info', entry.isDirectory() ? 'a hidden folder (not searched)' : 'a hidden file'));
        continue;
      }
      let isDir = entry.isDirectory();
      let isFile = entry.isFile();
      if (entry.isSymbolicLink()) {
        const target = path.resolve(dir, await readlink(abs).catch(() => '?'));
        const real = await realpath(abs).catch((cause: NodeJS.ErrnoException) => cause);
        if (real instanceof Error) {
          found.set(
            abs,
            skip(
              'error',
              real.code === 'ENOENT'
                ? `a link to nothing (${target} does not exist)`
                : `a link that cannot be followed (${describe(real)})`,
            ),
          );
          continue;
        }
        const info = await stat(real);
        if (real !== rootReal && !isInside(real, rootReal)) {
          found.set(
            abs,
            skip('error', `a link to a ${info.isDirectory() ? 'folder' : 'file'} outside the input folder (${target}); not followed`),
          );
          continue;
        }
        if (info.isDirectory()) {
          // Its files are read where they are; following it could only read them twice, or loop.
          found.set(abs, skip('info', `a link to a folder inside the input (${path.relative(rootReal, real) || '.'}); not followed`));
          continue;
        }
        isDir = false;
        isFile = info.isFile();
      }
      if (isDir) pending.push(abs);
      else if (!isFile) found.set(abs, skip('warning', 'not a regular file (a pipe, socket or device)'));
      else if (!DIGEST_EXT.test(entry.name))
        found.set(abs, skip('warning', 'not a digest file name (expected .txt, .md, .json or a counts .jsonl)'));
      else found.set(abs, null);
    }
  }
}

/**
 * Lists digest files: a directory gives its `*.txt|*.md|*.json` files, recursively; a file is
 * taken as it is (the user named it, so a link given on the command line is followed). Every
 * other entry of a directory is listed too, with `notRead` saying why: hidden files and folders,
 * other extensions, links out of the folder or to nothing. Paths are relative to the deepest
 * directory holding every input, and the list is sorted by that path, so output never depends on
 * the order of the arguments. A folder in `exclude` (the output folder) is listed, not searched.
 */
export async function listDigestFiles(
  inputs: readonly string[],
  options: { cwd?: string; exclude?: readonly string[] } = {},
): Promise<DigestFile[]> {
  const cwd = options.cwd ?? process.cwd();
  const exclude = (options.exclude ?? []).map((d) => path.resolve(cwd, d));
  const found = new Map<string, NotRead | null>();
  const roots: string[] = [];
  for (const input of inputs) {
    const abs = path.resolve(cwd, input);
    let info;
    try {
      info = await stat(abs);
    } catch (cause) {
      throw new IngestIoError(`cannot read ${input}: ${describe(cause)}`, { cause });
    }
    if (info.isDirectory()) {
      roots.push(abs);
      await walk(abs, await realpath(abs), exclude, found);
    } else if (info.isFile()) {
      roots.push(path.dirname(abs));
      found.set(abs, null);
    } else {
      // Reading a pipe would wait forever.
      throw new IngestIoError(`cannot read ${input}: not a regular file`);
    }
  }
  const root = roots.length ? commonRoot(roots) : cwd;
  return [...found]
    .map(([p, notRead]) => ({
      path: p,
      file: path.relative(root, p).split(path.sep).join('/'),
      ...(notRead ? { notRead } : path.basename(p) === EMPTY_DAYS_FILE ? { emptyDays: true as const } : {}),
    }))
    .sort((a, b) => compareStrings(a.file, b.file));
}

/**
 * Reads digest files through `decodeDigest`: UTF-8 or BOM-marked UTF-16 text, or a `notRead`
 * reason (another encoding, with the line of its first bad byte). Files listed as not read are
 * passed on without being opened. Synchronous, one file after another: every caller (the CLI on
 * its own thread, a worker of parallel.ts) has nothing else to do meanwhile, and on the corpus's
 * 580 files this measured no slower than all of them read at once through the thread pool.
 */
export function readDigestFiles(files: readonly DigestFile[]): DigestInput[] {
  return files.map(readDigestFile);
}

/** `readDigestFiles` for one file. */
export function readDigestFile(f: DigestFile): DigestInput {
  if (f.notRead) return { file: f.file, text: '', notRead: f.notRead };
  let bytes: Uint8Array;
  try {
    bytes = readFileSync(f.path);
  } catch (cause) {
    throw new IngestIoError(`cannot read ${f.path}: ${describe(cause)}`, { cause });
  }
  return decodedInput(f, bytes);
}

function decodedInput(f: DigestFile, bytes: Uint8Array): DigestInput {
  const decoded = decodeDigest(bytes);
  return 'text' in decoded
    ? { file: f.file, text: decoded.text, ...(f.emptyDays ? { emptyDays: f.emptyDays } : {}) }
    : { file: f.file, text: '', notRead: { line: decoded.line, severity: 'error', reason: decoded.reason } };
}

/**
 * Makes sure `dir` is a folder, creating what is missing one level at a time. Not
 * `mkdir({ recursive: true })`: under `/proc` it spins forever at 100% CPU (the kernel answers
 * ENOENT for a folder it will never create, and Node retries the parent); here any refusal is an
 * `IngestIoError` at once.
 */
export async function ensureDir(dir: string): Promise<void> {
  const missing: string[] = [];
  let current = path.resolve(dir);
  for (;;) {
    let info;
    try {
      info = await stat(current);
    } catch (cause) {
      const code = (cause as NodeJS.ErrnoException)?.code;
      if (code !== 'ENOENT') throw new IngestIoError(`cannot create the folder ${dir}: ${describe(cause)}`, { cause });
    }
    if (info) {
      if (!info.isDirectory()) throw new IngestIoError(`cannot create the folder ${dir}: ${current} is not a folder`);
      break;
    }
    missing.push(current);
    const parent = path.dirname(current);
    if (parent === current) break;
    current = parent;
  }
  for (const folder of missing.reverse()) {
    try {
      await mkdir(folder);
    } catch (cause) {
      const code = (cause as NodeJS.ErrnoException)?.code;
      if (code === 'EEXIST') continue;
      const why = code === 'ENOENT' ? `the file system does not allow creating ${folder}` : describe(cause);
      throw new IngestIoError(`cannot create the folder ${folder}: ${why}`, { cause });
    }
  }
}

/** A paper entry's bytes: 2-space JSON (keys in schema order, as validated) and a final newline. */
export function serializePaper(paper: Paper): string {
  return JSON.stringify(paper, null, 2) + '\n';
}

/** What writing the papers folder did. */
export interface WriteSummary {
  /** Files created or changed. */
  written: number;
  /** Files already identical (left untouched, so their mtimes survive). */
  unchanged: number;
  /** Stale paper entries removed (ids no digest produces any more). */
  removed: string[];
  /** `.json` files that are not paper entries, left in place. */
  foreign: string[];
}

function looksLikePaper(text: string): boolean {
  try {
    const data: unknown = JSON.parse(text);
    return typeof data === 'object' && data !== null && 'id' in data && 'appearances' in data;
  } catch {
    return false;
  }
}

/**
 * The `.json` names already in the papers folder (one listing: only the entries it names are read
 * to compare; a read attempt per paper in a fresh folder is 9,877 failed opens, each a thrown
 * error, which cost as much as the writes).
 */
export async function existingEntries(dir: string): Promise<Set<string>> {
  try {
    return new Set((await readdir(dir)).filter((n) => n.endsWith('.json')));
  } catch (cause) {
    throw new IngestIoError(`cannot write ${dir}: ${describe(cause)}`, { cause });
  }
}

/**
 * Writes papers' entries into `dir` (which exists), leaving a file whose bytes are already those
 * untouched (its mtime survives, and so does Astro's cache of it); how many were written and
 * left. Synchronous on purpose: for 10,000 small files it measured faster here than batched
 * fs/promises calls (each a thread-pool round trip; 4.4 s against 6.6–7.0 s for 10,000 files on
 * the 2-core CI machine), and the caller (a worker thread, or the CLI) has nothing else to do meanwhile.
 */
export function writeEntryFiles(
  dir: string,
  entries: Iterable<{ id: string; bytes: string }>,
  existing: ReadonlySet<string>,
): { written: number; unchanged: number } {
  const counts = { written: 0, unchanged: 0 };
  // Ids are schema-checked URL segments (no separators), so names are joined onto one prefix.
  const prefix = path.join(dir, path.sep);
  try {
    for (const { id, bytes } of entries) {
      const name = `${id}.json`;
      if (existing.has(name) && readOrNull(prefix + name) === bytes) {
        counts.unchanged++;
        continue;
      }
      writeFileSync(prefix + name, bytes);
      counts.written++;
    }
  } catch (cause) {
    throw new IngestIoError(`cannot write ${dir}: ${describe(cause)}`, { cause });
  }
  return counts;
}

/**
 * Removes the paper entries in `dir` whose ids are not in `keep` (ids no digest produces any
 * more). Only files that are paper entries are ever removed, so a mistaken `--out` cannot delete
 * anything else: the others are returned as foreign.
 */
export async function removeStaleEntries(
  dir: string,
  existing: ReadonlySet<string>,
  keep: Iterable<string>,
): Promise<Pick<WriteSummary, 'removed' | 'foreign'>> {
  const kept = new Set([...keep].map((id) => `${id}.json`));
  const result: Pick<WriteSummary, 'removed' | 'foreign'> = { removed: [], foreign: [] };
  try {
    for (const name of [...existing].filter((n) => !kept.has(n)).sort()) {
      const file = path.join(dir, name);
      const text = await readFile(file, 'utf8').catch(() => '');
      if (looksLikePaper(text)) {
        await unlink(file);
        result.removed.push(name);
      } else result.foreign.push(name);
    }
  } catch (cause) {
    throw new IngestIoError(`cannot write ${dir}: ${describe(cause)}`, { cause });
  }
  return result;
}

/** Each paper's id and bytes, serialised as they are written (not all held at once). */
function* serialized(papers: readonly Paper[]): Generator<{ id: string; bytes: string }> {
  for (const paper of papers) yield { id: paper.id, bytes: serializePaper(paper) };
}

/**
 * Writes `<dir>/<id>.json` for every paper and removes the paper entries of ids that are gone
 * (`writeEntryFiles`, `removeStaleEntries`).
 */
export async function writePapers(dir: string, papers: readonly Paper[]): Promise<WriteSummary> {
  await ensureDir(dir);
  const existing = await existingEntries(dir);
  const counts = writeEntryFiles(dir, serialized(papers), existing);
  const stale = await removeStaleEntries(
    dir,
    existing,
    papers.map((p) => p.id),
  );
  return { ...counts, ...stale };
}

/** A file's text, or null when it cannot be read (a folder of that name: writing it then fails with the reason). */
function readOrNull(file: string): string | null {
  try {
    return readFileSync(file, 'utf8');
  } catch {
    return null;
  }
}

/**
 * Writes what ingest read of `empty-days.txt` into the papers folder as `empty-days.txt` (the same
 * format), for the coverage calendar: the site reads what ingest wrote, so the calendar and the
 * papers always come from the same input. No such days: a stale copy is removed, none written.
 */
export async function writeEmptyDaysCopy(dir: string, days: readonly string[]): Promise<void> {
  const file = path.join(dir, EMPTY_DAYS_FILE);
  try {
    if (days.length === 0) await unlink(file).catch((e: NodeJS.ErrnoException) => (e.code === 'ENOENT' ? undefined : Promise.reject(e)));
    else if ((await readFile(file, 'utf8').catch(() => null)) !== emptyDaysText(days)) await writeFile(file, emptyDaysText(days));
  } catch (cause) {
    throw new IngestIoError(`cannot write ${file}: ${describeWrite(cause)}`, { cause });
  }
}

/** Writes `archive.jsonl` (sorted by id, URLs under `base`). */
export async function writeArchive(file: string, papers: readonly Paper[], base: string): Promise<void> {
  await ensureDir(path.dirname(path.resolve(file)));
  try {
    await writeFile(file, toArchiveJsonl(papers, base));
  } catch (cause) {
    throw new IngestIoError(`cannot write ${file}: ${describeWrite(cause)}`, { cause });
  }
}

/** Reads the permalink ledger's text; a ledger that does not exist yet is empty. */
export async function readLedger(file: string): Promise<string> {
  try {
    return await readFile(file, 'utf8');
  } catch (cause) {
    if ((cause as NodeJS.ErrnoException)?.code === 'ENOENT') return '';
    throw new IngestIoError(`cannot read ${file}: ${describe(cause)}`, { cause });
  }
}

/** Reads the topic taxonomy's text, or null when the file does not exist. */
export async function readTopicsText(file: string): Promise<string | null> {
  try {
    return await readFile(file, 'utf8');
  } catch (cause) {
    if ((cause as NodeJS.ErrnoException)?.code === 'ENOENT') return null;
    throw new IngestIoError(`cannot read ${file}: ${describe(cause)}`, { cause });
  }
}

/** Writes the ledger when its text changed; returns whether it did. */
export async function writeLedger(file: string, text: string): Promise<boolean> {
  if ((await readLedger(file)) === text) return false;
  await ensureDir(path.dirname(path.resolve(file)));
  try {
    await writeFile(file, text);
  } catch (cause) {
    throw new IngestIoError(`cannot write ${file}: ${describeWrite(cause)}`, { cause });
  }
  return true;
}

/**
 * Reads the notes in `dir` (`<paper-id>.mdx`, not in subfolders: what the site's `notes`
 * collection loads), named relative to the working directory as messages show them. A folder
 * that does not exist holds no notes.
 */
export async function readNotes(dir: string): Promise<NoteInput[]> {
  let names: string[];
  try {
    names = (await readdir(dir, { withFileTypes: true }))
      .filter((e) => !e.isDirectory() && e.name.endsWith('.mdx'))
      .map((e) => e.name)
      .sort();
  } catch (cause) {
    if ((cause as NodeJS.ErrnoException)?.code === 'ENOENT') return [];
    throw new IngestIoError(`cannot list ${dir}: ${describe(cause)}`, { cause });
  }
  return Promise.all(
    names.map(async (name) => {
      const file = path.join(dir, name);
      try {
        return { file: path.relative(process.cwd(), file) || file, text: await readFile(file, 'utf8') };
      } catch (cause) {
        throw new IngestIoError(`cannot read ${file}: ${describe(cause)}`, { cause });
      }
    }),
  );
}

/** Writes the report as JSON (`--report FILE`), for scripts/build.ts and CI. */
export async function writeReportFile(file: string, report: unknown): Promise<void> {
  await ensureDir(path.dirname(path.resolve(file)));
  try {
    await writeFile(file, JSON.stringify(report, null, 2) + '\n');
  } catch (cause) {
    throw new IngestIoError(`cannot write ${file}: ${describeWrite(cause)}`, { cause });
  }
}
