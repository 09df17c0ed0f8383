/**
 * The ingest CLI (`npx tsx scripts/ingest.ts`) against folders a careless or hostile user could
 * give it (issue 7): links out of the folder, files it cannot read, control characters, outputs it
 * cannot write, a ledger people edit, notes. Every input and output is in a temporary folder.
 */
import type { IngestReport } from '../../src/ingest/types.ts';
import { copyFile, mkdir, mkdtemp, readdir, readFile, rm, symlink, writeFile } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { repoRoot } from '../support/repo.ts';
import { run, type RunResult } from '../support/run.ts';
import { renderApi, type CardRecord } from '../support/render-digests.ts';
import { countedCard } from '../support/builders.ts';

const SEED = path.join(repoRoot, 'content/digests/2026-01-08.txt');
let tmp: string;
let seed: string;

function ingest(args: string[], env: Record<string, string> = {}, timeoutMs?: number): Promise<RunResult> {
  return run('npx', ['tsx', 'scripts/ingest.ts', ...args], env, { timeoutMs });
}

const reconciles = (r: IngestReport): boolean => r.entriesRead === r.papersWritten + r.duplicatesMerged + r.entriesRejected;
const shown = (file: string): string => path.relative(repoRoot, file);

beforeAll(async () => {
  tmp = await mkdtemp(path.join(tmpdir(), 'papershelf-cli-files-'));
  seed = await readFile(SEED, 'utf8');
});
afterAll(async () => {
  await rm(tmp, { recursive: true, force: true });
});

describe('links out of the input folder (item 3)', () => {
  it('are not followed: the target is never read nor quoted, and the report lists the link as not read', async () => {
    const dir = path.join(tmp, 'links-in');
    await mkdir(dir);
    await copyFile(SEED, path.join(dir, '2026-01-08.txt'));
    const secret = path.join(tmp, 'secret.txt');
    await writeFile(secret, 'TOP-SECRET first line\n');
    await symlink(secret, path.join(dir, 'leak.txt'));
    const r = await ingest([dir, '--out', path.join(tmp, 'links-out')]);
    expect(r.code).toBe(1);
    expect(r.stdout + r.stderr).not.toContain('TOP-SECRET');
    expect(r.stdout).toMatch(/files read +1\n {2}files not read +1\n/);
    expect(r.stdout).toContain(
      `${shown(path.join(dir, 'leak.txt'))}: error: not read: a link to a file outside the input folder (${secret}); not followed\n`,
    );
    expect(r.stdout).toMatch(/papers written +44\n/);
  });
});

describe('every file the ingest did not read is listed (item 13)', () => {
  let result: RunResult;
  let report: IngestReport;
  let dir: string;
  beforeAll(async () => {
    dir = path.join(tmp, 'unread-in');
    await mkdir(dir);
    // The seed saved by a Windows editor as "Unicode": UTF-16LE with a byte-order mark.
    await writeFile(path.join(dir, '2026-01-08.txt'), Buffer.concat([Buffer.from([0xff, 0xfe]), Buffer.from(seed, 'utf16le')]));
    // The same without a byte-order mark: its byte order would be a guess.
    await writeFile(path.join(dir, '2026-01-09.txt'), Buffer.from(seed.replace('Jan 8', 'Jan 9'), 'utf16le'));
    await writeFile(path.join(dir, '2026-01-10.json'), '[]\n');
    await writeFile(path.join(dir, 'scan.pdf'), '%PDF-1.4\n');
    await writeFile(path.join(dir, '.gitkeep'), '');
    await symlink(path.join(dir, 'moved-away.txt'), path.join(dir, '2026-01-11.txt'));
    result = await ingest([dir, '--out', path.join(tmp, 'unread-out'), '--json']);
    report = JSON.parse(result.stdout) as IngestReport;
  });

  it('reads UTF-16 with a byte-order mark: all 44 cards, none lost', () => {
    expect(report).toMatchObject({ filesRead: 2, entriesRead: 44, papersWritten: 44, entriesRejected: 0 });
    expect(reconciles(report)).toBe(true);
  });

  it('lists UTF-16 without a byte-order mark, a dangling link, another extension and a hidden file, each with why (--json)', () => {
    expect(result.code).toBe(1);
    expect(report.filesNotRead).toBe(4);
    expect(report.notRead.map((n) => [n.file, n.severity])).toEqual([
      ['.gitkeep', 'info'],
      ['2026-01-09.txt', 'error'],
      ['2026-01-11.txt', 'error'],
      ['scan.pdf', 'warning'],
    ]);
    expect(report.notRead[1]!.reason).toMatch(/^expected UTF-8 text, found UTF-16 without a byte-order mark/);
    expect(report.notRead[2]!.reason).toBe(`a link to nothing (${path.join(dir, 'moved-away.txt')} does not exist)`);
  });

  it('warns that an API day with an empty list holds no paper', () => {
    expect(report.problems).toContainEqual({
      file: '2026-01-10.json',
      line: 0,
      severity: 'warning',
      message: 'expected at least one paper, found an empty list (an empty day adds nothing to the archive)',
    });
  });

  it('prints "files not read" on its own line in the text report, naming each file', async () => {
    const text = await ingest([dir, '--out', path.join(tmp, 'unread-out')]);
    expect(text.stdout).toMatch(/ {2}files read +2\n {2}files not read +4\n/);
    expect(text.stdout).toContain(
      `${shown(path.join(dir, 'scan.pdf'))}: warning: not read: not a digest file name (expected .txt, .md, .json or a counts .jsonl)\n`,
    );
    expect(text.stdout).toContain(`${shown(path.join(dir, '.gitkeep'))}: info: not read: a hidden file\n`);
  });
});

describe('text that is not clean UTF-8 (item 5)', () => {
  it('strips control characters with a warning naming the lines, and no paper keeps one', async () => {
    const dir = path.join(tmp, 'controls-in');
    await mkdir(dir);
    const lines = seed.split('\n');
    lines[12] = lines[12]!.replace('MusER:', 'MusER\u0000:'); // line 13: the first title
    lines[14] = `\u001b[31m${lines[14]}\u0001`; // line 15: its abstract
    await writeFile(path.join(dir, '2026-01-08.txt'), lines.join('\n'));
    const out = path.join(tmp, 'controls-out');
    const r = await ingest([dir, '--out', out]);
    expect(r.code).toBe(0);
    expect(r.stdout).toContain(
      `${shown(path.join(dir, '2026-01-08.txt'))}:13: warning: expected text without control characters, found 3 (U+0000, U+0001, U+001B) on lines 13, 15; removed them\n`,
    );
    const written = await Promise.all((await readdir(out)).map((n) => readFile(path.join(out, n), 'utf8')));
    expect(written).toHaveLength(44);
    expect(written.join('')).not.toMatch(/\\u000[01]|\\u001b/i);
    expect(written.some((t) => JSON.parse(t).title.startsWith('MusER: Musical'))).toBe(true);
  });

  it('refuses a file in another encoding with the line of its first bad byte; the other files are still read', async () => {
    const dir = path.join(tmp, 'latin1-in');
    await mkdir(dir);
    await copyFile(SEED, path.join(dir, '2026-01-08.txt'));
    await writeFile(
      path.join(dir, '2026-01-09.txt'),
      Buffer.from(seed.replace('Jan 8', 'Jan 9').replace('Generating music', 'Générating music'), 'latin1'),
    );
    const r = await ingest([dir, '--out', path.join(tmp, 'latin1-out'), '--json']);
    expect(r.code).toBe(1);
    const report = JSON.parse(r.stdout) as IngestReport;
    expect(report.notRead).toEqual([
      {
        file: '2026-01-09.txt',
        line: 15,
        severity: 'error',
        reason: expect.stringMatching(/^expected UTF-8 text, found the byte 0xE9 at column 2/),
      },
    ]);
    expect(report).toMatchObject({ filesRead: 1, papersWritten: 44 });
    expect(JSON.stringify(report)).not.toContain('\uFFFD');
  });
});

describe('outputs that cannot be written fail fast with exit 2 (item 7)', () => {
  it.each([
    ['--archive', '/proc/papershelf-no/archive.jsonl'],
    ['--out', '/proc/papershelf-no/papers'],
    ['--out', '/proc/papershelf-no'],
    ['--ledger', '/proc/papershelf-no/permalinks.txt'],
    ['--archive', '/dev/null/archive.jsonl'],
  ])(
    '%s %s',
    async (option, target) => {
      const started = performance.now();
      const args = ['content/digests', ...(option === '--out' ? [] : ['--out', path.join(tmp, 'never-out')]), option, target];
      const r = await ingest(args, {}, 30_000);
      expect(r.code, `timed out: ${r.stderr}`).toBe(2);
      expect(r.stderr).toMatch(/^ingest: cannot create the folder \/(?:proc\/papershelf-no|dev\/null): /);
      expect(r.stdout).toBe('');
      expect(performance.now() - started).toBeLessThan(20_000);
      // Failing before the work: no paper was written.
      expect(await readdir(path.join(tmp, 'never-out')).catch(() => [])).toEqual([]);
    },
    40_000,
  );
});

describe('a ledger with comments and a line it does not understand (item 10)', () => {
  it('keeps every line it did not write, in place, run after run, and names the bad line each time', async () => {
    const ledger = path.join(tmp, 'commented-ledger.txt');
    // One id the seed publishes (the last in byte order): the other 43 are merged in before it.
    const known = (await readFile(path.join(repoRoot, 'content/permalinks.txt'), 'utf8')).trim().split('\n').at(-1)!;
    const original = `# URLs this archive has published. Keep them working.\n\nNot An Id\n${known}\n# end\n`;
    await writeFile(ledger, original);
    const out = path.join(tmp, 'ledger-out');
    const first = await ingest(['content/digests', '--out', out, '--ledger', ledger]);
    expect(first.code).toBe(1);
    expect(first.stdout).toContain(`${shown(ledger)}:3: error: expected a permalink id`);
    const afterFirst = await readFile(ledger, 'utf8');
    const lines = afterFirst.split('\n');
    expect(lines.slice(0, 3)).toEqual(['# URLs this archive has published. Keep them working.', '', 'Not An Id']);
    expect(lines.slice(-2)).toEqual(['# end', '']);
    const ids = lines.slice(3, -2);
    expect(ids).toHaveLength(44);
    expect(ids.at(-1)).toBe(known);
    expect(ids).toEqual([...ids].sort());
    const second = await ingest(['content/digests', '--out', out, '--ledger', ledger]);
    expect(second.code).toBe(1);
    expect(second.stdout).toContain(`${shown(ledger)}:3: error: expected a permalink id`);
    expect(await readFile(ledger, 'utf8')).toBe(afterFirst);
  });
});

describe('notes (item 8)', () => {
  const card = (n: number): CardRecord =>
    countedCard({ title: `Paper Number ${n}`, abstract: `Abstract ${n}.`, published: '2025-06-02', arxiv: `2506.0004${n}` });

  it("on the archive's own inputs, a note that does not compile is one file:line:col error, and a note for no paper a warning", async () => {
    const root = path.join(tmp, 'notes-site');
    await mkdir(path.join(root, 'digests'), { recursive: true });
    await mkdir(path.join(root, 'notes'));
    await writeFile(path.join(root, 'digests/2025-06-03.json'), renderApi('2025-06-03', [card(1)]));
    await writeFile(path.join(root, 'notes/2506.00041.mdx'), 'A note.\n\nHello {broken\n');
    await writeFile(path.join(root, 'notes/2506.09999.mdx'), 'A note for nothing.\n');
    const env = {
      PAPERSHELF_DIGESTS: path.join(root, 'digests'),
      PAPERSHELF_NOTES: path.join(root, 'notes'),
      PAPERSHELF_LEDGER: path.join(root, 'permalinks.txt'),
    };
    const r = await ingest(['--out', path.join(root, 'papers')], env);
    expect(r.code).toBe(1);
    expect(r.stdout).toMatch(/notes checked +2 \(/);
    expect(r.stdout).toMatch(
      new RegExp(
        `${shown(path.join(root, 'notes/2506.00041.mdx')).replace(/[./]/g, '\\$&')}:3:14: error: expected valid MDX, found [^\\n]+\\n`,
      ),
    );
    expect(r.stdout).toContain(
      `${shown(path.join(root, 'notes/2506.09999.mdx'))}: warning: expected a paper with the id "2506.09999" (the note's file name), found none; the note is not shown\n`,
    );
    expect(r.stdout + r.stderr).not.toMatch(/^\s+at /m);
  });
});
