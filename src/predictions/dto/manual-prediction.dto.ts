import { ApiProperty } from '@nestjs/swagger';
import { Transform } from 'class-transformer';
import { IsDefined, IsIn, IsInt, IsNumber, Max, Min } from 'class-validator';
import { FEATURE_RANGES } from '../../songs/import/song-record.js';

/** explicit as the original accepted it: 0/1, true/false (also as strings). */
const toExplicit = ({ value }: { value: unknown }) => {
  if (value === true || value === 1 || value === '1' || value === 'true') return 1;
  if (value === false || value === 0 || value === '0' || value === 'false') return 0;
  return value;
};

/** Goes last (bottom-most) on a property: class-validator checks the decorators applied first first. */
const required = (name: string) => IsDefined({ message: `${name} is required` });

/** The ranges an import accepts: a song the dataset can hold can be predicted. */
const { durationMs, loudness, tempo } = FEATURE_RANGES;

const ratio = (name: string, description: string) => {
  // Applied in this order, and class-validator checks in the order applied: "is required" first.
  const decorators = [
    required(name),
    ApiProperty({ minimum: 0, maximum: 1, example: 0.6, description }),
    IsNumber({ allowNaN: false, allowInfinity: false }, { message: `${name} must be a number` }),
    Min(0),
    Max(1),
  ];
  return (target: object, key: string) => decorators.forEach((decorator) => decorator(target, key));
};

/** The ten audio features of the hit model, each required and range-checked. */
export class ManualPredictionDto {
  @ApiProperty({ minimum: durationMs[0], maximum: durationMs[1], example: 210_000, description: 'Track length in milliseconds' })
  @IsNumber({ allowNaN: false, allowInfinity: false }, { message: 'duration_ms must be a number' })
  @Min(durationMs[0])
  @Max(durationMs[1])
  @required('duration_ms')
  duration_ms!: number;

  @ratio('danceability', 'How suitable for dancing, 0–1')
  danceability!: number;

  @ratio('energy', 'Perceived intensity, 0–1')
  energy!: number;

  @ratio('valence', 'Musical positiveness, 0–1')
  valence!: number;

  @ratio('acousticness', 'Confidence the track is acoustic, 0–1')
  acousticness!: number;

  @ratio('instrumentalness', 'Confidence the track has no vocals, 0–1')
  instrumentalness!: number;

  @ApiProperty({ enum: [0, 1], example: 0, description: '0/1 or false/true' })
  @Transform(toExplicit)
  @IsIn([0, 1], { message: 'explicit must be 0, 1, true or false' })
  @required('explicit')
  explicit!: number;

  @ApiProperty({ minimum: loudness[0], maximum: loudness[1], example: -6.5, description: 'Overall loudness in dB' })
  @IsNumber({ allowNaN: false, allowInfinity: false }, { message: 'loudness must be a number' })
  @Min(loudness[0])
  @Max(loudness[1])
  @required('loudness')
  loudness!: number;

  @ApiProperty({ minimum: tempo[0], maximum: tempo[1], example: 120, description: 'Beats per minute' })
  @IsNumber({ allowNaN: false, allowInfinity: false }, { message: 'tempo must be a number' })
  @Min(tempo[0])
  @Max(tempo[1])
  @required('tempo')
  tempo!: number;

  @ApiProperty({ enum: [0, 1], example: 1, description: '1 major, 0 minor' })
  @IsInt({ message: 'mode must be 0 or 1' })
  @IsIn([0, 1], { message: 'mode must be 0 or 1' })
  @required('mode')
  mode!: number;
}

export class PredictionProbabilitiesDto {
  @ApiProperty({ minimum: 0, maximum: 1 }) HIT!: number;
  @ApiProperty({ minimum: 0, maximum: 1 }) FLOP!: number;
}

export class ManualPredictionResultDto {
  @ApiProperty({ enum: ['HIT', 'FLOP'] }) prediction!: 'HIT' | 'FLOP';
  @ApiProperty({ description: 'Probability of the predicted class, 0–100, two decimals', example: 73.5 }) confidence!: number;
  @ApiProperty({ type: PredictionProbabilitiesDto }) probabilities!: PredictionProbabilitiesDto;
  @ApiProperty({ example: '20261123-072401-349' }) model_version!: string;
}
