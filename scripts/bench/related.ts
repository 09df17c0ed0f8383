/**
 * Measures `relatedPapers` on the real corpus: wall time (median of runs), peak RSS, and a few
 * top-5 lists to eyeball. Usage:
 *   npm run bench:related -- [--runs 3] [--json]
 * The corpus is read, never copied (../shared/corpus, or PAPERSHELF_CORPUS).
 */
import { parseArgs } from 'node:util';
import { relatedPapers, type RelatedDoc } from '../../src/site/data/related.ts';
import { loadCorpus } from '../../tests/support/corpus.ts';

const { values } = parseArgs({
  options: { runs: { type: 'string', default: '3' }, json: { type: 'boolean', default: false } },
});
const runs = Math.max(1, Number(values.runs) || 3);

const docs: RelatedDoc[] = loadCorpus()
  .papers.map((p) => ({ id: p.arxiv, title: p.title, abstract: p.abstract }));

// Resident memory with the corpus parsed, so the peak below can be read as "corpus + index".
const rssBeforeMb = process.memoryUsage().rss / 1024 / 1024;
const times: number[] = [];
// CPU time too: on a shared 2-core machine wall time swings with whatever else is running.
const cpuTimes: number[] = [];
let related = new Map<string, string[]>();
for (let i = 0; i < runs; i++) {
  const start = performance.now();
  const cpu = process.cpuUsage();
  related = relatedPapers(docs, 5);
  const used = process.cpuUsage(cpu);
  times.push(performance.now() - start);
  cpuTimes.push((used.user + used.system) / 1000);
}
const median = (xs: number[]) => [...xs].sort((a, b) => a - b)[Math.floor(xs.length / 2)]!;
const medianMs = median(times);
const medianCpuMs = median(cpuTimes);
// maxRSS is in kilobytes and covers the whole process (including the parsed corpus).
const peakRssMb = process.resourceUsage().maxRSS / 1024;

const byId = new Map(docs.map((d) => [d.id, d]));
const withMatches = [...related.values()].filter((list) => list.length > 0).length;
// Evenly spaced samples, so the examples are not cherry-picked.
const samples = [0.1, 0.5, 0.9].map((f) => docs[Math.floor(f * docs.length)]!.id);
const examples = samples.map((id) => ({
  id,
  title: byId.get(id)!.title,
  related: related.get(id)!.map((r) => ({ id: r, title: byId.get(r)!.title })),
}));

const report = { papers: docs.length, runs, medianMs, medianCpuMs, timesMs: times, rssBeforeMb, peakRssMb, withMatches, examples };
if (values.json) {
  console.log(JSON.stringify(report, null, 2));
} else {
  console.log(`papers: ${docs.length}`);
  console.log(
    `relatedPapers(k=5): median ${medianMs.toFixed(0)} ms wall, ${medianCpuMs.toFixed(0)} ms CPU over ${runs} runs ` +
      `(wall ${times.map((t) => t.toFixed(0)).join(', ')} ms)`,
  );
  console.log(
    `RSS: ${rssBeforeMb.toFixed(0)} MB with the corpus loaded, peak ${peakRssMb.toFixed(0)} MB; papers with ≥1 match: ${withMatches}`,
  );
  for (const ex of examples) {
    console.log(`\n${ex.id}  ${ex.title}`);
    for (const r of ex.related) console.log(`   → ${r.id}  ${r.title}`);
  }
}
