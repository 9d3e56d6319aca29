import { applyDecorators } from '@nestjs/common';
import { ApiProperty, ApiPropertyOptional, type ApiPropertyOptions } from '@nestjs/swagger';
import { IsDefined, IsInt, IsNumber, Max, Min } from 'class-validator';
import { Omittable } from '../../common/http/validation.js';
import { FEATURE_RANGES } from '../import/song-record.js';

interface AudioFeatureSpec {
  range: readonly [number, number];
  integer: boolean;
  description: string;
  example: number;
}

const ratio = (description: string, example: number): AudioFeatureSpec => ({ range: [0, 1], integer: false, description: `${description}, 0–1`, example });

/** Spotify's audio features as the API names them: the ranges a song of the dataset can hold, and what each means. */
export const AUDIO_FEATURES = {
  duration_ms: { range: FEATURE_RANGES.durationMs, integer: true, description: 'Track length in milliseconds', example: 210_000 },
  danceability: ratio('How suitable for dancing', 0.6),
  energy: ratio('Perceived intensity', 0.6),
  valence: ratio('Musical positiveness', 0.5),
  acousticness: ratio('Confidence the track is acoustic', 0.2),
  instrumentalness: ratio('Confidence the track has no vocals', 0),
  speechiness: ratio('Presence of spoken words', 0.05),
  liveness: ratio('Presence of an audience', 0.1),
  loudness: { range: FEATURE_RANGES.loudness, integer: false, description: 'Overall loudness in dB', example: -6.5 },
  tempo: { range: FEATURE_RANGES.tempo, integer: false, description: 'Beats per minute', example: 120 },
  mode: { range: FEATURE_RANGES.mode, integer: true, description: '1 major, 0 minor', example: 1 },
  key: { range: FEATURE_RANGES.key, integer: true, description: 'Pitch class, 0 = C … 11 = B; -1 when none was detected', example: 5 },
  time_signature: { range: FEATURE_RANGES.timeSignature, integer: true, description: 'Beats per bar', example: 4 },
} as const satisfies Record<string, AudioFeatureSpec>;

export type AudioFeatureName = keyof typeof AUDIO_FEATURES;

/**
 * Validates and documents one audio feature from AUDIO_FEATURES: a finite number (a whole one
 * where the feature is), within its range. Required unless `optional`, when leaving it out
 * changes nothing.
 */
export function AudioFeature(name: AudioFeatureName, { optional = false } = {}): PropertyDecorator {
  const { range, integer, description, example } = AUDIO_FEATURES[name];
  const [minimum, maximum] = range;
  const documented: ApiPropertyOptions = { type: integer ? 'integer' : 'number', minimum, maximum, example, description };
  return applyDecorators(
    optional ? ApiPropertyOptional(documented) : ApiProperty(documented),
    optional ? Omittable() : IsDefined({ message: `${name} is required` }),
    integer
      ? IsInt({ message: `${name} must be a whole number from ${minimum} to ${maximum}` })
      : IsNumber({ allowNaN: false, allowInfinity: false }, { message: `${name} must be a number` }),
    Min(minimum),
    Max(maximum),
  );
}
