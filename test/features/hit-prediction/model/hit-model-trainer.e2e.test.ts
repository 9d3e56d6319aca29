import { existsSync } from 'node:fs';
import { readFile } from 'node:fs/promises';
import { join } from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { AppConfig } from '../../../../src/platform/config/app-config.js';
import { HitModelTrainerService } from '../../../../src/features/hit-prediction/model/hit-model-trainer.service.js';
import { formatTrainingReport } from '../../../../src/features/hit-prediction/model/training-report.js';
import { OnnxForest } from '../../../../src/ml/onnx-model.js';
import { readForestFromOnnx } from '../../../../src/ml/onnx-forest-reader.js';
import type { HitModelCard } from '../../../../src/platform/models/model-card.js';
import { ModelRegistryService } from '../../../../src/platform/models/model-registry.service.js';
import { DemoSongsService } from '../../../../src/features/dataset/demo/demo-songs.service.js';
import { createTestApp, type TestApp } from '../../../support/test-app.js';

describe('training the hit model on the demo songs', () => {
  let t: TestApp;
  let trainer: HitModelTrainerService;
  let registry: ModelRegistryService;
  beforeAll(async () => {
    t = await createTestApp();
    trainer = t.app.get(HitModelTrainerService);
    registry = t.app.get(ModelRegistryService);
  });
  afterAll(() => t.close());

  it('refuses to train without hits and flops to learn from', async () => {
    await expect(trainer.train({ trees: 5 })).rejects.toThrow(/needs hits and flops.*Import songs first/);
  });

  it('trains, evaluates, saves the ONNX file and model card, and activates the version', async () => {
    await t.app.get(DemoSongsService).import(2000);
    const { card, row } = await trainer.train({ trees: 20, seed: 1 });
    expect(card).toMatchObject({ name: 'hit', classes: ['FLOP', 'HIT'], training_rows: 1600, test_rows: 400, synthetic_data: true });
    expect(card.features.map((feature) => feature.name)).toEqual([
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
    expect(card.metrics.roc_auc).toBeGreaterThan(0.7); // the demo label depends on the features
    expect(card.metrics.onnx_max_difference).toBeLessThan(1e-5);
    expect(Object.values(card.metrics.feature_importances).reduce((a, b) => a + b, 0)).toBeCloseTo(1, 6);
    expect(card.metrics.confusion_matrix.flat().reduce((a, b) => a + b, 0)).toBe(400);
    const modelsDir = t.app.get(AppConfig).modelsDir;
    expect(existsSync(join(modelsDir, `hit-${card.version}.onnx`))).toBe(true);
    expect(await registry.readCard(row)).toEqual(card);
    expect(await registry.active('hit')).toMatchObject({ modelVersion: card.version, isActive: true, rocAuc: card.metrics.roc_auc });
    expect(formatTrainingReport(card)).toContain(`ROC AUC      ${card.metrics.roc_auc.toFixed(4)}`);
  });

  it('stores the calibration and the global importance in the card, and the training rows’ node cover in the ONNX file', async () => {
    const row = (await registry.active('hit'))!;
    const card = (await registry.readCard(row)) as HitModelCard;
    expect(card.calibration).toMatchObject({ rows: card.test_rows, fit: { method: card.calibration!.method } });
    expect(card.calibration!.reliability.reduce((sum, bin) => sum + bin.count, 0)).toBe(card.test_rows);
    expect(card.importance!.map((item) => item.feature).sort()).toEqual(card.features.map((feature) => feature.name).sort());
    const { model, cover } = readForestFromOnnx(await readFile(registry.onnxPath(row)));
    // Every training row reaches each tree's root.
    expect(cover!.map((treeCover) => treeCover[0])).toEqual(model.trees.map(() => card.training_rows));
    expect(formatTrainingReport(card)).toContain('expected calibration error');
  });

  it('keeps exactly one active version as versions are trained and activated', async () => {
    const first = (await registry.active('hit'))!;
    const { card } = await trainer.train({ trees: 5, activate: false });
    expect((await registry.active('hit'))!.modelVersion).toBe(first.modelVersion);
    await registry.activate('hit', card.version);
    const rows = await registry.list('hit');
    expect(rows.filter((row) => row.isActive).map((row) => row.modelVersion)).toEqual([card.version]);
    await expect(registry.activate('hit', 'no-such-version')).rejects.toThrow(/No hit model version no-such-version/);
  });

  it('saves an ONNX model that onnxruntime loads and that gives one distribution per row', async () => {
    const row = (await registry.active('hit'))!;
    const forest = await OnnxForest.load(registry.onnxPath(row));
    expect(forest.featureCount).toBe(10);
    const features = Float32Array.from([210_000, 0.8, 0.7, 0.6, 0.1, 0, 0, -5, 120, 1, 400_000, 0.2, 0.2, 0.1, 0.9, 0.8, 0, -25, 70, 0]);
    const probabilities = await forest.run(features, 2);
    await forest.release();
    expect(probabilities).toHaveLength(4);
    for (const row of [0, 1]) {
      expect(probabilities[row * 2]! + probabilities[row * 2 + 1]!).toBeCloseTo(1, 5);
      expect(Math.min(probabilities[row * 2]!, probabilities[row * 2 + 1]!)).toBeGreaterThanOrEqual(0);
    }
  });
});
