import { ApiProperty } from '@nestjs/swagger';

export class FeatureContributionDto {
  @ApiProperty({ example: 'danceability', description: 'The feature, by its API name' }) feature!: string;
  @ApiProperty({ example: 0.72, description: "The song's value of the feature (explicit and mode as 0/1)" }) value!: number;
  @ApiProperty({
    example: 0.041,
    description: 'How much this value moved the raw HIT probability from the base value (0–1 scale): positive toward HIT, negative toward FLOP',
  })
  contribution!: number;
}

/**
 * Why the forest scored a song as it did: exact Shapley values (Linear TreeSHAP) of its raw HIT
 * probability, so `base_value + Σ contribution = raw_probability` (within 1e-6).
 */
export class ExplanationDto {
  @ApiProperty({ example: 0.498, description: "The forest's mean raw HIT probability over its training songs (0–1), where every song starts" })
  base_value!: number;

  @ApiProperty({ type: [FeatureContributionDto], description: 'Every feature of the model, largest absolute contribution first' })
  contributions!: FeatureContributionDto[];
}

export const RAW_PROBABILITY_DESCRIPTION =
  "The forest's own HIT probability (0–1), before calibration: what the explanation adds up to. confidence and probabilities are calibrated from it when the model version has a calibration";

export const EXPLANATION_DESCRIPTION =
  'What pushed the raw HIT probability up or down, feature by feature; null when the model version predates explanations (it stores no node cover)';

export const CALIBRATED_DESCRIPTION =
  'Whether confidence and probabilities are calibrated (of 100 songs answered 70 % HIT, about 70 were hits on held-out songs); false for a model version trained before calibration, which answers its raw probabilities';
