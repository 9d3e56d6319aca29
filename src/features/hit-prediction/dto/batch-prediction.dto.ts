import { ApiProperty, ApiPropertyOptional } from '@nestjs/swagger';
import { ArrayMaxSize, ArrayMinSize, IsArray, IsOptional } from 'class-validator';
import { ManualPredictionDto, PredictionProbabilitiesDto } from './manual-prediction.dto.js';

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
  @ApiPropertyOptional({ description: 'Why this row could not be predicted' }) error?: string;
}

export class BatchPredictionResultDto {
  @ApiProperty({ type: [BatchRowResultDto], description: 'One result per row, in order' }) results!: BatchRowResultDto[];
  @ApiProperty() model_version!: string;
  @ApiPropertyOptional({ type: [String], description: 'What a CSV upload lacked and how it was read' }) warnings?: string[];
}
