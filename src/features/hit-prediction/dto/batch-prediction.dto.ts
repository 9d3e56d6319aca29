import { ApiProperty, ApiPropertyOptional } from '@nestjs/swagger';
import { Transform } from 'class-transformer';
import { ArrayMaxSize, ArrayMinSize, IsArray, IsBoolean, IsOptional } from 'class-validator';
import { booleanFromQuery } from '../../../platform/common/http/query.js';
import { ManualPredictionDto, PredictionProbabilitiesDto } from './manual-prediction.dto.js';
import { ExplanationDto } from '../../../platform/models/explanation.dto.js';
import { CALIBRATED_DESCRIPTION, EXPLANATION_DESCRIPTION, RAW_PROBABILITY_DESCRIPTION } from './explanation-descriptions.js';

export const MAX_BATCH_ROWS = 10_000;

/** JSON rows, or (multipart) a CSV file in the field `file`. */
export class BatchPredictionDto {
  @ApiPropertyOptional({ type: [ManualPredictionDto], description: `Up to ${MAX_BATCH_ROWS.toLocaleString('en-US')} rows of the ten features` })
  @IsOptional()
  @ArrayMinSize(1)
  @ArrayMaxSize(MAX_BATCH_ROWS)
  // Checked first (class-validator runs the bottom-most decorator first).
  @IsArray()
  rows?: unknown[];
}

/** The multipart form: a CSV file with a header naming the ten features. */
export class BatchPredictionUploadDto {
  @ApiProperty({ type: 'string', format: 'binary', description: 'CSV: a header naming the ten features (other columns ignored), one song per line' })
  file!: unknown;
}

export class BatchRowResultDto {
  @ApiPropertyOptional({ enum: ['HIT', 'FLOP'] }) prediction?: 'HIT' | 'FLOP';
  @ApiPropertyOptional() confidence?: number;
  @ApiPropertyOptional({ type: PredictionProbabilitiesDto }) probabilities?: PredictionProbabilitiesDto;
  @ApiPropertyOptional({ minimum: 0, maximum: 1, description: RAW_PROBABILITY_DESCRIPTION }) raw_probability?: number;
  @ApiPropertyOptional({
    type: ExplanationDto,
    nullable: true,
    description: `Only with ?explain=true. ${EXPLANATION_DESCRIPTION}`,
  })
  explanation?: ExplanationDto | null;
  @ApiPropertyOptional({ description: 'Why this row could not be predicted' }) error?: string;
}

export class BatchPredictionResultDto {
  @ApiProperty({ type: [BatchRowResultDto], description: 'One result per row, in order' }) results!: BatchRowResultDto[];
  @ApiProperty() model_version!: string;
  @ApiProperty({ description: CALIBRATED_DESCRIPTION }) calibrated!: boolean;
  @ApiPropertyOptional({ type: [String], description: 'What a CSV upload lacked and how it was read' }) warnings?: string[];
}

/** Explaining a row costs about 3 ms of CPU (Linear TreeSHAP over 100 trees): an explained batch stays under about 3 s. */
export const MAX_EXPLAINED_BATCH_ROWS = 1_000;

export class BatchPredictionQueryDto {
  @ApiPropertyOptional({
    description: `true: each predicted row also gets its explanation, for JSON rows and CSV uploads alike (the answer is JSON either way); at most ${MAX_EXPLAINED_BATCH_ROWS.toLocaleString('en-US')} rows`,
  })
  @IsOptional()
  @Transform(booleanFromQuery)
  @IsBoolean({ message: 'explain must be true or false' })
  explain?: boolean;
}
