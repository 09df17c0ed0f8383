/**
 * Seeded randomness for tests and benchmarks: the same seed gives the same sequence on every
 * machine, so a synthetic archive is reproducible and a failing shuffle can be replayed.
 */

/** mulberry32: a small, fast 32-bit generator; returns numbers in [0, 1). */
export function seededRandom(seed: number): () => number {
  let a = seed;
  return () => {
    a = (a + 0x6d2b79f5) | 0;
    let t = Math.imul(a ^ (a >>> 15), 1 | a);
    t = (t + Math.imul(t ^ (t >>> 7), 61 | t)) ^ t;
    return ((t ^ (t >>> 14)) >>> 0) / 4294967296;
  };
}

/** `list` shuffled (Fisher–Yates) by `seededRandom(seed)`. */
export function shuffle<T>(list: readonly T[], seed: number): T[] {
  const random = seededRandom(seed);
  const out = [...list];
  for (let i = out.length - 1; i > 0; i--) {
    const j = Math.floor(random() * (i + 1));
    [out[i], out[j]] = [out[j]!, out[i]!];
  }
  return out;
}

/** `count` items of `list` picked by `seededRandom(seed)`, in their original order (all when `count` ≥ its length). */
export function sample<T>(list: readonly T[], count: number, seed: number): T[] {
  if (count >= list.length) return [...list];
  const random = seededRandom(seed);
  const order = list.map((_, i) => i);
  // Partial Fisher–Yates: the first `count` slots end up a uniform random subset.
  for (let i = 0; i < count; i++) {
    const j = i + Math.floor(random() * (order.length - i));
    [order[i], order[j]] = [order[j]!, order[i]!];
  }
  return order
    .slice(0, count)
    .sort((a, b) => a - b)
    .map((i) => list[i]!);
}
