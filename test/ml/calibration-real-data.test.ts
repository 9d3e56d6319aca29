import { beforeAll, expect, it } from 'vitest';
import { loadConfig } from '../../src/platform/config/app-config.js';
import { DEFAULT_HIT_FEATURES, featureRow, HIT_TRAINING_DEFAULTS } from '../../src/features/hit-prediction/model/hit-features.js';
import { type CalibrationReport, calibrationReport, chooseCalibration } from '../../src/ml/calibration.js';
import { predictProbabilities } from '../../src/ml/forest.js';
import { trainRandomForestWithOutOfBag } from '../../src/ml/random-forest.js';
import { stratifiedSplit, takeRows } from '../../src/ml/split.js';
import { readSongRecords } from '../../src/features/dataset/import/csv-file.js';
import { describeWithHitPredictorData, hitPredictorFiles } from '../support/shared-data.js';

describeWithHitPredictorData('calibrating the hit forest on the real hit-predictor files', () => {
  let report: CalibrationReport;

  beforeAll(async () => {
    // The trainer's data, split and settings: calibrated on out-of-bag scores of the training
    // rows, measured on the held-out 20 %.
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
    const oobHit = Float64Array.from(trainY, (_, row) => outOfBag![row * 2 + 1]!);
    const { calibration } = chooseCalibration(oobHit, trainY);
    const rawTest = predictProbabilities(model, takeRows(x, featureCount, split.test), split.test.length).filter((_, i) => i % 2 === 1);
    report = calibrationReport(
      calibration,
      rawTest,
      Int32Array.from(split.test, (row) => y[row]!),
    );
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
