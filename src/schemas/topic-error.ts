/**
 * The error of a taxonomy file that could not be read (topic.ts), in a module of its own so the
 * ingest CLI can tell it apart without loading the taxonomy's parser (zod and yaml) first: it
 * loads them after starting its worker threads (scripts/ingest.ts).
 */

/** A taxonomy file that could not be read; the message names the file, the line and what was expected. */
export class TopicsFileError extends Error {
  override name = 'TopicsFileError';
}
