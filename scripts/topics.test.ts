/**
 * `npm run topics -- suggest`, run in-process through `main` (phrase counting itself is covered by
 * src/ingest/phrases.test.ts). Uses the fixture taxonomy so edits to content/topics.yaml do not
 * move these expectations.
 */
import { mkdirSync, mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { fileURLToPath } from 'node:url';
import { afterAll, describe, expect, it } from 'vitest';
import { config, readConfig } from '../src/config.ts';
import { main } from './topics.ts';

const repoRoot = path.resolve(path.dirname(fileURLToPath(import.meta.url)), '..');
const taxonomy = path.join(repoRoot, 'src/ingest/fixtures/topics/taxonomy.yaml');
const dir = mkdtempSync(path.join(tmpdir(), 'topics-cli-'));
afterAll(() => rmSync(dir, { recursive: true, force: true }));

async function runWith(cfg: Parameters<typeof main>[2], args: string[]) {
  let stdout = '';
  let stderr = '';
  const code = await main(args, { out: (t) => (stdout += t), err: (t) => (stderr += t) }, cfg);
  return { code, stdout, stderr };
}
const run = (...args: string[]) => runWith(config(), args);

const line = (title: string, abstract: string, keywords: string[] | null = null) => JSON.stringify({ title, abstract, keywords });

describe('topics suggest', () => {
  it('lists phrases shared by papers that no topic matches, most frequent first', async () => {
    const input = path.join(dir, 'papers.jsonl');
    writeFileSync(
      input,
      [
        line('Sourdough Starter Dynamics', 'Wild yeast cultures ferment flour; wild yeast cultures rise.'),
        line('Wild Yeast Cultures in Rye', 'Rye flour feeds wild yeast cultures.'),
        line('Baking Bread at Altitude', 'Wild yeast behaves differently up high.'),
        line('Speculative Decoding for Everyone', 'Wild yeast cultures, speculatively.', ['speculative decoding']),
      ].join('\n') + '\n',
    );
    const { code, stdout } = await run('suggest', '--input', input, '--topics', taxonomy, '--top', '2');
    expect(code).toBe(0);
    expect(stdout).toContain('4 papers read; 3 (75.0%) match no topic.');
    // The matched fourth paper's "wild yeast cultures" is not counted.
    expect(stdout.trim().split('\n').slice(-2)).toEqual(['     3  wild yeast', '     2  wild yeast cultures']);
  });

  it('reads ingested entries from $PAPERSHELF_PAPERS and the taxonomy from $PAPERSHELF_TOPICS by default', async () => {
    const papers = path.join(dir, 'papers');
    mkdirSync(papers);
    writeFileSync(path.join(papers, 'a.json'), JSON.stringify({ title: 'RAG Everywhere', abstract: '', keywords: [] }));
    writeFileSync(path.join(papers, 'b.json'), JSON.stringify({ title: 'Bread', abstract: 'Crumb.', keywords: [] }));
    // The settings as src/config.ts reads them from an environment with PAPERSHELF_PAPERS and PAPERSHELF_TOPICS.
    const cfg = readConfig({ PAPERSHELF_PAPERS: papers, PAPERSHELF_TOPICS: taxonomy });
    const { code, stdout } = await runWith(cfg, ['suggest']);
    expect(code).toBe(0);
    expect(stdout).toBe('2 papers read; 1 (50.0%) match no topic.\nNo phrase occurs in two or more of them.\n');
  });

  it.each([
    [['sugest'], 'unknown command "sugest", expected "suggest"'],
    [[], 'expected a command: suggest'],
    [['suggest', '--top', '0'], '--top expects a positive whole number, got "0"'],
    [['suggest', '--frobnicate'], "Unknown option '--frobnicate'"],
    [['suggest', '--input', 'no/such/file.jsonl'], 'cannot read no/such/file.jsonl: ENOENT'],
    [['suggest', '--topics', 'no/such/topics.yaml'], 'cannot read no/such/topics.yaml: ENOENT'],
  ])('exits 2 with a clear message for %j', async (args, message) => {
    const { code, stdout, stderr } = await run(...args);
    expect(code).toBe(2);
    expect(stdout).toBe('');
    expect(stderr).toContain(`topics: ${message}`);
    expect(stderr).toContain('Run with --help for usage.');
  });

  it('exits 2 on a bad input line or an invalid taxonomy, naming the file', async () => {
    const input = path.join(dir, 'bad.jsonl');
    writeFileSync(input, `${line('Fine', 'Fine.')}\n{"title": 3}\n`);
    const bad = await run('suggest', '--input', input, '--topics', taxonomy);
    expect(bad.code).toBe(2);
    expect(bad.stderr).toContain(`${input}:2: expected a paper object with a "title" and an "abstract"`);

    const topics = path.join(dir, 'topics.yaml');
    writeFileSync(topics, '- slug: Not A Slug\n');
    const invalid = await run('suggest', '--input', input, '--topics', topics);
    expect(invalid.code).toBe(2);
    expect(invalid.stderr).toContain(`${topics}: not a valid topic taxonomy`);
  });
});
