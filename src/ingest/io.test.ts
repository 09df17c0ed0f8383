import { mkdtemp, mkdir, readdir, readFile, rm, stat, symlink, writeFile } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import type { Paper } from '../schemas/paper.ts';
import {
  ensureDir,
  IngestIoError,
  listDigestFiles,
  readDigestFiles,
  serializePaper,
  writeArchive,
  writeEmptyDaysCopy,
  writeLedger,
  writePapers,
} from './io.ts';

let dir: string;
beforeEach(async () => {
  dir = await mkdtemp(path.join(tmpdir(), 'papershelf-write-'));
});
afterEach(async () => {
  await rm(dir, { recursive: true, force: true });
});

const paper = (id: string): Paper => ({
  id,
  aliases: [],
  title: `T ${id}`,
  abstract: 'A.',
  published: '2025-01-01',
  authors: null,
  authorCount: 2,
  org: null,
  upvotes: null,
  comments: 3,
  arxiv: null,
  github: null,
  project: null,
  links: [],
  keywords: [],
  digests: ['2026-01-08'],
  appearances: [{ digest: '2026-01-08', file: 'a.txt', line: 1, rank: 0, upvotes: null, comments: 3, format: null, capturedAt: null }],
  topics: [],
  conflicts: [],
  sources: { upvotes: null, comments: 0, org: null, authors: null },
});

describe('listDigestFiles', () => {
  it('lists digest files recursively, sorted, relative to the input folder; hidden and other files are listed as not read, with the reason', async () => {
    await mkdir(path.join(dir, 'in/2025/.hidden'), { recursive: true });
    for (const f of ['in/b.txt', 'in/a.md', 'in/2025/c.json', 'in/2025/.hidden/d.txt', 'in/.e.txt', 'in/notes.pdf'])
      await writeFile(path.join(dir, f), 'x');
    const files = await listDigestFiles(['in'], { cwd: dir });
    expect(files.filter((f) => !f.notRead).map((f) => f.file)).toEqual(['2025/c.json', 'a.md', 'b.txt']);
    expect(files.find((f) => f.file === '2025/c.json')!.path).toBe(path.join(dir, 'in/2025/c.json'));
    // A hidden folder is listed once, not searched.
    expect(files.filter((f) => f.notRead).map((f) => [f.file, f.notRead!.severity, f.notRead!.reason])).toEqual([
      ['.e.txt', 'info', 'a hidden file'],
      ['2025/.hidden', 'info', 'a hidden folder (not searched)'],
      ['notes.pdf', 'warning', 'not a digest file name (expected .txt, .md, .json or a counts .jsonl)'],
    ]);
  });

  it('does not follow a link out of the input folder, and names dangling links (items 3 and 13)', async () => {
    await mkdir(path.join(dir, 'in/sub'), { recursive: true });
    await writeFile(path.join(dir, 'secret.txt'), 'root:x:0:0\n');
    await writeFile(path.join(dir, 'in/2026-01-08.txt'), 'x');
    await symlink(path.join(dir, 'secret.txt'), path.join(dir, 'in/leak.txt'));
    await symlink('../secret.txt', path.join(dir, 'in/relative-leak.md'));
    await symlink(path.join(dir, 'nowhere.txt'), path.join(dir, 'in/dangling.txt'));
    await symlink('2026-01-08.txt', path.join(dir, 'in/inside.txt'));
    await symlink(dir, path.join(dir, 'in/sub/up'));
    await symlink('..', path.join(dir, 'in/sub/loop'));
    const files = await listDigestFiles(['in'], { cwd: dir });
    const byName = new Map(files.map((f) => [f.file, f]));
    expect([...byName.keys()]).toEqual([
      '2026-01-08.txt',
      'dangling.txt',
      'inside.txt',
      'leak.txt',
      'relative-leak.md',
      'sub/loop',
      'sub/up',
    ]);
    expect(byName.get('leak.txt')!.notRead).toEqual({
      line: 0,
      severity: 'error',
      reason: `a link to a file outside the input folder (${path.join(dir, 'secret.txt')}); not followed`,
    });
    expect(byName.get('relative-leak.md')!.notRead).toMatchObject({
      severity: 'error',
      reason: expect.stringContaining('outside the input folder'),
    });
    expect(byName.get('dangling.txt')!.notRead).toEqual({
      line: 0,
      severity: 'error',
      reason: `a link to nothing (${path.join(dir, 'nowhere.txt')} does not exist)`,
    });
    expect(byName.get('sub/up')!.notRead).toMatchObject({
      severity: 'error',
      reason: expect.stringContaining('a link to a folder outside the input folder'),
    });
    expect(byName.get('inside.txt')!.notRead).toBeUndefined();
    // A link back up to the input folder itself: inside, so listed, and not followed (it would loop).
    expect(byName.get('sub/loop')!.notRead).toEqual({
      line: 0,
      severity: 'info',
      reason: 'a link to a folder inside the input (.); not followed',
    });
    // Reading never opens what a refused link points to.
    const texts = readDigestFiles(files);
    expect(texts.map((t) => t.text).join('')).not.toContain('root:x');
  });

  it('gives the same list whatever the order of the paths, and lists the output folder without reading it', async () => {
    await mkdir(path.join(dir, 'x/papers'), { recursive: true });
    await mkdir(path.join(dir, 'y'));
    for (const f of ['x/1.txt', 'y/2.txt', 'x/papers/p.json']) await writeFile(path.join(dir, f), 'x');
    const one = await listDigestFiles(['x', 'y/2.txt'], { cwd: dir, exclude: ['x/papers'] });
    const two = await listDigestFiles(['y/2.txt', 'x', 'x/1.txt'], { cwd: dir, exclude: ['x/papers'] });
    expect(one.map((f) => [f.file, f.notRead?.severity ?? 'read'])).toEqual([
      ['x/1.txt', 'read'],
      ['x/papers', 'info'],
      ['y/2.txt', 'read'],
    ]);
    expect(two).toEqual(one);
  });

  it('throws IngestIoError for a missing path', async () => {
    await expect(listDigestFiles(['nope'], { cwd: dir })).rejects.toThrow(IngestIoError);
    await expect(listDigestFiles(['nope'], { cwd: dir })).rejects.toThrow('cannot read nope: no such file or directory');
  });

  it('reads files as UTF-8 and reports unreadable ones', async () => {
    await writeFile(path.join(dir, 'a.txt'), 'héllo');
    expect(readDigestFiles([{ path: path.join(dir, 'a.txt'), file: 'a.txt' }])).toEqual([{ file: 'a.txt', text: 'héllo' }]);
    expect(() => readDigestFiles([{ path: path.join(dir, 'gone.txt'), file: 'gone.txt' }])).toThrow(IngestIoError);
  });

  it('reads UTF-16 with a byte-order mark and marks invalid UTF-8 as not read, with its line (items 5 and 13)', async () => {
    await writeFile(path.join(dir, 'u16.txt'), Buffer.concat([Buffer.from([0xff, 0xfe]), Buffer.from('Jan 8\nhé\n', 'utf16le')]));
    await writeFile(path.join(dir, 'latin1.txt'), Buffer.from('Jan 8\ncaf\xe9\n', 'latin1'));
    const read = readDigestFiles([
      { path: path.join(dir, 'u16.txt'), file: 'u16.txt' },
      { path: path.join(dir, 'latin1.txt'), file: 'latin1.txt' },
    ]);
    expect(read[0]).toEqual({ file: 'u16.txt', text: 'Jan 8\nhé\n' });
    expect(read[1]).toMatchObject({ file: 'latin1.txt', notRead: { line: 2, severity: 'error', reason: expect.stringContaining('0xE9') } });
  });
});

describe('empty-days.txt', () => {
  it('is listed and read as the empty-days list, not as a digest, wherever it is', async () => {
    await mkdir(path.join(dir, 'in/2025'), { recursive: true });
    await writeFile(path.join(dir, 'in/2025-01-02.txt'), 'a digest');
    await writeFile(path.join(dir, 'in/empty-days.txt'), '2025-01-01\n');
    await writeFile(path.join(dir, 'in/2025/empty-days.txt'), '2025-12-25\n');
    const files = await listDigestFiles([path.join(dir, 'in')]);
    expect(files.map((f) => [f.file, f.emptyDays ?? false])).toEqual([
      ['2025-01-02.txt', false],
      ['2025/empty-days.txt', true],
      ['empty-days.txt', true],
    ]);
    expect(readDigestFiles(files).map((f) => f.emptyDays ?? false)).toEqual([false, true, true]);
  });

  it("ingest's copy for the site: written when there are days, left alone when unchanged, removed when there are none", async () => {
    const copy = path.join(dir, 'empty-days.txt');
    await writeEmptyDaysCopy(dir, ['2025-01-01', '2025-12-25']);
    const text = await readFile(copy, 'utf8');
    expect(text.endsWith('\n2025-01-01\n2025-12-25\n')).toBe(true);
    const { mtimeMs } = await stat(copy);
    await new Promise((r) => setTimeout(r, 20));
    await writeEmptyDaysCopy(dir, ['2025-01-01', '2025-12-25']);
    expect((await stat(copy)).mtimeMs).toBe(mtimeMs);
    await writeEmptyDaysCopy(dir, []);
    expect(await readdir(dir)).toEqual([]);
    await writeEmptyDaysCopy(dir, []);
  });
});

describe('writePapers', () => {
  it('writes 2-space JSON with a final newline, leaves identical files alone, removes stale papers only', async () => {
    const out = path.join(dir, 'papers');
    await mkdir(out);
    await writeFile(path.join(out, 'old.json'), JSON.stringify(paper('old')));
    await writeFile(path.join(out, 'config.json'), '{"not":"a paper"}');
    await writeFile(path.join(out, 'README.md'), 'keep me');
    const first = await writePapers(out, [paper('a'), paper('b')]);
    expect(first).toEqual({ written: 2, unchanged: 0, removed: ['old.json'], foreign: ['config.json'] });
    expect((await readdir(out)).sort()).toEqual(['README.md', 'a.json', 'b.json', 'config.json']);
    const bytes = await readFile(path.join(out, 'a.json'), 'utf8');
    expect(bytes).toBe(serializePaper(paper('a')));
    expect(bytes).toMatch(/^\{\n {2}"id": "a",\n[\s\S]*\}\n$/);
    const mtime = (await stat(path.join(out, 'a.json'))).mtimeMs;
    const second = await writePapers(out, [paper('a'), { ...paper('b'), comments: 4 }]);
    expect(second).toMatchObject({ written: 1, unchanged: 1, removed: [] });
    expect((await stat(path.join(out, 'a.json'))).mtimeMs).toBe(mtime);
  });

  it('creates the folder and writes the archive', async () => {
    await writePapers(path.join(dir, 'new/deep'), [paper('a')]);
    expect(await readdir(path.join(dir, 'new/deep'))).toEqual(['a.json']);
    const file = path.join(dir, 'sub/archive.jsonl');
    await writeArchive(file, [paper('b'), paper('a')], '/repo/');
    const lines = (await readFile(file, 'utf8')).split('\n');
    expect(lines.map((l) => (l ? JSON.parse(l).id : ''))).toEqual(['a', 'b', '']);
    expect(JSON.parse(lines[0]!).url).toBe('/repo/papers/a/');
  });
});

describe('paths that cannot be written fail fast (item 7)', () => {
  it.each(['/proc/papershelf-x/deep', '/proc/papershelf-x', '/dev/null/x'])(
    'ensureDir(%s) throws IngestIoError at once',
    async (target) => {
      const started = performance.now();
      await expect(ensureDir(target)).rejects.toThrow(IngestIoError);
      await expect(ensureDir(target)).rejects.toThrow(/^cannot create the folder /);
      expect(performance.now() - started).toBeLessThan(2000);
    },
  );

  it('writePapers, writeArchive and writeLedger under /proc throw instead of hanging', async () => {
    await expect(writePapers('/proc/papershelf-x/papers', [paper('a')])).rejects.toThrow(IngestIoError);
    await expect(writeArchive('/proc/papershelf-x/archive.jsonl', [paper('a')], '/')).rejects.toThrow(IngestIoError);
    await expect(writeLedger('/proc/papershelf-x/permalinks.txt', 'a\n')).rejects.toThrow(IngestIoError);
  }, 10_000);

  it('creates missing folders one level at a time', async () => {
    await ensureDir(path.join(dir, 'a/b/c'));
    expect((await stat(path.join(dir, 'a/b/c'))).isDirectory()).toBe(true);
    await writeFile(path.join(dir, 'file'), 'x');
    await expect(ensureDir(path.join(dir, 'file/sub'))).rejects.toThrow(/is not a folder/);
  });
});
