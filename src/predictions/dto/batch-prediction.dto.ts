import { ApiProperty, ApiPropertyOptional } from '@nestjs/swagger';
import { ArrayMaxSize, ArrayMinSize, IsArray } from 'class-validator';
import { ManualPredictionDto, PredictionProbabilitiesDto } from './manual-prediction.dto.js';

export const MAX_BATCH_ROWS = 10_000;

export class BatchPredictionDto {
  @ApiProperty({ type: [ManualPredictionDto], description: `Up to ${MAX_BATCH_ROWS.toLocaleString('en-US')} rows of the ten features` })
  @IsArray()
  @ArrayMinSize(1)
  @ArrayMaxSize(MAX_BATCH_ROWS)
  rows!: unknown[];
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
}
