import { ApiProperty, ApiPropertyOptional } from '@nestjs/swagger';
import { Transform, Type } from 'class-transformer';
import { IsIn, IsInt, IsNotEmpty, IsOptional, IsString, Max, MaxLength, Min } from 'class-validator';
import { PageQueryDto } from '../../../platform/common/http/query.js';
import { TRENDING_RANGES, type TrendingRange } from '../songs/discovery.js';

export class TrendingQueryDto extends PageQueryDto {
  @ApiPropertyOptional({ enum: TRENDING_RANGES, default: 'week', description: 'Score = plays + 3 × likes in the range' })
  @IsOptional()
  @IsIn(TRENDING_RANGES, { message: 'time_range must be all, week or month' })
  time_range: TrendingRange = 'week';
}

export class LimitQueryDto {
  @ApiPropertyOptional({ default: 20, minimum: 1, maximum: 50 })
  @IsOptional()
  @Type(() => Number)
  @IsInt()
  @Min(1)
  @Max(50)
  limit = 20;
}

export class CatalogSearchQueryDto extends LimitQueryDto {
  @ApiProperty({ description: 'Words of a song, album, artist or genre; prefixes and typos are fine' })
  @Transform(({ value }: { value: unknown }) => (typeof value === 'string' ? value.trim() : value))
  @IsString()
  @IsNotEmpty({ message: 'q must not be empty' })
  @MaxLength(200)
  q!: string;
}
