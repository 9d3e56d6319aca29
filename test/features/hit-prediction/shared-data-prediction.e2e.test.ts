import { createReadStream } from 'node:fs';
import request from 'supertest';
import { afterAll, beforeAll, expect, it } from 'vitest';
import { HitModelTrainerService } from '../../../src/features/hit-prediction/model/hit-model-trainer.service.js';
import { HitPredictorService } from '../../../src/features/hit-prediction/model/hit-predictor.service.js';
import { SongImportService } from '../../../src/features/dataset/import/song-import.service.js';
import { describeWithHitPredictorData, hitPredictorFiles } from '../../support/shared-data.js';
import { createTestApp, type TestApp } from '../../support/test-app.js';

/** "Can't Buy Me Love" by The Beatles, a Billboard hit in the 1960s file (target = 1). */
const TRACK_ID = '3EQBI1Fiv7z3QfqTeb9Tqk';

describeWithHitPredictorData('predicting songs of the real hit-predictor files', () => {
  let t: TestApp;
  beforeAll(async () => {
    t = await createTestApp();
    await t.app.get(SongImportService).import(hitPredictorFiles.map((path) => ({ name: path, stream: createReadStream(path) })));
    await t.app.get(HitModelTrainerService).train({ trees: 20 });
    await t.app.get(HitPredictorService).reload();
  }, 120_000);
  afterAll(() => t.close());

  it.each([
    ['track id', { track_id: TRACK_ID }],
    ['link', { url: `https://open.spotify.com/intl-de/track/${TRACK_ID}?si=4f1c2d3e` }],
    ['title and artist', { title: 'cant buy me love', artist: 'THE BEATLES' }],
  ])('answers the dataset label by %s, with the adjustment fields, and audits it', async (_, body) => {
    const { body: answer } = await request(t.http)
      .post('/api/predict/spotify/')
      .set('x-request-id', `real-${_.replaceAll(' ', '-')}`)
      .send(body)
      .expect(200);
    expect(answer).toMatchObject({
      prediction: 'HIT',
      in_dataset: true,
      adjusted_by_dataset: true,
      dataset_label: 'HIT',
      song: { title: "Can't Buy Me Love", artist: 'The Beatles', track_id: TRACK_ID },
      features: { danceability: 0.844, energy: 0.299, explicit: 0 },
    });
    expect(answer.confidence).toBeCloseTo(60 + (40 * (answer.model_prediction === 'HIT' ? answer.model_confidence : 100 - answer.model_confidence)) / 100, 1);
    const audit = await t.prisma.predictionAuditLog.findFirstOrThrow({ where: { predictionId: answer.prediction_id } });
    expect(audit).toMatchObject({ requestId: `real-${_.replaceAll(' ', '-')}`, request: body, response: answer });
  });
});
