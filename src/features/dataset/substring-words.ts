import { likeLiteral } from '../../platform/database/like-literal.js';

/** How the vocabulary's words that one word of a substring can stand in are found: a LIKE pattern, or the word itself. */
export type VocabularyPattern = { like: string } | { equals: string };

/** The vocabulary words containing a fragment (of a word: no spaces). */
export const containingPattern = (fragment: string): VocabularyPattern => ({ like: `%${likeLiteral(fragment)}%` });

/**
 * Per word of `text` (words separated by single spaces, as search texts are), the vocabulary
 * words that a song's word must be for the song's search text to contain `text` at that word:
 * one word anywhere inside a song's word; of several, the first ends a song's word, the middle
 * ones are whole words and the last starts the word after them. Every song containing the text
 * holds a match of each (words cut at 200 characters aside, see VocabularyLookup).
 */
export function substringWordPatterns(text: string): VocabularyPattern[] {
  const words = text.split(' ');
  if (words.length === 1) return [containingPattern(text)];
  return words.map((word, i) => {
    if (i === 0) return { like: `%${likeLiteral(word)}` };
    if (i === words.length - 1) return { like: `${likeLiteral(word)}%` };
    return { equals: word };
  });
}
