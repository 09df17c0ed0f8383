/**
 * Checks the hand-written notes before `astro build` renders them. `npm run build` already stops
 * in ingest on a note that does not compile; `astro build` run on its own (by a maintainer, a CI
 * step, the test builds) would otherwise fail deep inside Vite with a stack trace. This stops it
 * first with one `file:line:col: error: …` line per broken note (src/core/note-check.ts, the check
 * ingest runs) and no stack trace. A note for no paper is ingest's warning, not repeated here.
 */
import type { AstroIntegration } from 'astro';
import { compile } from '@mdx-js/mdx';
import remarkMath from 'remark-math';
import { readdir, readFile } from 'node:fs/promises';
import path from 'node:path';
import { config } from '../config.ts';
import { checkNoteSource, formatNoteProblem, type NoteProblem } from '../core/note-check.ts';

/** The `.mdx` notes in `dir`, named as the user sees them (relative to the working directory). */
async function readNoteFiles(dir: string): Promise<Array<{ file: string; text: string }>> {
  let names: string[];
  try {
    names = (await readdir(dir, { withFileTypes: true }))
      .filter((e) => e.isFile() && e.name.endsWith('.mdx'))
      .map((e) => e.name)
      .sort();
  } catch {
    return []; // No notes folder: nothing to render.
  }
  return Promise.all(
    names.map(async (name) => {
      const file = path.join(dir, name);
      return { file: path.relative(process.cwd(), file) || file, text: await readFile(file, 'utf8') };
    }),
  );
}

/**
 * The error `astro build` stops with: its message is the notes' lines, and it has no stack (Astro
 * prints an error's stack whenever it has one, and this one's would only point here).
 */
function notesError(problems: readonly NoteProblem[]): Error {
  const err = new Error(
    `${problems.map(formatNoteProblem).join('\n')}\n${problems.length} ${problems.length === 1 ? 'note cannot' : 'notes cannot'} be rendered; nothing was built.`,
  );
  err.name = 'NotesError';
  err.stack = '';
  return err;
}

/** Astro integration: fails the build, before anything is rendered, on a note that cannot be. */
export default function notesCheck(): AstroIntegration {
  return {
    name: 'papershelf:notes-check',
    hooks: {
      'astro:build:start': async () => {
        const problems: NoteProblem[] = [];
        for (const note of await readNoteFiles(config().notesDir)) problems.push(...(await checkNoteSource(note, { compile, remarkMath })));
        if (problems.length > 0) throw notesError(problems);
      },
    },
  };
}
