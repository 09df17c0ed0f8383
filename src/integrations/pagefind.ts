/**
 * Indexes the built paper pages with Pagefind's Node API once Astro has written `dist/`
 * (after the model of Starlight's integration: timed, errors surfaced, service closed).
 */
import type { AstroIntegration } from 'astro';
import { fileURLToPath } from 'node:url';
import path from 'node:path';
import { close, createIndex } from 'pagefind';

/** Astro integration: writes `<outDir>/pagefind/` with an index of `papers/**` pages only. */
export default function pagefind(): AstroIntegration {
  return {
    name: 'papershelf:pagefind',
    hooks: {
      'astro:build:done': async ({ dir, logger }) => {
        const outDir = fileURLToPath(dir);
        const started = performance.now();
        try {
          const { index, errors: createErrors } = await createIndex({});
          if (!index) throw new Error(`Pagefind could not start: ${createErrors.join('; ')}`);
          // Only paper pages are search results; lists and redirect pages would only repeat them.
          const { errors, page_count } = await index.addDirectory({
            path: outDir,
            glob: 'papers/**/index.html',
          });
          if (errors.length) throw new Error(`Pagefind indexing failed: ${errors.join('; ')}`);
          const written = await index.writeFiles({ outputPath: path.join(outDir, 'pagefind') });
          if (written.errors.length) throw new Error(`Pagefind could not write: ${written.errors.join('; ')}`);
          logger.info(`indexed ${page_count} pages in ${Math.round(performance.now() - started)} ms`);
        } finally {
          await close();
        }
      },
    },
  };
}
