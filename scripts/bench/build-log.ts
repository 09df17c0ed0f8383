/**
 * Reads the timings out of an `astro build` log (pure: text in, numbers out) for the site-build
 * benchmark. The log is the only place Astro reports how long page rendering took, and our
 * Pagefind and offline integrations report their own times there too.
 */

/** What a build log says, in milliseconds; `null` where the log had no such line. */
export interface BuildLogTimes {
  /** Content sync: loading, validating and storing every collection entry (`[types] Generated …`). */
  syncMs: number | null;
  /** Start of the build until its page data was collected (config, content sync, route scan). */
  setupMs: number | null;
  /** Vite bundling plus page rendering (`Building static entrypoints...` … `[build] ✓ Completed in`). */
  entrypointsMs: number | null;
  /** Rendering every static route to HTML (`generating static routes` … `✓ Completed in`). */
  pagesMs: number | null;
  /** `[papershelf:pagefind] indexed N papers, vocabulary V kB, in X ms` (before issue 8's records: `indexed N pages in X ms`). */
  pagefindMs: number | null;
  /** Papers Pagefind indexed (one record per paper; before issue 8, paper pages). */
  pagefindPages: number | null;
  /**
   * How long the build waited for the index after rendering (`… the build then waited X ms for it`):
   * the part of `pagefindMs` still on the build's path since it runs beside the rendering; null before.
   */
  pagefindWaitMs: number | null;
  /** `[papershelf:offline] … in X ms` (Workbox writing the service worker). */
  offlineMs: number | null;
  /** `[build] N page(s) built in …`. */
  pagesBuilt: number | null;
  /** Astro's own total from the same line (excludes npx and Node start-up). */
  astroTotalMs: number | null;
}

// Astro colours its log unless told not to; the benchmark asks for no colour, this is a safety net.
const ANSI = /\u001b\[[0-9;]*m/g;

/**
 * Parses Astro's `getTimeStat` format (`830ms`, `12.34s`, `1m 5s`) to milliseconds, or `null`.
 * The minutes form is rounded to the second by Astro, so it is only as precise as that.
 */
export function parseTimeStat(text: string): number | null {
  const t = text.trim();
  let m = /^(\d+(?:\.\d+)?)ms$/.exec(t);
  if (m) return Number(m[1]);
  m = /^(\d+(?:\.\d+)?)s$/.exec(t);
  if (m) return Number(m[1]) * 1000;
  m = /^(\d+)m (\d+)s$/.exec(t);
  if (m) return (Number(m[1]) * 60 + Number(m[2])) * 1000;
  return null;
}

/** Reads the timings of one `astro build` from its combined stdout and stderr. */
export function parseBuildLog(log: string): BuildLogTimes {
  const lines = log.replace(ANSI, '').split(/\r?\n/);
  const completed = (line: string | undefined): number | null => {
    const m = line && /✓ Completed in (.+?)\.?\s*$/.exec(line);
    return m ? parseTimeStat(m[1]!) : null;
  };
  // Astro prints `✓ Completed in …` after several steps, each identified by the line that opened it.
  // Page rendering's line has no `[build]` tag and comes before the entrypoints' own, which includes it.
  const after = (marker: RegExp, done: RegExp): number | null => {
    const start = lines.findIndex((l) => marker.test(l));
    if (start < 0) return null;
    return completed(lines.slice(start + 1).find((l) => done.test(l)));
  };
  const buildDone = /\[build\] ✓ Completed in /;
  const sync = lines.map((l) => /\[types\] Generated (.+?)\s*$/.exec(l)).find(Boolean);
  const times: BuildLogTimes = {
    syncMs: sync ? parseTimeStat(sync[1]!) : null,
    setupMs: after(/\[build\] Collecting build info/, buildDone),
    entrypointsMs: after(/\[build\] Building \w+ entrypoints/, buildDone),
    pagesMs: after(/ (generating|prerendering) static routes /, /✓ Completed in /),
    pagefindMs: null,
    pagefindPages: null,
    pagefindWaitMs: null,
    offlineMs: null,
    pagesBuilt: null,
    astroTotalMs: null,
  };
  for (const line of lines) {
    let m = /\[papershelf:pagefind\] indexed (\d+) (?:papers|pages)\b.*? in (\d+(?:\.\d+)?) ms/.exec(line);
    if (m) {
      times.pagefindPages = Number(m[1]);
      times.pagefindMs = Number(m[2]);
      const wait = /waited (\d+(?:\.\d+)?) ms/.exec(line);
      if (wait) times.pagefindWaitMs = Number(wait[1]);
    }
    m = /\[papershelf:offline\] .* in (\d+(?:\.\d+)?) ms\s*$/.exec(line);
    if (m) times.offlineMs = Number(m[1]);
    m = /\[build\] (\d+) page\(s\) built in (.+?)\s*$/.exec(line);
    if (m) {
      times.pagesBuilt = Number(m[1]);
      times.astroTotalMs = parseTimeStat(m[2]!);
    }
  }
  return times;
}
