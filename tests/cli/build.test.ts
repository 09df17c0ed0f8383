/**
 * `npm run build` as CI runs it, on a one- or two-paper archive in a temporary folder (digests,
 * ledger, notes, papers and dist all there, through the PAPERSHELF_* settings): what stops the
 * build and what does not (issue 7, items 8 and 9). Each site builds in a few seconds.
 */
import { existsSync } from 'node:fs';
import { mkdir, mkdtemp, readdir, readFile, rm, stat, unlink, writeFile } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { repoRoot } from '../support/repo.ts';
import { run } from '../support/run.ts';
import { renderApi, renderPlaintext, type CardRecord } from '../support/render-digests.ts';
import { countedCard } from '../support/builders.ts';

let tmp: string;
beforeAll(async () => {
  tmp = await mkdtemp(path.join(tmpdir(), 'papershelf-build-'));
});
afterAll(async () => {
  await rm(tmp, { recursive: true, force: true });
});

const card = (n: number, over: Partial<CardRecord> = {}): CardRecord =>
  countedCard({
    title: `Paper Number ${n}`,
    abstract: `Abstract of paper ${n}.`,
    published: '2024-06-02',
    arxiv: `2406.0004${n}`,
    ...over,
  });

/** A site of its own: every input and output of `npm run build` under `root`. */
async function site(name: string): Promise<{ root: string; env: Record<string, string> }> {
  const root = path.join(tmp, name);
  await mkdir(path.join(root, 'digests'), { recursive: true });
  await mkdir(path.join(root, 'notes'));
  const env = {
    PAPERSHELF_DIGESTS: path.join(root, 'digests'),
    PAPERSHELF_NOTES: path.join(root, 'notes'),
    PAPERSHELF_LEDGER: path.join(root, 'permalinks.txt'),
    PAPERSHELF_PAPERS: path.join(root, 'papers'),
    PAPERSHELF_OUT: path.join(root, 'dist'),
  };
  return { root, env };
}

const build = (env: Record<string, string>) => run('npm', ['run', 'build'], env);
const noStack = (text: string) => expect(text).not.toMatch(/^\s+at |Stack trace/m);

describe('npm run build', () => {
  it('stops when a digest that published a permalink was removed: the URL would be a 404 (item 9)', async () => {
    const { root, env } = await site('removed-digest');
    await writeFile(path.join(root, 'digests/2025-06-03.json'), renderApi('2025-06-03', [card(1)]));
    await writeFile(path.join(root, 'digests/2025-06-04.json'), renderApi('2025-06-04', [card(2)]));
    const first = await run('npx', ['tsx', 'scripts/ingest.ts', '--quiet'], env);
    expect(first.code, first.stderr).toBe(0);
    expect(await readFile(env.PAPERSHELF_LEDGER, 'utf8')).toBe('2406.00041\n2406.00042\n');
    await unlink(path.join(root, 'digests/2025-06-04.json'));
    const r = await build(env);
    expect(r.code).toBe(1);
    const ledger = path.relative(repoRoot, env.PAPERSHELF_LEDGER);
    expect(r.stderr).toContain(`${ledger}:2: error: expected the published permalink "2406.00042" to resolve`);
    expect(r.stderr).toMatch(/build stopped: 1 published permalink would stop resolving/);
    expect(existsSync(env.PAPERSHELF_OUT)).toBe(false);
    noStack(r.stdout + r.stderr);
  });

  it('still publishes the rest when a card is rejected, with control characters gone from the feed and pages (items 9 and 5)', async () => {
    const { root, env } = await site('rejected-card');
    const text = renderPlaintext('2025-06-03', [
      card(1, { title: 'Paper\u0000 Number 1', abstract: 'Abstract\u001b of paper 1.' }),
      card(2),
    ]);
    const broken = text.replace(/Jun 2, 2024(?![\s\S]*Jun 2, 2024)/, 'Jun 66, 2024');
    await writeFile(path.join(root, 'digests/2025-06-03.txt'), broken);
    const r = await build(env);
    expect(r.code, r.stderr.slice(-2000)).toBe(0);
    expect(r.stderr).toMatch(/2025-06-03\.txt:\d+: error: expected a date line/);
    expect(r.stderr).toMatch(/2025-06-03\.txt:\d+: warning: expected text without control characters/);
    const feed = await readFile(path.join(env.PAPERSHELF_OUT, 'feed.xml'), 'utf8');
    expect(feed).toContain('Paper Number 1');
    // XML 1.0 allows no C0 control but tab, newline and carriage return.
    expect(feed).not.toMatch(/[\u0000-\u0008\u000b\u000c\u000e-\u001f]/);
    const page = await readFile(path.join(env.PAPERSHELF_OUT, 'papers/paper-number-1/index.html'), 'utf8');
    expect(page).not.toMatch(/[\u0000\u001b]/);
    // The rendering bundle read the content store from its file (src/integrations/data-store-module.ts,
    // issue 9's memory): the build warns when Astro's store module no longer has the form it replaces.
    expect(r.stdout + r.stderr).not.toMatch(/content store module was not seen/);
    // The size line ends the build (issue 9): this dist's own size and files, for its one paper.
    const entries = await readdir(env.PAPERSHELF_OUT, { recursive: true, withFileTypes: true });
    const files = entries.filter((e) => e.isFile());
    const bytes = (await Promise.all(files.map((e) => stat(path.join(e.parentPath, e.name))))).reduce((n, s) => n + s.size, 0);
    const last = r.stdout.trim().split('\n').at(-1)!;
    expect(last).toMatch(
      /^dist: \d+\.\d MB in [\d,]+ files \(\d+\.\d MB as the tar Pages uploads\) for 1 paper: \d+\.\d MB per 1,000 papers; about [\d,]+ papers fit in GitHub Pages' 1 GB at this rate \(\d+% used\)\.$/,
    );
    expect(last).toContain(`in ${files.length.toLocaleString('en-US')} files`);
    // The tar adds a 512-byte header per file and folder and pads each file to 512 bytes.
    const tarMb = Number(/\((\d+\.\d) MB as the tar/.exec(last)![1]);
    expect(tarMb * 1e6).toBeGreaterThan(bytes + files.length * 512 - 1e5);
    expect(last).toContain(`dist: ${(bytes / 1e6).toFixed(1)} MB`);
    expect(last).toContain(`about ${Math.floor(1e9 / bytes).toLocaleString('en-US')} papers fit`);
  });

  it('stops with one file:line:col line, not a stack trace, when a note does not compile (item 8)', async () => {
    const { root, env } = await site('broken-note');
    await writeFile(path.join(root, 'digests/2025-06-03.json'), renderApi('2025-06-03', [card(1)]));
    const note = path.join(root, 'notes/2406.00041.mdx');
    await writeFile(note, 'A note.\n\nHello {broken\n');
    const r = await build(env);
    expect(r.code).toBe(1);
    const lines = r.stderr.split('\n').filter((l) => l.includes('2406.00041.mdx'));
    expect(lines).toEqual([
      expect.stringMatching(
        new RegExp(`^${path.relative(repoRoot, note).replace(/[./]/g, '\\$&')}:3:14: error: expected valid MDX, found `),
      ),
    ]);
    expect(r.stderr).toMatch(/build stopped: 1 note cannot be rendered/);
    expect(existsSync(env.PAPERSHELF_OUT)).toBe(false);
    noStack(r.stdout + r.stderr);
  });

  it("astro build on its own (no ingest check before it) also stops with the note's one file:line:col line, no stack trace (item 8)", async () => {
    const { root, env } = await site('broken-note-astro');
    await writeFile(path.join(root, 'digests/2025-06-03.json'), renderApi('2025-06-03', [card(1)]));
    const ingest = await run('npx', ['tsx', 'scripts/ingest.ts', '--quiet', '--no-ledger'], env);
    expect(ingest.code, ingest.stderr).toBe(0);
    const note = path.join(root, 'notes/2406.00041.mdx');
    await writeFile(note, 'A note.\n\nHello {broken\n');
    const r = await run('npx', ['astro', 'build'], env);
    expect(r.code).toBe(1);
    const text = r.stdout + r.stderr;
    const lines = text.split('\n').filter((l) => l.includes('2406.00041.mdx'));
    expect(lines).toEqual([
      `${path.relative(repoRoot, note)}:3:14: error: expected valid MDX, found an error (Unexpected end of file in expression, expected a corresponding closing brace for \`{\`)`,
    ]);
    expect(text).toContain('1 note cannot be rendered; nothing was built.');
    expect(existsSync(env.PAPERSHELF_OUT)).toBe(false);
    noStack(text);
  });

  it('stops when the search index fails, although it is built beside the pages: the pages render, no half index is published', async () => {
    const { root, env } = await site('index-failure');
    await writeFile(path.join(root, 'digests/2025-06-03.json'), renderApi('2025-06-03', [card(1)]));
    const ingest = await run('npx', ['tsx', 'scripts/ingest.ts', '--quiet', '--no-ledger'], env);
    expect(ingest.code, ingest.stderr).toBe(0);
    // The indexer reads each paper's note for its words: a folder where the note should be makes it fail.
    await mkdir(path.join(root, 'notes/2406.00041.mdx'));
    const r = await run('npx', ['astro', 'build'], env);
    expect(r.code).toBe(1);
    expect(r.stdout + r.stderr).toMatch(/search index: EISDIR/);
    // The indexing ran alongside the rendering and its error was raised once the pages were written.
    expect(existsSync(path.join(env.PAPERSHELF_OUT, 'papers/2406.00041/index.html'))).toBe(true);
    expect(existsSync(path.join(env.PAPERSHELF_OUT, 'pagefind'))).toBe(false);
  });
});
