import { describe, expect, it } from 'vitest';
import { FEATURE_RANGES } from '../../../src/vocabulary/audio-features.js';
import { DEFAULT_FEATURES, FEATURES, invalidFeatures, scalePosition } from '../../../web/src/lib/features.js';

describe('SPA feature specs', () => {
  it('covers the ten model features, in the API’s ranges', () => {
    expect(FEATURES.map((spec) => spec.name).sort()).toEqual([
      'acousticness',
      'danceability',
      'duration_ms',
      'energy',
      'explicit',
      'instrumentalness',
      'loudness',
      'mode',
      'tempo',
      'valence',
    ]);
    expect(FEATURES.find((spec) => spec.name === 'loudness')).toMatchObject({ min: -60, max: 5 });
  });

  it('accepts what the API accepts: the ranges of validation and import', () => {
    const range = (name: string) => {
      const spec = FEATURES.find((feature) => feature.name === name)!;
      return [spec.min, spec.max];
    };
    const { danceability, energy, valence, acousticness, instrumentalness, loudness, tempo, durationMs, mode } = FEATURE_RANGES;
    expect([range('danceability'), range('energy'), range('valence'), range('acousticness'), range('instrumentalness')]).toEqual([
      danceability,
      energy,
      valence,
      acousticness,
      instrumentalness,
    ]);
    expect([range('loudness'), range('tempo'), range('duration_ms'), range('mode')]).toEqual([loudness, tempo, durationMs, mode]);
  });

  it('places a value on its feature’s scale, clamped to 0–1', () => {
    expect([scalePosition('tempo', 125), scalePosition('tempo', 20), scalePosition('loudness', 3), scalePosition('energy', Number.NaN)]).toEqual([
      0.5, 0, 1, 0,
    ]);
  });

  it('starts manual mode with valid features', () => {
    expect(invalidFeatures(DEFAULT_FEATURES)).toEqual([]);
  });

  it('names features that are out of range or missing', () => {
    const { tempo: _, ...withoutTempo } = DEFAULT_FEATURES;
    expect(invalidFeatures({ ...withoutTempo, energy: 1.2, duration_ms: 0 })).toEqual(['energy', 'tempo', 'duration_ms']);
  });
});
