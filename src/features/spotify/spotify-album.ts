import { MalformedSpotifyResponseError } from './spotify-track.js';

/** A copyright line of an album: `C` the composition/artwork ©, `P` the sound recording ℗ (often naming the label or distributor). */
export interface SpotifyCopyright {
  text: string;
  type: 'C' | 'P';
}

/** An album as Encore uses it, from Spotify's Album object (GET /v1/albums/{id}). */
export interface SpotifyAlbum {
  id: string;
  name: string;
  /** album, single or compilation. */
  albumType: string | null;
  /**
   * The label as the distributor delivered it; null when Spotify leaves it out or blank (it
   * withholds it from apps in Development Mode since February 2026).
   */
  label: string | null;
  copyrights: SpotifyCopyright[];
  /** "2024", "2024-05" or "2024-05-17", as precise as release_date_precision says. */
  releaseDate: string | null;
  releaseDatePrecision: 'year' | 'month' | 'day' | null;
  totalTracks: number | null;
  spotifyUrl: string;
}

export const RELEASE_DATE_PRECISIONS = new Set(['year', 'month', 'day']);

export function toSpotifyAlbum(album: SpotifyApi.AlbumObjectFull): SpotifyAlbum {
  if (typeof album?.id !== 'string' || typeof album.name !== 'string') throw new MalformedSpotifyResponseError('an album without id or name');
  const copyrights = Array.isArray(album.copyrights) ? album.copyrights : [];
  const label = typeof album.label === 'string' ? album.label.trim() : '';
  const precision = album.release_date_precision as string | undefined;
  return {
    id: album.id,
    name: album.name,
    albumType: typeof album.album_type === 'string' ? album.album_type : null,
    label: label || null,
    copyrights: copyrights
      .filter((line) => typeof line?.text === 'string' && (line.type === 'C' || line.type === 'P'))
      .map((line) => ({ text: line.text, type: line.type })),
    releaseDate: typeof album.release_date === 'string' && album.release_date ? album.release_date : null,
    releaseDatePrecision: precision && RELEASE_DATE_PRECISIONS.has(precision) ? (precision as SpotifyAlbum['releaseDatePrecision']) : null,
    totalTracks: Number.isInteger(album.total_tracks) ? album.total_tracks : null,
    spotifyUrl: album.external_urls?.spotify || `https://open.spotify.com/album/${album.id}`,
  };
}
