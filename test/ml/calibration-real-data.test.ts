import { beforeAll, expect, it } from 'vitest';
import { loadConfig } from '../../src/platform/config/app-config.js';
import { DEFAULT_HIT_FEATURES, featureRow, HIT_TRAINING_DEFAULTS } from '../../src/features/hit-prediction/model/hit-features.js';
import { hitModelExplanations } from '../../src/features/hit-prediction/model/hit-model-explanations.js';
import type { ModelCalibration } from '../../src/platform/models/model-card.js';
import { trainRandomForestWithOutOfBag } from '../../src/ml/random-forest.js';
import { stratifiedSplit, takeRows } from '../../src/ml/split.js';
import { readSongRecords } from '../../src/features/dataset/import/csv-file.js';
import { describeWithHitPredictorData, hitPredictorFiles } from '../support/shared-data.js';

describeWithHitPredictorData('calibrating the hit forest on the real hit-predictor files', () => {
  let report: ModelCalibration;

  beforeAll(async () => {
    // The trainer's data, split and settings, and its calibration (hitModelExplanations, what the
    // card reports): fitted on out-of-bag scores of the training rows, measured on the held-out 20 %.
    const songs = await readSongRecords(hitPredictorFiles, loadConfig({}).HIT_POPULARITY_THRESHOLD);
    const featureCount = DEFAULT_HIT_FEATURES.length;
    const x = new Float32Array(songs.length * featureCount);
    songs.forEach((song, row) => x.set(featureRow(song, DEFAULT_HIT_FEATURES), row * featureCount));
    const y = Int32Array.from(songs, (song) => (song.isHit ? 1 : 0));
    const split = stratifiedSplit(y, HIT_TRAINING_DEFAULTS.testFraction, HIT_TRAINING_DEFAULTS.seed);
    const trainY = Int32Array.from(split.train, (row) => y[row]!);
    const { model, outOfBag } = await trainRandomForestWithOutOfBag(takeRows(x, featureCount, split.train), trainY, {
      classes: [0, 1],
      nEstimators: HIT_TRAINING_DEFAULTS.trees,
      minSamplesLeaf: HIT_TRAINING_DEFAULTS.minSamplesLeaf,
      seed: HIT_TRAINING_DEFAULTS.seed,
      workers: 2,
    });
    const { calibration } = hitModelExplanations({
      model,
      features: DEFAULT_HIT_FEATURES,
      train: { x: takeRows(x, featureCount, split.train), y: trainY },
      outOfBag,
      test: { x: takeRows(x, featureCount, split.test), y: Int32Array.from(split.test, (row) => y[row]!) },
    });
    report = calibration!;
  });

  it('has a calibrated expected calibration error of at most 0.03 on the held-out rows', () => {
    expect(report.ece_after).toBeLessThanOrEqual(0.03);
  });

  it('is not less calibrated than the raw forest on the held-out rows', () => {
    expect(report.ece_after).toBeLessThanOrEqual(report.ece_before);
  });

  it('reports a 10-bin reliability table covering every held-out row', () => {
    expect(report.reliability).toHaveLength(10);
    expect(report.reliability.reduce((sum, bin) => sum + bin.count, 0)).toBe(report.rows);
  });
});
