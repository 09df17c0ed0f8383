/**
 * Builds the search index once Astro has written `dist/`: one Pagefind custom record per paper,
 * from the paper entries (not from the HTML pages; see src/site/search/records.ts), then removes
 * the Pagefind UI bundles we do not use (our own UI renders text only) and writes the "Did you
 * mean" vocabulary named after the index hash, so it always matches the index it corrects.
 * After the model of Starlight's integration: timed, errors surfaced, service closed.
 */
import type { AstroIntegration } from 'astro';
import { fileURLToPath } from 'node:url';
import { existsSync, readFileSync, readdirSync } from 'node:fs';
import { mkdir, rm, writeFile } from 'node:fs/promises';
import path from 'node:path';
import { close, createIndex } from 'pagefind';
import { config } from '../config.ts';
import { paperSchema, type Paper } from '../schemas/paper.ts';
import { parseTopics } from '../schemas/topic.ts';
import { searchRecord } from '../site/search/records.ts';
import { countVocabulary, serialiseVocabulary } from '../site/search/vocabulary.ts';

/** Files Pagefind writes that the site never loads (its three UIs, highlighting, the non-English WASM). */
const UNUSED = [
  'pagefind-ui.js',
  'pagefind-ui.css',
  'pagefind-component-ui.js',
  'pagefind-component-ui.css',
  'pagefind-modular-ui.js',
  'pagefind-modular-ui.css',
  'pagefind-highlight.js',
  'wasm.unknown.pagefind',
];

/** Where the vocabulary goes, inside the output folder: `search/vocab-<index hash>.txt`. */
function vocabularyPath(indexHash: string): string {
  return `search/vocab-${indexHash}.txt`;
}

/** The paper entries, by id (ingest's output, validated with the same schema the site uses). */
function readPapers(dir: string): Paper[] {
  return readdirSync(dir)
    .filter((name) => name.endsWith('.json'))
    .sort()
    .map((name) => paperSchema.parse(JSON.parse(readFileSync(path.join(dir, name), 'utf8'))));
}

/** A note's words for the index: MDX import/export lines, tags and Markdown punctuation left out. */
function noteText(dir: string, id: string): string {
  const file = path.join(dir, `${id}.mdx`);
  if (!existsSync(file)) return '';
  return readFileSync(file, 'utf8')
    .replace(/^(import|export)\s.*$/gm, ' ')
    .replace(/<[^>]*>/g, ' ')
    .replace(/[#*_`>[\]()]+/g, ' ')
    .replace(/\s+/g, ' ')
    .trim();
}

/** Astro integration: writes `<outDir>/pagefind/` (one record per paper) and the vocabulary. */
export default function pagefind(): AstroIntegration {
  return {
    name: 'papershelf:pagefind',
    hooks: {
      'astro:build:done': async ({ dir, logger }) => {
        const outDir = fileURLToPath(dir);
        const started = performance.now();
        const { papersDir, topicsFile, notesDir } = config();
        const papers = readPapers(papersDir);
        const topicNames = new Map(parseTopics(readFileSync(topicsFile, 'utf8'), topicsFile).map((t) => [t.slug, t.name]));
        try {
          const { index, errors: createErrors } = await createIndex({ forceLanguage: 'en' });
          if (!index) throw new Error(`Pagefind could not start: ${createErrors.join('; ')}`);
          for (const paper of papers) {
            const { errors } = await index.addCustomRecord(searchRecord(paper, topicNames, noteText(notesDir, paper.id)));
            if (errors.length) throw new Error(`Pagefind could not index ${paper.id}: ${errors.join('; ')}`);
          }
          const bundle = path.join(outDir, 'pagefind');
          const written = await index.writeFiles({ outputPath: bundle });
          if (written.errors.length) throw new Error(`Pagefind could not write: ${written.errors.join('; ')}`);
          await Promise.all(UNUSED.map((name) => rm(path.join(bundle, name), { force: true })));
          const entry = JSON.parse(readFileSync(path.join(bundle, 'pagefind-entry.json'), 'utf8')) as {
            languages: Record<string, { hash: string }>;
          };
          const hash = entry.languages.en?.hash;
          if (!hash) throw new Error('Pagefind wrote no English index (pagefind-entry.json has no languages.en)');
          const vocabulary = serialiseVocabulary(countVocabulary(papers));
          await mkdir(path.join(outDir, 'search'), { recursive: true });
          await writeFile(path.join(outDir, vocabularyPath(hash)), vocabulary);
          logger.info(
            `indexed ${papers.length} papers, vocabulary ${Math.round(vocabulary.length / 1024)} kB, in ${Math.round(performance.now() - started)} ms`,
          );
        } finally {
          await close();
        }
      },
    },
  };
}
