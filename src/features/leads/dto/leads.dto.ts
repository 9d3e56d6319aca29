import { ApiProperty, ApiPropertyOptional, IntersectionType } from '@nestjs/swagger';
import { Transform, Type } from 'class-transformer';
import { IsIn, IsNumber, IsOptional, IsString, Max, MaxLength, Min } from 'class-validator';
import { Ordering, Trimmed } from '../../../platform/common/http/query-filters.js';
import { PageDto, PageQueryDto } from '../../../platform/common/http/query.js';
import { Omittable } from '../../../platform/common/http/validation.js';
import { DEMO_DESCRIPTION } from '../../dataset/dto/song.dto.js';
import { LEAD_TIERS, type LeadTier } from '../scoring/score-lead.js';
import { ContactDto, ScoringInputDto, YoutubeOpportunityDto } from './analyze.dto.js';

export const OUTREACH_STATUSES = ['new', 'contacted', 'responded', 'converted', 'declined'] as const;
/** has_channel and no_channel, and the original Prism's filters on YouTube opportunities and upload activity. */
export const YOUTUBE_FILTERS = ['has_channel', 'no_channel', 'high_potential', 'underperforming', 'active_uploaders'] as const;
export const LEAD_ORDERINGS = ['total_score', 'artist_name', 'scored_at', 'spotify_followers', 'youtube_subscribers'] as const;
export type OutreachStatusName = (typeof OUTREACH_STATUSES)[number];

/** `?tier=A,B`: one or more tiers, comma-separated or repeated. */
const listOf = ({ value }: { value: unknown }) =>
  value === undefined
    ? undefined
    : (Array.isArray(value) ? value : [value])
        .flatMap((part) => String(part).split(','))
        .map((part) => part.trim())
        .filter(Boolean);

/** `?tier=a`: tiers in any case, as the original Prism accepted them. */
const tiersOf = (params: { value: unknown }) => listOf(params)?.map((tier) => tier.toUpperCase());

/** What a lead list is filtered by (GET /api/leads and POST /api/leads/export). */
export class LeadFiltersDto {
  @ApiPropertyOptional({ type: [String], enum: LEAD_TIERS, description: 'One or more tiers: tier=A,B' })
  @IsOptional()
  @Transform(tiersOf)
  @IsIn(LEAD_TIERS, { each: true, message: `tier must be among ${LEAD_TIERS.join(', ')}` })
  tier?: LeadTier[];

  @ApiPropertyOptional({
    description:
      'A region of the geography targets by id (nz, au, pacific, other, unknown) or by the original Prism name (new_zealand, australia, pacific_islands); another value answers 400 naming the accepted ones',
  })
  @IsOptional()
  @IsString()
  @MaxLength(40)
  region?: string;

  @ApiPropertyOptional({ minimum: 0, maximum: 100 })
  @Omittable()
  @Type(() => Number)
  @IsNumber({ allowNaN: false, allowInfinity: false }, { message: 'min_score must be a number' })
  @Min(0, { message: 'min_score must be at least 0' })
  @Max(100, { message: 'min_score must be at most 100' })
  min_score?: number;

  @ApiPropertyOptional({
    enum: YOUTUBE_FILTERS,
    description:
      'has_channel: a YouTube channel found; no_channel: YouTube searched, none found; high_potential: a high_growth_emerging opportunity; underperforming: an underperforming opportunity; active_uploaders: 3 or more uploads in the last 90 days',
  })
  @IsOptional()
  @IsIn(YOUTUBE_FILTERS, { message: `youtube_filter must be one of ${YOUTUBE_FILTERS.join(', ')}` })
  youtube_filter?: (typeof YOUTUBE_FILTERS)[number];

  @ApiPropertyOptional({ enum: OUTREACH_STATUSES })
  @IsOptional()
  @IsIn(OUTREACH_STATUSES, { message: `outreach_status must be one of ${OUTREACH_STATUSES.join(', ')}` })
  outreach_status?: OutreachStatusName;

  @ApiPropertyOptional({ maxLength: 200, description: 'Words of the artist’s name' })
  @IsOptional()
  @Trimmed()
  @IsString()
  @MaxLength(200)
  search?: string;
}

export class ListLeadsQueryDto extends IntersectionType(PageQueryDto, LeadFiltersDto) {
  @Ordering(LEAD_ORDERINGS, '-total_score') ordering: string = '-total_score';
}

export class LeadYoutubeDto {
  @ApiProperty({ type: String, nullable: true }) channel_id!: string | null;
  @ApiProperty({ type: Number, nullable: true }) subscribers!: number | null;
  @ApiProperty({ type: Number, nullable: true }) views!: number | null;
  @ApiProperty({ type: Number, nullable: true }) recent_uploads_90d!: number | null;
  @ApiProperty({ type: [String], description: 'Kinds of YouTube opportunity found' }) opportunities!: string[];
}

/** A lead as listed and exported. `id`, `geographic_score` and `lead_tier` are the original Prism's names of `artist_id`, `geography_score` and `tier`. */
export class LeadDto {
  @ApiProperty({ format: 'uuid' }) artist_id!: string;
  @ApiProperty({ format: 'uuid', description: 'artist_id, as the original Prism named it: GET /api/artist/{id}' }) id!: string;
  @ApiProperty() artist_name!: string;
  @ApiProperty({ type: String, nullable: true, description: 'ISO 3166-1 alpha-2' }) country!: string | null;
  @ApiProperty() region!: string;
  @ApiProperty({ enum: LEAD_TIERS }) tier!: LeadTier;
  @ApiProperty() total_score!: number;
  @ApiProperty() independence_score!: number;
  @ApiProperty() opportunity_score!: number;
  @ApiProperty() geography_score!: number;
  @ApiProperty({ description: 'geography_score, the original Prism’s name' }) geographic_score!: number;
  @ApiProperty({ enum: LEAD_TIERS, description: 'tier, the original Prism’s name' }) lead_tier!: LeadTier;
  @ApiProperty({ enum: ['self_released', 'small_distributor', 'indie_label', 'major', 'unknown'] }) independence!: string;
  @ApiProperty({ type: String, nullable: true }) label_name!: string | null;
  @ApiProperty({ type: String, nullable: true }) distributor_name!: string | null;
  @ApiProperty({ type: [String] }) genres!: string[];
  @ApiProperty({ type: Number, nullable: true }) spotify_followers!: number | null;
  @ApiProperty({ type: Number, nullable: true }) spotify_popularity!: number | null;
  @ApiProperty({ type: Number, nullable: true }) lastfm_listeners!: number | null;
  @ApiProperty({ type: LeadYoutubeDto, nullable: true, description: 'null: YouTube not checked' }) youtube!: LeadYoutubeDto | null;
  @ApiProperty({ enum: OUTREACH_STATUSES }) outreach_status!: OutreachStatusName;
  @ApiProperty({ type: [ContactDto] }) contacts!: ContactDto[];
  @ApiProperty({ type: [String] }) isrcs!: string[];
  @ApiProperty({ type: [String] }) reasons!: string[];
  @ApiProperty() scored_at!: Date;
  @ApiProperty({ description: `${DEMO_DESCRIPTION}; its contacts are on reserved domains (example.com, .invalid)` }) demo!: boolean;
}

export class LeadPageDto extends PageDto {
  @ApiProperty({ type: [LeadDto] }) results!: LeadDto[];
}

export class OutreachEventDto {
  @ApiProperty({ enum: OUTREACH_STATUSES }) status!: string;
  @ApiProperty() notes!: string;
  @ApiProperty({ type: String, nullable: true, description: 'Who made the change' }) username!: string | null;
  @ApiProperty() created_at!: Date;
}

export class LeadRecordingDto {
  @ApiProperty() isrc!: string;
  @ApiProperty({ type: String, nullable: true }) title!: string | null;
  @ApiProperty({ type: String, nullable: true }) release_title!: string | null;
  @ApiProperty({ type: String, nullable: true }) release_date!: string | null;
  @ApiProperty({ type: String, nullable: true }) label_name!: string | null;
  @ApiProperty({ type: String, nullable: true }) distributor_name!: string | null;
  @ApiProperty({ type: String, nullable: true }) musicbrainz_id!: string | null;
  @ApiProperty({ type: String, nullable: true }) spotify_track_id!: string | null;
  @ApiProperty({ type: [String] }) sources!: string[];
  @ApiProperty() analyzed_at!: Date;
}

/** The figures of a lead's YouTube channel, as the last check found them. */
export class LeadYoutubeChannelDto {
  @ApiProperty({ type: String, nullable: true, description: 'null: checked, no channel found' }) channel_id!: string | null;
  @ApiProperty({ type: Number, nullable: true }) subscribers!: number | null;
  @ApiProperty({ type: Number, nullable: true }) views!: number | null;
  @ApiProperty({ type: Number, nullable: true }) video_count!: number | null;
  @ApiProperty({ type: Number, nullable: true }) recent_uploads_90d!: number | null;
  @ApiProperty({ type: Date, nullable: true }) last_upload_at!: Date | null;
  @ApiProperty() checked_at!: Date;
}

/** Everything known about a lead's artist. */
export class LeadDetailDto extends LeadDto {
  @ApiProperty({ type: String, nullable: true }) musicbrainz_id!: string | null;
  @ApiProperty({ type: String, nullable: true }) area!: string | null;
  @ApiProperty() outreach_notes!: string;
  @ApiProperty({ type: 'object', additionalProperties: true, description: 'Each component with its points, factors and reasons' }) breakdown!: object;
  @ApiProperty({
    type: [ScoringInputDto],
    nullable: true,
    description: 'The facts the score used, each found or unknown; null for a lead scored before they were kept',
  })
  scoring_inputs!: ScoringInputDto[] | null;
  @ApiProperty({ type: [YoutubeOpportunityDto] }) youtube_opportunities!: YoutubeOpportunityDto[];
  @ApiProperty({ type: LeadYoutubeChannelDto, nullable: true, description: 'The channel’s figures when YouTube was checked' })
  youtube_channel!: LeadYoutubeChannelDto | null;
  @ApiProperty({ type: [LeadRecordingDto] }) recordings!: LeadRecordingDto[];
  @ApiProperty({ type: [OutreachEventDto], description: 'Newest first' }) outreach_history!: OutreachEventDto[];
  @ApiProperty() first_seen_at!: Date;
}

export class UpdateOutreachDto {
  @ApiProperty({ enum: OUTREACH_STATUSES })
  @IsIn(OUTREACH_STATUSES, { message: `status must be one of ${OUTREACH_STATUSES.join(', ')}` })
  status!: OutreachStatusName;

  @ApiPropertyOptional({ maxLength: 5000, description: 'Replaces the lead’s notes when given' })
  @Omittable()
  @IsString({ message: 'notes must be a string' })
  @MaxLength(5000, { message: 'notes must be at most 5000 characters' })
  notes?: string;
}
