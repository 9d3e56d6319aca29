import { ApiProperty } from '@nestjs/swagger';
import { Transform } from 'class-transformer';
import { IsDefined, IsIn, IsInt, IsNumber, Max, Min } from 'class-validator';
import { AudioFeature } from '../../dataset/dto/audio-feature.decorator.js';
import { FEATURE_RANGES } from '../../../vocabulary/audio-features.js';
import { ExplanationDto } from '../../../platform/models/explanation.dto.js';
import { CALIBRATED_DESCRIPTION, EXPLANATION_DESCRIPTION, RAW_PROBABILITY_DESCRIPTION } from './explanation-descriptions.js';

/** explicit as the original accepted it: 0/1, true/false (also as strings). */
const toExplicit = ({ value }: { value: unknown }) => {
  if (value === true || value === 1 || value === '1' || value === 'true') return 1;
  if (value === false || value === 0 || value === '0' || value === 'false') return 0;
  return value;
};

/** Goes last (bottom-most) on a property: class-validator checks the decorators applied first first. */
const required = (name: string) => IsDefined({ message: `${name} is required` });

/** The ranges an import accepts: a song the dataset can hold can be predicted. */
const { durationMs } = FEATURE_RANGES;

/** The ten audio features of the hit model, each required and range-checked. */
export class ManualPredictionDto {
  @ApiProperty({ minimum: durationMs[0], maximum: durationMs[1], example: 210_000, description: 'Track length in milliseconds' })
  @IsNumber({ allowNaN: false, allowInfinity: false }, { message: 'duration_ms must be a number' })
  @Min(durationMs[0])
  @Max(durationMs[1])
  @required('duration_ms')
  duration_ms!: number;

  @AudioFeature('danceability')
  danceability!: number;

  @AudioFeature('energy')
  energy!: number;

  @AudioFeature('valence')
  valence!: number;

  @AudioFeature('acousticness')
  acousticness!: number;

  @AudioFeature('instrumentalness')
  instrumentalness!: number;

  @ApiProperty({ enum: [0, 1], example: 0, description: '0/1 or false/true' })
  @Transform(toExplicit)
  @IsIn([0, 1], { message: 'explicit must be 0, 1, true or false' })
  @required('explicit')
  explicit!: number;

  @AudioFeature('loudness')
  loudness!: number;

  @AudioFeature('tempo')
  tempo!: number;

  @ApiProperty({ enum: [0, 1], example: 1, description: '1 major, 0 minor' })
  @IsInt({ message: 'mode must be 0 or 1' })
  @IsIn([0, 1], { message: 'mode must be 0 or 1' })
  @required('mode')
  mode!: number;
}

/** Calibrated when the model version has a calibration (see `calibrated`), else the forest's raw probabilities. */
export class PredictionProbabilitiesDto {
  @ApiProperty({ minimum: 0, maximum: 1 }) HIT!: number;
  @ApiProperty({ minimum: 0, maximum: 1 }) FLOP!: number;
}

export class ManualPredictionResultDto {
  @ApiProperty({ enum: ['HIT', 'FLOP'] }) prediction!: 'HIT' | 'FLOP';
  @ApiProperty({ description: 'Calibrated probability of the predicted class, 0–100, two decimals', example: 73.5 }) confidence!: number;
  @ApiProperty({ type: PredictionProbabilitiesDto }) probabilities!: PredictionProbabilitiesDto;
  @ApiProperty({ example: '20261123-072401-349' }) model_version!: string;
  @ApiProperty({ minimum: 0, maximum: 1, example: 0.702, description: RAW_PROBABILITY_DESCRIPTION }) raw_probability!: number;
  @ApiProperty({ description: CALIBRATED_DESCRIPTION }) calibrated!: boolean;
  @ApiProperty({ type: ExplanationDto, nullable: true, description: EXPLANATION_DESCRIPTION }) explanation!: ExplanationDto | null;
}
