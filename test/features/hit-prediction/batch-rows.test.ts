import { describe, expect, it } from 'vitest';
import type { HitPrediction } from '../../../src/features/hit-prediction/model/hit-probabilities.js';
import { batchResults, checkBatchRows, checkBatchRowsInSlices, listedRows } from '../../../src/features/hit-prediction/batch/batch-rows.js';
import { packedRows, packRows } from '../../../src/features/hit-prediction/batch/packed-rows.js';
import { MANUAL_SONG_FEATURES } from '../../support/hit-song-features.js';

const song = {
  duration_ms: 210_000,
  danceability: 0.8,
  energy: 0.7,
  valence: 0.6,
  acousticness: 0.1,
  instrumentalness: 0,
  explicit: 'true',
  loudness: -5,
  tempo: 120,
  mode: 1,
};

const prediction = (hit: number): HitPrediction => ({
  isHit: hit > 0.5,
  prediction: hit > 0.5 ? 'HIT' : 'FLOP',
  confidence: Math.max(hit, 1 - hit) * 100,
  probabilities: { HIT: hit, FLOP: 1 - hit },
  modelVersion: 'v',
  rawProbability: hit,
  calibrated: false,
});

const FEATURES = ['tempo', 'explicit', 'loudness'];

describe('checking the rows of a batch', () => {
  it('writes the valid rows in order as the model takes them: its features, explicit as 0/1', () => {
    const { validRows, features, errors, valid } = checkBatchRows(listedRows([song, { ...song, explicit: false, tempo: 90.5 }]), FEATURES);
    expect(errors).toEqual([]);
    expect(validRows).toBe(2);
    expect([...features]).toEqual([120, 1, -5, 90.5, 0, -5]);
    expect(valid).toEqual([]);
  });

  it('names each bad row by its index and its bad fields, and leaves it out of the features', () => {
    const rows = [song, { ...song, tempo: 400, mode: 0.5 }, 'nonsense', { ...song, extra: 1 }, null, [song], { ...song, tempo: 60 }];
    const { validRows, features, errors } = checkBatchRows(listedRows(rows), FEATURES);
    expect(validRows).toBe(2);
    expect([...features]).toEqual([120, 1, -5, 60, 1, -5]);
    expect(errors).toEqual([
      [1, 'tempo must not be greater than 300; mode must be 0 or 1'],
      [2, 'row must be an object of the ten features'],
      [3, 'extra is not an allowed field'],
      [4, 'row must be an object of the ten features'],
      [5, 'row must be an object of the ten features'],
    ]);
  });

  it('keeps the valid rows themselves when asked, as an explained batch needs them', () => {
    const { valid } = checkBatchRows(listedRows([song, 'nonsense', { ...song, explicit: 0 }]), FEATURES, { keepValid: true });
    expect(valid).toEqual([
      { ...song, explicit: 1 },
      { ...song, explicit: 0 },
    ]);
  });
});

describe('checking packed rows', () => {
  const packed = packRows([MANUAL_SONG_FEATURES, { ...MANUAL_SONG_FEATURES, tempo: 400 }, { ...MANUAL_SONG_FEATURES, explicit: 1, tempo: 95 }])!;

  it('writes rows of numbers it vouches for as they are, and still names a bad row’s field as class-validator does', () => {
    const { validRows, features, errors } = checkBatchRows(packedRows(packed), FEATURES);
    expect(validRows).toBe(2);
    expect([...features]).toEqual([120, 0, -5, 95, 1, -5]);
    expect(errors).toEqual([[1, 'tempo must not be greater than 300']]);
  });

  it('checks in slices the same rows as at once, letting other work run between the slices', async () => {
    let ranBetween = false;
    setImmediate(() => (ranBetween = true));
    const sliced = await checkBatchRowsInSlices(packedRows(packed), FEATURES, 1);
    expect(ranBetween).toBe(true);
    expect(sliced).toEqual(checkBatchRows(packedRows(packed), FEATURES));
  });
});

describe('the results of a batch', () => {
  it('puts each bad row’s error in its place and the predictions of the others in order', () => {
    const results = batchResults(
      4,
      [
        [1, 'tempo is required'],
        [3, 'row must be an object of the ten features'],
      ],
      [prediction(0.9), prediction(0.2)],
    );
    expect(results).toEqual([
      { prediction: 'HIT', confidence: 90, probabilities: { HIT: 0.9, FLOP: 1 - 0.9 }, raw_probability: 0.9 },
      { error: 'tempo is required' },
      { prediction: 'FLOP', confidence: 80, probabilities: { HIT: 0.2, FLOP: 0.8 }, raw_probability: 0.2 },
      { error: 'row must be an object of the ten features' },
    ]);
  });
});
