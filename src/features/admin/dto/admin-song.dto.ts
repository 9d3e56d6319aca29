import { ApiProperty, ApiPropertyOptional } from '@nestjs/swagger';
import { IsBoolean, IsInt, IsNotEmpty, IsOptional, IsString, Max, MaxLength, Min } from 'class-validator';
import { PageDto } from '../../../platform/common/http/query.js';
import { Omittable } from '../../../platform/common/http/validation.js';
import type { Song } from '../../../generated/prisma/client.js';
import { AudioFeature } from '../../dataset/dto/audio-feature.decorator.js';
import { SongDto, toSongDto } from '../../dataset/dto/song.dto.js';
import { AdminListQueryDto } from './admin-filters.js';
import { BooleanFilter, Ordering, Trimmed } from '../../../platform/common/http/query-filters.js';

export const ADMIN_SONG_ORDERINGS = ['track_name', 'artists', 'popularity', 'is_hit', 'created_at'] as const;

/** GET /api/admin/songs */
export class AdminSongsQueryDto extends AdminListQueryDto {
  @BooleanFilter('is_hit') is_hit?: boolean;
  @BooleanFilter('is_acoustic') is_acoustic?: boolean;
  @BooleanFilter('is_instrumental') is_instrumental?: boolean;
  @BooleanFilter('explicit') explicit?: boolean;
  @Ordering(ADMIN_SONG_ORDERINGS, '-created_at') ordering: string = '-created_at';
}

/** A song of the admin pages: every field of the dataset API, and how many predictions it has. */
export class AdminSongDto extends SongDto {
  @ApiProperty({ description: 'Predictions stored for this song (deleted with it)' }) prediction_count!: number;
}

export class AdminSongPageDto extends PageDto {
  @ApiProperty({ type: [AdminSongDto] }) results!: AdminSongDto[];
}

export const toAdminSongDto = (song: Song & { _count: { predictions: number } }): AdminSongDto => ({
  ...toSongDto(song),
  prediction_count: song._count.predictions,
});

/**
 * PATCH /api/admin/songs/:id: only the fields sent change; null clears only the nullable ones.
 * The song's details, its audio features and its labels, as the original's admin fieldsets.
 */
export class UpdateAdminSongDto {
  @ApiPropertyOptional({ maxLength: 300 })
  @Omittable()
  @Trimmed()
  @IsNotEmpty({ message: 'track_name must not be empty' })
  @MaxLength(300)
  @IsString()
  track_name?: string;

  @ApiPropertyOptional({ maxLength: 300, description: 'Several artists separated by ";"' })
  @Omittable()
  @Trimmed()
  @IsNotEmpty({ message: 'artists must not be empty' })
  @MaxLength(300)
  @IsString()
  artists?: string;

  @ApiPropertyOptional({ type: String, nullable: true, maxLength: 300 })
  @IsOptional()
  @Trimmed()
  @MaxLength(300)
  @IsString()
  album_name?: string | null;

  @ApiPropertyOptional({ type: 'integer', nullable: true, minimum: 0, maximum: 100, description: 'Recomputes is_hit when it was decided by popularity' })
  @IsOptional()
  @Min(0)
  @Max(100)
  @IsInt({ message: 'popularity must be a whole number from 0 to 100' })
  popularity?: number | null;

  @ApiPropertyOptional({ type: String, nullable: true, maxLength: 100 })
  @IsOptional()
  @Trimmed()
  @MaxLength(100)
  @IsString()
  track_genre?: string | null;

  @ApiPropertyOptional()
  @Omittable()
  @IsBoolean({ message: 'explicit must be true or false' })
  explicit?: boolean;

  @AudioFeature('duration_ms', { optional: true }) duration_ms?: number;
  @AudioFeature('danceability', { optional: true }) danceability?: number;
  @AudioFeature('energy', { optional: true }) energy?: number;
  @AudioFeature('valence', { optional: true }) valence?: number;
  @AudioFeature('acousticness', { optional: true }) acousticness?: number;
  @AudioFeature('instrumentalness', { optional: true }) instrumentalness?: number;
  @AudioFeature('speechiness', { optional: true }) speechiness?: number;
  @AudioFeature('liveness', { optional: true }) liveness?: number;
  @AudioFeature('loudness', { optional: true }) loudness?: number;
  @AudioFeature('tempo', { optional: true }) tempo?: number;
  @AudioFeature('mode', { optional: true }) mode?: number;
  @AudioFeature('key', { optional: true }) key?: number;
  @AudioFeature('time_signature', { optional: true }) time_signature?: number;

  @ApiPropertyOptional({ description: "A label: hit_source becomes 'label'" })
  @Omittable()
  @IsBoolean({ message: 'is_hit must be true or false' })
  is_hit?: boolean;

  @ApiPropertyOptional()
  @Omittable()
  @IsBoolean({ message: 'is_acoustic must be true or false' })
  is_acoustic?: boolean;

  @ApiPropertyOptional()
  @Omittable()
  @IsBoolean({ message: 'is_instrumental must be true or false' })
  is_instrumental?: boolean;
}
