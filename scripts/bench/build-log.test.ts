import { describe, expect, it } from 'vitest';
import { parseBuildLog, parseTimeStat } from './build-log.ts';

/** An `astro build` log as Astro 7 prints it (trimmed route list), with colour on. */
const c = (code: number, text: string) => `\u001b[${code}m${text}\u001b[39m`;
const LOG = [
  '06:09:03 [content] Syncing content',
  '06:09:03 [content] Synced content',
  `06:09:03 [types] Generated ${c(2, '1m 4s')}`,
  '06:09:03 [build] output: "static"',
  '06:09:03 [build] directory: /tmp/x/dist/',
  '06:09:03 [build] Collecting build info...',
  `06:09:03 [build] ${c(32, '✓ Completed in 1m 7s.')}`,
  '06:09:03 [build] Building static entrypoints...',
  '06:09:05 [vite] ✓ built in 1.36s',
  '06:09:05 [build] Rearranging server assets...',
  '',
  ` ${c(42, ' generating static routes ')}`,
  '06:09:05   ├─ /404.html (+44ms) ',
  '06:09:05   └─ /papers/2401.00001/index.html (+12ms) ',
  `06:09:06 ${c(32, '✓ Completed in 41.12s.')}`,
  '',
  `06:09:06 [build] ${c(32, '✓ Completed in 44.60s.')}`,
  '06:09:06 [papershelf:pagefind] indexed 9812 papers, vocabulary 143 kB, in 27415 ms',
  '06:09:09 [build] Waiting for integration "papershelf:offline", hook "astro:build:done"...',
  '06:09:10 [papershelf:offline] sw.js precaches 17 shell files (281 kB); a saved copy is 21466 files, 171.9 MB; in 4023 ms',
  '06:09:10 [build] 21466 page(s) built in 2m 31s',
  '06:09:10 [build] Complete!',
].join('\n');

describe('parseTimeStat', () => {
  it('reads each of the forms Astro prints', () => {
    expect(parseTimeStat('830ms')).toBe(830);
    expect(parseTimeStat('12.34s')).toBe(12_340);
    expect(parseTimeStat('2m 31s')).toBe(151_000);
  });

  it('refuses text that is not a duration', () => {
    expect(parseTimeStat('12 pages')).toBeNull();
    expect(parseTimeStat('')).toBeNull();
  });
});

describe('parseBuildLog', () => {
  const times = parseBuildLog(LOG);

  it('tells the step timings apart by the line that opened each step', () => {
    // Three `✓ Completed in` lines: setup (1m 7s), rendering (41.12s), then entrypoints (44.60s).
    expect(times.setupMs).toBe(67_000);
    expect(times.pagesMs).toBe(41_120);
    expect(times.entrypointsMs).toBe(44_600);
    expect(times.syncMs).toBe(64_000);
  });

  it('reads our integrations’ own lines and the pages count', () => {
    expect(times.pagefindMs).toBe(27_415);
    expect(times.pagefindPages).toBe(9812);
    expect(times.offlineMs).toBe(4023);
    expect(times.pagesBuilt).toBe(21_466);
    expect(times.astroTotalMs).toBe(151_000);
  });

  it('reads how long the build waited for the index it built beside the pages (issue 9), null in older logs', () => {
    expect(times.pagefindWaitMs).toBeNull();
    const beside = parseBuildLog(
      LOG.replace('in 27415 ms', 'in 27415 ms, alongside the pages (the build then waited 1250 ms for it)'),
    );
    expect(beside.pagefindMs).toBe(27_415);
    expect(beside.pagefindWaitMs).toBe(1250);
  });

  it('still reads the Pagefind line of builds before issue 8 (pages indexed from HTML)', () => {
    const old = parseBuildLog(LOG.replace('indexed 9812 papers, vocabulary 143 kB, in 27415 ms', 'indexed 9812 pages in 27415 ms'));
    expect(old.pagefindMs).toBe(27_415);
    expect(old.pagefindPages).toBe(9812);
  });

  it('gives null, not a neighbour’s time, for steps a log lacks', () => {
    // A build that failed while rendering: no render, entrypoints or integration timings.
    const failed = LOG.split('\n').slice(0, 13).join('\n');
    const partial = parseBuildLog(failed);
    expect(partial.setupMs).toBe(67_000);
    expect(partial.pagesMs).toBeNull();
    expect(partial.entrypointsMs).toBeNull();
    expect(partial.pagefindMs).toBeNull();
    expect(partial.offlineMs).toBeNull();
    expect(partial.pagesBuilt).toBeNull();
  });
});
