import { mkdtemp, mkdir, readdir, readFile, rm, stat, writeFile } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import type { Paper } from '../schemas/paper.ts';
import { IngestIoError, listDigestFiles, readDigestFiles, serializePaper, writeArchive, writePapers } from './write.ts';

let dir: string;
beforeEach(async () => {
  dir = await mkdtemp(path.join(tmpdir(), 'papershelf-write-'));
});
afterEach(async () => {
  await rm(dir, { recursive: true, force: true });
});

const paper = (id: string): Paper => ({
  id, aliases: [], title: `T ${id}`, abstract: 'A.', published: '2025-01-01', authors: null, authorCount: 2, org: null,
  upvotes: null, comments: 3, arxiv: null, github: null, project: null, links: [], keywords: [], digests: ['2026-01-08'],
  appearances: [{ digest: '2026-01-08', file: 'a.txt', line: 1, rank: 0, upvotes: null, comments: 3 }], topics: [],
});

describe('listDigestFiles', () => {
  it('lists digest files recursively, sorted, relative to the input folder, skipping hidden and other files', async () => {
    await mkdir(path.join(dir, 'in/2025/.hidden'), { recursive: true });
    for (const f of ['in/b.txt', 'in/a.md', 'in/2025/c.json', 'in/2025/.hidden/d.txt', 'in/.e.txt', 'in/notes.pdf']) await writeFile(path.join(dir, f), 'x');
    const files = await listDigestFiles(['in'], { cwd: dir });
    expect(files.map((f) => f.file)).toEqual(['2025/c.json', 'a.md', 'b.txt']);
    expect(files[0]!.path).toBe(path.join(dir, 'in/2025/c.json'));
  });

  it('gives the same list whatever the order of the paths, and skips the output folder', async () => {
    await mkdir(path.join(dir, 'x/papers'), { recursive: true });
    await mkdir(path.join(dir, 'y'));
    for (const f of ['x/1.txt', 'y/2.txt', 'x/papers/p.json']) await writeFile(path.join(dir, f), 'x');
    const one = await listDigestFiles(['x', 'y/2.txt'], { cwd: dir, exclude: ['x/papers'] });
    const two = await listDigestFiles(['y/2.txt', 'x', 'x/1.txt'], { cwd: dir, exclude: ['x/papers'] });
    expect(one.map((f) => f.file)).toEqual(['x/1.txt', 'y/2.txt']);
    expect(two).toEqual(one);
  });

  it('throws IngestIoError for a missing path', async () => {
    await expect(listDigestFiles(['nope'], { cwd: dir })).rejects.toThrow(IngestIoError);
    await expect(listDigestFiles(['nope'], { cwd: dir })).rejects.toThrow('cannot read nope: no such file or directory');
  });

  it('reads files as UTF-8 and reports unreadable ones', async () => {
    await writeFile(path.join(dir, 'a.txt'), 'héllo');
    expect(await readDigestFiles([{ path: path.join(dir, 'a.txt'), file: 'a.txt' }])).toEqual([{ file: 'a.txt', text: 'héllo' }]);
    await expect(readDigestFiles([{ path: path.join(dir, 'gone.txt'), file: 'gone.txt' }])).rejects.toThrow(IngestIoError);
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
