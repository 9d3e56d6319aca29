import request from 'supertest';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { HitModelTrainerService } from '../../../src/features/hit-prediction/model/hit-model-trainer.service.js';
import { HitPredictorService } from '../../../src/features/hit-prediction/model/hit-predictor.service.js';
import { DemoSongsService } from '../../../src/features/dataset/demo/demo-songs.service.js';
import { createTestApp, type TestApp } from '../../support/test-app.js';

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

const outOfRange: Array<[keyof typeof song, unknown, string]> = [
  ['duration_ms', 0, 'duration_ms must not be less than 1'],
  ['duration_ms', 21_600_001, 'duration_ms must not be greater than 21600000'],
  ['danceability', 1.01, 'danceability must not be greater than 1'],
  ['energy', -0.1, 'energy must not be less than 0'],
  ['valence', '0.5', 'valence must be a number'],
  ['acousticness', 2, 'acousticness must not be greater than 1'],
  ['instrumentalness', null, 'instrumentalness is required'],
  ['explicit', 2, 'explicit must be 0, 1, true or false'],
  ['loudness', -61, 'loudness must not be less than -60'],
  ['loudness', 6, 'loudness must not be greater than 5'],
  ['tempo', 301, 'tempo must not be greater than 300'],
  ['mode', 0.5, 'mode must be 0 or 1'],
];

describe('hit prediction endpoints', () => {
  let t: TestApp;
  beforeAll(async () => {
    t = await createTestApp();
  });
  afterAll(() => t.close());

  const manual = (body: unknown) =>
    request(t.http)
      .post('/api/predict/manual/')
      .send(body as object);

  it('answers 503 saying how to train while there is no model, and the rest of the API works', async () => {
    const response = await manual(song).expect(503);
    expect(response.body.message).toContain('Train one with "npm run train"');
    await request(t.http).get('/api/models/active').expect(404);
    await request(t.http).get('/api/health/').expect(200);
  });

  it('predicts HIT or FLOP with a confidence once a model is active', async () => {
    await t.app.get(DemoSongsService).import(1500);
    const { card } = await t.app.get(HitModelTrainerService).train({ trees: 10 });
    await t.app.get(HitPredictorService).reload();
    const { body } = await manual(song).expect(200);
    expect(body).toEqual({
      prediction: expect.stringMatching(/^(HIT|FLOP)$/),
      confidence: expect.any(Number),
      probabilities: { HIT: expect.any(Number), FLOP: expect.any(Number) },
      model_version: card.version,
      raw_probability: expect.any(Number),
      calibrated: card.calibration !== undefined,
      explanation: { base_value: expect.any(Number), contributions: expect.any(Array) },
    });
    expect(body.confidence).toBeGreaterThanOrEqual(50);
    expect(body.confidence).toBe(Math.round(100 * Math.max(body.probabilities.HIT, body.probabilities.FLOP) * 100) / 100);
    await request(t.http).post('/api/predict/manual').send(song).expect(200); // without the trailing slash
  });

  it.each(Object.keys(song))('names %s when it is missing', async (field) => {
    const { [field as keyof typeof song]: _omitted, ...rest } = song;
    const response = await manual(rest).expect(400);
    expect(response.body.message).toBe(`${field} is required`);
  });

  it.each(outOfRange)('refuses %s = %j', async (field, value, message) => {
    const response = await manual({ ...song, [field]: value }).expect(400);
    expect(response.body.message).toBe(message);
  });

  it('predicts a 68-minute track, as long as real tracks of the hit-predictor files run, alone and in a batch', async () => {
    const longTrack = { ...song, duration_ms: 4_170_227 };
    await manual(longTrack).expect(200);
    const { body } = await request(t.http)
      .post('/api/predict/batch/')
      .send({ rows: [longTrack] })
      .expect(200);
    expect(body.results[0]).toHaveProperty('prediction');
  });

  it.each([true, false, 0, 1, 'true', 'false'])('accepts explicit = %j', async (explicit) => {
    await manual({ ...song, explicit }).expect(200);
  });

  it('predicts a batch in order, giving a bad row its own error', async () => {
    const { body } = await request(t.http)
      .post('/api/predict/batch/?explain=true')
      .send({ rows: [song, { ...song, tempo: 400 }, 'nonsense', { ...song, acousticness: 0.95, energy: 0.1 }] })
      .expect(200);
    expect(body.results).toHaveLength(4);
    const { model_version: _version, calibrated: _calibrated, ...single } = (await manual(song)).body;
    expect(body.results[0]).toEqual(single);
    expect(body.results[1]).toEqual({ error: 'tempo must not be greater than 300' });
    expect(body.results[2]).toEqual({ error: 'row must be an object of the ten features' });
    expect(body.results[3]).toHaveProperty('confidence');
    expect(body.model_version).toMatch(/^\d{8}-\d{6}-\d{3}$/);
  });

  it('refuses an empty or oversized batch', async () => {
    await request(t.http).post('/api/predict/batch/').send({ rows: [] }).expect(400);
    const response = await request(t.http)
      .post('/api/predict/batch/')
      .send({ rows: Array.from({ length: 10_001 }, () => song) })
      .expect(400);
    expect(response.body.message).toBe('rows must contain no more than 10000 elements');
  });

  it('predicts an uploaded CSV like the same rows sent as JSON', async () => {
    const header = 'track,TEMPO,duration_ms,danceability,energy,valence,acousticness,instrumentalness,explicit,loudness,mode,target';
    const lines = ['Fine,120,210000,0.8,0.7,0.6,0.1,0,False,-5,1,1', 'Too fast,400,210000,0.8,0.7,0.6,0.1,0,False,-5,1,0', 'Short line,120'];
    const { body } = await request(t.http)
      .post('/api/predict/batch/')
      .attach('file', Buffer.from([header, ...lines].join('\r\n')), { filename: 'songs.csv', contentType: 'text/csv' })
      .expect(200);
    const { body: json } = await request(t.http)
      .post('/api/predict/batch/')
      .send({ rows: [song] })
      .expect(200);
    expect(body.results[0]).toEqual(json.results[0]);
    expect(body.results[1]).toEqual({ error: 'tempo must not be greater than 300' });
    expect(body.results[2].error).toContain('duration_ms is required');
    expect(body).not.toHaveProperty('warnings');
  });

  it('reads a CSV without an explicit column as not explicit, and says so', async () => {
    const csv = 'duration_ms,danceability,energy,valence,acousticness,instrumentalness,loudness,tempo,mode\n210000,0.8,0.7,0.6,0.1,0,-5,120,1\n';
    const { body } = await request(t.http).post('/api/predict/batch/').attach('file', Buffer.from(csv), 'songs.csv').expect(200);
    expect(body.warnings).toEqual(['no explicit column: every song counts as explicit = 0']);
    expect(body.results).toHaveLength(1);
  });

  it.each([
    [
      'a file without the feature columns',
      Buffer.from('title,artist\nYesterday,The Beatles\n'),
      'file: the header lacks the column(s) duration_ms, danceability, energy',
    ],
    ['a binary file', Buffer.from([0x89, 0x50, 0x4e, 0x47, 0x0d, 0x0a, 0x1a, 0x0a, 0x00, 0x00]), 'file: not a'],
    ['an empty file', Buffer.alloc(0), 'file: the CSV is empty'],
  ])('refuses %s with 400', async (_, file, message) => {
    const { body } = await request(t.http).post('/api/predict/batch/').attach('file', file, 'upload.csv').expect(400);
    expect(body.message).toContain(message);
  });

  it('refuses a request with neither rows nor a file, or with both', async () => {
    const neither = await request(t.http).post('/api/predict/batch/').send({}).expect(400);
    expect(neither.body.message).toContain('rows: provide an array');
    const both = await request(t.http).post('/api/predict/batch/').field('rows', '[]').attach('file', Buffer.from('a\n1'), 'x.csv').expect(400);
    expect(both.body.message).toContain('rows must be an array');
  });

  it('shows the active model card', async () => {
    const { body } = await request(t.http).get('/api/models/active').expect(200);
    expect(body).toMatchObject({ name: 'hit', classes: ['FLOP', 'HIT'], synthetic_data: true });
    expect(body.metrics).toHaveProperty('roc_auc');
  });
});
