import { FEATURE_RANGES } from '../../vocabulary/audio-features.js';

/** A track as Encore uses it, from Spotify's Track object. */
export interface SpotifyTrack {
  id: string;
  title: string;
  /** The artists' names, separated by ";" as in the datasets. */
  artist: string;
  album: string | null;
  albumImage: string | null;
  durationMs: number;
  explicit: boolean;
  previewUrl: string | null;
  spotifyUrl: string;
  /** Spotify withholds popularity from some apps: null then. */
  popularity: number | null;
  releaseYear: number | null;
}

/** The audio features Encore stores, from Spotify's Audio Features object. */
export interface SpotifyAudioFeatures {
  durationMs: number;
  danceability: number;
  energy: number;
  valence: number;
  acousticness: number;
  instrumentalness: number;
  speechiness: number;
  liveness: number;
  loudness: number;
  tempo: number;
  mode: number;
  key: number;
  timeSignature: number;
}

export class MalformedSpotifyResponseError extends Error {}

export function toSpotifyTrack(track: SpotifyApi.TrackObjectFull): SpotifyTrack {
  if (typeof track?.id !== 'string' || typeof track.name !== 'string' || !Array.isArray(track.artists)) {
    throw new MalformedSpotifyResponseError('a track without id, name or artists');
  }
  // Spotify lists images widest first.
  const image = track.album?.images?.find((candidate) => typeof candidate?.url === 'string');
  return {
    id: track.id,
    title: track.name,
    artist: track.artists.map((artist) => artist.name).join(';'),
    album: track.album?.name ?? null,
    albumImage: image?.url ?? null,
    durationMs: track.duration_ms,
    explicit: track.explicit === true,
    previewUrl: track.preview_url ?? null,
    spotifyUrl: track.external_urls?.spotify ?? `https://open.spotify.com/track/${track.id}`,
    popularity: typeof track.popularity === 'number' ? track.popularity : null,
    // release_date is "1981", "1981-12" or "1981-12-15" depending on its precision.
    releaseYear: Number(/^(\d{4})/.exec(track.album?.release_date ?? '')?.[1]) || null,
  };
}

/** Checks every feature against the ranges the songs table holds, so bad data never reaches the model. */
export function toAudioFeatures(features: SpotifyApi.AudioFeaturesObject): SpotifyAudioFeatures {
  const values: SpotifyAudioFeatures = {
    durationMs: features?.duration_ms,
    danceability: features?.danceability,
    energy: features?.energy,
    valence: features?.valence,
    acousticness: features?.acousticness,
    instrumentalness: features?.instrumentalness,
    speechiness: features?.speechiness,
    liveness: features?.liveness,
    loudness: features?.loudness,
    tempo: features?.tempo,
    mode: features?.mode,
    key: features?.key,
    timeSignature: features?.time_signature,
  };
  for (const [name, [min, max]] of Object.entries(FEATURE_RANGES)) {
    const value = values[name as keyof SpotifyAudioFeatures];
    if (typeof value !== 'number' || !Number.isFinite(value) || value < min || value > max) {
      throw new MalformedSpotifyResponseError(`audio feature ${name} is ${JSON.stringify(value)}, outside ${min}…${max}`);
    }
  }
  return values;
}
