import { setTimeout as sleep } from 'node:timers/promises';
import request from 'supertest';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { DemoStoreService } from '../../src/genre/demo/demo-store.service.js';
import { GenreModelTrainerService } from '../../src/genre/genre-model-trainer.service.js';
import { JobQueueService } from '../../src/jobs/job-queue.service.js';
import { createTestApp, type TestApp } from '../support/test-app.js';

const ADMIN_TOKEN = 'test-admin-token-0123456789';

async function jobWhenDone(t: TestApp, id: string): Promise<{ state: string; output: Record<string, unknown> }> {
  for (let i = 0; i < 120; i++) {
    const { body } = await request(t.http).get(`/api/jobs/${id}`).expect(200);
    if (['completed', 'failed'].includes(body.state)) return body;
    await sleep(250);
  }
  throw new Error(`job ${id} did not finish`);
}

describe('genre retraining through the job queue', () => {
  let t: TestApp;
  beforeAll(async () => {
    t = await createTestApp({ ADMIN_TOKEN, GENRE_TRAIN_CRON: 'off', JOB_CRON_CHECK_SECONDS: '1' });
    await t.app.get(DemoStoreService).import(600);
    await t.app.get(GenreModelTrainerService).train({ trees: 20 });
    await t.app.get(JobQueueService).start();
  }, 60_000);
  afterAll(() => t.close());

  const train = (token?: string) => {
    const call = request(t.http).post('/api/genre/train');
    return token ? call.set('authorization', `Bearer ${token}`) : call;
  };

  it('refuses to queue a training without the admin token', async () => {
    expect((await train().expect(401)).body.message).toBe('This endpoint needs Authorization: Bearer <ADMIN_TOKEN>.');
    await train('not-the-admin-token-at-all').expect(401);
  });

  it('queues a training, whose job shows the new version and how it compared with the active one', async () => {
    const { body } = await train(ADMIN_TOKEN).expect(202);
    expect(body.status_url).toBe(`/api/jobs/${body.job_id}`);
    const job = await jobWhenDone(t, body.job_id);
    expect(job).toMatchObject({ state: 'completed', output: { trigger: 'request', activated: expect.any(Boolean), comparison: { active_version: expect.any(String) } } });
    const active = await t.prisma.modelMetadata.findFirstOrThrow({ where: { modelName: 'genre', isActive: true } });
    expect(active.modelVersion).toBe(job.output.activated ? job.output.version : (job.output.comparison as { active_version: string }).active_version);
  });

  it('keeps one training waiting at most: a request while one waits gets 409', async () => {
    const statuses = (await Promise.all([train(ADMIN_TOKEN), train(ADMIN_TOKEN), train(ADMIN_TOKEN)])).map((response) => response.status);
    expect(statuses).toContain(409);
    expect(statuses.filter((status) => status === 202).length).toBeGreaterThanOrEqual(1);
  });

  it('answers 404 for an unknown or malformed job id', async () => {
    await request(t.http).get('/api/jobs/8c1f7a36-1a77-4a4e-9d65-4b1a6a5f0000').expect(404);
    await request(t.http).get('/api/jobs/42').expect(404);
  });
});

describe('admin endpoints without ADMIN_TOKEN', () => {
  let t: TestApp;
  beforeAll(async () => {
    t = await createTestApp();
  });
  afterAll(() => t.close());

  it('stay closed, saying how to open them', async () => {
    const { body } = await request(t.http).post('/api/genre/train').set('authorization', 'Bearer anything-at-all-here').expect(403);
    expect(body.message).toBe('Admin endpoints are disabled: set ADMIN_TOKEN to enable them.');
  });
});

describe('the scheduled genre training with two app instances on one database', () => {
  let first: TestApp;
  let second: TestApp;
  let cron: string;

  beforeAll(async () => {
    // The schedule names the current minute; start early enough in it to watch the whole run.
    if (new Date().getUTCSeconds() > 35) await sleep((61 - new Date().getUTCSeconds()) * 1000);
    const now = new Date();
    cron = `${now.getUTCMinutes()} ${now.getUTCHours()} * * *`;
    const env = { GENRE_TRAIN_CRON: cron, JOB_CRON_CHECK_SECONDS: '1' };
    first = await createTestApp(env);
    second = await createTestApp(env, first);
    await first.app.get(DemoStoreService).import(400);
    await first.app.get(GenreModelTrainerService).train({ trees: 20 });
  }, 90_000);
  afterAll(async () => {
    await second.close();
    await first.close();
  });

  it('runs it once, not once per instance', async () => {
    await Promise.all([first.app.get(JobQueueService).start(), second.app.get(JobQueueService).start()]);
    const jobs = () =>
      first.prisma.$queryRawUnsafe<Array<{ state: string }>>(
        `SELECT state::text FROM pgboss.job WHERE name = 'genre-train' UNION ALL SELECT state::text FROM pgboss.archive WHERE name = 'genre-train'`,
      );
    await expect.poll(async () => (await jobs()).map((job) => job.state), { timeout: 20_000, interval: 250 }).toEqual(['completed']);
    await sleep(4000); // both instances keep checking the schedule every second
    expect((await jobs()).map((job) => job.state)).toEqual(['completed']);
    expect(await first.prisma.modelMetadata.count({ where: { modelName: 'genre' } })).toBe(2);
  }, 40_000);
});
