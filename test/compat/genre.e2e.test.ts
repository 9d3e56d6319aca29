import { readFile } from 'node:fs/promises';
import request from 'supertest';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { ChinookImportService } from '../../src/features/genre/chinook/chinook-import.service.js';
import { GenreModelTrainerService } from '../../src/features/genre/genre-model-trainer.service.js';
import { GenrePredictorService } from '../../src/features/genre/genre-predictor.service.js';
import { shapeDifferences } from '../support/documented-shape.js';
import { chinookScript } from '../support/sample-data.js';
import { createTestApp, type TestApp } from '../support/test-app.js';

/** The genre document's (../shared/seeds/001) response example, as written there. */
const ANSWER = {
  status: 'OK',
  prediction: { genre: 'Rock', confidence: 0.85, all_probabilities: { Rock: 0.85, Pop: 0.1, Jazz: 0.03, Classical: 0.02 } },
  customer_profile: { total_spent: 45.5, total_tracks_bought: 15, genre_spending_ratio: 0.6 },
};

/** Its request examples: the API section's, the cURL example's and the Python example's. */
const REQUESTS = [
  { total_spent: 45.5, total_tracks_bought: 15, genre_spending_ratio: 0.6 },
  { total_spent: 125.75, total_tracks_bought: 42, genre_spending_ratio: 0.4 },
  { total_spent: 89.99, total_tracks_bought: 28, genre_spending_ratio: 0.7 },
];

/** Clients of the genre predictor (document 001) replayed against Encore, on the shipped Chinook store. */
describe('clients of the genre predictor', () => {
  let t: TestApp;
  beforeAll(async () => {
    t = await createTestApp();
    await t.app.get(ChinookImportService).importScript(await readFile(chinookScript, 'utf8'), 'Chinook_PostgreSql.sql');
    await t.app.get(GenreModelTrainerService).train({ trees: 30 });
    await t.app.get(GenrePredictorService).reload();
  });
  afterAll(() => t.close());

  it.each(REQUESTS)('POST /api/predict-genre with %j answers the documented fields, probabilities 0–1', async (body) => {
    const { body: answer } = await request(t.http).post('/api/predict-genre').send(body).expect(200);
    expect(shapeDifferences(answer, { ...ANSWER, prediction: { ...ANSWER.prediction, all_probabilities: {} } })).toEqual([]);
    expect(answer.status).toBe('OK');
    expect(answer.customer_profile).toMatchObject(body);
    const probabilities = Object.values(answer.prediction.all_probabilities as Record<string, number>);
    for (const probability of [answer.prediction.confidence, ...probabilities]) {
      expect(probability).toBeGreaterThanOrEqual(0);
      expect(probability).toBeLessThanOrEqual(1);
    }
    expect(answer.prediction.confidence).toBe(answer.prediction.all_probabilities[answer.prediction.genre]);
    expect(probabilities.reduce((sum, probability) => sum + probability, 0)).toBeCloseTo(1, 2);
  });

  it('POST /api/predict-genre with an empty body reads each parameter as its documented default', async () => {
    const { body } = await request(t.http).post('/api/predict-genre').send({}).expect(200);
    expect(body.customer_profile).toMatchObject({ total_spent: 0, total_tracks_bought: 0, genre_spending_ratio: 0 });
  });
});
