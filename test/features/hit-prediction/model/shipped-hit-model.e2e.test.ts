import { existsSync } from 'node:fs';
import { readdir, readFile } from 'node:fs/promises';
import { join } from 'node:path';
import request from 'supertest';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { HitModelTrainerService } from '../../../../src/features/hit-prediction/model/hit-model-trainer.service.js';
import { HitPredictorService } from '../../../../src/features/hit-prediction/model/hit-predictor.service.js';
import { OnnxForest } from '../../../../src/ml/onnx-model.js';
import type { HitModelCard } from '../../../../src/platform/models/model-card.js';
import type { ModelMetadata } from '../../../../src/generated/prisma/client.js';
import { ModelRegistryService, SHIPPED_MODELS_DIR } from '../../../../src/platform/models/model-registry.service.js';
import { readSongRecords } from '../../../../src/features/dataset/import/csv-file.js';
import { featureRow, type HitFeature } from '../../../../src/features/hit-prediction/model/hit-features.js';
import { describeWithHitPredictorData, hitPredictorFiles } from '../../../support/shared-data.js';
import { createTestApp, type TestApp } from '../../../support/test-app.js';

const shippedCard = async (): Promise<HitModelCard> => {
  const [file] = (await readdir(SHIPPED_MODELS_DIR)).filter((name) => name.startsWith('hit-') && name.endsWith('.json'));
  return JSON.parse(await readFile(join(SHIPPED_MODELS_DIR, file!), 'utf8')) as HitModelCard;
};

describe('the hit model that ships in models/pretrained', () => {
  let t: TestApp;
  beforeAll(async () => {
    t = await createTestApp();
  });
  afterAll(() => t.close());

  it('is one version, with its ONNX file, trained on the four real hit-predictor files and not on synthetic data', async () => {
    const files = (await readdir(SHIPPED_MODELS_DIR)).filter((name) => name.startsWith('hit-'));
    const card = await shippedCard();
    expect(files.sort()).toEqual([`hit-${card.version}.json`, `hit-${card.version}.onnx`]);
    expect(card).toMatchObject({
      synthetic_data: false,
      data_source: expect.stringMatching(/^CSV dataset-of-60s\.csv, dataset-of-70s\.csv, dataset-of-80s\.csv, dataset-of-90s\.csv \(28,530 tracks\)$/),
      training_command: expect.stringMatching(
        /^npm run train -- --csv dataset-of-60s\.csv --csv dataset-of-70s\.csv --csv dataset-of-80s\.csv --csv dataset-of-90s\.csv /,
      ),
    });
  });

  it('is registered, copied into the models folder and activated on a fresh install, and predicts', async () => {
    const card = await t.app.get(HitModelTrainerService).activateShippedOrTrain();
    expect(card?.version).toBe((await shippedCard()).version);
    expect(existsSync(join(t.modelsDir, `hit-${card!.version}.onnx`))).toBe(true);
    await t.app.get(HitPredictorService).reload();
    const { body } = await request(t.http).get('/api/models/active').expect(200);
    expect(body).toMatchObject({ version: card!.version, synthetic_data: false });
    const features = {
      duration_ms: 210_000,
      danceability: 0.7,
      energy: 0.6,
      valence: 0.6,
      acousticness: 0.2,
      instrumentalness: 0,
      explicit: false,
      loudness: -6,
      tempo: 118,
      mode: 1,
    };
    const prediction = await request(t.http).post('/api/predict/manual/').send(features).expect(200);
    expect(prediction.body.model_version).toBe(card!.version);
    expect(prediction.body).toMatchObject({ calibrated: true, explanation: { contributions: expect.any(Array) } });
  });

  it('is not activated again once a hit model is active', async () => {
    expect(await t.app.get(HitModelTrainerService).activateShippedOrTrain()).toBeUndefined();
    expect(await t.app.get(ModelRegistryService).list('hit')).toHaveLength(1);
  });
});

describeWithHitPredictorData('the shipped hit model against its own training command, on the real files', () => {
  let t: TestApp;
  let shipped: HitModelCard;
  let again: HitModelCard;
  let row: ModelMetadata;
  beforeAll(async () => {
    t = await createTestApp();
    shipped = await shippedCard();
    ({ card: again, row } = await t.app.get(HitModelTrainerService).train({ csv: hitPredictorFiles, activate: false }));
  }, 120_000);
  afterAll(() => t.close());

  it('is the forest the trainer makes again from the same files and settings', async () => {
    expect(again.training_command).toBe(shipped.training_command);
    expect(again.metrics.roc_auc).toBe(shipped.metrics.roc_auc);
    expect(again.metrics.confusion_matrix).toEqual(shipped.metrics.confusion_matrix);

    const songs = (await readSongRecords(hitPredictorFiles, 50)).slice(0, 2_000);
    const features = shipped.features.map((feature) => feature.name as HitFeature);
    const x = new Float32Array(songs.length * features.length);
    songs.forEach((song, i) => x.set(featureRow(song, features), i * features.length));
    const [shippedForest, retrained] = await Promise.all([
      OnnxForest.load(join(SHIPPED_MODELS_DIR, `hit-${shipped.version}.onnx`)),
      OnnxForest.load(t.app.get(ModelRegistryService).onnxPath(row)),
    ]);
    const [a, b] = await Promise.all([shippedForest.run(x, songs.length), retrained.run(x, songs.length)]);
    await Promise.all([shippedForest.release(), retrained.release()]);
    expect(Math.max(...a.map((value, i) => Math.abs(value - b[i]!)))).toBeLessThan(1e-6);
  });

  it('has a calibrated expected calibration error of at most 0.03 on the held-out songs, not worse than the raw forest’s, and its card reports both', () => {
    expect(again.calibration!.rows).toBe(again.test_rows);
    expect(again.calibration!.ece_after).toBeLessThanOrEqual(0.03);
    expect(again.calibration!.ece_after).toBeLessThanOrEqual(again.calibration!.ece_before);
    expect(shipped.calibration).toEqual(again.calibration);
  });

  it('ships the global importance the trainer measures again', () => {
    expect(shipped.importance).toEqual(again.importance);
  });
});
