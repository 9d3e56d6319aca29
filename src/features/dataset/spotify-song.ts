import type { Prisma } from '../../generated/prisma/client.js';
import type { SpotifyAudioFeatures, SpotifyTrack } from '../spotify/spotify-track.js';
import { isAcoustic, isInstrumental } from '../../vocabulary/audio-features.js';
import { searchColumns } from '../../vocabulary/search-text.js';

/** A song looked up on Spotify, as the songs table holds it: a hit by popularity, in no dataset. */
export function songFromSpotify(track: SpotifyTrack, features: SpotifyAudioFeatures, hitPopularityThreshold: number): Prisma.SongCreateInput {
  return {
    trackId: track.id,
    trackName: track.title,
    artists: track.artist,
    albumName: track.album,
    albumImage: track.albumImage,
    previewUrl: track.previewUrl,
    popularity: track.popularity,
    ...features,
    explicit: track.explicit,
    isAcoustic: isAcoustic(features),
    isInstrumental: isInstrumental(features),
    isHit: (track.popularity ?? 0) >= hitPopularityThreshold,
    hitSource: 'popularity',
    source: 'spotify',
    decade: track.releaseYear === null ? null : track.releaseYear - (track.releaseYear % 10),
    dataset: null,
    ...searchColumns(track.title, track.artist),
  };
}
