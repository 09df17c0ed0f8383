/**
 * The topic taxonomy: one source of truth for `content/topics.yaml`, read by ingest (to assign
 * topics) and by `src/content.config.ts` (Astro's `file()` loader uses each entry's `slug` as id).
 *
 * Phrase matching, shared by every rule below: case-insensitive, whole words only (`agent` never
 * matches `reagent`), hyphens and spaces are interchangeable (`KV-cache` = `KV cache`) and a
 * hyphenated phrase also matches closed up (`fine-tuning` = `finetuning`), and a simple plural
 * matches (`agent` matches `agents`, `policy` matches `policies`). A word written entirely in
 * capitals (an acronym such as `RAG` or `SAM`) is matched case-sensitively, so `RAG` does not
 * match the word `rag`. Phrases never run across punctuation, and a phrase lying inside a longer
 * matched phrase (`question answering` in `visual question answering`) does not count.
 */
import { z } from 'astro/zod';
import { LineCounter, parseDocument } from 'yaml';
import { TopicsFileError } from './topic-error.ts';

const phrase = z
  .string({ error: 'expected a phrase (a string)' })
  .trim()
  .min(1, 'expected a non-empty phrase')
  .refine((p) => /[\p{L}\p{N}]/u.test(p), 'expected a phrase with at least one letter or digit');

const phraseList = z.array(phrase, { error: 'expected a list of phrases, e.g. ["KV cache", "KV-cache eviction"]' });

const TOPIC_KEYS = ['slug', 'name', 'description', 'phrases', 'strong_phrases', 'title_phrases', 'keywords', 'exclude'];

/** One topic of the taxonomy and the rules that assign papers to it. */
export const topicSchema = z
  .strictObject(
    {
      /** Lower-case route slug, e.g. `speculative-decoding`; the page is `/topics/<slug>/`. */
      slug: z
        .string({ error: 'expected a slug (a string)' })
        .regex(/^[a-z0-9]+(?:-[a-z0-9]+)*$/, 'expected a lower-case slug such as "speculative-decoding"'),
      /** Display name, e.g. `Speculative decoding`. */
      name: z.string({ error: 'expected a display name (a string)' }).trim().min(1, 'expected a non-empty name'),
      /** One sentence saying what belongs here, shown on the topic page. */
      description: z.string({ error: 'expected a one-sentence description (a string)' }).trim().min(1, 'expected a non-empty description'),
      /**
       * Phrases looked for in the title and the abstract. A title mention assigns the topic on its
       * own; in the abstract alone it takes two or more mentions (of any of these phrases).
       */
      phrases: phraseList.default([]),
      /**
       * Unambiguous phrases (e.g. `speculative decoding`): like `phrases`, but a single mention in
       * the abstract is enough.
       */
      strong_phrases: phraseList.default([]),
      /** Phrases that count only when they appear in the title (too common in abstracts). */
      title_phrases: phraseList.default([]),
      /**
       * Phrases looked for inside the API's machine keywords (`ai_keywords`); one matching keyword
       * assigns the topic. Keep them specific: keywords are generated and generous.
       */
      keywords: phraseList.default([]),
      /**
       * Phrases that mean something else: words inside them, in a title or abstract, never count
       * for this topic (e.g. `dynamic programming` for a topic that matches `programming`). Other
       * topics still see them.
       */
      exclude: phraseList.default([]),
    },
    {
      error: (issue) =>
        issue.code === 'invalid_type'
          ? 'expected a topic (a mapping with slug, name, description and rules)'
          : issue.code === 'unrecognized_keys'
            ? `expected only the keys ${TOPIC_KEYS.join(', ')}; found ${issue.keys.map((k) => `"${k}"`).join(', ')}`
            : undefined,
    },
  )
  .refine((t) => t.phrases.length + t.strong_phrases.length + t.title_phrases.length + t.keywords.length > 0, {
    message: 'expected at least one rule: phrases, strong_phrases, title_phrases or keywords',
  });
export type Topic = z.infer<typeof topicSchema>;

/** The whole taxonomy: a list of topics with unique slugs, in display order. */
const taxonomySchema = z
  .array(topicSchema, { error: 'expected a list of topics (a YAML sequence of mappings)' })
  .min(1, 'expected at least one topic')
  .superRefine((topics, ctx) => {
    const seen = new Map<string, number>();
    topics.forEach((t, i) => {
      const first = seen.get(t.slug);
      if (first !== undefined) {
        ctx.addIssue({
          code: 'custom',
          path: [i, 'slug'],
          message: `expected a unique slug, but "${t.slug}" is already used by topic ${first + 1}`,
        });
      } else seen.set(t.slug, i);
    });
  });

const EXAMPLE = `- slug: speculative-decoding
  name: Speculative decoding
  description: Drafting tokens cheaply and verifying them in parallel to speed up generation.
  phrases: [draft model]
  strong_phrases: [speculative decoding]
  keywords: [speculative decoding]`;

export { TopicsFileError };

/**
 * Parses and validates the text of a taxonomy file (`content/topics.yaml`). Pure: the caller reads
 * the file. Throws `TopicsFileError` listing every problem as `file:line: where: what was expected`,
 * followed by an example entry.
 */
export function parseTopics(text: string, file = 'content/topics.yaml'): Topic[] {
  const lines = new LineCounter();
  const doc = parseDocument(text, { lineCounter: lines, prettyErrors: false });
  if (doc.errors.length > 0) {
    fail(
      file,
      doc.errors.map((e) => `${file}:${lines.linePos(e.pos[0]).line}: expected valid YAML: ${e.message}`),
      doc.errors[0],
    );
  }
  const data: unknown = doc.toJS();
  const result = taxonomySchema.safeParse(data);
  if (result.success) return result.data;
  return fail(
    file,
    result.error.issues.map((issue) => {
      const path = issue.path.filter((k): k is string | number => typeof k !== 'symbol');
      return `${file}:${lineOf(doc, lines, path)}: ${describePath(path, data)}: ${issue.message}`;
    }),
    result.error,
  );
}

const MAX_PROBLEMS_SHOWN = 10;

function fail(file: string, problems: string[], cause: unknown): never {
  const shown = problems.slice(0, MAX_PROBLEMS_SHOWN).map((p) => `  ${p}`);
  if (problems.length > MAX_PROBLEMS_SHOWN) shown.push(`  … and ${problems.length - MAX_PROBLEMS_SHOWN} more`);
  throw new TopicsFileError(`${file}: not a valid topic taxonomy:\n${shown.join('\n')}\n` + `Each entry should look like:\n${EXAMPLE}`, {
    cause,
  });
}

/** 1-based line of the deepest YAML node that exists along `path` (a missing key points at its parent). */
function lineOf(doc: ReturnType<typeof parseDocument>, lines: LineCounter, path: (string | number)[]): number {
  for (let n = path.length; n >= 0; n--) {
    const node = n === 0 ? doc.contents : doc.getIn(path.slice(0, n), true);
    const range = (node as { range?: [number, number, number] } | null | undefined)?.range;
    if (range) return lines.linePos(range[0]).line;
  }
  return 1;
}

/** `topic 3 ("agents") → phrases[1]`: the failing spot in words a taxonomy editor recognises. */
function describePath(path: (string | number)[], data: unknown): string {
  if (path.length === 0) return 'the file';
  const [index, ...rest] = path;
  const entry = Array.isArray(data) && typeof index === 'number' ? (data[index] as unknown) : undefined;
  const slug = entry && typeof entry === 'object' && 'slug' in entry ? String(entry.slug) : null;
  let where = typeof index === 'number' ? `topic ${index + 1}${slug ? ` ("${slug}")` : ''}` : String(index);
  for (const key of rest) where += typeof key === 'number' ? `[${key}]` : ` → ${key}`;
  return where;
}
