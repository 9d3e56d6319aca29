import { ApiProperty, ApiPropertyOptional } from '@nestjs/swagger';
import { Type } from 'class-transformer';
import { IsBoolean, IsIn, IsObject, IsOptional, ValidateNested } from 'class-validator';
import { PageDto, PageQueryDto } from '../../common/http/query.js';
import { Omittable } from '../../common/http/validation.js';
import { EXPORT_FORMATS, type ExportFormat } from '../export/export-formats.js';
import { YOUTUBE_OPPORTUNITY_KINDS, type YoutubeOpportunityKind } from '../scoring/youtube.js';
import { YoutubeOpportunityDto } from './analyze.dto.js';
import { LeadFiltersDto, LeadYoutubeDto } from './leads.dto.js';

export class ExportLeadsDto {
  @ApiPropertyOptional({ type: LeadFiltersDto, description: 'As GET /api/leads takes them; none: every lead' })
  @Omittable()
  @IsObject({ message: 'filters must be an object' })
  @ValidateNested()
  @Type(() => LeadFiltersDto)
  filters?: LeadFiltersDto;

  @ApiProperty({ enum: EXPORT_FORMATS })
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
  @ApiProperty({ type: 'object', additionalProperties: { type: 'number' } }) by_independence!: Record<string, number>;
  @ApiProperty({ type: 'object', additionalProperties: { type: 'number' } }) by_outreach!: Record<string, number>;
  @ApiProperty({ type: YoutubeCoverageDto }) youtube!: YoutubeCoverageDto;
  @ApiProperty({ type: [SourceUsageSummaryDto] }) sources!: SourceUsageSummaryDto[];
  @ApiProperty({ type: ProcessingDto }) processing!: ProcessingDto;
}

export class SourceStatusDto {
  @ApiProperty({ example: 'musicbrainz' }) source!: string;
  @ApiProperty({ description: 'Usable: always for MusicBrainz; with its key or credentials otherwise' }) configured!: boolean;
  @ApiProperty({ description: 'No failure since this instance’s last success' }) healthy!: boolean;
  @ApiProperty() base_url!: string;
  @ApiProperty({ type: 'object', nullable: true, additionalProperties: true, description: 'at, message' }) last_error!: object | null;
  @ApiProperty({ type: Date, nullable: true }) last_success_at!: Date | null;
  @ApiProperty({ type: 'object', nullable: true, additionalProperties: true, description: 'next_slot_at, wait_ms, min_interval_ms (shared by every worker)' }) rate_limit!: object | null;
  @ApiProperty({ type: 'object', additionalProperties: true, description: 'day, requests, errors, units' }) usage_today!: object;
  @ApiProperty({ type: QuotaDto, nullable: true }) quota!: QuotaDto | null;
}

export class LeadSourcesStatusDto {
  @ApiProperty({ type: [SourceStatusDto] }) sources!: SourceStatusDto[];
}
