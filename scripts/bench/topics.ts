/**
 * Measures topic assignment on the real corpus: compiling content/topics.yaml and assigning every
 * paper its topics, as ingest does (wall and CPU, median of runs). Speed targets live here, not in
 * a timed test: a shared CI machine makes a time bound in a test fail for the wrong reason.
 * Usage: npm run bench:topics -- [--runs 5] [--json]
 * The corpus is read, never copied (../shared/corpus, or PAPERSHELF_CORPUS).
 */
import { readFileSync } from 'node:fs';
import path from 'node:path';
import { parseArgs } from 'node:util';
import { parseTopics } from '../../src/schemas/topic.ts';
import { assignTopics, compileTopics } from '../../src/ingest/topics.ts';
import { loadCorpus } from '../../tests/support/corpus.ts';
import { repoRoot } from '../../tests/support/repo.ts';

const { values } = parseArgs({
  options: { runs: { type: 'string', default: '5' }, json: { type: 'boolean', default: false } },
});
const runs = Math.max(1, Number(values.runs) || 5);

const papers = loadCorpus().papers.map((p) => ({ title: p.title, abstract: p.abstract, keywords: p.keywords ?? [] }));
const topics = parseTopics(readFileSync(path.join(repoRoot, 'content/topics.yaml'), 'utf8'));

const wall: number[] = [];
const cpu: number[] = [];
let assigned = 0;
for (let i = 0; i < runs; i++) {
  const start = performance.now();
  const used = process.cpuUsage();
  const compiled = compileTopics(topics);
  assigned = papers.reduce((n, p) => n + assignTopics(p, compiled).length, 0);
  const spent = process.cpuUsage(used);
  wall.push(performance.now() - start);
  cpu.push((spent.user + spent.system) / 1000);
}
const median = (xs: number[]) => [...xs].sort((a, b) => a - b)[Math.floor(xs.length / 2)]!;

const report = { papers: papers.length, topics: topics.length, runs, medianMs: median(wall), medianCpuMs: median(cpu), wallMs: wall, assigned };
if (values.json) {
  console.log(JSON.stringify(report, null, 2));
} else {
  console.log(
    `topics: ${topics.length} topics over ${papers.length} papers, ${assigned} assignments; ` +
      `median ${report.medianMs.toFixed(0)} ms wall, ${report.medianCpuMs.toFixed(0)} ms CPU over ${runs} runs ` +
      `(wall ${wall.map((t) => t.toFixed(0)).join(', ')} ms)`,
  );
}
