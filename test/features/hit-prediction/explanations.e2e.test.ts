import request from 'supertest';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { HitModelTrainerService } from '../../../src/features/hit-prediction/model/hit-model-trainer.service.js';
import { DEFAULT_HIT_FEATURES } from '../../../src/features/hit-prediction/model/hit-features.js';
import { HitPredictorService } from '../../../src/features/hit-prediction/model/hit-predictor.service.js';
import { calibrate } from '../../../src/ml/calibration.js';
import { exportForestToOnnx } from '../../../src/ml/onnx-export.js';
import { readForestFromOnnx } from '../../../src/ml/onnx-forest-reader.js';
import { Random } from '../../../src/ml/random.js';
import type { HitModelCard } from '../../../src/platform/models/model-card.js';
import { newModelVersion } from '../../../src/platform/models/model-card.js';
import { ModelRegistryService } from '../../../src/platform/models/model-registry.service.js';
import { FEATURE_RANGES } from '../../../src/vocabulary/audio-features.js';
import { readFile } from 'node:fs/promises';
import { createTestApp, type TestApp } from '../../support/test-app.js';

interface Explained {
  prediction: 'HIT' | 'FLOP';
  confidence: number;
  probabilities: { HIT: number; FLOP: number };
  raw_probability: number;
  explanation: { base_value: number; contributions: Array<{ feature: string; value: number; contribution: number }> } | null;
}

/** Songs spread over every feature's whole accepted range (a seeded draw, so a failure reproduces). */
function randomSongs(count: number, seed: number): Array<Record<string, number>> {
  const random = new Random(seed);
  const within = ([low, high]: readonly [number, number]) => low + random.next() * (high - low);
  return Array.from({ length: count }, () => ({
    duration_ms: Math.round(within([30_000, 600_000])),
    danceability: within(FEATURE_RANGES.danceability),
    energy: within(FEATURE_RANGES.energy),
    valence: within(FEATURE_RANGES.valence),
    acousticness: within(FEATURE_RANGES.acousticness),
    instrumentalness: random.next() < 0.5 ? 0 : within(FEATURE_RANGES.instrumentalness),
    explicit: random.next() < 0.2 ? 1 : 0,
    loudness: within([-30, 0]),
    tempo: within([50, 200]),
    mode: random.next() < 0.6 ? 1 : 0,
  }));
}

/** What every explained answer must satisfy, whatever the song. */
function expectExplained(answer: Explained, song: Record<string, number>, card: HitModelCard): void {
  const { explanation } = answer;
  expect(explanation).not.toBeNull();
  const total = explanation!.base_value + explanation!.contributions.reduce((sum, item) => sum + item.contribution, 0);
  expect(Math.abs(total - answer.raw_probability)).toBeLessThanOrEqual(1e-6);
  expect(explanation!.contributions.map((item) => item.feature).sort()).toEqual([...DEFAULT_HIT_FEATURES].sort());
  for (const item of explanation!.contributions) expect(item.value).toBe(song[item.feature]);
  const sizes = explanation!.contributions.map((item) => Math.abs(item.contribution));
  expect(sizes).toEqual([...sizes].sort((a, b) => b - a));
  expect(answer.probabilities.HIT).toBeCloseTo(calibrate(card.calibration!.fit, answer.raw_probability), 12);
  expect(answer.probabilities.HIT + answer.probabilities.FLOP).toBeCloseTo(1, 12);
  expect(answer.prediction).toBe(answer.probabilities.HIT > answer.probabilities.FLOP ? 'HIT' : 'FLOP');
}

describe('explained and calibrated predictions with the shipped hit model', () => {
  let t: TestApp;
  let card: HitModelCard;
  beforeAll(async () => {
    t = await createTestApp();
    card = (await t.app.get(HitModelTrainerService).activateShippedOrTrain()) as HitModelCard;
    await t.app.get(HitPredictorService).reload();
  });
  afterAll(() => t.close());

  it('answers a manual prediction with its explanation, raw probability and calibrated confidence', async () => {
    const [song] = randomSongs(1, 1);
    const { body } = await request(t.http).post('/api/predict/manual/').send(song).expect(200);
    expect(body).toMatchObject({ model_version: card.version, calibrated: true, raw_probability: expect.any(Number) });
    expect(body.confidence).toBe(Math.round(100 * Math.max(body.probabilities.HIT, body.probabilities.FLOP) * 100) / 100);
    expectExplained(body as Explained, song!, card);
  });

  it('adds the contributions up to the raw probability within 1e-6 for 600 songs across the feature ranges (batch, ?explain=true)', async () => {
    const songs = randomSongs(600, 2);
    const { body } = await request(t.http).post('/api/predict/batch/?explain=true').send({ rows: songs }).expect(200);
    expect(body).toMatchObject({ model_version: card.version, calibrated: true });
    body.results.forEach((answer: Explained, row: number) => expectExplained(answer, songs[row]!, card));
  });

  it('answers each of 40 songs one by one as the explained batch answers it', async () => {
    const songs = randomSongs(40, 3);
    const { body: batch } = await request(t.http).post('/api/predict/batch/?explain=true').send({ rows: songs }).expect(200);
    for (const [row, song] of songs.entries()) {
      const { body } = await request(t.http).post('/api/predict/manual/').send(song).expect(200);
      const { model_version: _version, calibrated: _calibrated, ...single } = body;
      expect(single).toEqual(batch.results[row]);
    }
  });

  it('leaves explanations out of a batch not asked for them, and explains an uploaded CSV when asked', async () => {
    const songs = randomSongs(3, 4);
    const { body: plain } = await request(t.http).post('/api/predict/batch/').send({ rows: songs }).expect(200);
    for (const result of plain.results) expect(result).not.toHaveProperty('explanation');
    expect(plain.results[0]).toHaveProperty('raw_probability');
    const csv = [DEFAULT_HIT_FEATURES.join(','), ...songs.map((song) => DEFAULT_HIT_FEATURES.map((name) => song[name]).join(','))].join('\n');
    const { body } = await request(t.http).post('/api/predict/batch/?explain=true').attach('file', Buffer.from(csv), 'songs.csv').expect(200);
    body.results.forEach((answer: Explained, row: number) => expectExplained(answer, songs[row]!, card));
  });

  it('refuses an explained batch of more than 1,000 rows, JSON or CSV, naming explain', async () => {
    const songs = randomSongs(1_001, 5);
    const json = await request(t.http).post('/api/predict/batch/?explain=true').send({ rows: songs }).expect(400);
    expect(json.body.message).toContain('explain: an explained batch takes at most 1,000 rows');
    const csv = [DEFAULT_HIT_FEATURES.join(','), ...songs.map((song) => DEFAULT_HIT_FEATURES.map((name) => song[name]).join(','))].join('\n');
    const upload = await request(t.http).post('/api/predict/batch/?explain=true').attach('file', Buffer.from(csv), 'songs.csv').expect(400);
    expect(upload.body.message).toContain('explain: an explained batch takes at most 1,000 rows');
    const bad = await request(t.http)
      .post('/api/predict/batch/?explain=maybe')
      .send({ rows: songs.slice(0, 1) })
      .expect(400);
    expect(bad.body.message).toContain('explain must be true or false');
  });

  it('shows the calibration before and after and the global importance on the model card', async () => {
    const { body } = await request(t.http).get('/api/models/active').expect(200);
    expect(body.calibration).toMatchObject({ method: card.calibration!.method, rows: card.test_rows });
    expect(body.calibration.ece_after).toBeLessThanOrEqual(0.03);
    expect(body.calibration.reliability).toHaveLength(10);
    expect(body.calibration.reliability_before).toHaveLength(10);
    expect(body.importance.map((item: { feature: string }) => item.feature).sort()).toEqual([...DEFAULT_HIT_FEATURES].sort());
    const sizes = body.importance.map((item: { mean_abs_contribution: number }) => item.mean_abs_contribution);
    expect(sizes).toEqual([...sizes].sort((a: number, b: number) => b - a));
  });
});

describe('a hit model version trained before explanations and calibration', () => {
  let t: TestApp;
  beforeAll(async () => {
    t = await createTestApp();
    const shipped = (await t.app.get(HitModelTrainerService).activateShippedOrTrain()) as HitModelCard;
    // The same forest as an older trainer wrote it: every hit rate 1, a card without calibration or importance.
    const registry = t.app.get(ModelRegistryService);
    const { model } = readForestFromOnnx(await readFile(registry.onnxPath((await registry.active('hit'))!)));
    const { calibration: _calibration, importance: _importance, ...older } = shipped;
    const version = newModelVersion(new Date(Date.now() + 1000));
    await registry.save({ ...older, version }, exportForestToOnnx(model, { featureNames: [...DEFAULT_HIT_FEATURES] }));
    await registry.activate('hit', version);
    await t.app.get(HitPredictorService).reload();
  });
  afterAll(() => t.close());

  it('still predicts, with its raw probabilities, no explanation and calibrated false', async () => {
    const [song] = randomSongs(1, 6);
    const { body } = await request(t.http).post('/api/predict/manual/').send(song).expect(200);
    expect(body).toMatchObject({ calibrated: false, explanation: null });
    expect(body.raw_probability).toBe(body.probabilities.HIT);
    const { body: batch } = await request(t.http)
      .post('/api/predict/batch/?explain=true')
      .send({ rows: [song] })
      .expect(200);
    expect(batch).toMatchObject({ calibrated: false, results: [{ explanation: null, raw_probability: body.raw_probability }] });
  });

  it('answers its card with calibration and importance null', async () => {
    const { body } = await request(t.http).get('/api/models/active').expect(200);
    expect(body).toMatchObject({ calibration: null, importance: null });
  });
});
