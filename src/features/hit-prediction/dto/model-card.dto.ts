import { ApiProperty, ApiPropertyOptional, getSchemaPath } from '@nestjs/swagger';

export class ReliabilityBinDto {
  @ApiProperty({ example: 0.6, description: 'Lower end of the bin of predicted HIT probabilities (inclusive)' }) from!: number;
  @ApiProperty({ example: 0.7, description: 'Upper end (exclusive; the last bin includes 1)' }) to!: number;
  @ApiProperty({ description: 'Held-out songs whose predicted probability falls in the bin' }) count!: number;
  @ApiProperty({ type: Number, nullable: true, description: 'Their mean predicted HIT probability; null for an empty bin' }) mean_predicted!: number | null;
  @ApiProperty({ type: Number, nullable: true, description: 'The share of them that were hits; null for an empty bin' }) observed_rate!: number | null;
}

export class IsotonicFitDto {
  @ApiProperty({ enum: ['isotonic'] }) method!: 'isotonic';
  @ApiProperty({ type: [Number], description: 'Raw scores of the breakpoints, ascending' }) x!: number[];
  @ApiProperty({ type: [Number], description: 'Calibrated probability at each breakpoint (linear between them, flat outside)' }) y!: number[];
}

export class PlattFitDto {
  @ApiProperty({ enum: ['platt'] }) method!: 'platt';
  @ApiProperty({ description: 'p = 1 / (1 + exp(a × score + b))' }) a!: number;
  @ApiProperty() b!: number;
}

/** How well the model's probabilities match outcomes, before and after calibration, on held-out songs. */
export class ModelCalibrationDto {
  @ApiProperty({ enum: ['isotonic', 'platt'], description: 'The calibration chosen on out-of-bag scores: the lower cross-validated Brier score' })
  method!: 'isotonic' | 'platt';
  @ApiProperty({ description: 'Held-out songs the figures are measured on' }) rows!: number;
  @ApiProperty({ description: 'Brier score (mean squared error of the probability, lower is better) of the raw forest' }) brier_before!: number;
  @ApiProperty({ description: 'Brier score of the calibrated probabilities' }) brier_after!: number;
  @ApiProperty({ description: 'Expected calibration error (10 bins) of the raw forest: how far, on average, stated probabilities are from observed hit rates' })
  ece_before!: number;
  @ApiProperty({ description: 'Expected calibration error of the calibrated probabilities' }) ece_after!: number;
  @ApiProperty({ type: [ReliabilityBinDto], description: '10 equal-width bins of the calibrated probability' }) reliability!: ReliabilityBinDto[];
  @ApiProperty({ type: [ReliabilityBinDto], description: 'The same bins for the raw forest probability' }) reliability_before!: ReliabilityBinDto[];
  @ApiProperty({
    oneOf: [{ $ref: getSchemaPath(IsotonicFitDto) }, { $ref: getSchemaPath(PlattFitDto) }],
    description: 'The fitted calibration itself, raw score → calibrated probability',
  })
  fit!: IsotonicFitDto | PlattFitDto;
}

export class FeatureImportanceDto {
  @ApiProperty({ example: 'instrumentalness' }) feature!: string;
  @ApiProperty({ description: 'Mean |contribution| to the raw HIT probability over held-out songs (0–1 scale)' }) mean_abs_contribution!: number;
}

export class ModelFeatureDto {
  @ApiProperty() name!: string;
  @ApiProperty({ description: 'Least value in the training data' }) min!: number;
  @ApiProperty({ description: 'Largest value in the training data' }) max!: number;
}

export class HitModelMetricsDto {
  @ApiProperty() accuracy!: number;
  @ApiProperty() roc_auc!: number;
  @ApiProperty() precision!: number;
  @ApiProperty() recall!: number;
  @ApiProperty() f1!: number;
  @ApiProperty({ type: 'array', items: { type: 'array', items: { type: 'number' } }, description: 'Rows: actual, columns: predicted, in the order of classes' })
  confusion_matrix!: number[][];
  @ApiProperty({ type: 'object', additionalProperties: { type: 'number' }, description: 'Mean impurity decrease by feature, summing to 1' })
  feature_importances!: Record<string, number>;
  @ApiProperty({ type: Number, nullable: true }) oob_score!: number | null;
  @ApiProperty({ type: Number, nullable: true, description: 'Largest |onnxruntime − TypeScript forest| probability on the test rows' })
  onnx_max_difference!: number | null;
}

/** GET /api/models/active: what the hit model in use is and how good it is. */
export class HitModelCardDto {
  @ApiProperty({ example: 'hit' }) name!: string;
  @ApiProperty({ example: '20261206-171500-000' }) version!: string;
  @ApiProperty({ type: [ModelFeatureDto], description: 'Input features in the order the model takes them' }) features!: ModelFeatureDto[];
  @ApiProperty({ type: [String], example: ['FLOP', 'HIT'] }) classes!: string[];
  @ApiProperty({ type: 'object', additionalProperties: { oneOf: [{ type: 'number' }, { type: 'string' }, { type: 'boolean' }], nullable: true } })
  hyperparameters!: Record<string, number | string | boolean | null>;
  @ApiProperty({ type: HitModelMetricsDto, description: 'Measured on the held-out songs' }) metrics!: HitModelMetricsDto;
  @ApiProperty({ description: "The forest's fit alone, in seconds" }) training_seconds!: number;
  @ApiProperty() training_rows!: number;
  @ApiProperty() test_rows!: number;
  @ApiProperty() data_source!: string;
  @ApiProperty({ description: 'Trained on generated demo data rather than real songs' }) synthetic_data!: boolean;
  @ApiPropertyOptional({ description: 'The command that trains the same model again from the same data' }) training_command?: string;
  @ApiProperty({ format: 'date-time' }) created_at!: string;
  @ApiProperty({
    type: ModelCalibrationDto,
    nullable: true,
    description: 'Calibration on held-out songs, before and after; null for a version trained before calibration (it answers raw probabilities)',
  })
  calibration!: ModelCalibrationDto | null;
  @ApiProperty({
    type: [FeatureImportanceDto],
    nullable: true,
    description:
      'Global importance: mean absolute contribution of each feature over held-out songs, largest first; null for a version trained before explanations',
  })
  importance!: FeatureImportanceDto[] | null;
}
