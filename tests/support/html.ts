/** Reading built HTML in tests. */
import { readFileSync, readdirSync, existsSync } from 'node:fs';
import path from 'node:path';
import { parse, type HTMLElement } from 'node-html-parser';

/** Parses a built page by its path inside `dist` (e.g. `papers/x/`). */
export function page(dist: string, urlPath: string): HTMLElement {
  const file = path.join(dist, urlPath.replace(/^\/+/, ''), urlPath.endsWith('.html') ? '' : 'index.html');
  return parse(readFileSync(file, 'utf8'));
}

/** Every `*.html` file below `dir`, as paths relative to it. */
export function htmlFiles(dir: string): string[] {
  const out: string[] = [];
  const walk = (rel: string) => {
    for (const entry of readdirSync(path.join(dir, rel), { withFileTypes: true })) {
      const child = rel ? `${rel}/${entry.name}` : entry.name;
      if (entry.isDirectory()) walk(child);
      else if (entry.name.endsWith('.html')) out.push(child);
    }
  };
  if (existsSync(dir)) walk('');
  return out.sort();
}

/** Collapses whitespace the way a reader sees text. */
export function squash(text: string): string {
  return text.replace(/\s+/g, ' ').trim();
}
