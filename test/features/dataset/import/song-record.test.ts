import { describe, expect, it } from 'vitest';
import { mergeSongRows, type SongRecord } from '../../../../src/features/dataset/import/song-record.js';
import { songRecord as song } from '../../../support/song-records.js';

const kaggleSong = (overrides: Partial<SongRecord> = {}) =>
  song({
    albumName: 'Greatest Hits',
    popularity: 42,
    trackGenre: 'soul',
    decade: null,
    explicitKnown: true,
    hitSource: 'popularity',
    dataset: 'kaggle',
    ...overrides,
  });

describe('mergeSongRows', () => {
  it('takes the later row’s values', () => {
    const { merged } = mergeSongRows(song({ tempo: 120, energy: 0.1, artists: 'A' }), song({ tempo: 121, energy: 0.2, artists: 'B' }));
    expect(merged).toMatchObject({ tempo: 121, energy: 0.2, artists: 'B' });
  });

  it('keeps a known explicit flag when the later row does not know it', () => {
    const { merged } = mergeSongRows(kaggleSong({ explicit: true, explicitKnown: true }), song({ explicit: false, explicitKnown: false }));
    expect(merged).toMatchObject({ explicit: true, explicitKnown: true });
  });

  it('takes the later row’s dataset and explicit flags', () => {
    const { merged } = mergeSongRows(kaggleSong({ explicit: false }), kaggleSong({ explicit: true, dataset: 'demo' }));
    expect(merged.explicit).toBe(true);
    expect(merged.dataset).toBe('demo');
  });

  it('is a hit if either row is a hit', () => {
    expect(mergeSongRows(song({ isHit: true }), song({ isHit: false })).merged.isHit).toBe(true);
    expect(mergeSongRows(song({ isHit: false }), song({ isHit: true })).merged.isHit).toBe(true);
    expect(mergeSongRows(song({ isHit: true }), song({ isHit: true })).merged.isHit).toBe(true);
    expect(mergeSongRows(song({ isHit: false }), song({ isHit: false })).merged.isHit).toBe(false);
  });

  it('keeps hitSource "label" if either row has a label', () => {
    expect(mergeSongRows(song({ hitSource: 'label' }), kaggleSong()).merged.hitSource).toBe('label');
    expect(mergeSongRows(kaggleSong(), song({ hitSource: 'label' })).merged.hitSource).toBe('label');
  });

  it('uses hitSource "popularity" when neither row has a label', () => {
    expect(mergeSongRows(kaggleSong(), kaggleSong()).merged.hitSource).toBe('popularity');
  });

  it('keeps the earlier album, popularity, genre and decade when the later row has none', () => {
    const earlier = kaggleSong({ albumName: 'Soul Classics', popularity: 61, trackGenre: 'soul', decade: 1960 });
    const later = song({ albumName: null, popularity: null, trackGenre: null, decade: null });
    const { merged } = mergeSongRows(earlier, later);
    expect(merged).toMatchObject({ albumName: 'Soul Classics', popularity: 61, trackGenre: 'soul', decade: 1960 });
  });

  it('takes the later album, popularity, genre and decade when it has them', () => {
    const earlier = kaggleSong({ albumName: 'Old', popularity: 10, trackGenre: 'pop', decade: 1970 });
    const later = kaggleSong({ albumName: 'New', popularity: 0, trackGenre: 'soul', decade: 1960 });
    expect(mergeSongRows(earlier, later).merged).toMatchObject({ albumName: 'New', popularity: 0, trackGenre: 'soul', decade: 1960 });
  });

  it('does not change its inputs', () => {
    const earlier = kaggleSong({ isHit: true });
    const later = song({ isHit: false });
    const copies = [structuredClone(earlier), structuredClone(later)];
    mergeSongRows(earlier, later);
    expect([earlier, later]).toEqual(copies);
  });

  it('flags a label conflict when the rows disagree on isHit', () => {
    expect(mergeSongRows(song({ isHit: true }), song({ isHit: false })).labelConflict).toBe(true);
    expect(mergeSongRows(song({ isHit: false }), song({ isHit: true })).labelConflict).toBe(true);
  });

  it('flags no label conflict when the rows agree on isHit', () => {
    expect(mergeSongRows(song({ isHit: true }), song({ isHit: true })).labelConflict).toBe(false);
    expect(mergeSongRows(song({ isHit: false }), song({ isHit: false })).labelConflict).toBe(false);
  });

  it('flags a title conflict when the titles differ', () => {
    expect(mergeSongRows(song({ trackName: 'Harbour River' }), song({ trackName: 'Harbour Rivers' })).titleConflict).toBe(true);
  });

  it('flags no title conflict for titles differing only in case and accents', () => {
    expect(mergeSongRows(song({ trackName: 'Déjà Vu' }), song({ trackName: 'DEJA VU' })).titleConflict).toBe(false);
    expect(mergeSongRows(song({ trackName: 'Same' }), song({ trackName: 'Same' })).titleConflict).toBe(false);
  });
});
