import { MalformedSpotifyResponseError } from './spotify-track.js';

/** An artist as Encore uses it, from Spotify's Artist object (GET /v1/artists/{id}). */
export interface SpotifyArtist {
  id: string;
  name: string;
  /**
   * followers.total; null when Spotify leaves it out (it withholds followers and popularity from
   * apps in Development Mode since February 2026).
   */
  followers: number | null;
  /** Spotify's 0–100 artist popularity; null when withheld, as followers. */
  popularity: number | null;
  genres: string[];
  /** The widest image (Spotify lists them widest first), or null. */
  image: string | null;
  spotifyUrl: string;
}

const isCount = (value: unknown): value is number => typeof value === 'number' && Number.isInteger(value) && value >= 0;

export function toSpotifyArtist(artist: SpotifyApi.ArtistObjectFull): SpotifyArtist {
  if (typeof artist?.id !== 'string' || typeof artist.name !== 'string') {
    throw new MalformedSpotifyResponseError('an artist without id or name');
  }
  const followers = (artist.followers as SpotifyApi.FollowersObject | undefined)?.total;
  const popularity = artist.popularity as number | undefined;
  const image = (artist.images ?? []).find((candidate) => typeof candidate?.url === 'string');
  return {
    id: artist.id,
    name: artist.name,
    followers: isCount(followers) ? followers : null,
    popularity: isCount(popularity) && popularity <= 100 ? popularity : null,
    genres: Array.isArray(artist.genres) ? artist.genres.filter((genre): genre is string => typeof genre === 'string') : [],
    image: image?.url ?? null,
    spotifyUrl: artist.external_urls?.spotify || `https://open.spotify.com/artist/${artist.id}`,
  };
}
