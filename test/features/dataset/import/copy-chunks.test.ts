import { describe, expect, it } from 'vitest';
import { CopyChunks } from '../../../../src/features/dataset/import/copy-chunks.js';
import { ImportVocabulary } from '../../../../src/features/dataset/import/import-vocabulary.js';
import { songCopyLine } from '../../../../src/features/dataset/import/song-copy-line.js';
import { searchColumns } from '../../../../src/vocabulary/search-text.js';
import { songRecord } from '../../../support/song-records.js';

const songs = Array.from({ length: 450 }, (_, i) => songRecord({ trackId: `EncoreChunkTrack${String(i).padStart(6, '0')}`, trackName: `Song ${i}` }));
const line = (song: (typeof songs)[number]) => songCopyLine(song, searchColumns(song.trackName, song.artists));

describe('CopyChunks', () => {
  it('gives the songs’ COPY lines in order, in chunks of 200 rows', () => {
    const chunks = new CopyChunks(new ImportVocabulary());
    for (const song of songs) chunks.add(song);
    expect(chunks.rows).toBe(450);
    const taken = chunks.take();
    expect(taken.map((chunk) => chunk.toString().split('\n').length - 1)).toEqual([200, 200, 50]);
    expect(Buffer.concat(taken).toString()).toBe(songs.map(line).join(''));
  });

  it('starts again after a take', () => {
    const chunks = new CopyChunks(new ImportVocabulary());
    chunks.add(songs[0]!);
    chunks.take();
    chunks.add(songs[1]!);
    expect(chunks.rows).toBe(1);
    expect(chunks.take().map(String)).toEqual([line(songs[1]!)]);
    expect(chunks.take()).toEqual([]);
  });

  it('gives the songs’ words to the vocabulary', () => {
    const vocabulary = new ImportVocabulary();
    const chunks = new CopyChunks(vocabulary);
    chunks.add(songRecord({ trackName: 'Déjà Vu', artists: 'Beyoncé' }));
    expect(vocabulary.takeNew()).toEqual(['beyonce', 'deja', 'vu']);
  });
});
