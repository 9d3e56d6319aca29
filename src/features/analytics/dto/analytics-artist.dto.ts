import { ApiProperty, ApiPropertyOptional } from '@nestjs/swagger';
import { Type } from 'class-transformer';
import { IsIn, IsInt, IsOptional, IsString, Max, MaxLength, Min } from 'class-validator';
import { PageDto, PageQueryDto } from '../../../platform/common/http/query.js';
import { DEMO_DESCRIPTION } from '../../dataset/dto/song.dto.js';

export class ListAnalyticsArtistsQueryDto extends PageQueryDto {
  @ApiPropertyOptional({ description: 'Part of the artist name' })
  @IsOptional()
  @IsString()
  @MaxLength(200)
  search?: string;
}

/** `?days=`: the window an analysis looks at. */
export class DaysQueryDto {
  @ApiPropertyOptional({ minimum: 1, maximum: 730 })
  @IsOptional()
  @Type(() => Number)
  @IsInt({ message: 'days must be a whole number' })
  @Min(1)
  @Max(730)
  days?: number;
}

export class BreakoutQueryDto extends DaysQueryDto {
  @ApiPropertyOptional({ minimum: 1.1, maximum: 100, default: 2, description: 'How many times the audience must grow within `days` (the horizon, default 90)' })
  @IsOptional()
  @Type(() => Number)
  @Min(1.1)
  @Max(100)
  factor?: number;
}

export class SuperfansQueryDto extends DaysQueryDto {
  @ApiPropertyOptional({ minimum: 0, maximum: 100, default: 10, description: 'How many top superfans to list' })
  @IsOptional()
  @Type(() => Number)
  @IsInt({ message: 'top must be a whole number' })
  @Min(0)
  @Max(100)
  top?: number;
}

export class TopPerformersQueryDto {
  @ApiPropertyOptional({ enum: ['fvs', 'momentum'], default: 'fvs' })
  @IsOptional()
  @IsIn(['fvs', 'momentum'], { message: 'by must be fvs or momentum' })
  by: 'fvs' | 'momentum' = 'fvs';

  @ApiPropertyOptional({ minimum: 1, maximum: 100, default: 10 })
  @IsOptional()
  @Type(() => Number)
  @IsInt({ message: 'limit must be a whole number' })
  @Min(1)
  @Max(100)
  limit = 10;
}

export class ArtistScoresDto {
  @ApiProperty({ type: String, nullable: true, description: 'The day the scores were computed' }) date!: string | null;
  @ApiProperty({ type: Number, nullable: true }) fan_value_score!: number | null;
  @ApiProperty({ type: Number, nullable: true }) momentum!: number | null;
  @ApiProperty({ type: String, nullable: true, enum: ['declining', 'stable', 'growing', 'rapid_growth', 'viral'] }) momentum_status!: string | null;
  @ApiProperty({ type: Number, nullable: true }) breakout_probability!: number | null;
}

export class AnalyticsArtistDto {
  @ApiProperty({ format: 'uuid' }) id!: string;
  @ApiProperty() name!: string;
  @ApiProperty({ type: [String] }) platforms!: string[];
  @ApiProperty({ description: 'Latest followers, summed over platforms' }) followers!: number;
  @ApiProperty({ type: String, nullable: true }) last_metrics_date!: string | null;
  @ApiProperty({ type: ArtistScoresDto }) scores!: ArtistScoresDto;
  @ApiProperty({ description: 'Alerts not yet acknowledged' }) open_alerts!: number;
  @ApiProperty({ description: `${DEMO_DESCRIPTION}; its metrics and scores are invented too` }) demo!: boolean;
}

export class AnalyticsArtistPageDto extends PageDto {
  @ApiProperty({ type: [AnalyticsArtistDto] }) results!: AnalyticsArtistDto[];
}
