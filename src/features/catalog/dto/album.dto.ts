import { ApiProperty, ApiPropertyOptional, PartialType } from '@nestjs/swagger';
import { Transform } from 'class-transformer';
import { IsNotEmpty, IsOptional, IsString, IsUUID, MaxLength } from 'class-validator';
import { PageDto, PageQueryDto } from '../../../platform/common/http/query.js';
import { DEMO_DESCRIPTION } from '../../dataset/dto/song.dto.js';
import type { Album, Artist } from '../../../generated/prisma/client.js';
import { ArtistRefDto, isoDate } from './catalog-song.dto.js';
import { PublishingArtistField, ReleaseDateField } from './song-input.dto.js';

const trimmed = ({ value }: { value: unknown }) => (typeof value === 'string' ? value.trim() : value);

export class AlbumDetailsDto {
  @ApiProperty({ maxLength: 200 })
  @Transform(trimmed)
  @IsString()
  @IsNotEmpty({ message: 'title must not be empty' })
  @MaxLength(200)
  title!: string;

  @ApiPropertyOptional({ maxLength: 2000 })
  @IsOptional()
  @IsString()
  @MaxLength(2000)
  description?: string;

  @ReleaseDateField()
  release_date?: string | null;

  @PublishingArtistField()
  artist_id?: string;
}

export class AlbumFormDto extends AlbumDetailsDto {
  @ApiPropertyOptional({ type: 'string', format: 'binary', description: 'JPEG, PNG or WebP, at most 5 MB' })
  cover?: unknown;
}

export class UpdateAlbumDto extends PartialType(AlbumDetailsDto) {}

export class ListAlbumsQueryDto extends PageQueryDto {
  @ApiPropertyOptional({ format: 'uuid' })
  @IsOptional()
  @IsUUID('all', { message: 'artist must be an artist id (UUID)' })
  artist?: string;

  @ApiPropertyOptional({ description: 'Words of the title or artist' })
  @IsOptional()
  @IsString()
  @MaxLength(200)
  search?: string;
}

export class AlbumDto {
  @ApiProperty({ format: 'uuid' }) id!: string;
  @ApiProperty() title!: string;
  @ApiProperty({ type: ArtistRefDto }) artist!: ArtistRefDto;
  @ApiProperty() description!: string;
  @ApiProperty({ type: String, nullable: true }) release_date!: string | null;
  @ApiProperty({ type: String, nullable: true }) cover_url!: string | null;
  @ApiProperty({ description: 'Songs the caller can see' }) song_count!: number;
  @ApiProperty({ description: DEMO_DESCRIPTION }) demo!: boolean;
  @ApiProperty() created_at!: Date;
}

export class AlbumPageDto extends PageDto {
  @ApiProperty({ type: [AlbumDto] }) results!: AlbumDto[];
}

export const toAlbumDto = (album: Album & { artist: Pick<Artist, 'id' | 'name'> }, songCount: number): AlbumDto => ({
  id: album.id,
  title: album.title,
  artist: album.artist,
  description: album.description,
  release_date: isoDate(album.releaseDate),
  cover_url: album.coverKey ? `/api/albums/${album.id}/cover` : null,
  song_count: songCount,
  demo: album.demo,
  created_at: album.createdAt,
});
