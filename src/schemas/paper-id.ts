/**
 * The paper schema's constants that code outside the schema checks values against, without zod:
 * ingest's worker threads (src/ingest/parallel.ts) build and check entries with them
 * (paper-entry.ts, ledger.ts) and load zod, about 100 modules, only when an entry needs the
 * schema itself (`toPaper` in src/ingest/pipeline.ts). paper.ts re-exports them.
 */
import { ARXIV_URL_ID } from './arxiv.ts';

/**
 * A permalink id: an arXiv URL id (always with a dot: `2401.04558`, `hep-th.9901001`) or a title
 * slug (never with one), so the two can never collide (README, "Permalinks"). The schema, the id
 * assignment and the permalink ledger all check ids against this one pattern.
 */
export const PAPER_ID_PATTERN = new RegExp(`^(?:${ARXIV_URL_ID.source.slice(1, -1)}|[a-z0-9][a-z0-9-]*)$`);

/** How a capture was saved: the four digest formats, and a counts line. */
export const CAPTURE_FORMATS = ['plaintext', 'markdown', 'textbrowser', 'api', 'counts'] as const;
