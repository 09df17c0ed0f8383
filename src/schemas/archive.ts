/**
 * One line of `archive.jsonl`: the whole archive as data (see DESIGN.md). Field order here is the
 * order written, so the file is byte-stable.
 */
import { z } from 'astro/zod';
import { CAPTURE_FORMATS, isoDate, orgSchema } from './paper.ts';

export const archiveRecordSchema = z.object({
  /** Permalink id. */
  id: z.string(),
  /** Permalink path with the base, e.g. `/repo/papers/2401.04558/`. */
  url: z.string(),
  /** Old URL paths (with base) that redirect to `url`. */
  aliases: z.array(z.string()),
  title: z.string(),
  abstract: z.string(),
  published: isoDate,
  authors: z.array(z.string()).nullable(),
  authorCount: z.number().int().nullable(),
  org: orgSchema.nullable(),
  upvotes: z.number().int().nullable(),
  comments: z.number().int().nullable(),
  arxiv: z.string().nullable(),
  github: z.string().nullable(),
  project: z.string().nullable(),
  /** Digest days, ascending. */
  digests: z.array(isoDate),
  /** Topic slugs. */
  topics: z.array(z.string()),
  /** Every capture, in capture order: its digest day, format and the counts it showed (README, "archive.jsonl"). */
  appearances: z.array(
    z.object({
      digest: isoDate,
      format: z.enum(CAPTURE_FORMATS).nullable(),
      upvotes: z.number().int().nullable(),
      comments: z.number().int().nullable(),
    }),
  ),
});
export type ArchiveRecord = z.infer<typeof archiveRecordSchema>;
