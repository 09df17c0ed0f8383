/**
 * Checks the hand-written notes (`content/notes/<paper-id>.mdx`) before the site is built: a note
 * `astro build` cannot compile or render is one `file:line:col` error (src/core/note-check.ts, which
 * the notes-check integration shares); a note named after no paper is never shown, so it is a
 * warning. No file I/O.
 */
import type { Problem } from './types.ts';
import { quote } from './messages.ts';
import { compareStrings } from '../core/compare.ts';
import { checkNoteSource, type NoteInput } from '../core/note-check.ts';

export { NOTE_COMPONENTS, type NoteInput } from '../core/note-check.ts';

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
export async function checkNotes(
  notes: readonly NoteInput[],
  papers: ReadonlyArray<{ id: string; aliases: readonly string[] }>,
): Promise<Problem[]> {
  const problems: Problem[] = [];
  for (const note of notes) {
    const id = note.file
      .split('/')
      .pop()!
      .replace(/\.mdx$/, '');
    problems.push(...(await checkNoteSource(note)), ...orphanWarning(note.file, id, papers));
  }
  return problems.sort((a, b) => compareStrings(a.file, b.file) || a.line - b.line);
}
