import type { SpotifyCopyright } from '../../spotify/spotify-album.js';
import { jsonReader } from './json-reader.js';

/**
 * What Leads reads of Spotify's Track objects (search results: https://developer.spotify.com/documentation/web-api/reference/search),
 * the combined answer SpotifyLeadsClient keeps per ISRC, and the rule that picks a track among
 * the results. Strict about ids and names; a body of another shape throws SpotifyLeadsFormatError.
 */

export interface SpotifyLeadsTrack {
  id: string;
  name: string;
  /** 0–100; null when Spotify withholds it (Development Mode apps since February 2026). */
  popularity: number | null;
  /** external_ids.isrc; null when withheld. */
  isrc: string | null;
  album: { id: string; name: string; releaseDate: string | null };
  /** In credit order: the first is the primary artist. */
  artists: Array<{ id: string; name: string }>;
}

/** An ISRC's track on Spotify, its album's label and copyrights, and its primary artist. */
export interface SpotifyIsrcLookup {
  isrc: string;
  track: SpotifyLeadsTrack;
  /** How many tracks the search found for the ISRC (re-releases, compilations, regional copies). */
  candidates: number;
  /** Null when Spotify would not give the album. */
  album: {
    id: string;
    name: string;
    /** As the distributor delivered it; null when withheld or blank. */
    label: string | null;
    /** The ℗ (type P) line often names the distributor or the label behind a self-release. */
    copyrights: SpotifyCopyright[];
    releaseDate: string | null;
  } | null;
  /** The primary artist; null when Spotify would not give it. */
  artist: {
    id: string;
    name: string;
    followers: number | null;
    popularity: number | null;
    genres: string[];
  } | null;
}

/** A body that is not Spotify's documented format (or, read back from the cache, not SpotifyIsrcLookup's). */
export class SpotifyLeadsFormatError extends Error {}

const { object, nonEmptyText, optionalText } = jsonReader(SpotifyLeadsFormatError);

/** One Track object of a search answer. */
export function readTrackObject(value: unknown, where = 'track'): SpotifyLeadsTrack {
  const track = object(value, where);
  const id = nonEmptyText(track, 'id', where);
  const name = nonEmptyText(track, 'name', where);
  const album = object(track.album, `${where}.album`);
  const artists = track.artists;
  if (!Array.isArray(artists) || artists.length === 0) throw new SpotifyLeadsFormatError(`${where}.artists is not a non-empty array`);
  const popularity = track.popularity;
  const externalIds = track.external_ids === undefined || track.external_ids === null ? null : object(track.external_ids, `${where}.external_ids`);
  return {
    id,
    name,
    popularity: typeof popularity === 'number' && Number.isInteger(popularity) && popularity >= 0 && popularity <= 100 ? popularity : null,
    isrc: externalIds ? (optionalText(externalIds, 'isrc', `${where}.external_ids`)?.toUpperCase() ?? null) : null,
    album: {
      id: nonEmptyText(album, 'id', `${where}.album`),
      name: nonEmptyText(album, 'name', `${where}.album`),
      releaseDate: optionalText(album, 'release_date', `${where}.album`),
    },
    artists: artists.map((item, i) => {
      const artist = object(item, `${where}.artists[${i}]`);
      return { id: nonEmptyText(artist, 'id', `${where}.artists[${i}]`), name: nonEmptyText(artist, 'name', `${where}.artists[${i}]`) };
    }),
  };
}

/**
 * The track for an ISRC among search results: results whose external_ids.isrc is another code
 * are dropped (when Spotify withholds it, a result is taken at its word), then the most popular
 * wins (withheld popularity counts as lowest), the first in Spotify's order on a tie. Null when
 * nothing is left.
 */
export function chooseIsrcTrack(tracks: SpotifyLeadsTrack[], isrc: string): SpotifyLeadsTrack | null {
  let best: SpotifyLeadsTrack | null = null;
  for (const track of tracks) {
    if (track.isrc !== null && track.isrc !== isrc) continue;
    if (!best || (track.popularity ?? -1) > (best.popularity ?? -1)) best = track;
  }
  return best;
}

/** A SpotifyIsrcLookup read back from the cache; throws SpotifyLeadsFormatError when it was kept in another shape. */
export function readCachedIsrcLookup(value: unknown): SpotifyIsrcLookup {
  const lookup = object(value, 'lookup');
  nonEmptyText(lookup, 'isrc', 'lookup');
  const track = object(lookup.track, 'lookup.track');
  nonEmptyText(track, 'id', 'lookup.track');
  object(track.album, 'lookup.track.album');
  if (!Array.isArray(track.artists)) throw new SpotifyLeadsFormatError('lookup.track.artists is not an array');
  if (typeof lookup.candidates !== 'number') throw new SpotifyLeadsFormatError('lookup.candidates is not a number');
  if (lookup.album !== null) object(lookup.album, 'lookup.album');
  if (lookup.artist !== null) object(lookup.artist, 'lookup.artist');
  return lookup as unknown as SpotifyIsrcLookup;
}
