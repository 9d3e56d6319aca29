import { describe, expect, it } from 'vitest';
import { MalformedSpotifyResponseError, toAudioFeatures, toSpotifyTrack } from '../../../src/features/spotify/spotify-track.js';
import { artists, audioFeaturesOf, spotifyTrack } from '../../support/fake-spotify.js';

const ID = '4uLU6hMCjMI75M1A2tKUQC';

describe('toSpotifyTrack', () => {
  it('takes title, joined artists, album, widest cover, links and popularity from a Track object', () => {
    const track = spotifyTrack({ id: ID, name: 'Never Gonna Give You Up', artists: artists('Rick Astley', 'Stock Aitken Waterman'), explicit: true });
    expect(toSpotifyTrack(track)).toEqual({
      id: ID,
      title: 'Never Gonna Give You Up',
      artist: 'Rick Astley;Stock Aitken Waterman',
      album: 'Fake Album',
      albumImage: track.album.images[0]!.url,
      durationMs: 201_000,
      explicit: true,
      previewUrl: `https://p.scdn.co/mp3-preview/${ID}`,
      spotifyUrl: `https://open.spotify.com/track/${ID}`,
      popularity: 64,
      releaseYear: 2024,
    });
  });

  it('keeps popularity, cover and preview null when Spotify withholds them', () => {
    const track = spotifyTrack({ id: ID, name: 'Song', preview_url: null });
    const { popularity: _, ...withoutPopularity } = track;
    const mapped = toSpotifyTrack({ ...withoutPopularity, album: { ...track.album, images: [] } } as unknown as SpotifyApi.TrackObjectFull);
    expect([mapped.popularity, mapped.albumImage, mapped.previewUrl]).toEqual([null, null, null]);
  });

  it('refuses a body that is not a track', () => {
    expect(() => toSpotifyTrack({ error: 'nope' } as unknown as SpotifyApi.TrackObjectFull)).toThrow(MalformedSpotifyResponseError);
  });
});

describe('toAudioFeatures', () => {
  it('maps an Audio Features object to the song columns', () => {
    expect(toAudioFeatures(audioFeaturesOf(ID))).toEqual({
      durationMs: 255_349,
      danceability: 0.735,
      energy: 0.578,
      valence: 0.636,
      acousticness: 0.514,
      instrumentalness: 0.0902,
      speechiness: 0.0461,
      liveness: 0.159,
      loudness: -11.84,
      tempo: 98.002,
      mode: 0,
      key: 5,
      timeSignature: 4,
    });
  });

  it('names a feature outside its range', () => {
    expect(() => toAudioFeatures(audioFeaturesOf(ID, { energy: 1.5 }))).toThrow(/energy is 1.5/);
  });

  it('names a missing feature', () => {
    const { tempo: _, ...features } = audioFeaturesOf(ID);
    expect(() => toAudioFeatures(features as SpotifyApi.AudioFeaturesObject)).toThrow(/tempo is undefined/);
  });
});
