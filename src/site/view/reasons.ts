/**
 * A topic's reasons as one short line for the paper page (issue 9: the reasons are on each of
 * 50,000 pages). Ingest writes one reason per phrase (`title mentions "agent"`, `abstract mentions
 * "KV cache" (3×)`, `keyword "RLHF"`: src/ingest/topics.ts); the page groups them by where the
 * phrase was found and names each place once: `title "agent"; abstract "KV cache" ×3, "decoding";
 * keywords "RLHF"`. The same facts, in the same order. Pure.
 */

/** One reason ingest writes, parsed: where the phrase was found, the phrase, how often. */
const REASON = /^(?:(title|abstract) mentions|(keyword)) "(.*)"(?: \((\d+)×\))?$/s;

/** The place names of the compact line, in the order ingest writes reasons. */
const PLACE = { title: 'title', abstract: 'abstract', keyword: 'keywords' } as const;

/**
 * The reasons of one topic as one line. A reason in another form (an older entry, a hand-edited
 * one) is kept as written, in its place in the order. An empty list is "assigned by the taxonomy".
 */
export function compactReasons(reasons: readonly string[]): string {
  if (reasons.length === 0) return 'assigned by the taxonomy';
  const groups: Array<{ place: string | null; items: string[] }> = [];
  for (const reason of reasons) {
    const m = REASON.exec(reason);
    const place = m ? PLACE[(m[1] ?? m[2]) as keyof typeof PLACE] : null;
    const item = m ? `"${m[3]}"${m[4] ? ` ×${m[4]}` : ''}` : reason;
    const last = groups.at(-1);
    if (place && last?.place === place) last.items.push(item);
    else groups.push({ place, items: [item] });
  }
  return groups.map((g) => (g.place ? `${g.place} ${g.items.join(', ')}` : g.items.join('; '))).join('; ');
}
