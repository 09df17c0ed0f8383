/**
 * A preload for a build's CPU on its rendering thread (issue 9): with `--import`, appends one JSON
 * line to `$CPU_OUT` when `astro build` exits: wall time, the main thread's CPU
 * (`process.threadCpuUsage()`), the whole process's CPU (all threads), and the main thread's CPU
 * and wall time while the pages generate (from Astro's "generating static routes" line to the next
 * "✓ Completed in"). Thread CPU, not wall time: the machine is shared, and the main thread is where
 * Astro renders pages.
 *
 * Usage: CPU_OUT=runs.jsonl CPU_LABEL=main node --import ./scripts/bench/thread-cpu.ts node_modules/astro/bin/astro.mjs build
 */
import { appendFileSync } from 'node:fs';
import { isMainThread } from 'node:worker_threads';

const out = process.env.CPU_OUT;
if (isMainThread && out && process.argv.some((a) => a.includes('astro'))) {
  const started = performance.now();
  const cpu = (): number => {
    const t = process.threadCpuUsage();
    return (t.user + t.system) / 1e6;
  };
  let generating: { cpu: number; wall: number } | null = null;
  let generation: { genCpuS: number; genWallS: number } | null = null;
  // Astro's logger writes to stdout: its phase lines mark the page generation.
  const write = process.stdout.write.bind(process.stdout) as (chunk: unknown, ...rest: unknown[]) => boolean;
  process.stdout.write = ((chunk: unknown, ...rest: unknown[]) => {
    const text = String(chunk);
    if (!generating && text.includes('generating static routes')) generating = { cpu: cpu(), wall: performance.now() };
    else if (generating && !generation && text.includes('✓ Completed in'))
      generation = { genCpuS: cpu() - generating.cpu, genWallS: (performance.now() - generating.wall) / 1000 };
    return write(chunk, ...rest);
  }) as typeof process.stdout.write;
  process.on('exit', () => {
    const all = process.cpuUsage();
    const line = { label: process.env.CPU_LABEL ?? null, wallS: (performance.now() - started) / 1000, mainCpuS: cpu(), procCpuS: (all.user + all.system) / 1e6, ...generation };
    appendFileSync(out, `${JSON.stringify(line)}\n`);
  });
}
