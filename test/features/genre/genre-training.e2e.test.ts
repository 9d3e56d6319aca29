import { setTimeout as sleep } from 'node:timers/promises';
import request from 'supertest';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { DemoStoreService } from '../../../src/features/genre/demo/demo-store.service.js';
import { GenreModelTrainerService } from '../../../src/features/genre/genre-model-trainer.service.js';
import { JobQueueService } from '../../../src/platform/jobs/job-queue.service.js';
import { createAccount } from '../../support/accounts.js';
import { createTestApp, type TestApp } from '../../support/test-app.js';

async function jobWhenDone(t: TestApp, id: string, token: string): Promise<{ state: string; output: Record<string, unknown> }> {
  for (let i = 0; i < 120; i++) {
    const { body } = await request(t.http).get(`/api/jobs/${id}`).set('authorization', `Bearer ${token}`).expect(200);
    if (['completed', 'failed'].includes(body.state)) return body;
    await sleep(250);
  }
  throw new Error(`job ${id} did not finish`);
}

describe('genre retraining through the job queue', () => {
  let t: TestApp;
  let adminToken: string;
  beforeAll(async () => {
    t = await createTestApp({ GENRE_TRAIN_CRON: 'off', JOB_CRON_CHECK_SECONDS: '1' });
    adminToken = (await createAccount(t, 'admin')).token;
    await t.app.get(DemoStoreService).import(600);
    await t.app.get(GenreModelTrainerService).train({ trees: 20 });
    await t.app.get(JobQueueService).start();
  }, 60_000);
  afterAll(() => t.close());

  const train = (token?: string) => {
    const call = request(t.http).post('/api/genre/train');
    return token ? call.set('authorization', `Bearer ${token}`) : call;
  };

  it('refuses to queue a training for anyone but an admin', async () => {
    await train().expect(401);
    await train('not-a-token-at-all').expect(401);
    const listener = await createAccount(t, 'user');
    expect((await train(listener.token).expect(403)).body.message).toBe('Only admin accounts may do this.');
  });

  it('queues a training, whose job shows the new version and how it compared with the active one', async () => {
    const { body } = await train(adminToken).expect(202);
    expect(body.status_url).toBe(`/api/jobs/${body.job_id}`);
    const job = await jobWhenDone(t, body.job_id, adminToken);
    expect(job).toMatchObject({
      state: 'completed',
      output: { trigger: 'request', activated: expect.any(Boolean), comparison: { active_version: expect.any(String) } },
    });
    const active = await t.prisma.modelMetadata.findFirstOrThrow({ where: { modelName: 'genre', isActive: true } });
    expect(active.modelVersion).toBe(job.output.activated ? job.output.version : (job.output.comparison as { active_version: string }).active_version);
  });

  it('keeps one training waiting at most: a request while one waits gets 409', async () => {
    const statuses = (await Promise.all([train(adminToken), train(adminToken), train(adminToken)])).map((response) => response.status);
    expect(statuses).toContain(409);
    expect(statuses.filter((status) => status === 202).length).toBeGreaterThanOrEqual(1);
  });

  it('answers 404 for an unknown or malformed job id', async () => {
    await request(t.http).get('/api/jobs/8c1f7a36-1a77-4a4e-9d65-4b1a6a5f0000').set('authorization', `Bearer ${adminToken}`).expect(404);
    await request(t.http).get('/api/jobs/42').set('authorization', `Bearer ${adminToken}`).expect(404);
  });
});
