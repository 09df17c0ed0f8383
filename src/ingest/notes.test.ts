import { readFileSync } from 'node:fs';
import path from 'node:path';
import { fileURLToPath } from 'node:url';
import { describe, expect, it } from 'vitest';
import { checkNotes, NOTE_COMPONENTS } from './notes.ts';
import { formatProblem } from './report.ts';

const repoRoot = path.resolve(path.dirname(fileURLToPath(import.meta.url)), '../..');
const papers = [
  { id: '2401.04558', aliases: ['medusa-heads'] },
  { id: 'a-slug-paper', aliases: [] },
];
const check = (file: string, text: string) => checkNotes([{ file: `content/notes/${file}`, text }], papers);

describe('checkNotes (item 8)', () => {
  it('accepts Markdown, math, expressions and the components the paper page provides', async () => {
    const note = '---\ntitle: ok\n---\n\nSome **bold**, $\\frac{a}{b}$ and {1 + 1}.\n\n<Aside type="tip">x</Aside>\n';
    expect(await check('2401.04558.mdx', note)).toEqual([]);
    expect(await check('a-slug-paper.mdx', 'Plain.\n')).toEqual([]);
  });

  it('names a syntax error with file:line:col and what was expected, in one line', async () => {
    const problems = await check('2401.04558.mdx', 'Fine line.\n\nHello {broken\n');
    expect(problems).toHaveLength(1);
    expect(problems[0]).toMatchObject({ file: 'content/notes/2401.04558.mdx', line: 3, column: 14, severity: 'error' });
    const line = formatProblem(problems[0]!);
    expect(line).toMatch(/^content\/notes\/2401\.04558\.mdx:3:14: error: expected valid MDX, found /);
    expect(line).not.toContain('\n');
  });

  it('counts lines past the front matter, and reports broken front matter itself', async () => {
    const afterFrontmatter = await check('2401.04558.mdx', '---\ntitle: x\n---\n\n<div>\n');
    expect(afterFrontmatter).toEqual([expect.objectContaining({ line: 5, severity: 'error' })]);
    const badYaml = await check('2401.04558.mdx', '---\ntitle: [x\n---\nText.\n');
    expect(badYaml).toEqual([
      expect.objectContaining({ line: 2, severity: 'error', message: expect.stringMatching(/^expected YAML front matter/) }),
    ]);
  });

  it('names a component the page does not provide (the build would fail rendering it)', async () => {
    const problems = await check('2401.04558.mdx', 'Intro.\n\nSee <Chart data={1} /> here.\n');
    expect(problems).toEqual([
      {
        file: 'content/notes/2401.04558.mdx',
        line: 3,
        column: 5,
        severity: 'error',
        message: 'expected one of the components notes can use (Aside) or one the note imports, found <Chart>',
      },
    ]);
    expect(await check('2401.04558.mdx', "import Chart from '../components/Chart.astro';\n\n<Chart />\n")).toEqual([]);
  });

  it('warns about a note for a paper that does not exist, or for an old URL of one', async () => {
    expect(await check('no-such-paper.mdx', 'Text.\n')).toEqual([
      {
        file: 'content/notes/no-such-paper.mdx',
        line: 0,
        severity: 'warning',
        message: 'expected a paper with the id "no-such-paper" (the note\'s file name), found none; the note is not shown',
      },
    ]);
    expect(await check('medusa-heads.mdx', 'Text.\n')).toEqual([
      expect.objectContaining({
        severity: 'warning',
        message:
          'expected a paper with the id "medusa-heads" (the note\'s file name), found an old URL of "2401.04558"; rename the note to 2401.04558.mdx to show it',
      }),
    ]);
  });

  it('matches the components the paper page passes to a note', () => {
    const page = readFileSync(path.join(repoRoot, 'src/pages/papers/[id].astro'), 'utf8');
    const passed = page
      .match(/<Note [^>]*components=\{\{([^}]*)\}\}/)![1]!
      .split(',')
      .map((s) => s.trim())
      .filter(Boolean);
    expect(passed.sort()).toEqual([...NOTE_COMPONENTS].sort());
  });
});
