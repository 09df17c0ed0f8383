/**
 * Ingest's modules loaded on first need (zod, yaml, the schemas built on them): an ingest worker
 * thread would otherwise load them, about 170 modules, before reading its first digest, and most
 * runs never need them. `require` because the callers are synchronous (a worker's handler, the
 * format readers, `toPaper`); Node loads an ES module that way too, the same instance `import` gives.
 */
import module from 'node:module';

/** A getter of the module `specifier` (resolved from `base`, the caller's `import.meta.url`), loaded the first time it is called. */
export function requireOnce<T>(base: string, specifier: string): () => T {
  let loaded: T | undefined;
  return () => (loaded ??= module.createRequire(base)(specifier) as T);
}
