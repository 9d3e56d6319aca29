import { ApiPropertyOptional } from '@nestjs/swagger';
import { IsIn, IsOptional, IsString, IsUUID, MaxLength } from 'class-validator';
import { DateQuery, PageQueryDto } from '../../../platform/common/http/query.js';

export const CATALOG_SONG_ORDERINGS = ['plays', 'likes', 'release_date', 'created', 'title'] as const;
const ORDERING_VALUES = CATALOG_SONG_ORDERINGS.flatMap((field) => [field, `-${field}`]);

export class ListCatalogSongsQueryDto extends PageQueryDto {
  @ApiPropertyOptional({ description: "Words each found in the title, artist, album or a genre, any case and accents (the original's ?search=)" })
  @IsOptional()
  @IsString()
  @MaxLength(200)
  search?: string;

  @ApiPropertyOptional({ description: 'Genre name (any case)' })
  @IsOptional()
  @IsString()
  @MaxLength(50)
  genre?: string;

  @ApiPropertyOptional({ format: 'uuid' })
  @IsOptional()
  @IsUUID('all', { message: 'artist must be an artist id (UUID)' })
  artist?: string;

  @ApiPropertyOptional({ format: 'uuid' })
  @IsOptional()
  @IsUUID('all', { message: 'album must be an album id (UUID)' })
  album?: string;

  @DateQuery('released_after', { example: '2020-01-01', description: 'Released on or after' })
  released_after?: Date;

  @DateQuery('released_before', { example: '2024-12-31', description: 'Released on or before' })
  released_before?: Date;

  @ApiPropertyOptional({ enum: ORDERING_VALUES, default: '-created', description: 'A field; "-" first for descending' })
  @IsOptional()
  @IsIn(ORDERING_VALUES)
  ordering: string = '-created';
}
