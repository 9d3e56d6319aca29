import { searchColumns } from '../../../vocabulary/search-text.js';
import { DECIMAL_FEATURES, isAcoustic, isInstrumental } from '../../../vocabulary/audio-features.js';
import type { SongRecord } from './song-record.js';

/** Columns written by an import, in COPY order (songCopyLine writes them in this order). */
export const COLUMNS = [
  'track_id',
  'track_name',
  'artists',
  'album_name',
  'popularity',
  'track_genre',
  'duration_ms',
  ...DECIMAL_FEATURES,
  'mode',
  'key',
  'time_signature',
  'explicit',
  'explicit_known',
  'is_acoustic',
  'is_instrumental',
  'is_hit',
  'hit_source',
  'decade',
  'dataset',
  'search_text',
  'search_title',
  'search_artists',
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
 * columns: what database/copy-text's copyLine gives for the values in COLUMNS' order (a file's
 * decimals as the file wrote them: the same numbers for PostgreSQL), written without mapping
 * every value (an import writes one per row). The track id (a Spotify id) and
 * the search columns (letters, digits and spaces) never need escaping. Joined, not concatenated:
 * a template of 30 values makes a rope of 60 pieces that the socket write must flatten again.
 */
export function songCopyLine(song: SongRecord, search: ReturnType<typeof searchColumns>): string {
  return [
    song.trackId,
    text(song.trackName),
    text(song.artists),
    orNull(song.albumName, text),
    orNull(song.popularity, String),
    orNull(song.trackGenre, text),
    song.durationMs,
    song.decimalsText ?? DECIMAL_FEATURES.map((feature) => song[feature]).join('\t'),
    song.mode,
    song.key,
    song.timeSignature,
    song.explicit,
    song.explicitKnown,
    isAcoustic(song),
    isInstrumental(song),
    song.isHit,
    song.hitSource,
    orNull(song.decade, String),
    text(song.dataset),
    search.searchText,
    search.searchTitle,
    `${search.searchArtists}\n`,
  ].join('\t');
}
