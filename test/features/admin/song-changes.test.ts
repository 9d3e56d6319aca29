import { describe, expect, it } from 'vitest';
import { derivedSongChanges, songChanges } from '../../../src/features/admin/song-changes.js';
import type { Song } from '../../../src/generated/prisma/client.js';

const song = (fields: Partial<Song>) => ({ trackName: 'Déjà Vu', artists: 'Beyoncé;JAY-Z', hitSource: 'popularity', ...fields }) as Song;

describe('songChanges', () => {
  it('maps only the fields sent to columns', () => {
    expect(songChanges({ track_name: 'New', popularity: 12, is_acoustic: false })).toEqual({ trackName: 'New', popularity: 12, isAcoustic: false });
    expect(songChanges({})).toEqual({});
  });

  it("makes a hit label set by hand a 'label', and an explicit flag set by hand known", () => {
    expect(songChanges({ is_hit: false, explicit: true })).toEqual({ isHit: false, hitSource: 'label', explicit: true, explicitKnown: true });
  });

  it('maps audio features sent by their API names to their columns', () => {
    expect(songChanges({ duration_ms: 200_000, time_signature: 3, key: -1, speechiness: 0.2 })).toEqual({
      durationMs: 200_000,
      timeSignature: 3,
      key: -1,
      speechiness: 0.2,
    });
  });

  it('clears optional texts with null or an empty string', () => {
    expect(songChanges({ album_name: '', track_genre: null, popularity: null })).toEqual({ albumName: null, trackGenre: null, popularity: null });
  });
});

describe('derivedSongChanges', () => {
  it('recomputes the search columns from the edited title and artists', () => {
    expect(derivedSongChanges(song({}), { track_name: 'Déjà Vu' }, 50)).toEqual({
      searchText: 'deja vu beyonce jay z',
      searchTitle: 'deja vu',
      searchArtists: 'beyonce jay z',
    });
  });

  it('decides is_hit again from a new popularity only when popularity decided it', () => {
    expect(derivedSongChanges(song({}), { popularity: 50 }, 50)).toEqual({ isHit: true });
    expect(derivedSongChanges(song({}), { popularity: 49 }, 50)).toEqual({ isHit: false });
    expect(derivedSongChanges(song({ hitSource: 'label' }), { popularity: 90 }, 50)).toEqual({});
    expect(derivedSongChanges(song({}), { popularity: 90, is_hit: false }, 50)).toEqual({});
    expect(derivedSongChanges(song({}), { popularity: null }, 50)).toEqual({});
  });

  it('derives nothing from other fields', () => {
    expect(derivedSongChanges(song({}), { explicit: true, album_name: 'X' }, 50)).toEqual({});
  });

  it('recomputes the acoustic and instrumental flags from edited acousticness and instrumentalness', () => {
    expect(derivedSongChanges(song({ acousticness: 0.8, instrumentalness: 0.1 }), { acousticness: 0.8, instrumentalness: 0.1 }, 50)).toEqual({
      isAcoustic: true,
      isInstrumental: false,
    });
  });

  it('keeps a flag the same edit sets by hand', () => {
    expect(derivedSongChanges(song({ acousticness: 0.8 }), { acousticness: 0.8, is_acoustic: false }, 50)).toEqual({});
  });
});
