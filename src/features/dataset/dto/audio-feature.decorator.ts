import { applyDecorators } from '@nestjs/common';
import { ApiProperty, ApiPropertyOptional, type ApiPropertyOptions } from '@nestjs/swagger';
import { IsDefined, IsInt, IsNumber, Max, Min } from 'class-validator';
import { Omittable } from '../../../platform/common/http/validation.js';
import { AUDIO_FEATURES, documentedMeaning, type AudioFeatureName, type AudioFeatureSpec } from '../../../vocabulary/audio-features.js';

/**
 * Validates and documents one audio feature of the vocabulary (AUDIO_FEATURES): a finite number (a whole one
 * where the feature is), within its range. Required unless `optional`, when leaving it out
 * changes nothing.
 */
export function AudioFeature(name: AudioFeatureName, { optional = false } = {}): PropertyDecorator {
  const spec: AudioFeatureSpec = AUDIO_FEATURES[name];
  const { range, integer, example } = spec;
  const [minimum, maximum] = range;
  const documented: ApiPropertyOptions = { type: integer ? 'integer' : 'number', minimum, maximum, example, description: documentedMeaning(spec) };
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
