/**
 * The size line `npm run build` ends with (issue 9): how big `dist/` is per 1,000 papers and how
 * many papers fit under GitHub Pages' 1 GB limit at that rate, with a warning past 80% of it.
 * `sizeReport` is pure; `folderSize` walks the built folder.
 */
import { readdirSync, statSync } from 'node:fs';
import path from 'node:path';

/** GitHub Pages' published-site limit: 1 GB (GitHub's docs; decimal bytes). */
export const PAGES_LIMIT_BYTES = 1_000_000_000;
/** A tar header, and the block every member's data is padded to (POSIX ustar). */
const TAR_BLOCK = 512;
/** tar writes whole records of 20 blocks (GNU tar's default blocking factor). */
const TAR_RECORD = 20 * TAR_BLOCK;

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
export function sizeReport(bytes: number, files: number, papers: number, tarBytes?: number): SizeReport {
  const share = bytes / PAGES_LIMIT_BYTES;
  const warn = share > WARN_SHARE;
  const tar = tarBytes === undefined ? '' : ` (${(tarBytes / MB).toFixed(1)} MB as the tar Pages uploads)`;
  const size = `${(bytes / MB).toFixed(1)} MB in ${grouped(files)} files${tar}`;
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

/**
 * Bytes of the tar `actions/upload-pages-artifact` makes of a folder with these file sizes and
 * `dirs` folders: a 512-byte header per member (file or folder), each file's data padded to
 * 512 bytes, two zero blocks at the end, the whole rounded up to a 10,240-byte record. What that
 * adds over the apparent size is about 770 bytes per file (a header and half a block of padding).
 * Paths stay under ustar's 100 characters here, so no member needs an extra long-name header.
 */
export function tarSize(fileSizes: Iterable<number>, dirs: number): number {
  let bytes = (dirs + 2) * TAR_BLOCK;
  for (const size of fileSizes) bytes += TAR_BLOCK + Math.ceil(size / TAR_BLOCK) * TAR_BLOCK;
  return Math.ceil(bytes / TAR_RECORD) * TAR_RECORD;
}

/**
 * Apparent size (bytes: what the files hold, not the disk blocks they take), number of files, and
 * the size of the tar GitHub Pages is given (see `tarSize`) of everything under `dir`. Synchronous
 * on purpose: it is the build's last step, with nothing to overlap, and a promise per `stat` (a
 * thread-pool round trip each) cost ~1.9 s of CPU and ~3 s for the corpus's 22,000 files where the
 * plain calls take ~0.7 s.
 */
export function folderSize(dir: string): { bytes: number; files: number; tarBytes: number } {
  const entries = readdirSync(dir, { recursive: true, withFileTypes: true });
  const sizes: number[] = [];
  let dirs = 1;
  for (const e of entries) {
    if (e.isFile()) sizes.push(statSync(path.join(e.parentPath, e.name)).size);
    else if (e.isDirectory()) dirs++;
  }
  return { bytes: sizes.reduce((a, b) => a + b, 0), files: sizes.length, tarBytes: tarSize(sizes, dirs) };
}
