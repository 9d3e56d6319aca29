import { describe, expect, it } from 'vitest';
import { songQueryOf } from '../../../../web/src/features/hit-prediction/song-query.js';

describe('songQueryOf', () => {
  it('sends a pasted link as url, ahead of title and artist', () => {
    expect(songQueryOf({ title: 'x', artist: 'y', link: ' https://open.spotify.com/track/4uLU6hMCjMI75M1A2tKUQC?si=1 ' })).toEqual({
      url: 'https://open.spotify.com/track/4uLU6hMCjMI75M1A2tKUQC?si=1',
    });
  });

  it('sends a bare 22-character id as track_id', () => {
    expect(songQueryOf({ title: '', artist: '', link: '4uLU6hMCjMI75M1A2tKUQC' })).toEqual({ track_id: '4uLU6hMCjMI75M1A2tKUQC' });
  });

  it('sends title and artist, trimmed', () => {
    expect(songQueryOf({ title: ' Penny Lane ', artist: 'The Beatles ', link: '' })).toEqual({ title: 'Penny Lane', artist: 'The Beatles' });
  });

  it('says what is missing', () => {
    expect([
      songQueryOf({ title: 'Penny Lane', artist: '', link: '' }),
      songQueryOf({ title: '', artist: 'The Beatles', link: '' }),
      songQueryOf({ title: ' ', artist: '', link: '' }),
    ]).toEqual([
      'Add the artist too, or paste a Spotify link.',
      'Add the song title too, or paste a Spotify link.',
      'Enter a song title and artist, or paste a Spotify link.',
    ]);
  });
});
