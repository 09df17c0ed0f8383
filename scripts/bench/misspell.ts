/**
 * Typos the way issue 8 measures typo recall: in every run of letters longer than five, one edit
 * chosen by the seeded generator: a letter dropped, two different neighbours swapped, or a letter doubled.
 */

/** `title` with one typo in each letter run longer than five letters. */
export function misspell(title: string, random: () => number): string {
  return title.replace(/\p{L}{6,}/gu, (word) => {
    const letters = [...word];
    const kind = Math.floor(random() * 3);
    const at = 1 + Math.floor(random() * (letters.length - 2));
    if (kind === 0) return [...letters.slice(0, at), ...letters.slice(at + 1)].join('');
    if (kind === 1) {
      // Swap two different neighbours (swapping "ll" would change nothing).
      for (let i = at; i < at + letters.length; i++) {
        const j = 1 + ((i - 1) % (letters.length - 2));
        if (letters[j] !== letters[j + 1]) {
          [letters[j], letters[j + 1]] = [letters[j + 1]!, letters[j]!];
          return letters.join('');
        }
      }
    }
    return [...letters.slice(0, at + 1), letters[at]!, ...letters.slice(at + 1)].join('');
  });
}
