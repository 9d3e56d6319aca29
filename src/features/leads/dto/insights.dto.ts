import { ApiProperty, ApiPropertyOptional } from '@nestjs/swagger';
import { Transform, Type } from 'class-transformer';
import { IsBoolean, IsIn, IsObject, IsOptional, IsString, MaxLength, ValidateNested } from 'class-validator';
import { PageDto, PageQueryDto } from '../../../platform/common/http/query.js';
import { Omittable } from '../../../platform/common/http/validation.js';
import { EXPORT_FORMATS, type ExportFormat } from '../export/export-formats.js';
import { YOUTUBE_OPPORTUNITY_KINDS, type YoutubeOpportunityKind } from '../scoring/youtube.js';
import { YoutubeOpportunityDto } from './analyze.dto.js';
import { LeadFiltersDto, LeadYoutubeDto } from './leads.dto.js';

/** "Excel", "CSV", "xlsx" → excel, csv, excel; anything else as sent, for @IsIn to name. */
function exportFormatOf(value: unknown): unknown {
  if (typeof value !== 'string') return value;
  const format = value.trim().toLowerCase();
  return format === 'xlsx' ? 'excel' : format;
}

/** How many genres the dashboard's genre distribution shows. */
export const TOP_GENRES = 12;

export class ExportLeadsDto {
  @ApiPropertyOptional({ type: LeadFiltersDto, description: 'As GET /api/leads takes them; none: every lead' })
  @Omittable()
  @IsObject({ message: 'filters must be an object' })
  @ValidateNested()
  @Type(() => LeadFiltersDto)
  filters?: LeadFiltersDto;

  @ApiProperty({ enum: EXPORT_FORMATS, description: 'In any case ("Excel", as the original Prism named them); xlsx is excel' })
  @Transform(({ value }: { value: unknown }) => exportFormatOf(value))
  @IsIn(EXPORT_FORMATS, { message: `format must be one of ${EXPORT_FORMATS.join(', ')}` })
  format!: ExportFormat;

  @ApiPropertyOptional({ default: true, description: 'YouTube columns (CSV, Excel) and fields (JSON)' })
  @IsOptional()
  @IsBoolean({ message: 'include_youtube must be true or false' })
  include_youtube?: boolean;
}

export class YoutubeOpportunitiesQueryDto extends PageQueryDto {
  @ApiPropertyOptional({ enum: YOUTUBE_OPPORTUNITY_KINDS })
  @IsOptional()
  @IsIn(YOUTUBE_OPPORTUNITY_KINDS, { message: `kind must be one of ${YOUTUBE_OPPORTUNITY_KINDS.join(', ')}` })
  kind?: YoutubeOpportunityKind;
}

export class YoutubeOpportunityLeadDto {
  @ApiProperty({ format: 'uuid' }) artist_id!: string;
  @ApiProperty() artist_name!: string;
  @ApiProperty({ enum: ['A', 'B', 'C', 'D'] }) tier!: string;
  @ApiProperty() total_score!: number;
  @ApiProperty() region!: string;
  @ApiProperty({ type: Number, nullable: true }) spotify_followers!: number | null;
  @ApiProperty({ type: Number, nullable: true }) lastfm_listeners!: number | null;
  @ApiProperty({ type: LeadYoutubeDto, nullable: true }) youtube!: LeadYoutubeDto | null;
  @ApiProperty({ type: [YoutubeOpportunityDto] }) opportunities!: YoutubeOpportunityDto[];
}

export class YoutubeOpportunityPageDto extends PageDto {
  @ApiProperty({ type: [YoutubeOpportunityLeadDto] }) results!: YoutubeOpportunityLeadDto[];
}

export class QuotaDto {
  @ApiProperty() used!: number;
  @ApiProperty() limit!: number;
}

export class YoutubeCoverageDto {
  @ApiProperty({ description: 'A channel of the artist found' }) with_channel!: number;
  @ApiProperty({ description: 'Searched, none found' }) without_channel!: number;
  @ApiProperty() not_checked!: number;
}

export class YoutubeStatsDto extends YoutubeCoverageDto {
  @ApiProperty({ description: 'A YouTube API key is set' }) configured!: boolean;
  @ApiProperty({ type: 'object', additionalProperties: { type: 'number' }, description: 'Leads per opportunity kind' }) by_opportunity!: Record<string, number>;
  @ApiProperty({ description: 'Subscribers of the channels found' }) subscribers_total!: number;
  @ApiProperty({ type: QuotaDto, description: 'Quota units spent today (UTC) and the daily limit' }) quota!: QuotaDto;
}

export class SourceUsageSummaryDto {
  @ApiProperty() source!: string;
  @ApiProperty() configured!: boolean;
  @ApiProperty() requests_today!: number;
  @ApiProperty() errors_today!: number;
  @ApiProperty() units_today!: number;
  @ApiProperty({ type: QuotaDto, nullable: true }) quota!: QuotaDto | null;
  @ApiProperty({ type: Number, nullable: true, description: 'Least time between two requests, shared by every worker' }) min_interval_ms!: number | null;
}

export class RegionCountDto {
  @ApiProperty() region!: string;
  @ApiProperty() name!: string;
  @ApiProperty() count!: number;
}

export class GenreCountDto {
  @ApiProperty({ example: 'indie pop', description: 'In lower case, as MusicBrainz and Spotify name it' }) genre!: string;
  @ApiProperty({ description: 'Leads with this genre' }) count!: number;
}

export class ProcessingDto {
  @ApiProperty({ description: 'Bulk ISRCs finished in the last hour' }) items_last_hour!: number;
  @ApiProperty() items_last_24h!: number;
  @ApiProperty({ description: 'Bulk ISRCs finished per minute over the last hour' }) per_minute_last_hour!: number;
  @ApiProperty() failed_last_24h!: number;
  @ApiProperty({ description: 'Bulk jobs waiting or running' }) active_jobs!: number;
}

export class LeadDashboardDto {
  @ApiProperty() leads!: number;
  @ApiProperty() recordings!: number;
  @ApiProperty({ type: Number, nullable: true }) average_score!: number | null;
  @ApiProperty({ type: 'object', additionalProperties: { type: 'number' }, example: { A: 3, B: 5, C: 8, D: 2 } }) by_tier!: Record<string, number>;
  @ApiProperty({ type: [RegionCountDto] }) by_region!: RegionCountDto[];
  @ApiProperty({ type: [GenreCountDto], description: `The ${TOP_GENRES} most common genres, most leads first; a lead counts under each of its genres` })
  by_genre!: GenreCountDto[];
  @ApiProperty({ type: 'object', additionalProperties: { type: 'number' } }) by_independence!: Record<string, number>;
  @ApiProperty({ type: 'object', additionalProperties: { type: 'number' } }) by_outreach!: Record<string, number>;
  @ApiProperty({ type: YoutubeCoverageDto }) youtube!: YoutubeCoverageDto;
  @ApiProperty({ type: [SourceUsageSummaryDto] }) sources!: SourceUsageSummaryDto[];
  @ApiProperty({ type: ProcessingDto }) processing!: ProcessingDto;
}

export class SourceErrorDto {
  @ApiProperty() at!: Date;
  @ApiProperty() message!: string;
}

export class SourceRateLimitDto {
  @ApiProperty({ type: Date, nullable: true, description: 'The first moment a new request could go; null when the source was never called' })
  next_slot_at!: Date | null;
  @ApiProperty({ description: 'How long a request asking now would wait (0 when a slot is free)' }) wait_ms!: number;
  @ApiProperty() min_interval_ms!: number;
}

export class SourceUsageDayDto {
  @ApiProperty() source!: string;
  @ApiProperty({ example: '2026-12-06', description: 'YYYY-MM-DD (UTC)' }) day!: string;
  @ApiProperty() requests!: number;
  @ApiProperty() errors!: number;
  @ApiProperty({ description: 'Quota units spent; 0 for sources without a quota' }) units!: number;
}

export class SourceStatusDto {
  @ApiProperty({ example: 'musicbrainz' }) source!: string;
  @ApiProperty({ description: 'Usable: always for MusicBrainz; with its key or credentials otherwise' }) configured!: boolean;
  @ApiProperty({ description: 'No failure since this instance’s last success' }) healthy!: boolean;
  @ApiProperty() base_url!: string;
  @ApiProperty({ type: SourceErrorDto, nullable: true, description: 'The last failure this instance saw' }) last_error!: SourceErrorDto | null;
  @ApiProperty({ type: Date, nullable: true }) last_success_at!: Date | null;
  @ApiProperty({ type: SourceRateLimitDto, nullable: true, description: 'The schedule shared by every worker, when the source is rate-limited' })
  rate_limit!: SourceRateLimitDto | null;
  @ApiProperty({ type: SourceUsageDayDto }) usage_today!: SourceUsageDayDto;
  @ApiProperty({ type: QuotaDto, nullable: true }) quota!: QuotaDto | null;
}

export class LeadSourcesStatusDto {
  @ApiProperty({ type: [SourceStatusDto] }) sources!: SourceStatusDto[];
}

export class YoutubeTestDto {
  @ApiPropertyOptional({
    example: 'Tui Harbour',
    maxLength: 200,
    description: 'Look up the channel of the handle this name makes (@TuiHarbour); none: YouTube’s own channel',
  })
  @Omittable()
  @IsString({ message: 'artist_name must be a string' })
  @MaxLength(200, { message: 'artist_name must be at most 200 characters' })
  artist_name?: string;
}

export class YoutubeTestChannelDto {
  @ApiProperty() channel_id!: string;
  @ApiProperty() title!: string;
  @ApiProperty({ type: String, nullable: true, example: '@tuiharbour' }) handle!: string | null;
  @ApiProperty({ type: Number, nullable: true, description: 'null: hidden by the channel' }) subscribers!: number | null;
  @ApiProperty({ type: Number, nullable: true }) views!: number | null;
  @ApiProperty({ type: Number, nullable: true }) video_count!: number | null;
}

export class YoutubeTestResultDto {
  @ApiProperty({ enum: ['success', 'not_found'], description: 'The key works; not_found: no channel has the artist’s handle' }) status!: string;
  @ApiProperty() message!: string;
  @ApiProperty({ type: String, nullable: true }) artist_name!: string | null;
  @ApiProperty({ description: 'Always true here (not configured answers 409)' }) configured!: boolean;
  @ApiProperty({ type: YoutubeTestChannelDto, nullable: true }) channel_data!: YoutubeTestChannelDto | null;
  @ApiProperty({ description: 'Quota units the check spent (channels.list: 1)' }) units_spent!: number;
  @ApiProperty({ type: QuotaDto, description: 'Units spent today (UTC), this check included, and the daily limit' }) quota!: QuotaDto;
  @ApiProperty({ example: 'YouTube API working correctly' }) integration_status!: string;
}
