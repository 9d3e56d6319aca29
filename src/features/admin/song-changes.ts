import type { Prisma, Song } from '../../generated/prisma/client.js';
import { isAcoustic, isInstrumental } from '../../vocabulary/audio-features.js';
import { searchColumns } from '../../vocabulary/search-text.js';
import type { UpdateAdminSongDto } from './dto/admin-song.dto.js';

/** An optional text cleared by null or an empty string. */
const optionalText = (value: string | null | undefined) => (value === undefined ? undefined : value || null);

/** The columns an admin's edit sets directly. A hit label set by hand makes hit_source 'label'. */
export function songChanges(dto: UpdateAdminSongDto): Prisma.SongUpdateInput {
  const changes: Prisma.SongUpdateInput = {
    trackName: dto.track_name,
    artists: dto.artists,
    albumName: optionalText(dto.album_name),
    popularity: dto.popularity,
    trackGenre: optionalText(dto.track_genre),
    durationMs: dto.duration_ms,
    danceability: dto.danceability,
    energy: dto.energy,
    valence: dto.valence,
    acousticness: dto.acousticness,
    instrumentalness: dto.instrumentalness,
    speechiness: dto.speechiness,
    liveness: dto.liveness,
    loudness: dto.loudness,
    tempo: dto.tempo,
    mode: dto.mode,
    key: dto.key,
    timeSignature: dto.time_signature,
    isAcoustic: dto.is_acoustic,
    isInstrumental: dto.is_instrumental,
    ...(dto.explicit !== undefined && { explicit: dto.explicit, explicitKnown: true }),
    ...(dto.is_hit !== undefined && { isHit: dto.is_hit, hitSource: 'label' as const }),
  };
  return Object.fromEntries(Object.entries(changes).filter(([, value]) => value !== undefined));
}

/**
 * What follows from an edit, given the song as edited: search columns for a new title or
 * artists, is_hit again for a new popularity when popularity decided it, and the acoustic and
 * instrumental flags for new acousticness or instrumentalness unless the edit sets them. Empty when nothing.
 */
export function derivedSongChanges(song: Song, dto: UpdateAdminSongDto, hitPopularityThreshold: number): Prisma.SongUpdateInput {
  const renamed = dto.track_name !== undefined || dto.artists !== undefined;
  const rescored = dto.is_hit === undefined && dto.popularity != null && song.hitSource === 'popularity';
  return {
    ...(renamed && searchColumns(song.trackName, song.artists)),
    ...(rescored && { isHit: dto.popularity! >= hitPopularityThreshold }),
    ...(dto.acousticness !== undefined && dto.is_acoustic === undefined && { isAcoustic: isAcoustic(song) }),
    ...(dto.instrumentalness !== undefined && dto.is_instrumental === undefined && { isInstrumental: isInstrumental(song) }),
  };
}
