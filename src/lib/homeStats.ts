/**
 * What the home page picks out: the most upvoted recent papers. Pure.
 */
import type { Paper } from '../schemas/paper.ts';

const DAY_MS = 86_400_000;

/** `YYYY-MM-DD` plus `days` (negative to go back), in UTC. */
export function addDays(date: string, days: number): string {
  return new Date(Date.parse(`${date}T00:00:00Z`) + days * DAY_MS).toISOString().slice(0, 10);
}

/**
 * The `limit` papers with the most upvotes among those in a digest of the `days` days ending on
 * `newest` (the newest digest day, not today: a rebuilt old archive stays the same). Papers
 * whose upvotes no capture showed are left out; ties go to the newer paper, then by id.
 */
export function topUpvoted(papers: readonly Paper[], newest: string, days = 7, limit = 10): Paper[] {
  const from = addDays(newest, -(days - 1));
  return papers
    .filter((p) => p.upvotes !== null && p.digests.some((d) => d >= from && d <= newest))
    .sort(
      (a, b) => b.upvotes! - a.upvotes! || (a.published < b.published ? 1 : a.published > b.published ? -1 : 0) || (a.id < b.id ? -1 : 1),
    )
    .slice(0, limit);
}
