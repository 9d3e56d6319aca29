import type { SongQuery } from '../../api/client.js';

export interface SongFormValues {
  title: string;
  artist: string;
  link: string;
}

export const EMPTY_SONG_FORM: SongFormValues = { title: '', artist: '', link: '' };

/** What to ask the API for: the link wins, else title and artist; else the sentence saying what is missing. */
export function songQueryOf(values: SongFormValues): SongQuery | string {
  const link = values.link.trim();
  if (link) return /^[0-9A-Za-z]{22}$/.test(link) ? { track_id: link } : { url: link };
  const title = values.title.trim();
  const artist = values.artist.trim();
  if (title && artist) return { title, artist };
  if (title || artist) return `Add the ${title ? 'artist' : 'song title'} too, or paste a Spotify link.`;
  return 'Enter a song title and artist, or paste a Spotify link.';
}
