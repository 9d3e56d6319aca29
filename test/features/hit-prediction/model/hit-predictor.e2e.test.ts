import { ServiceUnavailableException } from '@nestjs/common';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { HitModelTrainerService } from '../../../../src/features/hit-prediction/model/hit-model-trainer.service.js';
import { HitPredictorService } from '../../../../src/features/hit-prediction/model/hit-predictor.service.js';
import { newModelVersion } from '../../../../src/platform/models/model-card.js';
import { ModelRegistryService } from '../../../../src/platform/models/model-registry.service.js';
import { DemoSongsService } from '../../../../src/features/dataset/demo/demo-songs.service.js';
import { createTestApp, type TestApp } from '../../../support/test-app.js';

const song = {
  duration_ms: 210_000,
  danceability: 0.8,
  energy: 0.7,
  valence: 0.6,
  acousticness: 0.1,
  instrumentalness: 0,
  explicit: false,
  loudness: -5,
  tempo: 120,
  mode: 1,
};

async function eventually(check: () => boolean, timeoutMs = 5000): Promise<void> {
  const deadline = Date.now() + timeoutMs;
  while (!check()) {
    if (Date.now() > deadline) throw new Error('timed out');
    await new Promise((resolve) => setTimeout(resolve, 25));
  }
}

describe('predicting with the active hit model', () => {
  let t: TestApp;
  let predictor: HitPredictorService;
  let trainer: HitModelTrainerService;
  let registry: ModelRegistryService;
  beforeAll(async () => {
    t = await createTestApp();
    predictor = t.app.get(HitPredictorService);
    trainer = t.app.get(HitModelTrainerService);
    registry = t.app.get(ModelRegistryService);
    await t.app.get(DemoSongsService).import(1500);
  });
  afterAll(() => t.close());

  it('answers 503 with how to train while no model exists', async () => {
    const error = await predictor.predict(song).catch((caught: unknown) => caught);
    expect(error).toBeInstanceOf(ServiceUnavailableException);
    expect((error as Error).message).toMatch(/No hit model is available: no hit model has been trained\. Train one with "npm run train"/);
  });

  it('picks up a newly activated model by itself (LISTEN/NOTIFY) and predicts', async () => {
    const { card } = await trainer.train({ trees: 10, seed: 3 });
    await eventually(() => predictor.card?.version === card.version);
    const prediction = await predictor.predict(song);
    expect(prediction.modelVersion).toBe(card.version);
    expect(prediction.probabilities.HIT + prediction.probabilities.FLOP).toBeCloseTo(1, 5);
    expect(prediction.prediction).toBe(prediction.probabilities.HIT > prediction.probabilities.FLOP ? 'HIT' : 'FLOP');
    expect(prediction.confidence).toBeCloseTo(100 * Math.max(prediction.probabilities.HIT, prediction.probabilities.FLOP), 2);
  });

  it('gives the same answers for a batch as one by one', async () => {
    const rows = [song, { ...song, acousticness: 0.95, energy: 0.1, loudness: -25 }, { ...song, explicit: true }];
    const batch = await predictor.predictMany(rows, { explain: true });
    const single = await Promise.all(rows.map((row) => predictor.predict(row)));
    expect(batch).toEqual(single);
  });

  it('names a missing feature', async () => {
    const { tempo: _tempo, ...withoutTempo } = song;
    await expect(predictor.predict(withoutTempo)).rejects.toThrow('tempo is required');
  });

  it('swaps to another version while requests run, failing none', async () => {
    const before = predictor.card!.version;
    let stop = false;
    const failures: unknown[] = [];
    const versions = new Set<string>();
    const load = Array.from({ length: 8 }, async () => {
      while (!stop) {
        try {
          versions.add((await predictor.predict(song)).modelVersion);
        } catch (error) {
          failures.push(error);
        }
      }
    });
    const { card } = await trainer.train({ trees: 10, seed: 4 });
    await eventually(() => predictor.card?.version === card.version);
    await new Promise((resolve) => setTimeout(resolve, 200));
    stop = true;
    await Promise.all(load);
    expect(failures).toEqual([]);
    expect(versions).toEqual(new Set([before, card.version]));
  });

  it('answers 503 naming the reason for an unreadable model file, and recovers when a good version is activated', async () => {
    const good = predictor.card!;
    const broken = { ...good, version: newModelVersion(new Date(Date.now() + 1000)) };
    await registry.save(broken, new TextEncoder().encode('not an onnx model'));
    await registry.activate('hit', broken.version);
    await eventually(() => predictor.card === undefined);
    await expect(predictor.predict(song)).rejects.toThrow(new RegExp(`hit model ${broken.version} cannot be loaded`));

    await registry.activate('hit', good.version);
    await eventually(() => predictor.card?.version === good.version);
    expect((await predictor.predict(song)).modelVersion).toBe(good.version);
  });
});
