/**
 * Preloaded by `npm run ingest` (`node --import ./scripts/compile-cache.mjs scripts/ingest.ts`):
 * turns on Node's on-disk compile cache before the CLI's modules load, so every run after the
 * first reuses their type-stripped and compiled code instead of redoing it (measured: about 0.3 s
 * of CPU, most of the start-up, on the 2-core machine). JavaScript on purpose: a TypeScript
 * preload would load the type stripper this saves. The cache is Node's own (its default folder,
 * or NODE_COMPILE_CACHE; NODE_DISABLE_COMPILE_CACHE=1 turns it off) and is keyed by each file's
 * content, so an edited file is compiled afresh.
 */
import module from 'node:module';

module.enableCompileCache();
