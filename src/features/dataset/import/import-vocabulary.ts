/** Characters of a word the vocabulary keeps (song_search_words cuts longer words to these). */
const MAX_WORD_CHARS = 200;

/** Words remembered as added at most: past this the memory starts again (a word added twice is harmless). */
const MAX_REMEMBERED_WORDS = 200_000;

/** The vocabulary's trigram index (migration dataset_search), through which the search looks words up. */
export const VOCABULARY_TRIGRAM_INDEX = 'search_words_word_trgm_idx';

/** The session setting that tells the vocabulary trigger an import adds the words itself. */
export const WORDS_BY_IMPORT_SETTING = 'encore.search_words_by_import';

/** A word as the vocabulary holds it: what the SQL function song_search_words makes of it (cut to its first 200 characters). */
function vocabularyWord(word: string): string {
  // length counts UTF-16 units, at least as many as characters: only a longer word may need cutting.
  return word.length > MAX_WORD_CHARS ? Array.from(word).slice(0, MAX_WORD_CHARS).join('') : word;
}

/**
 * The vocabulary words (search_words) of an import's songs that it has not added yet. The
 * import adds them itself, in the transaction of the batch that brings them: the trigger
 * would take every word of every batch apart again in PostgreSQL.
 */
export class ImportVocabulary {
  private added = new Set<string>();
  private pending: string[] = [];

  /**
   * Adds the words of a song's search text, given as its two parts (search_text is the title, a
   * space and the artists: its words are theirs, and a word is cut the same in either).
   */
  addSongText(searchTitle: string, searchArtists: string): void {
    this.addWords(searchTitle);
    this.addWords(searchArtists);
  }

  /**
   * The words of a search text as song_search_words gives them (split at spaces), without empty
   * ones (the trigger's `word <> ''`). Found with indexOf, not split into arrays: twice per row.
   */
  private addWords(text: string): void {
    for (let start = 0; start < text.length;) {
      const space = text.indexOf(' ', start);
      const end = space < 0 ? text.length : space;
      if (end > start) this.addWord(vocabularyWord(text.slice(start, end)));
      start = end + 1;
    }
  }

  private addWord(word: string): void {
    if (this.added.has(word)) return;
    if (this.added.size >= MAX_REMEMBERED_WORDS) this.added = new Set();
    this.added.add(word);
    this.pending.push(word);
  }

  /** The words found since the last call, in order (concurrent imports then take their locks in one order). */
  takeNew(): string[] {
    const words = this.pending.sort();
    this.pending = [];
    return words;
  }
}

/** The statement that adds words to the vocabulary, as literal SQL (it joins other statements in one message). */
export function addWordsSql(words: readonly string[], escapeLiteral: (text: string) => string): string {
  return `INSERT INTO search_words (word) VALUES ${words.map((word) => `(${escapeLiteral(word)})`).join(', ')} ON CONFLICT DO NOTHING`;
}
