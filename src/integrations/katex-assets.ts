/**
 * Serves KaTeX's stylesheet and fonts as static files under `<base>katex/`, so only pages that
 * show a formula link the stylesheet (a CSS import in a component would be bundled into every
 * page of its route). Build: copied from `node_modules/katex/dist` into the output directory.
 * Dev: the same files served by a small middleware.
 */
import type { AstroIntegration } from 'astro';
import { createReadStream, existsSync } from 'node:fs';
import { cp, mkdir } from 'node:fs/promises';
import { createRequire } from 'node:module';
import path from 'node:path';
import { fileURLToPath } from 'node:url';
import { KATEX_DIR, withTrailingSlash } from '../core/paths.ts';

/** `node_modules/katex/dist`, found the way Node resolves the package (no hard-coded path). */
function katexDist(): string {
  return path.dirname(createRequire(import.meta.url).resolve('katex/dist/katex.min.css'));
}

const TYPES: Record<string, string> = {
  '.css': 'text/css; charset=utf-8',
  '.woff2': 'font/woff2',
  '.woff': 'font/woff',
  '.ttf': 'font/ttf',
};

/** Astro integration: `<outDir>/katex/katex.min.css` and `<outDir>/katex/fonts/*`. */
export default function katexAssets(): AstroIntegration {
  let base = '/';
  return {
    name: 'papershelf:katex-assets',
    hooks: {
      'astro:config:done': ({ config }) => {
        base = withTrailingSlash(config.base);
      },
      'astro:server:setup': ({ server }) => {
        const dist = katexDist();
        const prefix = `${base}${KATEX_DIR}/`;
        server.middlewares.use((req, res, next) => {
          const url = (req.url ?? '').split('?')[0]!;
          if (!url.startsWith(prefix)) return next();
          const rel = path.normalize(decodeURIComponent(url.slice(prefix.length)));
          const file = path.join(dist, rel);
          // Only files of KaTeX's dist folder, never `..` out of it.
          if (rel.startsWith('..') || path.isAbsolute(rel) || !existsSync(file) || !TYPES[path.extname(file)]) return next();
          res.setHeader('Content-Type', TYPES[path.extname(file)]!);
          createReadStream(file).pipe(res);
        });
      },
      'astro:build:done': async ({ dir, logger }) => {
        const dist = katexDist();
        const out = path.join(fileURLToPath(dir), KATEX_DIR);
        await mkdir(out, { recursive: true });
        await cp(path.join(dist, 'katex.min.css'), path.join(out, 'katex.min.css'));
        // The stylesheet refers to `fonts/…` relative to itself, so any base path works.
        await cp(path.join(dist, 'fonts'), path.join(out, 'fonts'), { recursive: true });
        logger.info(`copied KaTeX stylesheet and fonts to ${KATEX_DIR}/`);
      },
    },
  };
}
