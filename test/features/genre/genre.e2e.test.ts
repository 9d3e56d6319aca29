import { readFile } from 'node:fs/promises';
import request from 'supertest';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { ChinookImportService } from '../../../src/features/genre/chinook/chinook-import.service.js';
import { DemoStoreService } from '../../../src/features/genre/demo/demo-store.service.js';
import { GENRE_FEATURES } from '../../../src/features/genre/features.js';
import { GenreModelTrainerService } from '../../../src/features/genre/genre-model-trainer.service.js';
import { GenrePredictorService } from '../../../src/features/genre/genre-predictor.service.js';
import { formatGenreTrainingReport } from '../../../src/features/genre/training-report.js';
import { chinookScript } from '../../support/sample-data.js';
import { createTestApp, type TestApp } from '../../support/test-app.js';

describe('genre preference', () => {
  let t: TestApp;
  beforeAll(async () => {
    t = await createTestApp();
  });
  afterAll(() => t.close());

  const predict = (body: object) => request(t.http).post('/api/predict-genre').send(body);

  it('answers 503 in the original shape while no genre model exists', async () => {
    const { body } = await predict({ total_spent: 10 }).expect(503);
    expect(body).toMatchObject({ status: 'ERROR', message: 'Genre model not found: train it with "npm run cli -- train --model-type genre".' });
  });

  describe('on the real Chinook store (59 customers)', () => {
    it('trains by cross-validation and reports the majority baseline beside the accuracy', async () => {
      await t.app.get(ChinookImportService).importScript(await readFile(chinookScript, 'utf8'), 'Chinook_PostgreSql.sql');
      const { card, onnxPath } = await t.app.get(GenreModelTrainerService).train({ trees: 30 });
      expect(card).toMatchObject({ customers: { total: 59, labelled: 59 }, synthetic_data: false, metrics: { evaluation: { method: 'cross-validation' } } });
      expect(card.metrics.majority_baseline).toMatchObject({ class: 'Rock' });
      expect(card.classes).toContain('Other');
      expect(onnxPath).toMatch(/genre-\d{8}-\d{6}-\d{3}\.onnx$/);
      const report = formatGenreTrainingReport(card);
      expect(report).toContain('Majority baseline');
      expect(report).toContain('only 59 customers with purchases');
    });
  });

  describe('on the demo store', () => {
    beforeAll(async () => {
      await t.app.get(DemoStoreService).import(1500);
      await t.app.get(GenreModelTrainerService).train({ trees: 60 });
      await t.app.get(GenrePredictorService).reload();
    }, 120_000);

    it('learns tastes the majority class cannot guess, on a stratified hold-out', async () => {
      const { body } = await request(t.http).get('/api/genre/model').expect(200);
      expect(body).toMatchObject({ name: 'genre', synthetic_data: true, metrics: { evaluation: { method: 'holdout' } } });
      expect(body.metrics.accuracy).toBeGreaterThan(body.metrics.majority_baseline.accuracy + 0.1);
      expect(Object.keys(body.metrics.per_class)).toEqual(body.classes);
    });

    it('predicts a profile in the original shape, probabilities highest first, defaults filled in', async () => {
      const { body } = await predict({ total_spent: 25.74, total_tracks_bought: 26, genre_spending_ratio: 0.8, country: 'Jamaica', city: 'Kingston' }).expect(
        200,
      );
      expect(body).toMatchObject({ status: 'OK', prediction: { genre: expect.any(String), confidence: expect.any(Number) }, unknown_places: [] });
      const probabilities = Object.values(body.prediction.all_probabilities) as number[];
      expect(probabilities).toEqual([...probabilities].sort((a, b) => b - a));
      expect(Object.keys(body.prediction.all_probabilities)[0]).toBe(body.prediction.genre);
      expect(body.prediction.confidence).toBe(probabilities[0]);
      expect(body.customer_profile).toMatchObject({ invoice_count: 0, average_invoice: 0, state: null, country: 'Jamaica' });
    });

    it('explains the predicted genre: base value and each feature’s contribution add up to its probability', async () => {
      const profiles = [
        { total_spent: 25.74, total_tracks_bought: 26, genre_spending_ratio: 0.8, country: 'Jamaica', city: 'Kingston' },
        { total_spent: 3, invoice_count: 1, country: 'Atlantis' },
        { total_spent: 80, total_tracks_bought: 90, genre_spending_ratio: 0.3, invoice_count: 12, average_invoice: 6.7, days_since_last_purchase: 200 },
      ];
      for (const profile of profiles) {
        const { body } = await predict(profile).expect(200);
        const { explanation } = body;
        expect(explanation.genre).toBe(body.prediction.genre);
        const total = explanation.base_value + explanation.contributions.reduce((sum: number, item: { contribution: number }) => sum + item.contribution, 0);
        expect(Math.abs(total - explanation.probability)).toBeLessThanOrEqual(1e-6);
        expect(explanation.probability).toBeCloseTo(body.prediction.confidence, 4);
        expect(explanation.contributions.map((item: { feature: string }) => item.feature).sort()).toEqual([...GENRE_FEATURES].sort());
      }
    });

    it('reads a place it never saw as unknown, and says so', async () => {
      const { body } = await predict({ total_spent: 5, country: 'Atlantis' }).expect(200);
      expect(body.unknown_places).toEqual(['country']);
    });

    it.each([
      [{ total_spent: -1 }, 'total_spent must not be less than 0'],
      [{ genre_spending_ratio: 1.5 }, 'genre_spending_ratio must not be greater than 1'],
      [{ total_tracks_bought: 'many' }, 'total_tracks_bought must be a whole number'],
      [{ country: 42 }, 'country must be a string'],
      [{ total_spent: 'NaN' }, 'total_spent must be a number'],
      [{ favourite: 'Rock' }, 'favourite is not an allowed field'],
    ])('refuses %j with 400 naming the field', async (input, message) => {
      const { body } = await predict(input).expect(400);
      expect(body.message).toContain(message);
    });

    it('predicts a stored customer from their history, beside the genre they spent most on', async () => {
      const { body } = await request(t.http).get('/api/genre/customers/7/prediction').expect(200);
      expect(body).toMatchObject({ status: 'OK', customer: { id: 7 }, actual_top_genre: expect.any(String), correct: expect.any(Boolean) });
      expect(body.customer_profile.total_spent).toBeGreaterThan(0);
      expect(body.explanation).toMatchObject({ genre: body.prediction.genre, contributions: expect.any(Array) });
      await request(t.http).get('/api/genre/customers/999999/prediction').expect(404);
      await request(t.http).get('/api/genre/customers/seven/prediction').expect(400);
    });
  });
});
