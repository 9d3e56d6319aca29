import { ApiProperty } from '@nestjs/swagger';

export class FeatureContributionDto {
  @ApiProperty({ example: 'danceability', description: 'The feature, by its API name' }) feature!: string;
  @ApiProperty({
    example: 0.72,
    description: "The value the model read (a song's explicit and mode as 0/1; a customer's country, state and city as the genre model's place codes)",
  })
  value!: number;
  @ApiProperty({
    example: 0.041,
    description:
      'How much this value moved the explained probability from the base value (0–1 scale): for the hit model positive pushes toward HIT, negative toward FLOP; for the genre model, toward or away from the predicted genre',
  })
  contribution!: number;
}

/**
 * Why a forest scored an input as it did: exact Shapley values (Linear TreeSHAP) of one class's
 * raw probability, so `base_value + Σ contribution` is that probability (within 1e-6).
 */
export class ExplanationDto {
  @ApiProperty({ example: 0.495, description: "The forest's mean raw probability of the class over its training rows (0–1), where every input starts" })
  base_value!: number;

  @ApiProperty({ type: [FeatureContributionDto], description: 'Every feature of the model, largest absolute contribution first' })
  contributions!: FeatureContributionDto[];
}
