import { ApiProperty, ApiPropertyOptional } from '@nestjs/swagger';
import { Transform, Type } from 'class-transformer';
import { booleanFromQuery } from '../../../platform/common/http/query.js';
import { IsBoolean, IsInt, IsOptional, Max, Min } from 'class-validator';
import { IsIsrc, IsIsrcList, MAX_ISRCS_PER_JOB } from './isrc-validation.js';

export class AnalyzeIsrcDto {
  @ApiProperty({ example: 'NZ-ABC-24-00001', description: 'CC-XXX-YY-NNNNN, with or without hyphens, any case' })
  @IsIsrc()
  isrc!: string;

  @ApiPropertyOptional({ default: true, description: 'Keep the lead (artist, scores, recording, contacts)' })
  @IsOptional()
  @IsBoolean({ message: 'save_to_db must be true or false' })
  save_to_db?: boolean;

  @ApiPropertyOptional({ default: true, description: 'Ask YouTube too (costs quota units)' })
  @IsOptional()
  @IsBoolean({ message: 'include_youtube must be true or false' })
  include_youtube?: boolean;

  @ApiPropertyOptional({ default: false, description: 'Ask every source again instead of using cached answers' })
  @IsOptional()
  @IsBoolean({ message: 'force_refresh must be true or false' })
  force_refresh?: boolean;
}

/** How a bulk job runs (JSON body or the upload's form fields). */
export class BulkOptionsDto {
  @ApiPropertyOptional({ default: 10, minimum: 1, maximum: 50, description: 'ISRCs analysed at a time (the sources’ rate limits still apply)' })
  @IsOptional()
  @Type(() => Number)
  @IsInt({ message: 'batch_size must be a whole number' })
  @Min(1, { message: 'batch_size must be at least 1' })
  @Max(50, { message: 'batch_size must be at most 50' })
  batch_size?: number;

  @ApiPropertyOptional({ default: true })
  @IsOptional()
  @Transform(booleanFromQuery)
  @IsBoolean({ message: 'include_youtube must be true or false' })
  include_youtube?: boolean;

  @ApiPropertyOptional({ default: false })
  @IsOptional()
  @Transform(booleanFromQuery)
  @IsBoolean({ message: 'force_refresh must be true or false' })
  force_refresh?: boolean;
}

export class AnalyzeBulkDto extends BulkOptionsDto {
  @ApiProperty({ type: [String], maxItems: MAX_ISRCS_PER_JOB, example: ['NZABC2400001', 'AU-XYZ-23-00042'], description: 'Duplicates are analysed once' })
  @IsIsrcList()
  isrcs!: string[];
}

export class SourceOutcomeDto {
  @ApiProperty({ enum: ['musicbrainz', 'spotify', 'lastfm', 'youtube'] }) source!: string;
  @ApiProperty({ enum: ['answered', 'not_found', 'skipped', 'failed'] }) status!: string;
  @ApiProperty({ type: String, nullable: true, description: 'Why it was skipped or failed, what it did not find' }) detail!: string | null;
}

/** One scored factor of a component, on the component's raw scale. */
export class ScoreItemDto {
  @ApiProperty() factor!: string;
  @ApiProperty() points!: number;
  @ApiProperty() max!: number;
  @ApiProperty({ description: 'The factor in words' }) reason!: string;
}

export class ScoreComponentDto {
  @ApiProperty() points!: number;
  @ApiProperty() max!: number;
  @ApiProperty({ type: [ScoreItemDto], description: 'Each factor' }) items!: ScoreItemDto[];
}

export class LeadScoreDto {
  @ApiProperty({ minimum: 0, maximum: 100 }) total!: number;
  @ApiProperty({ enum: ['A', 'B', 'C', 'D'] }) tier!: string;
  @ApiProperty({ enum: ['self_released', 'small_distributor', 'indie_label', 'major', 'unknown'] }) independence_class!: string;
  @ApiProperty({ description: 'Region id of the geography targets (nz, au, pacific, other, unknown)' }) region!: string;
  @ApiProperty({ type: ScoreComponentDto }) independence!: ScoreComponentDto;
  @ApiProperty({ type: ScoreComponentDto }) opportunity!: ScoreComponentDto;
  @ApiProperty({ type: ScoreComponentDto }) geography!: ScoreComponentDto;
  @ApiProperty({ type: [String], description: 'Why, in words' }) reasons!: string[];
}

export class YoutubeOpportunityDto {
  @ApiProperty({ enum: ['no_presence', 'underperforming', 'inconsistent_uploads', 'high_growth_emerging'] }) kind!: string;
  @ApiProperty() evidence!: string;
}

export class ContactDto {
  @ApiProperty({ example: 'instagram' }) kind!: string;
  @ApiProperty() value!: string;
  @ApiProperty({ example: 'musicbrainz' }) source!: string;
}

export class ScoringInputDto {
  @ApiProperty({
    enum: ['label', 'country', 'platforms', 'release_count', 'has_publisher', 'latest_release_date', 'spotify_followers', 'lastfm_listeners', 'youtube'],
  })
  fact!: string;
  @ApiProperty({ description: 'false: the fact is unknown and the score used its "not known" rule' }) known!: boolean;
  @ApiProperty({
    nullable: true,
    oneOf: [{ type: 'string' }, { type: 'number' }, { type: 'boolean' }, { type: 'array', items: { type: 'string' } }],
    description: 'The value found; null when unknown',
  })
  value!: string | number | boolean | string[] | null;
  @ApiProperty({ description: 'What was found, or why it is unknown, in words' }) detail!: string;
}

export class LeadAnalysisDto {
  @ApiProperty({ example: 'NZABC2400001' }) isrc!: string;
  @ApiProperty({ type: String, format: 'uuid', nullable: true, description: 'The artist’s id when the lead was kept' }) artist_id!: string | null;
  @ApiProperty({ type: 'object', nullable: true, additionalProperties: true, description: 'title, musicbrainz_id, length_ms, first_release_date' }) recording!:
    object | null;
  @ApiProperty({
    type: 'object',
    nullable: true,
    additionalProperties: true,
    description: 'name, musicbrainz_id, type, country, area, genres, spotify, lastfm',
  })
  artist!: object | null;
  @ApiProperty({
    type: 'object',
    nullable: true,
    additionalProperties: true,
    description: 'The release whose label was read: musicbrainz_id, title, date, country, status',
  })
  release!: object | null;
  @ApiProperty({ type: 'object', additionalProperties: true, description: 'names, distributor, and how independence was decided' }) label!: object;
  @ApiProperty({
    type: 'object',
    nullable: true,
    additionalProperties: true,
    description: 'The channel found (has_channel false: searched, none), or null when YouTube was not asked',
  })
  youtube!: object | null;
  @ApiProperty({ type: [YoutubeOpportunityDto] }) youtube_opportunities!: YoutubeOpportunityDto[];
  @ApiProperty({ type: [ContactDto] }) contacts!: ContactDto[];
  @ApiProperty({ type: LeadScoreDto }) score!: LeadScoreDto;
  @ApiProperty({ type: [ScoringInputDto], description: 'The facts the score used, each found or unknown' }) scoring_inputs!: ScoringInputDto[];
  @ApiProperty({ type: [SourceOutcomeDto] }) sources!: SourceOutcomeDto[];
  @ApiProperty({ minimum: 0, maximum: 100, description: 'score.total, as the original Prism named it' }) total_score!: number;
  @ApiProperty({ minimum: 0, maximum: 40, description: 'score.independence.points (the original’s name)' }) independence_score!: number;
  @ApiProperty({ minimum: 0, maximum: 40, description: 'score.opportunity.points (the original’s name)' }) opportunity_score!: number;
  @ApiProperty({ minimum: 0, maximum: 20, description: 'score.geography.points (the original’s name)' }) geographic_score!: number;
  @ApiProperty({ enum: ['A', 'B', 'C', 'D'], description: 'score.tier (the original’s name)' }) lead_tier!: string;
}

export class InvalidIsrcDto {
  @ApiProperty({ description: 'The token as found' }) value!: string;
  @ApiPropertyOptional({ description: '1-based line of the file' }) line?: number;
  @ApiProperty({ description: 'Which part is wrong' }) error!: string;
}

export class BulkJobDto {
  @ApiProperty({ format: 'uuid', description: 'Follow it at GET /api/jobs/{id}' }) job_id!: string;
  @ApiProperty({ description: 'Distinct ISRCs queued' }) total!: number;
  @ApiProperty({ description: 'Repeated ISRCs dropped' }) duplicates!: number;
  @ApiProperty({ type: [InvalidIsrcDto], description: 'ISRC-looking tokens of an uploaded file that are not valid ISRCs (left out)' })
  invalid!: InvalidIsrcDto[];
}
