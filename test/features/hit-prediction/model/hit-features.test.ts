import { describe, expect, it } from 'vitest';
import { DEFAULT_HIT_FEATURES, featureRow, parseFeatureList, type SongFeatures } from '../../../../src/features/hit-prediction/model/hit-features.js';

const song: SongFeatures = {
  durationMs: 200_000,
  danceability: 0.5,
  energy: 0.6,
  valence: 0.7,
  acousticness: 0.1,
  instrumentalness: 0,
  explicit: true,
  loudness: -5,
  tempo: 120,
  mode: 1,
  speechiness: 0.05,
  liveness: 0.1,
  key: 5,
  timeSignature: 4,
};

describe('hit model features', () => {
  it('defaults to the original ten, in its order', () => {
    expect(DEFAULT_HIT_FEATURES).toEqual([
      'duration_ms',
      'danceability',
      'energy',
      'valence',
      'acousticness',
      'instrumentalness',
      'explicit',
      'loudness',
      'tempo',
      'mode',
    ]);
  });

  it('turns a song into a numeric row, explicit as 1', () => {
    expect(featureRow(song, DEFAULT_HIT_FEATURES)).toEqual([200_000, 0.5, 0.6, 0.7, 0.1, 0, 1, -5, 120, 1]);
  });

  it('parses a feature list and names unknown features', () => {
    expect(parseFeatureList('energy, tempo,key')).toEqual(['energy', 'tempo', 'key']);
    expect(() => parseFeatureList('energy,bpm')).toThrow(/Unknown features: bpm/);
    expect(() => parseFeatureList('energy,energy')).toThrow(/twice/);
  });
});
