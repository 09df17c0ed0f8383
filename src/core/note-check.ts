/**
 * Compiles a hand-written note (`content/notes/<paper-id>.mdx`) the way the site will: a note
 * `astro build` cannot compile or render fails the whole build deep inside Vite, with a stack
 * trace, so both checks that run before it use this to name the note's `file:line:col` instead:
 * ingest's notes check (`npm run build` stops there) and the notes-check integration (for
 * `astro build` run on its own). Compiles with `@mdx-js/mdx` (what `@astrojs/mdx` runs) and the
 * remark plugin the site adds (`remark-math`, astro.config.mjs). No file I/O.
 */
import { parseDocument } from 'yaml';
import type { compile } from '@mdx-js/mdx';
import type remarkMath from 'remark-math';

/** The MDX compiler and the remark plugin the site adds. */
export interface NoteCompiler {
  compile: typeof compile;
  remarkMath: typeof remarkMath;
}

/**
 * Loads the compiler on first use (~150 ms): ingest runs without notes more often than with.
 * Astro integrations import it statically instead, since Astro's module runner is closed by the
 * time their build hooks run.
 */
async function loadNoteCompiler(): Promise<NoteCompiler> {
  const [{ compile }, { default: remarkMath }] = await Promise.all([import('@mdx-js/mdx'), import('remark-math')]);
  return { compile, remarkMath };
}

/** One note: its path as messages show it, and its text. */
export interface NoteInput {
  file: string;
  text: string;
}

/** Why a note cannot be rendered (the shape of ingest's `Problem`, so its report lists it as is). */
export interface NoteProblem {
  file: string;
  /** 1-based line; 0 when the compiler gave no place. */
  line: number;
  column?: number;
  severity: 'error';
  /** `expected …, found …`, on one line. */
  message: string;
}

/** Control characters and line breaks out of a message from the compiler (it may quote the note). */
function oneLine(text: string): string {
  return text
    .replace(/[\u0000-\u001f\u007f-\u009f]+/g, ' ')
    .replace(/\s+/g, ' ')
    .trim();
}

/** A note problem as one line: `file:line:col: error: message` (control characters in the name escaped, like ingest's report). */
export function formatNoteProblem(p: NoteProblem): string {
  const file = p.file.replace(/[\u0000-\u001f\u007f-\u009f]/g, (c) => `\\u${c.charCodeAt(0).toString(16).padStart(4, '0')}`);
  const where = p.line > 0 ? `${file}:${p.line}${p.column ? `:${p.column}` : ''}` : file;
  return `${where}: ${p.severity}: ${p.message}`;
}

/** Components the paper page passes to every note (`<Note components={{ Aside }} />` in src/pages/papers/[id].astro). */
export const NOTE_COMPONENTS: readonly string[] = ['Aside'];

/**
 * Front matter (`---` YAML `---` at the top, which Astro reads itself) checked as YAML and blanked
 * to empty lines, so the compiler's line numbers stay those of the file.
 */
function splitFrontmatter(file: string, text: string): { body: string; problems: NoteProblem[] } {
  const match = /^---\r?\n([\s\S]*?)\r?\n---[ \t]*(?:\r?\n|$)/.exec(text);
  if (!match) return { body: text, problems: [] };
  const doc = parseDocument(match[1]!);
  const problems = doc.errors.slice(0, 1).map((err): NoteProblem => {
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
      if ((node.type === 'mdxJsxFlowElement' || node.type === 'mdxJsxTextElement') && node.name && /^[A-Z]/.test(node.name))
        found.used.push(node);
      if (node.type === 'mdxjsEsm') for (const n of boundNames(node)) found.bound.add(n);
      node.children?.forEach(visit);
    };
    visit(tree);
  };
}

/** Where a compiler message points: its place, or the `(line:col-line:col)` some messages only print. */
function position(err: { line?: number | null; column?: number | null; reason?: string; message?: string }): {
  line: number;
  column?: number;
} {
  if (err.line) return { line: err.line, ...(err.column ? { column: err.column } : {}) };
  const m = /\((\d+):(\d+)-\d+:\d+\)\s*$/.exec(err.reason ?? err.message ?? '');
  return m ? { line: Number(m[1]), column: Number(m[2]) } : { line: 0 };
}

/**
 * What `astro build` would make of one note: an error with `line:col` for MDX that does not compile,
 * front matter that is not YAML, or a component the paper page does not provide; nothing when it
 * renders.
 */
export async function checkNoteSource(note: NoteInput, compiler?: NoteCompiler): Promise<NoteProblem[]> {
  const { body, problems } = splitFrontmatter(note.file, note.text);
  if (problems.length > 0) return problems;
  const { compile, remarkMath } = compiler ?? (await loadNoteCompiler());
  const found = { used: [] as Tree[], bound: new Set<string>() };
  try {
    await compile({ value: body, path: note.file }, { remarkPlugins: [remarkMath, collectComponents(found)] });
  } catch (cause) {
    const err = cause as { line?: number; column?: number; reason?: string; message?: string };
    return [
      {
        file: note.file,
        ...position(err),
        severity: 'error',
        message: `expected valid MDX, found an error (${oneLine(err.reason ?? err.message ?? String(cause))})`,
      },
    ];
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
