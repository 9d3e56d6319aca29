import type { IncomingMessage, Server } from 'node:http';
import type { AddressInfo } from 'node:net';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { HitModelTrainerService } from '../../../src/features/hit-prediction/model/hit-model-trainer.service.js';
import { HitPredictorService } from '../../../src/features/hit-prediction/model/hit-predictor.service.js';
import { MAX_BATCH_ROWS } from '../../../src/features/hit-prediction/dto/batch-prediction.dto.js';
import { DemoSongsService } from '../../../src/features/dataset/demo/demo-songs.service.js';
import { createTestApp, type TestApp } from '../../support/test-app.js';
import { MANUAL_SONG_FEATURES as song } from '../../support/hit-song-features.js';

/**
 * Issue 20, finding 2: a 10,000-row POST /api/predict/batch/ held the event loop while it was
 * validated and predicted, so every other request waited for it. Checked by order, not time:
 * a health request sent once the server has the whole batch answers before the batch.
 */
describe('a large batch prediction leaves the server answering other requests', () => {
  let t: TestApp;
  let server: Server;
  let base: string;

  beforeAll(async () => {
    t = await createTestApp();
    await t.app.get(DemoSongsService).import(1500);
    await t.app.get(HitModelTrainerService).train({ trees: 10 });
    await t.app.get(HitPredictorService).reload();
    await t.app.listen(0, '127.0.0.1');
    server = t.app.getHttpServer() as Server;
    base = `http://127.0.0.1:${(server.address() as AddressInfo).port}/api`;
  });
  afterAll(() => t?.close());

  /** Resolves once the server has read the whole body of the next request to `path`, and its handling starts. */
  function bodyReceived(path: string): Promise<void> {
    return new Promise((resolve) => {
      const onRequest = (request: IncomingMessage) => {
        if (!request.url?.startsWith(path)) return;
        server.off('request', onRequest);
        request.once('end', () => resolve());
      };
      server.on('request', onRequest);
    });
  }

  it('answers GET /api/health/, sent while a 10,000-row batch is being predicted, before that batch', async () => {
    const rows = Array.from({ length: MAX_BATCH_ROWS }, (_, i) => ({ ...song, tempo: 60 + (i % 180), energy: (i % 100) / 100 }));
    const answered: string[] = [];
    const received = bodyReceived('/api/predict/batch');
    const batch = fetch(`${base}/predict/batch/`, { method: 'POST', headers: { 'content-type': 'application/json' }, body: JSON.stringify({ rows }) }).then(
      async (response) => {
        answered.push('batch');
        return { status: response.status, body: (await response.json()) as { results: unknown[] } };
      },
    );
    await received;
    const health = fetch(`${base}/health/`).then((response) => {
      answered.push('health');
      return response.status;
    });

    const [batchAnswer, healthStatus] = await Promise.all([batch, health]);
    expect(healthStatus).toBe(200);
    expect(batchAnswer.status).toBe(200);
    expect(batchAnswer.body.results).toHaveLength(MAX_BATCH_ROWS);
    expect(answered).toEqual(['health', 'batch']);
  });
});
