/**
 * Checks the hand-written notes (`content/notes/<paper-id>.mdx`) before the site is built: a note
 * `astro build` cannot compile or render fails the whole build with a stack trace, so each one is
 * reported here as one `file:line:col` error; a note named after no paper is never shown, so it
 * is a warning. Compiles with `@mdx-js/mdx` (what `@astrojs/mdx` runs) and the remark plugin the
 * site adds (`remark-math`, astro.config.mjs), so both read a note the same way. No file I/O.
 */
import { parseDocument } from 'yaml';
import type { Problem } from './types.ts';
import { quote } from './report.ts';

/** Components the paper page passes to every note (`<Note components={{ Aside }} />` in src/pages/papers/[id].astro). */
export const NOTE_COMPONENTS: readonly string[] = ['Aside'];

/** One note: its path as messages show it, and its text. */
export interface NoteInput {
  file: string;
  text: string;
}

/** Control characters and line breaks out of a message from the compiler (it may quote the note). */
function oneLine(text: string): string {
  return text.replace(/[\u0000-\u001f\u007f-\u009f]+/g, ' ').replace(/\s+/g, ' ').trim();
}

/**
 * Front matter (`---` YAML `---` at the top, which Astro reads itself) checked as YAML and blanked
 * to empty lines, so the compiler's line numbers stay those of the file.
 */
function splitFrontmatter(file: string, text: string): { body: string; problems: Problem[] } {
  const match = /^---\r?\n([\s\S]*?)\r?\n---[ \t]*(?:\r?\n|$)/.exec(text);
  if (!match) return { body: text, problems: [] };
  const doc = parseDocument(match[1]!);
  const problems = doc.errors.slice(0, 1).map((err): Problem => {
    const pos = err.linePos?.[0];
    return {
      file,
      line: 1 + (pos?.line ?? 1),
      ...(pos ? { column: pos.col } : {}),
      severity: 'error',
      message: `expected YAML front matter, found an error (${oneLine(err.message.split('\n')[0]!)})`,
    };
  });
  const blank = match[0].replace(/[^\r\n]/g, '');
  return { body: blank + text.slice(match[0].length), problems };
}

interface Tree {
  type: string;
  name?: string | null;
  position?: { start: { line: number; column: number } };
  data?: { estree?: { body: Array<Record<string, unknown>> } };
  children?: Tree[];
}

/** Names a note binds itself (`import X from …`, `export const Y = …`): components it may use. */
function boundNames(esm: Tree): string[] {
  const names: string[] = [];
  for (const node of esm.data?.estree?.body ?? []) {
    const specifiers = (node.specifiers as Array<{ local?: { name: string }; exported?: { name: string } }> | undefined) ?? [];
    for (const s of specifiers) names.push(...[s.local?.name, s.exported?.name].filter((n): n is string => !!n));
    const decl = node.declaration as { id?: { name: string }; declarations?: Array<{ id: { name?: string } }> } | undefined;
    if (decl?.id?.name) names.push(decl.id.name);
    for (const d of decl?.declarations ?? []) if (d.id.name) names.push(d.id.name);
  }
  return names;
}

/**
 * A remark plugin that records the capitalised JSX elements of a note (`<Aside>`, `<Chart.Bar>`),
 * which MDX turns into components the page must provide, and the names the note binds.
 */
function collectComponents(found: { used: Tree[]; bound: Set<string> }) {
  return () => (tree: Tree) => {
    const visit = (node: Tree): void => {
      if ((node.type === 'mdxJsxFlowElement' || node.type === 'mdxJsxTextElement') && node.name && /^[A-Z]/.test(node.name)) found.used.push(node);
      if (node.type === 'mdxjsEsm') for (const n of boundNames(node)) found.bound.add(n);
      node.children?.forEach(visit);
    };
    visit(tree);
  };
}

/** Where a compiler message points: its place, or the `(line:col-line:col)` some messages only print. */
function position(err: { line?: number | null; column?: number | null; reason?: string; message?: string }): { line: number; column?: number } {
  if (err.line) return { line: err.line, ...(err.column ? { column: err.column } : {}) };
  const m = /\((\d+):(\d+)-\d+:\d+\)\s*$/.exec(err.reason ?? err.message ?? '');
  return m ? { line: Number(m[1]), column: Number(m[2]) } : { line: 0 };
}

async function checkSource(note: NoteInput): Promise<Problem[]> {
  const { body, problems } = splitFrontmatter(note.file, note.text);
  if (problems.length > 0) return problems;
  const [{ compile }, { default: remarkMath }] = await Promise.all([import('@mdx-js/mdx'), import('remark-math')]);
  const found = { used: [] as Tree[], bound: new Set<string>() };
  try {
    await compile({ value: body, path: note.file }, { remarkPlugins: [remarkMath, collectComponents(found)] });
  } catch (cause) {
    const err = cause as { line?: number; column?: number; reason?: string; message?: string };
    return [{ file: note.file, ...position(err), severity: 'error', message: `expected valid MDX, found an error (${oneLine(err.reason ?? err.message ?? String(cause))})` }];
  }
  // A note that exports `components` provides its own.
  if (found.bound.has('components')) return [];
  const known = new Set([...NOTE_COMPONENTS, ...found.bound]);
  const allowed = [...NOTE_COMPONENTS].sort().join(', ');
  return found.used
    .filter((node) => !known.has(node.name!.split('.')[0]!))
    .map((node) => ({
      file: note.file,
      line: node.position?.start.line ?? 0,
      ...(node.position ? { column: node.position.start.column } : {}),
      severity: 'error' as const,
      message: `expected one of the components notes can use (${allowed}) or one the note imports, found <${node.name}>`,
    }));
}

/** The warning for a note whose file name is not a paper id. */
function orphanWarning(file: string, id: string, papers: ReadonlyArray<{ id: string; aliases: readonly string[] }>): Problem[] {
  if (papers.some((p) => p.id === id)) return [];
  const holders = papers.filter((p) => p.aliases.includes(id)).map((p) => p.id);
  const expected = `expected a paper with the id ${quote(id)} (the note's file name), found`;
  const message =
    holders.length === 1
      ? `${expected} an old URL of ${quote(holders[0]!)}; rename the note to ${holders[0]}.mdx to show it`
      : holders.length > 1
        ? `${expected} a URL shared by ${holders.map((h) => quote(h)).join(', ')}; rename the note after the paper it is about`
        : `${expected} none; the note is not shown`;
  return [{ file, line: 0, severity: 'warning', message }];
}

/**
 * Checks every note: errors for what the build could not compile or render (with `line:col`),
 * warnings for notes named after no paper (or an old URL of one). Sorted by file and line.
 */
export async function checkNotes(notes: readonly NoteInput[], papers: ReadonlyArray<{ id: string; aliases: readonly string[] }>): Promise<Problem[]> {
  const problems: Problem[] = [];
  for (const note of notes) {
    const id = note.file.split('/').pop()!.replace(/\.mdx$/, '');
    problems.push(...(await checkSource(note)), ...orphanWarning(note.file, id, papers));
  }
  return problems.sort((a, b) => (a.file < b.file ? -1 : a.file > b.file ? 1 : a.line - b.line));
}
