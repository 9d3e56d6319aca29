import { ApiProperty, ApiPropertyOptional } from '@nestjs/swagger';
import { ExplanationDto } from '../../../platform/models/explanation.dto.js';
import { IsInt, IsNumber, IsOptional, IsString, Max, MaxLength, Min } from 'class-validator';

const amount = (name: string) => IsNumber({ allowNaN: false, allowInfinity: false }, { message: `${name} must be a number` });
const count = (name: string) => IsInt({ message: `${name} must be a whole number` });

/** A customer profile; every field is optional (numbers default to 0, as in the original). */
export class PredictGenreDto {
  @ApiPropertyOptional({ minimum: 0, example: 39.6, description: 'Total spent in the store' })
  @IsOptional()
  @Min(0)
  @amount('total_spent')
  total_spent?: number;

  @ApiPropertyOptional({ minimum: 0, example: 40 })
  @IsOptional()
  @Min(0)
  @count('total_tracks_bought')
  total_tracks_bought?: number;

  @ApiPropertyOptional({ minimum: 0, maximum: 1, example: 0.45, description: 'Share of spending on their top genre' })
  @IsOptional()
  @Min(0)
  @Max(1)
  @amount('genre_spending_ratio')
  genre_spending_ratio?: number;

  @ApiPropertyOptional({ minimum: 0, example: 7 })
  @IsOptional()
  @Min(0)
  @count('invoice_count')
  invoice_count?: number;

  @ApiPropertyOptional({ minimum: 0, example: 5.66 })
  @IsOptional()
  @Min(0)
  @amount('average_invoice')
  average_invoice?: number;

  @ApiPropertyOptional({ minimum: 0, example: 30 })
  @IsOptional()
  @Min(0)
  @count('days_since_last_purchase')
  days_since_last_purchase?: number;

  @ApiPropertyOptional({ example: 'Brazil' })
  @IsOptional()
  @MaxLength(100)
  @IsString({ message: 'country must be a string' })
  country?: string;

  @ApiPropertyOptional({ example: 'SP' })
  @IsOptional()
  @MaxLength(100)
  @IsString({ message: 'state must be a string' })
  state?: string;

  @ApiPropertyOptional({ example: 'São Paulo' })
  @IsOptional()
  @MaxLength(100)
  @IsString({ message: 'city must be a string' })
  city?: string;
}

export class GenrePredictionDto {
  @ApiProperty({ example: 'Latin' }) genre!: string;
  @ApiProperty({ description: 'Probability of the predicted genre, 0–1 (as the original system answered)', example: 0.62 }) confidence!: number;
  @ApiProperty({
    type: 'object',
    additionalProperties: { type: 'number' },
    description: 'Each genre’s probability (0–1), highest first',
    example: { Latin: 0.62, Rock: 0.21 },
  })
  all_probabilities!: Record<string, number>;
}

/** Why the model chose the predicted genre: its probability split into the base value and each feature's contribution. */
export class GenreExplanationDto extends ExplanationDto {
  @ApiProperty({ example: 'Latin', description: 'The genre explained: the predicted one' }) genre!: string;
  @ApiProperty({ example: 0.6231, description: 'Its probability unrounded (0–1): base_value + Σ contribution, within 1e-6' }) probability!: number;
}

export const GENRE_EXPLANATION_DESCRIPTION =
  'What raised or lowered the predicted genre’s probability, feature by feature; null when the model version predates explanations (no node cover in its file)';

export class PredictGenreResultDto {
  @ApiProperty({ enum: ['OK'], example: 'OK' }) status!: 'OK';
  @ApiProperty({ type: GenrePredictionDto }) prediction!: GenrePredictionDto;
  @ApiProperty({
    type: 'object',
    additionalProperties: { oneOf: [{ type: 'number' }, { type: 'string' }], nullable: true },
    description: 'The profile the model read, defaults filled in',
  })
  customer_profile!: Record<string, number | string | null>;
  @ApiProperty({ description: 'Places the model never saw, read as "unknown"', type: [String] }) unknown_places!: string[];
  @ApiProperty() model_version!: string;
  @ApiProperty({ type: GenreExplanationDto, nullable: true, description: GENRE_EXPLANATION_DESCRIPTION }) explanation!: GenreExplanationDto | null;
}
