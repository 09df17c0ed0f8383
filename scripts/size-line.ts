/**
 * The size line `npm run build` ends with (issue 9): how big `dist/` is per 1,000 papers and how
 * many papers fit under GitHub Pages' 1 GB limit at that rate, with a warning past 80% of it.
 * `sizeReport` is pure; `folderSize` walks the built folder.
 */
import { readdir, stat } from 'node:fs/promises';
import path from 'node:path';

/** GitHub Pages' published-site limit: 1 GB (GitHub's docs; decimal bytes). */
export const PAGES_LIMIT_BYTES = 1_000_000_000;
/** Past this share of the limit the line becomes a warning. */
export const WARN_SHARE = 0.8;

/** What the size line says. */
export interface SizeReport {
  line: string;
  /** True when the site is past 80% of 1 GB (the line is then a warning). */
  warn: boolean;
  /** Papers that fit under 1 GB at this site's bytes per paper (null without papers). */
  papersThatFit: number | null;
}

const MB = 1_000_000;
const grouped = (n: number) => n.toLocaleString('en-US');

/**
 * The size line for a built site of `bytes` in `files` files holding `papers` papers. The rate is
 * the whole site (listings, search index, feeds, archive.jsonl) divided by its papers, so the fit
 * is an estimate: a few parts (KaTeX, the shell) do not grow with the archive, which makes it
 * slightly pessimistic for small archives.
 */
export function sizeReport(bytes: number, files: number, papers: number): SizeReport {
  const share = bytes / PAGES_LIMIT_BYTES;
  const warn = share > WARN_SHARE;
  const size = `${(bytes / MB).toFixed(1)} MB in ${grouped(files)} files`;
  if (papers <= 0) return { line: `dist: ${size}, no papers.`, warn, papersThatFit: null };
  const perThousand = (bytes / papers) * 1000;
  const fit = Math.floor(PAGES_LIMIT_BYTES / (bytes / papers));
  const line =
    `dist: ${size} for ${grouped(papers)} ${papers === 1 ? 'paper' : 'papers'}: ${(perThousand / MB).toFixed(1)} MB per 1,000 papers; ` +
    `about ${grouped(fit)} papers fit in GitHub Pages' 1 GB at this rate (${Math.round(share * 100)}% used).`;
  return {
    line: warn ? `warning: ${line} Past 80% of the limit: see README, "How big can an archive get?", for what to do next.` : line,
    warn,
    papersThatFit: fit,
  };
}

/** Apparent size (bytes) and number of files under `dir`, recursively. */
export async function folderSize(dir: string): Promise<{ bytes: number; files: number }> {
  const entries = await readdir(dir, { recursive: true, withFileTypes: true });
  const files = entries.filter((e) => e.isFile()).map((e) => path.join(e.parentPath, e.name));
  let bytes = 0;
  // Batches keep the number of open stat calls bounded on 100,000-file sites.
  for (let i = 0; i < files.length; i += 512) {
    const sizes = await Promise.all(files.slice(i, i + 512).map(async (f) => (await stat(f)).size));
    for (const s of sizes) bytes += s;
  }
  return { bytes, files: files.length };
}
