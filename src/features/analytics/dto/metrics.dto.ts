import { ApiProperty, ApiPropertyOptional } from '@nestjs/swagger';
import { Type } from 'class-transformer';
import { ArrayMaxSize, ArrayMinSize, IsArray, IsIn, IsInt, IsOptional, IsString, Matches, Max, MaxLength, Min, ValidateNested } from 'class-validator';

export const ANALYTICS_PLATFORMS = ['spotify', 'instagram', 'tiktok', 'youtube', 'apple_music'] as const;
export type AnalyticsPlatformName = (typeof ANALYTICS_PLATFORMS)[number];

/** Largest value a count column holds (PostgreSQL integer). */
export const MAX_COUNT = 2_147_483_647;
/** Rows per JSON batch or CSV file: two years of five platforms fits comfortably. */
export const MAX_METRIC_ROWS = 10_000;
const ISO_DAY = /^\d{4}-\d{2}-\d{2}$/;

const count = (description: string) => (target: object, key: string) => {
  ApiPropertyOptional({ description, minimum: 0, maximum: MAX_COUNT })(target, key);
  IsOptional()(target, key);
  IsInt()(target, key);
  Min(0)(target, key);
  Max(MAX_COUNT)(target, key);
};

const PLATFORM_MESSAGE = `platform must be one of ${ANALYTICS_PLATFORMS.join(', ')}`;
const platformName = () => (target: object, key: string) => {
  ApiProperty({ enum: ANALYTICS_PLATFORMS })(target, key);
  IsIn(ANALYTICS_PLATFORMS, { message: PLATFORM_MESSAGE })(target, key);
};

/** A moment with its time zone, e.g. 2026-11-01T18:30:00Z or 2026-11-01T20:30:00+02:00. */
const dateTime = () => (target: object, key: string) => {
  ApiProperty({ example: '2026-11-01T18:30:00Z' })(target, key);
  IsString()(target, key);
  Matches(/^\d{4}-\d{2}-\d{2}T\d{2}:\d{2}(:\d{2}(\.\d+)?)?(Z|[+-]\d{2}:?\d{2})$/, { message: `${key} must be an ISO 8601 date-time with a time zone` })(
    target,
    key,
  );
};

/** One artist's numbers on one platform for one day; fields left out keep what is stored. */
export class DailyMetricDto {
  @platformName() platform!: AnalyticsPlatformName;

  @ApiProperty({ example: '2026-11-01', description: 'The UTC day (YYYY-MM-DD), not in the future' })
  @IsString()
  @Matches(ISO_DAY, { message: 'date must be a day as YYYY-MM-DD' })
  date!: string;

  @count('Followers at the end of the day') followers?: number;
  @count('Monthly listeners at the end of the day') monthly_listeners?: number;

  @ApiPropertyOptional({ minimum: 0, maximum: 100, description: "Spotify's 0-100 artist popularity" })
  @IsOptional()
  @IsInt()
  @Min(0)
  @Max(100)
  popularity?: number;

  @count('Streams during the day') streams?: number;
  @count('Likes during the day') likes?: number;
  @count('Comments during the day') comments?: number;
  @count('Shares during the day') shares?: number;
  @count('Saves during the day') saves?: number;
  @count('Playlist adds during the day') playlist_adds?: number;
  @count('Views during the day') views?: number;
}

export class MetricsBatchDto {
  @ApiProperty({ type: [DailyMetricDto], description: `At most ${MAX_METRIC_ROWS} rows, one per platform and day` })
  @IsArray()
  @ArrayMinSize(1, { message: 'metrics must hold at least one row' })
  @ArrayMaxSize(MAX_METRIC_ROWS, { message: `metrics must hold at most ${MAX_METRIC_ROWS} rows; split the batch` })
  @ValidateNested({ each: true })
  @Type(() => DailyMetricDto)
  metrics!: DailyMetricDto[];
}

export class MetricsIngestionResultDto {
  @ApiProperty({ description: 'Rows for new platform-days' }) inserted!: number;
  @ApiProperty({ description: 'Rows that replaced the fields they carry on stored platform-days' }) updated!: number;
  @ApiProperty({ type: String, nullable: true }) first_date!: string | null;
  @ApiProperty({ type: String, nullable: true }) last_date!: string | null;
}

export class PostDto {
  @platformName() platform!: AnalyticsPlatformName;

  @ApiProperty({ description: "The platform's id of the post" })
  @IsString()
  @Matches(/\S/, { message: 'external_id must not be blank' })
  @MaxLength(200)
  external_id!: string;

  @dateTime() posted_at!: string;

  @ApiPropertyOptional()
  @IsOptional()
  @IsString()
  @MaxLength(5000)
  caption?: string;

  @count('Likes so far') likes?: number;
  @count('Comments so far') comments?: number;
  @count('Shares so far') shares?: number;
  @count('Saves so far') saves?: number;
  @count('Views so far') views?: number;
}

export class PostsBatchDto {
  @ApiProperty({ type: [PostDto] })
  @IsArray()
  @ArrayMinSize(1, { message: 'posts must hold at least one post' })
  @ArrayMaxSize(MAX_METRIC_ROWS, { message: `posts must hold at most ${MAX_METRIC_ROWS} posts; split the batch` })
  @ValidateNested({ each: true })
  @Type(() => PostDto)
  posts!: PostDto[];
}

export class FanEventDto {
  @ApiProperty({ description: "The fan's id on the platform or in the artist's store" })
  @IsString()
  @Matches(/\S/, { message: 'fan_id must not be blank' })
  @MaxLength(200)
  fan_id!: string;

  @ApiPropertyOptional({ enum: ANALYTICS_PLATFORMS })
  @IsOptional()
  @IsIn(ANALYTICS_PLATFORMS, { message: PLATFORM_MESSAGE })
  platform?: AnalyticsPlatformName;

  @dateTime() occurred_at!: string;

  @count('Streams') streams?: number;
  @count('Saves') saves?: number;
  @count('Shares') shares?: number;
  @count('Purchases') purchases?: number;
}

export class FanEventsBatchDto {
  @ApiProperty({ type: [FanEventDto] })
  @IsArray()
  @ArrayMinSize(1, { message: 'events must hold at least one event' })
  @ArrayMaxSize(MAX_METRIC_ROWS, { message: `events must hold at most ${MAX_METRIC_ROWS} events; split the batch` })
  @ValidateNested({ each: true })
  @Type(() => FanEventDto)
  events!: FanEventDto[];
}

export class BatchCountsDto {
  @ApiProperty() inserted!: number;
  @ApiProperty() updated!: number;
}
