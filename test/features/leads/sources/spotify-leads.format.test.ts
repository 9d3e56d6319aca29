import { describe, expect, it } from 'vitest';
import {
  chooseIsrcTrack,
  readCachedIsrcLookup,
  readTrackObject,
  SpotifyLeadsFormatError,
  type SpotifyLeadsTrack,
} from '../../../../src/features/leads/sources/spotify-leads.format.js';
import { spotifyTrack } from '../../../support/fake-spotify.js';

describe('Spotify track objects for Leads', () => {
  it('reads id, name, popularity, ISRC, album id/name/release date and the artists in credit order', () => {
    const track = spotifyTrack({
      id: '0VjIjW4GlUZAMYd2vXMi3b',
      name: 'Blinding Lights',
      popularity: 87,
      external_ids: { isrc: 'usug11904206' },
      artists: [
        { id: '1Xyo4u8uXC1ZmMpatF05PJ', name: 'The Weeknd', type: 'artist', uri: '', href: '', external_urls: { spotify: '' } },
        { id: '4tZwfgrHOc3mvqYlEYSvVi', name: 'Daft Punk', type: 'artist', uri: '', href: '', external_urls: { spotify: '' } },
      ],
    });
    expect(readTrackObject(track)).toEqual({
      id: '0VjIjW4GlUZAMYd2vXMi3b',
      name: 'Blinding Lights',
      popularity: 87,
      isrc: 'USUG11904206',
      album: { id: track.album.id, name: 'Fake Album', releaseDate: '2024-05-17' },
      artists: [
        { id: '1Xyo4u8uXC1ZmMpatF05PJ', name: 'The Weeknd' },
        { id: '4tZwfgrHOc3mvqYlEYSvVi', name: 'Daft Punk' },
      ],
    });
  });

  it('reads what Development Mode withholds (popularity, external_ids) as null', () => {
    const { popularity: _p, external_ids: _e, ...withheld } = spotifyTrack({ id: '0VjIjW4GlUZAMYd2vXMi3b', name: 'Blinding Lights' });
    expect(readTrackObject(withheld)).toMatchObject({ popularity: null, isrc: null });
  });

  it.each([
    ['no artists', { ...spotifyTrack({ id: 'a', name: 'x' }), artists: [] }, /track\.artists is not a non-empty array/],
    ['no album', { ...spotifyTrack({ id: 'a', name: 'x' }), album: null }, /track\.album is not an object/],
    ['an id that is a number', { ...spotifyTrack({ id: 'a', name: 'x' }), id: 7 }, /track\.id is not a non-empty string/],
    ['a string', 'track', /track is not an object/],
  ])('throws SpotifyLeadsFormatError for %s', (_, value, message) => {
    expect(() => readTrackObject(value)).toThrow(SpotifyLeadsFormatError);
    expect(() => readTrackObject(value)).toThrow(message);
  });

  it('chooses the most popular track of the ISRC, the first on a tie, skipping other ISRCs', () => {
    const track = (id: string, popularity: number | null, isrc: string | null): SpotifyLeadsTrack => ({
      id,
      name: id,
      popularity,
      isrc,
      album: { id: 'a', name: 'a', releaseDate: null },
      artists: [{ id: 'r', name: 'r' }],
    });
    const code = 'USBL12501234';
    expect(chooseIsrcTrack([track('compilation', 40, code), track('original', 71, code), track('other', 90, 'USBL12509999')], code)!.id).toBe('original');
    expect(chooseIsrcTrack([track('first', 50, code), track('second', 50, null)], code)!.id).toBe('first');
    expect(chooseIsrcTrack([track('withheld', null, null), track('known', 0, code)], code)!.id).toBe('known');
    expect(chooseIsrcTrack([track('other', 90, 'USBL12509999')], code)).toBeNull();
    expect(chooseIsrcTrack([], code)).toBeNull();
  });

  it('reads back a cached lookup, and refuses one kept in another shape', () => {
    const lookup = {
      isrc: 'USBL12501234',
      track: { id: 't', name: 't', popularity: 1, isrc: null, album: { id: 'a', name: 'a', releaseDate: null }, artists: [] },
      candidates: 1,
      album: null,
      artist: null,
    };
    expect(readCachedIsrcLookup(lookup)).toEqual(lookup);
    expect(() => readCachedIsrcLookup({ isrc: 'USBL12501234', trackId: 't' })).toThrow(SpotifyLeadsFormatError);
  });
});
