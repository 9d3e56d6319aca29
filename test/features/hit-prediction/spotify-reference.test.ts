import { describe, expect, it } from 'vitest';
import { InvalidSpotifyReferenceError, parseSpotifyTrackReference } from '../../../src/features/hit-prediction/spotify-reference.js';

const ID = '4uLU6hMCjMI75M1A2tKUQC';

describe('parseSpotifyTrackReference', () => {
  it.each([
    ID,
    ` ${ID} `,
    `spotify:track:${ID}`,
    `https://open.spotify.com/track/${ID}`,
    `https://open.spotify.com/track/${ID}?si=9a8b7c6d5e4f`,
    `https://open.spotify.com/intl-de/track/${ID}?si=abc`,
    `open.spotify.com/track/${ID}`,
    `http://open.spotify.com/track/${ID}/`,
  ])('finds the track id in %s', (input) => {
    expect(parseSpotifyTrackReference(input)).toBe(ID);
  });

  it.each([
    ['https://open.spotify.com/album/4uLU6hMCjMI75M1A2tKUQC', 'is a Spotify album link, not a track link'],
    ['https://open.spotify.com/track/short', 'does not end in a 22-character track id'],
    ['https://example.com/track/4uLU6hMCjMI75M1A2tKUQC', 'is not an open.spotify.com link'],
    ['spotify:album:4uLU6hMCjMI75M1A2tKUQC', 'is not a spotify:track: URI'],
    ['spotify:track:123', 'is not a spotify:track: URI'],
    ['never gonna give you up', 'is not a Spotify track id (22 letters and digits)'],
    ['https://open spotify com/track/x', 'is neither a Spotify link'],
  ])('refuses %s', (input, reason) => {
    expect(() => parseSpotifyTrackReference(input)).toThrow(InvalidSpotifyReferenceError);
    expect(() => parseSpotifyTrackReference(input)).toThrow(reason);
  });
});
