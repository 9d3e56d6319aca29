import { describe, expect, it } from 'vitest';
import { copyLine } from '../../../../src/platform/database/copy-text.js';
import { COLUMNS, songCopyLine } from '../../../../src/features/dataset/import/song-copy-line.js';
import type { SongRecord } from '../../../../src/features/dataset/import/song-record.js';
import { DECIMAL_FEATURES, isAcoustic, isInstrumental } from '../../../../src/vocabulary/audio-features.js';
import { searchColumns } from '../../../../src/vocabulary/search-text.js';
import { songRecord } from '../../../support/song-records.js';

/** instrumentalness in exponent form, as the hit-predictor files write it. */
const song = (overrides: Partial<SongRecord> = {}): SongRecord => songRecord({ instrumentalness: 1.74e-6, ...overrides });

/** The line the generic writer gives for the song's values in COLUMNS' order. */
function genericLine(s: SongRecord): string {
  const search = searchColumns(s.trackName, s.artists);
  return copyLine([
    s.trackId,
    s.trackName,
    s.artists,
    s.albumName,
    s.popularity,
    s.trackGenre,
    s.durationMs,
    ...DECIMAL_FEATURES.map((feature) => s[feature]),
    s.mode,
    s.key,
    s.timeSignature,
    s.explicit,
    s.explicitKnown,
    isAcoustic(s),
    isInstrumental(s),
    s.isHit,
    s.hitSource,
    s.decade,
    s.dataset,
    search.searchText,
    search.searchTitle,
    search.searchArtists,
  ]);
}

describe('songCopyLine', () => {
  it('writes a hit-predictor song (no album, popularity or genre) as the generic COPY writer does', () => {
    const s = song();
    expect(songCopyLine(s, searchColumns(s.trackName, s.artists))).toBe(genericLine(s));
  });

  it('writes a Kaggle song with tabs, backslashes and line breaks in its texts as the generic COPY writer does', () => {
    const s = song({
      trackName: 'Tab\there \\ back',
      artists: 'Line\nBreak\r',
      albumName: 'C:\\Album',
      popularity: 0,
      trackGenre: 'a\tb',
      explicit: true,
      explicitKnown: true,
      isHit: true,
      hitSource: 'popularity',
      decade: null,
      dataset: 'kaggle',
      loudness: -0,
      key: -1,
    });
    expect(songCopyLine(s, searchColumns(s.trackName, s.artists))).toBe(genericLine(s));
  });

  it('writes the decimals as the file wrote them when the song came from a file', () => {
    const s = song({ decimalsText: ['0.50', '1', '0', '0.9191', '1.74E-06', '-7.8670', '99.5', '0.0308', '0.1618'].join('\t') });
    const fields = songCopyLine(s, searchColumns(s.trackName, s.artists)).split('\t');
    const decimals = COLUMNS.flatMap((column, at) => ((DECIMAL_FEATURES as readonly string[]).includes(column) ? [fields[at]] : []));
    expect(decimals).toEqual(s.decimalsText!.split('\t'));
  });

  it('has one field per column', () => {
    const s = song();
    expect(songCopyLine(s, searchColumns(s.trackName, s.artists)).split('\t')).toHaveLength(COLUMNS.length);
  });
});
