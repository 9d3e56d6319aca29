import { describe, expect, it } from 'vitest';
import { AUDIO_FEATURE_FIELDS, AUDIO_FEATURES, documentedMeaning, FEATURE_RANGES, isAcoustic, isInstrumental } from '../../src/vocabulary/audio-features.js';

describe('FEATURE_RANGES', () => {
  it('bounds the 0…1 features to the unit interval', () => {
    for (const feature of ['danceability', 'energy', 'valence', 'acousticness', 'instrumentalness', 'speechiness', 'liveness', 'mode'] as const) {
      expect(FEATURE_RANGES[feature], feature).toEqual([0, 1]);
    }
  });

  it('bounds loudness, tempo, duration, key and time signature', () => {
    expect(FEATURE_RANGES.loudness).toEqual([-60, 5]);
    expect(FEATURE_RANGES.tempo).toEqual([0, 300]);
    expect(FEATURE_RANGES.durationMs).toEqual([1, 21_600_000]);
    expect(FEATURE_RANGES.key).toEqual([-1, 11]);
    expect(FEATURE_RANGES.timeSignature).toEqual([0, 7]);
  });
});

describe('AUDIO_FEATURES', () => {
  it('names the stored field of every feature, the flag explicit included', () => {
    expect(AUDIO_FEATURE_FIELDS).toMatchObject({ duration_ms: 'durationMs', time_signature: 'timeSignature', explicit: 'explicit' });
    expect(Object.keys(FEATURE_RANGES)).not.toContain('explicit');
  });

  it("documents a unit, codes or a ratio's range with what a feature measures", () => {
    expect(documentedMeaning(AUDIO_FEATURES.duration_ms)).toBe('Track length in milliseconds');
    expect(documentedMeaning(AUDIO_FEATURES.mode)).toBe('Major or minor key: 1 major, 0 minor');
    expect(documentedMeaning(AUDIO_FEATURES.energy)).toBe('Perceived intensity, 0–1');
    expect(documentedMeaning(AUDIO_FEATURES.tempo)).toBe('Beats per minute');
  });
});

describe('isAcoustic', () => {
  it('is true only when acousticness is above 0.5', () => {
    expect(isAcoustic({ acousticness: 0.51 })).toBe(true);
    expect(isAcoustic({ acousticness: 1 })).toBe(true);
    expect(isAcoustic({ acousticness: 0.5 })).toBe(false);
    expect(isAcoustic({ acousticness: 0 })).toBe(false);
  });
});

describe('isInstrumental', () => {
  it('is true only when instrumentalness is above 0.5', () => {
    expect(isInstrumental({ instrumentalness: 0.9 })).toBe(true);
    expect(isInstrumental({ instrumentalness: 0.5 })).toBe(false);
    expect(isInstrumental({ instrumentalness: 1.05e-6 })).toBe(false);
  });
});
