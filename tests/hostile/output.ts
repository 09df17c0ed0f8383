/**
 * Checks of a built site's machine-readable output, each problem tied to the paper it came from
 * when it can be: feeds and sitemaps must be well-formed XML (saxes, a strict XML 1.0 parser that
 * also refuses characters XML does not allow), every `archive.jsonl` line and JSON-LD block must
 * parse, and no page may carry control characters raw.
 */
import { readFileSync, readdirSync, statSync } from 'node:fs';
import path from 'node:path';
import { SaxesParser } from 'saxes';
import { htmlFiles } from '../support/html.ts';

/** One broken output, with the paper id it belongs to when known. */
export interface OutputProblem {
  file: string;
  problem: string;
  paper?: string;
}

/** XML well-formedness errors of `xml` (empty when well-formed). */
export function xmlErrors(xml: string): string[] {
  const errors: string[] = [];
  const parser = new SaxesParser({ xmlns: false });
  parser.on('error', (e) => errors.push(e.message));
  try {
    parser.write(xml).close();
  } catch (e) {
    errors.push(String(e));
  }
  return errors;
}

/** Every `*.xml` file below `dist` (feed.xml, topic feeds, sitemaps), relative paths. */
export function xmlFiles(dist: string): string[] {
  const out: string[] = [];
  const walk = (rel: string) => {
    for (const name of readdirSync(path.join(dist, rel))) {
      const child = rel ? `${rel}/${name}` : name;
      if (statSync(path.join(dist, child)).isDirectory()) walk(child);
      else if (name.endsWith('.xml')) out.push(child);
    }
  };
  walk('');
  return out.sort();
}

const paperOfUrl = (url: string): string | undefined => /\/papers\/([^/]+)\/?/.exec(url)?.[1];

/**
 * Problems of every XML file. A feed that is not well-formed is checked item by item, so each
 * broken `<item>` is tied to its paper (by its `<link>`).
 */
export function xmlProblems(dist: string): OutputProblem[] {
  const out: OutputProblem[] = [];
  for (const file of xmlFiles(dist)) {
    const xml = readFileSync(path.join(dist, file), 'utf8');
    const errors = xmlErrors(xml);
    if (errors.length === 0) continue;
    const items = [...xml.matchAll(/<item>[\s\S]*?<\/item>/g)].map((m) => m[0]);
    const broken = items.filter((item) => xmlErrors(item).length > 0);
    if (broken.length === 0) out.push({ file, problem: errors[0]! });
    for (const item of broken) {
      const link = /<link>([^<]*)<\/link>/.exec(item)?.[1] ?? '';
      out.push({ file, problem: xmlErrors(item)[0]!, paper: paperOfUrl(link) });
    }
  }
  return out;
}

/** Lines of `archive.jsonl` that do not parse as JSON objects. */
export function archiveProblems(dist: string): OutputProblem[] {
  const lines = readFileSync(path.join(dist, 'archive.jsonl'), 'utf8').split('\n');
  const out: OutputProblem[] = [];
  lines.forEach((line, i) => {
    if (line === '' && i === lines.length - 1) return;
    try {
      const record = JSON.parse(line) as { id?: unknown };
      if (typeof record !== 'object' || record === null || typeof record.id !== 'string') throw new Error('not a record with an id');
    } catch (e) {
      out.push({ file: `archive.jsonl:${i + 1}`, problem: String(e), paper: /"id":"([^"]+)"/.exec(line)?.[1] });
    }
  });
  return out;
}

/** JSON-LD blocks that do not parse, and pages with control characters in their HTML. */
export function pageProblems(dist: string): OutputProblem[] {
  const out: OutputProblem[] = [];
  for (const file of htmlFiles(dist)) {
    const html = readFileSync(path.join(dist, file), 'utf8');
    const paper = paperOfUrl(`/${file}`);
    for (const m of html.matchAll(/<script type="application\/ld\+json">([\s\S]*?)<\/script>/g)) {
      try {
        JSON.parse(m[1]!);
      } catch (e) {
        out.push({ file, problem: `JSON-LD does not parse: ${String(e).slice(0, 120)}`, paper });
      }
    }
    // XML 1.0 and HTML both refuse these; a NUL in particular must never reach a page raw.
    const control = /[\u0000-\u0008\u000b\u000c\u000e-\u001f\u007f]/.exec(html);
    if (control)
      out.push({
        file,
        problem: `control character U+${control[0].charCodeAt(0).toString(16).padStart(4, '0').toUpperCase()} in the HTML`,
        paper,
      });
  }
  return out;
}

/** Every output problem of a built site. */
export function outputProblems(dist: string): OutputProblem[] {
  return [...xmlProblems(dist), ...archiveProblems(dist), ...pageProblems(dist)];
}
