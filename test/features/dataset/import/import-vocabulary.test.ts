import { describe, expect, it } from 'vitest';
import { addWordsSql, ImportVocabulary } from '../../../../src/features/dataset/import/import-vocabulary.js';

describe('ImportVocabulary', () => {
  it('gives each word once per import, sorted, whichever song brought it', () => {
    const vocabulary = new ImportVocabulary();
    vocabulary.addSongText('yesterday', 'the beatles');
    expect(vocabulary.takeNew()).toEqual(['beatles', 'the', 'yesterday']);
    vocabulary.addSongText('let it be', 'the beatles');
    vocabulary.addSongText('the end', 'the beatles');
    expect(vocabulary.takeNew()).toEqual(['be', 'end', 'it', 'let']);
    expect(vocabulary.takeNew()).toEqual([]);
  });

  it('splits at spaces and leaves out empty words (a song with an empty title)', () => {
    const vocabulary = new ImportVocabulary();
    vocabulary.addSongText('', ' the  beatles ');
    expect(vocabulary.takeNew()).toEqual(['beatles', 'the']);
  });

  it('cuts a word to its first 200 characters, counting characters outside the BMP as one', () => {
    const vocabulary = new ImportVocabulary();
    vocabulary.addSongText(`a ${'𝄞'.repeat(250)}`, 'b');
    expect(vocabulary.takeNew()).toEqual(['a', 'b', '𝄞'.repeat(200)]);
  });
});

describe('addWordsSql', () => {
  it('adds the words as literals, leaving those the vocabulary has', () => {
    expect(addWordsSql(["o'brien", 'x'], (word) => `'${word.replaceAll("'", "''")}'`)).toBe(
      "INSERT INTO search_words (word) VALUES ('o''brien'), ('x') ON CONFLICT DO NOTHING",
    );
  });
});
