/**
 * Edit distance between two words with insertions, deletions and substitutions costing 1 and
 * a swap of two neighbouring letters 0.5: swaps are the most common typing slip, so
 * "beatels" is closer to "beatles" than to "beaters".
 */
export function typoDistance(a: string, b: string): number {
  const rows = Array.from({ length: a.length + 1 }, (_, i) => [i, ...new Array<number>(b.length).fill(0)]);
  for (let j = 1; j <= b.length; j++) rows[0]![j] = j;
  for (let i = 1; i <= a.length; i++) {
    for (let j = 1; j <= b.length; j++) {
      const substitution = a[i - 1] === b[j - 1] ? 0 : 1;
      let best = Math.min(rows[i - 1]![j]! + 1, rows[i]![j - 1]! + 1, rows[i - 1]![j - 1]! + substitution);
      if (i > 1 && j > 1 && a[i - 1] === b[j - 2] && a[i - 2] === b[j - 1]) best = Math.min(best, rows[i - 2]![j - 2]! + 0.5);
      rows[i]![j] = best;
    }
  }
  return rows[a.length]![b.length]!;
}

/**
 * How well a normalized query matches normalized song text, 0–1: each query word is scored by
 * its closest word in the text (1 − distance / length), and the scores are averaged.
 */
export function typoScore(query: string, text: string): number {
  const queryWords = query.split(' ').filter(Boolean);
  const words = text.split(' ').filter(Boolean);
  if (queryWords.length === 0 || words.length === 0) return 0;
  const total = queryWords.reduce((sum, queryWord) => {
    const best = Math.max(...words.map((word) => 1 - typoDistance(queryWord, word) / Math.max(queryWord.length, word.length)));
    return sum + Math.max(best, 0);
  }, 0);
  return total / queryWords.length;
}

/** Letters and digits a slip may put in a word, beside the word's own letters. */
const SLIP_ALPHABET = 'abcdefghijklmnopqrstuvwxyz0123456789';

/**
 * Every word one slip away: one letter left out, added, replaced, or two neighbours swapped
 * (typoDistance 1 or less). The typo search looks these up in the songs' vocabulary, so a
 * misspelt word is corrected by exact lookups instead of a similarity scan of every song.
 */
export function oneSlipVariants(word: string): string[] {
  // Slices of the word's characters (code points, so that a letter outside the BMP stays whole),
  // joined once per variant: the typo path builds a few hundred of these per query word.
  const letters = [...word];
  const alphabet = new Set([...SLIP_ALPHABET, ...letters]);
  const variants = new Set<string>();
  for (let i = 0; i <= letters.length; i++) {
    const before = letters.slice(0, i).join('');
    const after = letters.slice(i).join('');
    const afterFirst = letters.slice(i + 1).join('');
    if (i < letters.length) variants.add(before + afterFirst);
    if (i + 1 < letters.length) variants.add(before + letters[i + 1]! + letters[i]! + letters.slice(i + 2).join(''));
    for (const letter of alphabet) {
      variants.add(before + letter + after);
      if (i < letters.length) variants.add(before + letter + afterFirst);
    }
  }
  variants.delete(word);
  variants.delete('');
  return [...variants];
}
