// Temporary measurement script (not committed): real corpus coverage, risers, counts-file growth.
import { readFileSync, readdirSync } from 'node:fs';
import { deflateSync } from 'node:zlib';
import path from 'node:path';
import { loadCorpus, renderDay, capturesDir, apiDir } from '../tests/support/corpus.ts';
import { runPipeline } from '../src/ingest/pipeline.ts';
import { missingWeekdays } from '../src/core/coverage.ts';
import { risers } from '../src/site/data/home.ts';
import { addDays } from '../src/core/dates.ts';

const corpus = loadCorpus();
const days = [...corpus.byDay.keys()];
console.log(`corpus days: ${days.length}, ${days[0]} .. ${days.at(-1)}`);
const missing = missingWeekdays(days);
console.log(`missing weekdays (corpus days only): ${missing.length}`);
console.log(missing.join(' '));

// Ingest: every corpus day as an API day, the recorded API days beside them, the three captures.
const inputs = [...corpus.byDay].map(([day, list]) => renderDay('api', day, list)).map((d) => ({ file: d.name, text: d.text }));
for (const f of readdirSync(apiDir)) inputs.push({ file: `recorded/${f}`, text: readFileSync(path.join(apiDir, f), 'utf8') });
for (const f of readdirSync(capturesDir).filter((f) => f !== 'README.md'))
  inputs.push({ file: `captures/${f}`, text: readFileSync(path.join(capturesDir, f), 'utf8') });
const t0 = performance.now();
const { papers, report } = runPipeline(inputs);
console.log(`ingest: ${report.papersWritten} papers, ${report.entriesRead} entries, conflicts ${report.conflicts}, missing weekdays in report ${report.missingWeekdays.length} (${((performance.now() - t0) / 1000).toFixed(1)} s)`);
const multi = papers.filter((p) => p.appearances.filter((a) => a.upvotes !== null).length >= 2);
console.log(`papers with >= 2 counted captures (sparkline): ${multi.length}`);
const fmt = (r: ReturnType<typeof risers>[number]) => `${r.paper.id} "${r.paper.title.slice(0, 70)}" ${r.from.upvotes} (${r.from.day}) -> ${r.to.upvotes} (${r.to.day})`;
console.log('rising (last 14 days of the archive):');
for (const r of risers(papers, 14, 5)) console.log('  ' + fmt(r));
console.log('rose most (whole archive, first -> latest capture):');
for (const r of risers(papers, 100_000, 5)) console.log('  ' + fmt(r));
const conflicts = papers.filter((p) => p.conflicts.length);
console.log(`papers with conflicts: ${conflicts.length}; by field:`, Object.fromEntries(['title', 'org', 'authorCount'].map((f) => [f, conflicts.flatMap((p) => p.conflicts).filter((c) => c.field === f).length])));

// Repo growth: a year of daily runs, each re-fetching the 7 days before it in counts mode.
// Upvotes model (no real time series exists): a paper reaches its final corpus count U as
// U·(1 − 0.5^(k+1)) on day k after its digest (half on the first day); comments likewise.
const end = days.at(-1)!;
const start = addDays(end, -364);
const grow = (final: number, k: number) => Math.round(final * (1 - 0.5 ** (k + 1)));
let raw = 0, packed = 0, lines = 0, files = 0, fullRaw = 0, fullPacked = 0;
const known = new Map<string, string>();
for (const [day, list] of corpus.byDay) if (day < start) for (const p of list) known.set(p.arxiv, 'final');
for (let run = start; run <= addDays(end, 1); run = addDays(run, 1)) {
  let text = '';
  let fullDays = 0;
  for (let back = 7; back >= 1; back--) {
    const day = addDays(run, -back);
    const list = corpus.byDay.get(day);
    if (!list) continue;
    let changed = false;
    for (const p of list) {
      const k = back - 1; // the digest was saved on the day itself (k = 0 at the first run after it)
      const now = `${grow(p.upvotes, k + 1)}/${grow(p.num_comments, k + 1)}`;
      const before = known.get(p.arxiv) ?? `${grow(p.upvotes, 0)}/${grow(p.num_comments, 0)}`;
      if (now !== before) {
        changed = true;
        known.set(p.arxiv, now);
        const [u, c] = now.split('/').map(Number);
        text += `${JSON.stringify({ arxiv: p.arxiv, upvotes: u, comments: c, capturedAt: `${run}T06:17:03.120Z` })}\n`;
        lines++;
      }
    }
    if (changed) fullDays += 1, fullRaw += Buffer.byteLength(renderDay('api', day, list).text), fullPacked += deflateSync(renderDay('api', day, list).text).length;
  }
  if (text) {
    files++;
    raw += Buffer.byteLength(text);
    packed += deflateSync(text).length;
  }
}
console.log(`counts files over a year (${start} .. ${end}): ${files} files, ${lines} lines, ${(raw / 1024).toFixed(0)} KiB raw, ${(packed / 1024).toFixed(0)} KiB as git blobs (zlib)`);
console.log(`the same refetches saved as full API captures: ${(fullRaw / 1024 / 1024).toFixed(1)} MiB raw, ${(fullPacked / 1024 / 1024).toFixed(1)} MiB as git blobs`);
