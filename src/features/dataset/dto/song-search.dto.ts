import { ApiProperty, ApiPropertyOptional } from '@nestjs/swagger';
import { Transform, Type } from 'class-transformer';
import { IsInt, IsNotEmpty, IsOptional, IsString, Max, MaxLength, Min } from 'class-validator';
import { DEMO_DESCRIPTION } from './song.dto.js';

const trimmed = ({ value }: { value: unknown }) => (typeof value === 'string' ? value.trim() : value);

/** How many songs a search returns. */
class SearchLimitDto {
  @ApiPropertyOptional({ default: 20, minimum: 1, maximum: 100 })
  @IsOptional()
  @Type(() => Number)
  @IsInt()
  @Min(1)
  @Max(100)
  limit = 20;
}

export class SongSearchDto extends SearchLimitDto {
  @ApiProperty({ example: 'the beatles', description: 'Words of the title and/or artist; accents, case and small typos do not matter' })
  @Transform(trimmed)
  @IsString()
  @MaxLength(200)
  // Checked first (class-validator runs the bottom-most decorator first).
  @IsNotEmpty({ message: 'query must not be empty' })
  query!: string;
}

/** The same search from a query string: GET /api/dataset/search/?q=... */
export class SongSearchQueryDto extends SearchLimitDto {
  @ApiProperty({ example: 'yesterday' })
  @Transform(trimmed)
  @IsString({ message: 'q must be a string' })
  @MaxLength(200)
  // Checked first (class-validator runs the bottom-most decorator first).
  @IsNotEmpty({ message: 'q must not be empty' })
  q!: string;
}

export class SearchHitDto {
  @ApiProperty() id!: number;
  @ApiProperty({ type: String, nullable: true }) track_id!: string | null;
  @ApiProperty() track_name!: string;
  @ApiProperty() artists!: string;
  @ApiProperty({ type: String, nullable: true }) album_name!: string | null;
  @ApiProperty({ type: String, nullable: true }) album_image!: string | null;
  @ApiProperty({ type: String, nullable: true }) preview_url!: string | null;
  @ApiProperty() duration_ms!: number;
  @ApiProperty() explicit!: boolean;
  @ApiProperty({ type: Number, nullable: true }) popularity!: number | null;
  @ApiProperty() is_hit!: boolean;
  @ApiProperty({ type: String, nullable: true }) track_genre!: string | null;
  @ApiProperty({ type: Number, nullable: true }) decade!: number | null;
  @ApiProperty() source!: string;
  @ApiProperty({ type: String, nullable: true }) dataset!: string | null;
  @ApiProperty({ description: DEMO_DESCRIPTION }) demo!: boolean;
  @ApiProperty({ enum: ['exact', 'prefix', 'contains', 'fuzzy'] }) match!: string;
}

export class SongSearchResultDto {
  @ApiProperty({ type: [SearchHitDto] }) songs!: SearchHitDto[];
}
