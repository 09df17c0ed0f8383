/**
 * html-validate (the `html-validate:recommended` rules, as configured in .htmlvalidate.json) over
 * every page of the fixture build (every page type, 0 errors) and of the hostile build (hostile
 * text in every field, and the redirect and shared-slug pages the fixture has none of) and of the history build
 * (Seen in tables with several rows, upvote sparklines, conflict notes, Rising, the coverage calendar with a missing
 * weekday). The failure lists each message with its file, line and rule, so a broken page is found without rerunning anything.
 */
import { readFileSync } from 'node:fs';
import path from 'node:path';
import { HtmlValidate, StaticConfigLoader, type ConfigData } from 'html-validate';
import { describe, expect, inject, it } from 'vitest';
import { repoRoot } from '../support/repo.ts';
import { htmlFiles } from '../support/html.ts';

const dist = inject('fixtureDistDir');
const config = JSON.parse(readFileSync(path.join(repoRoot, '.htmlvalidate.json'), 'utf8')) as ConfigData;
const validator = new HtmlValidate(new StaticConfigLoader(config));

/** The page type of a built file (its route with the parameters taken out). */
function pageType(file: string): string {
  return file
    .replace(/^papers\/[^/]+\//, 'papers/[id]/')
    .replace(/^digests\/\d{4}-\d{2}-\d{2}\//, 'digests/[date]/')
    .replace(/^digests\/\d{4}\//, 'digests/[year]/')
    .replace(/^(topics|orgs)\/[^/]+\/(\d+\/)?index/, '$1/[slug]/index');
}

describe('html-validate over the fixture build', () => {
  const files = htmlFiles(dist);

  it('covers every page type', () => {
    expect(new Set(files.map(pageType))).toEqual(
      new Set([
        '404.html',
        'index.html',
        'search/index.html',
        'offline/index.html',
        'feeds/index.html',
        'papers/[id]/index.html',
        'digests/index.html',
        'digests/[date]/index.html',
        'digests/[year]/index.html',
        'topics/index.html',
        'topics/[slug]/index.html',
        'orgs/index.html',
        'orgs/[slug]/index.html',
      ]),
    );
  });

  it('is a gate that can fail: a page with a duplicate id and a paragraph inside a list is refused', async () => {
    const page = readFileSync(path.join(dist, 'index.html'), 'utf8').replace(
      '<main id="main"',
      '<ul><p id="main">x</p></ul><main id="main"',
    );
    const report = await validator.validateString(page, 'broken.html');
    expect(report.valid).toBe(false);
    expect(report.results[0]!.messages.map((m) => m.ruleId)).toEqual(expect.arrayContaining(['no-dup-id', 'element-permitted-content']));
  });

  it('reports 0 errors', async () => {
    expect(await errors(dist, files)).toEqual([]);
  });
});

describe('html-validate over the hostile build', () => {
  const site = inject('hostile');

  it('reports 0 errors on every page, redirect and shared-slug pages included', async () => {
    const files = htmlFiles(site.dist);
    const kinds = new Set(
      files.map((f) => /data-permalink="(\w+)"/.exec(readFileSync(path.join(site.dist, f), 'utf8'))?.[1]).filter(Boolean),
    );
    expect(kinds).toEqual(new Set(['redirect', 'shared']));
    expect(await errors(site.dist, files)).toEqual([]);
  });
});

describe('html-validate over the history build', () => {
  const site = inject('history');

  it('reports 0 errors on every page, history parts included', async () => {
    const files = htmlFiles(site.dist);
    const html = (f: string) => readFileSync(path.join(site.dist, f), 'utf8');
    // The parts issue 12 added are there to be checked, not just pages without them.
    const parts = ['data-sparkline', 'data-conflict', 'data-rising', 'data-calendar', 'data-missing'].filter((attr) =>
      files.some((f) => html(f).includes(attr)),
    );
    expect(parts).toEqual(['data-sparkline', 'data-conflict', 'data-rising', 'data-calendar', 'data-missing']);
    expect(await errors(site.dist, files)).toEqual([]);
  });
});

/** Every error html-validate reports on `files` of `dir`, as `file:line:col: rule: message`. */
async function errors(dir: string, files: readonly string[]): Promise<string[]> {
  const problems: string[] = [];
  for (const file of files) {
    const report = await validator.validateString(readFileSync(path.join(dir, file), 'utf8'), file);
    for (const result of report.results) {
      for (const m of result.messages) {
        if (m.severity === 2) problems.push(`${file}:${m.line}:${m.column}: ${m.ruleId}: ${m.message}`);
      }
    }
  }
  return problems;
}
