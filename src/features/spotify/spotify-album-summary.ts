import { RELEASE_DATE_PRECISIONS, type SpotifyAlbum } from './spotify-album.js';
import { MalformedSpotifyResponseError } from './spotify-track.js';

/** A release as Spotify lists it (new releases, album search): Spotify's Simplified Album object. */
export interface SpotifyAlbumSummary {
  id: string;
  name: string;
  /** album, single or compilation. */
  albumType: string | null;
  artists: Array<{ id: string; name: string }>;
  releaseDate: string | null;
  releaseDatePrecision: SpotifyAlbum['releaseDatePrecision'];
  totalTracks: number | null;
  /** The widest cover image, or null. */
  image: string | null;
  spotifyUrl: string;
}

export function toSpotifyAlbumSummary(album: SpotifyApi.AlbumObjectSimplified): SpotifyAlbumSummary {
  if (typeof album?.id !== 'string' || typeof album.name !== 'string') throw new MalformedSpotifyResponseError('an album without id or name');
  const precision = album.release_date_precision as string | undefined;
  const image = (album.images ?? []).find((candidate) => typeof candidate?.url === 'string');
  return {
    id: album.id,
    name: album.name,
    albumType: typeof album.album_type === 'string' ? album.album_type : null,
    artists: (Array.isArray(album.artists) ? album.artists : [])
      .filter((artist) => typeof artist?.id === 'string' && typeof artist.name === 'string')
      .map((artist) => ({ id: artist.id, name: artist.name })),
    releaseDate: typeof album.release_date === 'string' && album.release_date ? album.release_date : null,
    releaseDatePrecision: precision && RELEASE_DATE_PRECISIONS.has(precision) ? (precision as SpotifyAlbum['releaseDatePrecision']) : null,
    totalTracks: Number.isInteger(album.total_tracks) ? album.total_tracks : null,
    image: image?.url ?? null,
    spotifyUrl: album.external_urls?.spotify || `https://open.spotify.com/album/${album.id}`,
  };
}

/** The Paging object's items of an answer such as `{albums: {items}}`, checked to be an array. */
export function pagingItems(body: unknown, key: string): unknown[] {
  const page = (body as Record<string, { items?: unknown } | null | undefined> | undefined)?.[key];
  if (page === undefined || page === null) return [];
  if (!Array.isArray(page.items)) throw new MalformedSpotifyResponseError(`${key}.items is not an array`);
  return page.items;
}
