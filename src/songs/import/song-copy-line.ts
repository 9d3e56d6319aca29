import { searchColumns } from '../search-text.js';
import { isAcoustic, isInstrumental, type SongRecord } from './song-record.js';

/** Columns written by an import, in COPY order (songCopyLine writes them in this order). */
export const COLUMNS = [
  'track_id', 'track_name', 'artists', 'album_name', 'popularity', 'track_genre', 'duration_ms', 'danceability',
  'energy', 'valence', 'acousticness', 'instrumentalness', 'speechiness', 'liveness', 'loudness', 'tempo', 'mode',
  'key', 'time_signature', 'explicit', 'explicit_known', 'is_acoustic', 'is_instrumental', 'is_hit', 'hit_source',
  'decade', 'dataset', 'search_text', 'search_title', 'search_artists',
] as const;

const SPECIAL = /[\\\t\n\r]/;

/** A text value in COPY's text format: tab, newline, carriage return and backslash escaped. */
function text(value: string): string {
  if (!SPECIAL.test(value)) return value;
  return value.replace(/[\\\t\n\r]/g, (char) => (char === '\\' ? '\\\\' : char === '\t' ? '\\t' : char === '\n' ? '\\n' : '\\r'));
}

const orNull = (value: string | number | null, write: (value: never) => string) => (value === null ? '\\N' : write(value as never));

/**
 * One song as a line of `COPY songs (COLUMNS) FROM STDIN` (text format), with its search
 * columns: what database/copy-text's copyLine gives for the values in COLUMNS' order, written
 * without the array of values and its copy (an import writes one per row). The track id (a
 * Spotify id) and the search columns (letters, digits and spaces) never need escaping.
 */
export function songCopyLine(song: SongRecord, search: ReturnType<typeof searchColumns>): string {
  return `${song.trackId}\t${text(song.trackName)}\t${text(song.artists)}\t${orNull(song.albumName, text)}\t${orNull(song.popularity, String)}\t${
    orNull(song.trackGenre, text)}\t${song.durationMs}\t${song.danceability}\t${song.energy}\t${song.valence}\t${song.acousticness}\t${
    song.instrumentalness}\t${song.speechiness}\t${song.liveness}\t${song.loudness}\t${song.tempo}\t${song.mode}\t${song.key}\t${
    song.timeSignature}\t${song.explicit}\t${song.explicitKnown}\t${isAcoustic(song)}\t${isInstrumental(song)}\t${song.isHit}\t${
    song.hitSource}\t${orNull(song.decade, String)}\t${text(song.dataset)}\t${search.searchText}\t${search.searchTitle}\t${search.searchArtists}\n`;
}
