/**
 * The entries worker's time split (issue 9, rebuild at the corpus's size): reading the entries,
 * related papers, search records and their cache key, Pagefind indexing (records sent all at once
 * as the worker does, or one awaited at a time with `--sequential`, as it did before). Wall and CPU of this thread per
 * phase; Pagefind's own process CPU is the process total's rest.
 *
 * Usage: PAPERSHELF_PAPERS=DIR npx tsx scripts/bench/entries-split.ts [--sequential]
 */
import { mkdtempSync, readdirSync, readFileSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { close, createIndex } from 'pagefind';
import { config } from '../../src/config.ts';
import { readEntries } from '../../src/integrations/entries.ts';
import { shardKey } from '../../src/integrations/shard-cache.ts';
import { parseTopics } from '../../src/schemas/topic.ts';
import { relatedIds } from '../../src/site/data/related.ts';
import { searchRecord } from '../../src/site/search/records.ts';

const pipelined = !process.argv.includes('--sequential');

/** Runs `f`, printing its wall time and this thread's CPU. */
async function phase<T>(name: string, f: () => T | Promise<T>): Promise<T> {
  const wall = performance.now();
  const cpu = process.threadCpuUsage();
  const out = await f();
  const used = process.threadCpuUsage(cpu);
  console.log(`${name.padEnd(28)} wall ${((performance.now() - wall) / 1000).toFixed(2)} s, thread CPU ${((used.user + used.system) / 1e6).toFixed(2)} s`);
  return out;
}

const { papersDir, topicsFile } = config();
const entries = await phase('read entries', () => readEntries(papersDir));
await phase('related papers', () => relatedIds(entries));
const topicNames = new Map(parseTopics(readFileSync(topicsFile, 'utf8'), topicsFile).map((t) => [t.slug, t.name]));
const records = await phase('search records', () => entries.map((p) => searchRecord(p, topicNames)));
await phase('shard key', () => shardKey(records, 'primary'));
const out = mkdtempSync(path.join(tmpdir(), 'entries-split-'));
/** CPU seconds of this process's child processes still running (Pagefind's indexer), from /proc. */
function childCpu(): number {
  let ticks = 0;
  for (const pid of readdirSync('/proc').filter((name) => /^\d+$/.test(name))) {
    try {
      const stat = readFileSync(`/proc/${pid}/stat`, 'utf8');
      const fields = stat.slice(stat.lastIndexOf(')') + 2).split(' ');
      if (Number(fields[1]) === process.pid) ticks += Number(fields[11]) + Number(fields[12]);
    } catch {
      // Gone meanwhile.
    }
  }
  return ticks / 100;
}
const { index } = await createIndex({ forceLanguage: 'en' });
if (!index) throw new Error('no index');
const cpu0 = childCpu();
await phase(`Pagefind records${pipelined ? '' : ' (sequential)'}`, async () => {
  if (pipelined) await Promise.all(records.map((r) => index.addCustomRecord(r)));
  else for (const r of records) await index.addCustomRecord(r);
});
const cpu1 = childCpu();
await phase('Pagefind writeFiles', () => index.writeFiles({ outputPath: out }));
const cpu2 = childCpu();
console.log(`Pagefind process CPU: records ${(cpu1 - cpu0).toFixed(2)} s, writeFiles ${(cpu2 - cpu1).toFixed(2)} s`);
await close();
rmSync(out, { recursive: true, force: true });
const self = process.cpuUsage();
const all = process.resourceUsage();
console.log(`process CPU ${((self.user + self.system) / 1e6).toFixed(2)} s; load ${readFileSync('/proc/loadavg', 'utf8').trim()}; maxrss ${all.maxRSS} kB`);
