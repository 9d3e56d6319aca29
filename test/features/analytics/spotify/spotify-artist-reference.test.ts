import { describe, expect, it } from 'vitest';
import { parseSpotifyArtistReference } from '../../../../src/features/analytics/spotify/spotify-artist-reference.js';
import { toSpotifyArtist } from '../../../../src/features/spotify/spotify-artist.js';
import { MalformedSpotifyResponseError } from '../../../../src/features/spotify/spotify-track.js';
import { spotifyArtist } from '../../../support/fake-spotify.js';

const ID = '0OdUWJ0sBjDrqHygGUXeCF';

describe('parseSpotifyArtistReference', () => {
  it.each([
    ID,
    `  ${ID} `,
    `spotify:artist:${ID}`,
    `https://open.spotify.com/artist/${ID}`,
    `https://open.spotify.com/artist/${ID}?si=AbCdEf123`,
    `https://open.spotify.com/artist/${ID}/`,
    `https://open.spotify.com/intl-de/artist/${ID}?si=x`,
    `http://open.spotify.com/artist/${ID}`,
    `open.spotify.com/artist/${ID}`,
  ])('finds the id in %s', (input) => {
    expect(parseSpotifyArtistReference(input)).toBe(ID);
  });

  it.each([
    '',
    'radiohead',
    `${ID}x`,
    `spotify:track:${ID}`,
    `spotify:artist:${ID}:extra`,
    `https://open.spotify.com/track/${ID}`,
    `https://open.spotify.com/artist/${ID}/albums`,
    `https://example.com/artist/${ID}`,
    'https://open.spotify.com/artist/short',
    'https://',
  ])('refuses %j', (input) => {
    expect(parseSpotifyArtistReference(input)).toBeNull();
  });
});

describe('toSpotifyArtist', () => {
  it("reads Spotify's Artist object", () => {
    expect(toSpotifyArtist(spotifyArtist({ id: ID, name: 'Band', followers: { href: null, total: 42 }, popularity: 61, genres: ['shoegaze'] }))).toEqual({
      id: ID,
      name: 'Band',
      followers: 42,
      popularity: 61,
      genres: ['shoegaze'],
      image: `https://i.scdn.co/image/${ID}-640`,
      spotifyUrl: `https://open.spotify.com/artist/${ID}`,
    });
  });

  it('gives null followers and popularity when Spotify withholds them (Development Mode apps)', () => {
    const { followers: _followers, popularity: _popularity, ...withheld } = spotifyArtist({ id: ID, name: 'Band' });
    expect(toSpotifyArtist(withheld as SpotifyApi.ArtistObjectFull)).toMatchObject({ followers: null, popularity: null });
  });

  it('refuses an artist without id or name', () => {
    expect(() => toSpotifyArtist({ id: ID } as SpotifyApi.ArtistObjectFull)).toThrow(MalformedSpotifyResponseError);
  });
});
