import { ApiPropertyOptional } from '@nestjs/swagger';
import { booleanFromQuery, PageQueryDto } from '../../../platform/common/http/query.js';
import { DECADE_RANGE } from '../import/song-record.js';
import { Transform, Type } from 'class-transformer';
import { IsBoolean, IsIn, IsInt, IsOptional, IsString, Max, MaxLength, Min } from 'class-validator';

export const SONG_ORDERINGS = ['id', 'track_name', 'artists', 'popularity', 'decade', 'created_at'] as const;
const ORDERING_VALUES = SONG_ORDERINGS.flatMap((field) => [field, `-${field}`]);

export class ListSongsQueryDto extends PageQueryDto {
  @ApiPropertyOptional({ description: 'Words of the title or artist' })
  @IsOptional()
  @IsString()
  @MaxLength(200)
  search?: string;

  @ApiPropertyOptional({ example: 'pop' })
  @IsOptional()
  @IsString()
  genre?: string;

  @ApiPropertyOptional()
  @IsOptional()
  @Transform(booleanFromQuery)
  @IsBoolean({ message: 'is_hit must be true or false' })
  is_hit?: boolean;

  @ApiPropertyOptional({ enum: ['dataset', 'user', 'spotify'] })
  @IsOptional()
  @IsIn(['dataset', 'user', 'spotify'])
  source?: 'dataset' | 'user' | 'spotify';

  @ApiPropertyOptional({ example: 1980, minimum: DECADE_RANGE[0], maximum: DECADE_RANGE[1] })
  @IsOptional()
  @Type(() => Number)
  @IsInt()
  @Min(DECADE_RANGE[0])
  @Max(DECADE_RANGE[1])
  decade?: number;

  @ApiPropertyOptional({ minimum: 0, maximum: 100 })
  @IsOptional()
  @Type(() => Number)
  @IsInt()
  @Min(0)
  @Max(100)
  min_popularity?: number;

  @ApiPropertyOptional({ enum: ORDERING_VALUES, default: '-popularity', description: 'A field; "-" first for descending' })
  @IsOptional()
  @IsIn(ORDERING_VALUES)
  ordering: string = '-popularity';
}
