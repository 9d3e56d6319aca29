import request from 'supertest';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { HitModelTrainerService } from '../../../src/features/hit-prediction/model/hit-model-trainer.service.js';
import { HitPredictorService } from '../../../src/features/hit-prediction/model/hit-predictor.service.js';
import { DemoSongsService } from '../../../src/features/dataset/demo/demo-songs.service.js';
import { eventually } from '../../support/eventually.js';
import { createTestApp, type TestApp } from '../../support/test-app.js';
import { MANUAL_SONG_FEATURES as song } from '../../support/hit-song-features.js';

const rows = [song, { ...song, acousticness: 0.95, energy: 0.1, loudness: -25, explicit: 1 }, { ...song, danceability: 0.2, tempo: 70 }];
/** The same rows with explicit as true/false: rows that are not all numbers are checked in the worker thread. */
const rowsForTheThread = rows.map((row) => ({ ...row, explicit: row.explicit === 1 }));

/**
 * Batch rows of numbers are checked on the event loop, other rows in a worker thread; both run on
 * the server's session: the answer must be the active version's.
 */
describe('batch predictions, checked on the event loop or in their worker thread', () => {
  let t: TestApp;
  let predictor: HitPredictorService;
  let trainer: HitModelTrainerService;
  let firstResults: unknown[];
  beforeAll(async () => {
    t = await createTestApp();
    predictor = t.app.get(HitPredictorService);
    trainer = t.app.get(HitModelTrainerService);
    await t.app.get(DemoSongsService).import(1500);
  });
  afterAll(() => t.close());

  const batch = async () => {
    const [here, inThread] = await Promise.all(
      [rows, rowsForTheThread].map((sent) => request(t.http).post('/api/predict/batch/').send({ rows: sent }).expect(200)),
    );
    expect(inThread!.body).toEqual(here!.body);
    return here!;
  };
  const inProcess = async () =>
    (await predictor.predictMany(rows)).map(({ prediction, confidence, probabilities, rawProbability }) => ({
      prediction,
      confidence,
      probabilities,
      raw_probability: rawProbability,
    }));

  it('answers as the model in the server process does', async () => {
    const { card } = await trainer.train({ trees: 10, seed: 1 });
    await predictor.reload();
    const { body } = await batch();
    expect(body.model_version).toBe(card.version);
    expect(body.results).toEqual(await inProcess());
    firstResults = body.results;
  });

  it('uses a newly activated version from the next batch on', async () => {
    const { card } = await trainer.train({ trees: 3, seed: 2, maxDepth: 2 });
    await eventually('the new version in use', () => predictor.card?.version === card.version);
    const { body } = await batch();
    expect(body.model_version).toBe(card.version);
    expect(body.results).toEqual(await inProcess());
    expect(body.results).not.toEqual(firstResults); // a different forest: the new version's session ran the batch
  });
});
