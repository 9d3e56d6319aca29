import type { SqlParams } from './sql-params.js';
import type { VocabularyPattern } from './substring-words.js';

/**
 * More vocabulary words than this match a pattern: it is common (a short fragment), so it filters
 * the songs instead of widening the words index's lookup.
 */
export const MAX_WORD_MATCHES = 200;

/** Three letters or digits in a row: a pattern pg_trgm's index can look up by its trigrams. */
const HAS_TRIGRAM = /[\p{L}\p{N}]{3}/u;

/**
 * The vocabulary words a pattern matches, up to one more than MAX_WORD_MATCHES (to tell a common
 * pattern), as an `ARRAY(SELECT …)` expression of a statement. A pattern with a trigram is looked
 * up through the vocabulary's trigram index; a shorter one, which the index cannot narrow (it
 * would read all of it), through a scan of the vocabulary that stops at the first matches
 * (`word || ''` hides the index from the plan, which may be generic).
 */
export function vocabularyMatches(pattern: VocabularyPattern, params: SqlParams): string {
  if ('equals' in pattern) return `ARRAY(SELECT word FROM search_words WHERE word = ${params.add(pattern.equals)})`;
  const column = HAS_TRIGRAM.test(pattern.like) ? 'word' : "(word || '')";
  return `ARRAY(SELECT word FROM search_words WHERE ${column} LIKE ${params.add(pattern.like)} LIMIT ${MAX_WORD_MATCHES + 1})`;
}
