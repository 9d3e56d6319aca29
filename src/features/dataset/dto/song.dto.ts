import { ApiProperty } from '@nestjs/swagger';
import type { Song } from '../../../generated/prisma/client.js';
import { PageDto } from '../../../platform/common/http/query.js';
import { isDemoDataset } from '../demo/demo-mark.js';

export const DEMO_DESCRIPTION = 'Generated demo data (invented, not real): `npm run cli -- demo remove` deletes it';

/** A song as the API shows it (snake_case, as the original API and the database). */
export class SongDto {
  @ApiProperty() id!: number;
  @ApiProperty({ type: String, nullable: true, description: 'Spotify track id' }) track_id!: string | null;
  @ApiProperty() track_name!: string;
  @ApiProperty({ description: 'Display string; several artists are separated by ";"' }) artists!: string;
  @ApiProperty({ type: String, nullable: true }) album_name!: string | null;
  @ApiProperty({ type: String, nullable: true, description: 'Cover art URL (songs looked up on Spotify)' }) album_image!: string | null;
  @ApiProperty({ type: String, nullable: true, description: '30-second preview URL, when Spotify gives one' }) preview_url!: string | null;
  @ApiProperty({ type: Number, nullable: true, minimum: 0, maximum: 100 }) popularity!: number | null;
  @ApiProperty({ type: String, nullable: true }) track_genre!: string | null;
  @ApiProperty() duration_ms!: number;
  @ApiProperty() danceability!: number;
  @ApiProperty() energy!: number;
  @ApiProperty() valence!: number;
  @ApiProperty() acousticness!: number;
  @ApiProperty() instrumentalness!: number;
  @ApiProperty() speechiness!: number;
  @ApiProperty() liveness!: number;
  @ApiProperty({ description: 'dB' }) loudness!: number;
  @ApiProperty({ description: 'BPM' }) tempo!: number;
  @ApiProperty({ enum: [0, 1] }) mode!: number;
  @ApiProperty({ minimum: -1, maximum: 11 }) key!: number;
  @ApiProperty() time_signature!: number;
  @ApiProperty() explicit!: boolean;
  @ApiProperty({ description: 'false when the source had no explicit flag' }) explicit_known!: boolean;
  @ApiProperty() is_acoustic!: boolean;
  @ApiProperty() is_instrumental!: boolean;
  @ApiProperty() is_hit!: boolean;
  @ApiProperty({ enum: ['popularity', 'label'], description: 'how is_hit was decided' }) hit_source!: string;
  @ApiProperty({ enum: ['dataset', 'user', 'spotify'] }) source!: string;
  @ApiProperty({ type: Number, nullable: true, example: 1970 }) decade!: number | null;
  @ApiProperty({ type: String, nullable: true, description: 'kaggle, hit-predictor, or demo (synthetic data)' }) dataset!: string | null;
  @ApiProperty({ description: DEMO_DESCRIPTION }) demo!: boolean;
  @ApiProperty() created_at!: Date;
  @ApiProperty() updated_at!: Date;
}

export function toSongDto(song: Song): SongDto {
  return {
    id: song.id,
    track_id: song.trackId,
    track_name: song.trackName,
    artists: song.artists,
    album_name: song.albumName,
    album_image: song.albumImage,
    preview_url: song.previewUrl,
    popularity: song.popularity,
    track_genre: song.trackGenre,
    duration_ms: song.durationMs,
    danceability: song.danceability,
    energy: song.energy,
    valence: song.valence,
    acousticness: song.acousticness,
    instrumentalness: song.instrumentalness,
    speechiness: song.speechiness,
    liveness: song.liveness,
    loudness: song.loudness,
    tempo: song.tempo,
    mode: song.mode,
    key: song.key,
    time_signature: song.timeSignature,
    explicit: song.explicit,
    explicit_known: song.explicitKnown,
    is_acoustic: song.isAcoustic,
    is_instrumental: song.isInstrumental,
    is_hit: song.isHit,
    hit_source: song.hitSource,
    source: song.source,
    decade: song.decade,
    dataset: song.dataset,
    demo: isDemoDataset(song.dataset),
    created_at: song.createdAt,
    updated_at: song.updatedAt,
  };
}

export class SongPageDto extends PageDto {
  @ApiProperty({ type: [SongDto] }) results!: SongDto[];
}
