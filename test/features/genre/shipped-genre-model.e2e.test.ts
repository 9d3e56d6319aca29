import { readdir, readFile } from 'node:fs/promises';
import { join } from 'node:path';
import request from 'supertest';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { ChinookImportService } from '../../../src/features/genre/chinook/chinook-import.service.js';
import { DemoStoreService } from '../../../src/features/genre/demo/demo-store.service.js';
import { GenreModelTrainerService } from '../../../src/features/genre/genre-model-trainer.service.js';
import type { GenreModelCard } from '../../../src/features/genre/genre-model.js';
import { GenrePredictorService } from '../../../src/features/genre/genre-predictor.service.js';
import { SHIPPED_MODELS_DIR } from '../../../src/platform/models/model-registry.service.js';
import { createTestApp, type TestApp } from '../../support/test-app.js';

const shippedCard = async (): Promise<GenreModelCard> => {
  const [file] = (await readdir(SHIPPED_MODELS_DIR)).filter((name) => name.startsWith('genre-') && name.endsWith('.json'));
  return JSON.parse(await readFile(join(SHIPPED_MODELS_DIR, file!), 'utf8')) as GenreModelCard;
};

describe('the genre model that ships in models/pretrained', () => {
  it('is one version, with its ONNX file, trained on the real Chinook sample store and a digest of its customers', async () => {
    const card = await shippedCard();
    expect((await readdir(SHIPPED_MODELS_DIR)).filter((name) => name.startsWith('genre-')).sort()).toEqual([
      `genre-${card.version}.json`,
      `genre-${card.version}.onnx`,
    ]);
    expect(card).toMatchObject({
      synthetic_data: false,
      data_source: expect.stringContaining('Chinook sample store'),
      customers: { total: 59, labelled: 59 },
      training_data_digest: expect.stringMatching(/^[0-9a-f]{64}$/),
    });
  });

  describe('on a fresh install whose store is the Chinook sample', () => {
    let t: TestApp;
    beforeAll(async () => {
      t = await createTestApp();
      await t.app.get(ChinookImportService).importSampleIfEmpty();
    });
    afterAll(() => t.close());

    it('is registered and activated without training, and answers', async () => {
      const card = await t.app.get(GenreModelTrainerService).activateShippedOrTrain();
      expect(card?.version).toBe((await shippedCard()).version);
      expect(await t.prisma.modelMetadata.findMany({ where: { modelName: 'genre' }, select: { modelVersion: true, isActive: true } })).toEqual([
        { modelVersion: card!.version, isActive: true },
      ]);
      await t.app.get(GenrePredictorService).reload();
      const { body } = await request(t.http).get('/api/genre/model').expect(200);
      expect(body).toMatchObject({ version: card!.version, customers: { total: 59 } });
      const prediction = await request(t.http).post('/api/predict-genre').send({ total_spent: 12, country: 'Brazil' }).expect(200);
      expect(prediction.body).toMatchObject({ status: 'OK', prediction: { genre: expect.any(String) } });
    });

    it('does nothing once a genre model is active', async () => {
      expect(await t.app.get(GenreModelTrainerService).activateShippedOrTrain()).toBeUndefined();
    });

    it('is not loaded again once the app releases its models (an activation notice that arrives while it closes)', async () => {
      const predictor = t.app.get(GenrePredictorService);
      await predictor.onModuleDestroy();
      await t.app.get(GenreModelTrainerService).train({ trees: 5 });
      await predictor.reload();
      expect(predictor.status).toEqual({ status: 'unavailable', reason: 'the genre model was released (the app is closing)' });
    });
  });

  describe('on a fresh install whose store holds other customers', () => {
    let t: TestApp;
    beforeAll(async () => {
      t = await createTestApp();
      await t.app.get(DemoStoreService).import(300);
    }, 60_000);
    afterAll(() => t.close());

    it('is passed over for a model trained on that store', async () => {
      const card = await t.app.get(GenreModelTrainerService).activateShippedOrTrain();
      expect(card?.version).not.toBe((await shippedCard()).version);
      expect(card).toMatchObject({ customers: { total: 300 }, training_data_digest: expect.not.stringMatching((await shippedCard()).training_data_digest!) });
    });
  });
});
