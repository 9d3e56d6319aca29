import { Logger } from '@nestjs/common';
import { setTimeout as sleep } from 'node:timers/promises';
import request from 'supertest';
import { afterAll, beforeAll, describe, expect, it, vi } from 'vitest';
import { AUTH_CLEANUP_QUEUE } from '../../../src/features/auth/auth-cleanup.job.js';
import { GENRE_TRAINING_QUEUE } from '../../../src/features/genre/genre-training.job.js';
import { JOBS_SCHEMA, JobQueueService } from '../../../src/platform/jobs/job-queue.service.js';
import { createAccount, type TestAccount } from '../../support/accounts.js';
import { createTestApp, type TestApp } from '../../support/test-app.js';
import type { Job as JobBody, JobSchedule as ScheduleBody } from '../../../web/src/api/jobs.js';

const FLAKY = 'test-flaky';
const SCHEDULED = 'test-scheduled';

/** The job queue's monitoring API over the real pg-boss: retries with backoff, schedules with overrides, admin-only routes. */
describe('jobs: retries, schedules and monitoring', () => {
  let t: TestApp;
  let admin: TestAccount;
  let listener: TestAccount;
  let warn: ReturnType<typeof vi.spyOn>;
  /** When each attempt of the flaky job started; it fails until `healed`. */
  const attempts: number[] = [];
  let healed = false;
  const scheduledRuns: Array<Record<string, unknown>> = [];

  beforeAll(async () => {
    t = await createTestApp({
      GENRE_TRAIN_CRON: 'off',
      JOB_CRON_CHECK_SECONDS: '1',
      // Every minute: pg-boss sends a job whose cron fired within the last 60 s, so it runs at the first check.
      JOB_SCHEDULES: `${SCHEDULED}=* * * * *;${AUTH_CLEANUP_QUEUE}=off;no-such-queue=0 4 * * *`,
    });
    [admin, listener] = await Promise.all([createAccount(t, 'admin'), createAccount(t, 'user')]);
    const jobs = t.app.get(JobQueueService);
    jobs.define({
      queue: FLAKY,
      schedule: null,
      expireInSeconds: 30,
      retryLimit: 2,
      retryDelaySeconds: 1,
      handler: async (data) => {
        attempts.push(Date.now());
        if (!healed) throw new Error(`flaky failure ${attempts.length}`);
        return { attempt: attempts.length, echo: data.echo };
      },
    });
    // Never by its own cron (1 January): only JOB_SCHEDULES makes it run.
    jobs.define({
      queue: SCHEDULED,
      schedule: '0 0 1 1 *',
      expireInSeconds: 30,
      retryLimit: 0,
      handler: async (data) => (scheduledRuns.push(data), { ran: true }),
    });
    warn = vi.spyOn(Logger.prototype, 'warn');
    await jobs.start();
  }, 60_000);
  afterAll(async () => {
    warn?.mockRestore();
    await t?.close();
  });

  const as = (account: TestAccount | null, call: request.Test) => (account ? call.set('authorization', account.bearer) : call);
  const get = (path: string, account: TestAccount | null = admin) => as(account, request(t.http).get(path));

  async function until<T>(what: string, read: () => Promise<T>, done: (value: T) => boolean, timeoutMs = 30_000): Promise<T> {
    const deadline = Date.now() + timeoutMs;
    for (;;) {
      const value = await read();
      if (done(value)) return value;
      if (Date.now() > deadline) throw new Error(`${what} within ${timeoutMs} ms; last seen: ${JSON.stringify(value)}`);
      await sleep(200);
    }
  }
  const job = async (id: string): Promise<JobBody> => (await get(`/api/jobs/${id}`).expect(200)).body;

  it('warns at start about JOB_SCHEDULES entries naming no queue', () => {
    expect(warn.mock.calls.map((call: unknown[]) => String(call[0]))).toContainEqual(
      expect.stringMatching(/JOB_SCHEDULES names queues that do not exist: no-such-queue/),
    );
  });

  it('retries a failing job with growing delays, lists it as failed with its error, and runs it again on request', async () => {
    const id = (await t.app.get(JobQueueService).send(FLAKY, { echo: 'hello' }))!;
    const failed = await until(
      'the flaky job failed',
      () => job(id),
      (body) => body.state === 'failed',
    );
    // One attempt and two retries, the second waiting about twice as long as the first (1-2 s, then 2-4 s).
    expect(attempts).toHaveLength(3);
    const [first, second, third] = attempts as [number, number, number];
    expect(second - first).toBeGreaterThanOrEqual(900);
    expect(third - second).toBeGreaterThanOrEqual(1900);
    expect(failed).toMatchObject({ queue: FLAKY, error: 'flaky failure 3', output: null, retry_count: 2, retry_limit: 2, data: { echo: 'hello' } });
    expect(failed.duration_ms).toEqual(expect.any(Number));

    const { body: listing } = await get(`/api/jobs?state=failed&queue=${FLAKY}`).expect(200);
    expect(listing).toMatchObject({ count: 1, page: 1, page_size: 20, next: null, previous: null });
    expect(listing.results).toEqual([failed]);

    healed = true;
    const { body: retried } = await as(admin, request(t.http).post(`/api/jobs/${id}/retry`)).expect(202);
    expect(retried).toMatchObject({ id, retry_limit: 3 });
    expect(['retry', 'active', 'completed']).toContain(retried.state);
    const completed = await until(
      'the retried job completed',
      () => job(id),
      (body) => body.state === 'completed',
    );
    expect(completed).toMatchObject({ error: null, output: { attempt: 4, echo: 'hello' }, retry_count: 3, retry_limit: 3 });
    expect(completed.duration_ms).toBeGreaterThanOrEqual(0);

    // Only failed or cancelled jobs run again.
    expect((await as(admin, request(t.http).post(`/api/jobs/${id}/retry`)).expect(409)).body.message).toBe(
      `Job ${id} is completed: only failed or cancelled jobs can be retried`,
    );
    await as(admin, request(t.http).post('/api/jobs/8c1f7a36-1a77-4a4e-9d65-4b1a6a5f0000/retry')).expect(404);
    await as(admin, request(t.http).post('/api/jobs/42/retry')).expect(404);
  }, 60_000);

  it('runs a cancelled job again, and refuses while another job of its queue already waits', async () => {
    const insert = async (values: string) =>
      (
        await t.prisma.$queryRawUnsafe<Array<{ id: string }>>(
          `INSERT INTO ${JOBS_SCHEMA}.job (name, state, data, start_after, completed_on, retry_limit, policy) VALUES ${values} RETURNING id::text AS id`,
          FLAKY,
        )
      )[0]!.id;
    // A queue keeps one job waiting: this one waits for an hour from now.
    const waiting = await insert(`($1, 'created', '{}', now() + interval '1 hour', NULL, 2, 'stately')`);
    const cancelled = await insert(`($1, 'cancelled', '{"echo": "again"}', now(), now(), 2, 'stately')`);
    const retry = () => as(admin, request(t.http).post(`/api/jobs/${cancelled}/retry`));
    expect((await retry().expect(409)).body.message).toBe(`A ${FLAKY} job is already waiting to run; retry this one after it has run`);
    await t.prisma.$executeRawUnsafe(`DELETE FROM ${JOBS_SCHEMA}.job WHERE name = $1 AND id = $2::uuid`, FLAKY, waiting);
    expect(['created', 'active', 'completed']).toContain((await retry().expect(202)).body.state);
    expect(
      await until(
        'the resumed job completed',
        () => job(cancelled),
        (body) => body.state === 'completed',
      ),
    ).toMatchObject({ output: { echo: 'again' }, error: null });
  }, 30_000);

  it('runs a queue on the cron JOB_SCHEDULES gives it, and shows every queue with its schedule, next run and counts', async () => {
    await until(
      'the scheduled job ran',
      async () => scheduledRuns.length,
      (runs) => runs > 0,
      45_000,
    );
    expect(scheduledRuns[0]).toEqual({ trigger: 'schedule' });
    const { body: listing } = await until(
      'the scheduled job is listed as completed',
      () => get(`/api/jobs?queue=${SCHEDULED}`).expect(200),
      (response) => response.body.results[0]?.state === 'completed',
    );
    expect(listing.results[0]).toMatchObject({ queue: SCHEDULED, data: { trigger: 'schedule' }, output: { ran: true }, error: null, retry_limit: 0 });

    const now = Date.now();
    const { body } = await get('/api/jobs/schedules').expect(200);
    const byQueue = Object.fromEntries((body.results as ScheduleBody[]).map((entry) => [entry.queue, entry]));
    expect(Object.keys(byQueue)).toEqual(expect.arrayContaining([GENRE_TRAINING_QUEUE, AUTH_CLEANUP_QUEUE, FLAKY, SCHEDULED]));
    // A new minute may have started another run meanwhile: the last run is one of the listed jobs.
    expect(byQueue[SCHEDULED]).toMatchObject({ cron: '* * * * *', overridden: true, retry_limit: 0, counts: { retry: 0, cancelled: 0, failed: 0 } });
    expect(byQueue[SCHEDULED]!.counts.completed).toBeGreaterThanOrEqual(1);
    const runs = (await get(`/api/jobs?queue=${SCHEDULED}`).expect(200)).body.results as JobBody[];
    expect(runs.map((run) => run.id)).toContain(byQueue[SCHEDULED]!.last_run!.id);
    const next = Date.parse(byQueue[SCHEDULED]!.next_run!);
    expect(next % 60_000).toBe(0);
    expect(next - now).toBeGreaterThan(-2_000);
    expect(next - now).toBeLessThanOrEqual(60_000);
    expect(byQueue[AUTH_CLEANUP_QUEUE]).toMatchObject({
      cron: null,
      overridden: true,
      next_run: null,
      retry_limit: 3,
      retry_delay_seconds: 30,
      retry_backoff: true,
    });
    expect(byQueue[GENRE_TRAINING_QUEUE]).toMatchObject({ cron: null, overridden: false, retry_limit: 0, last_run: null });
    expect(byQueue[FLAKY]).toMatchObject({ cron: null, retry_limit: 2, retry_delay_seconds: 1, counts: { completed: 2, failed: 0 } });
  }, 60_000);

  it('keeps the monitoring for admins: 401 without a token, 403 for other roles; 401 and 404 for a job others queued', async () => {
    const artist = await createAccount(t, 'artist');
    for (const path of ['/api/jobs', '/api/jobs/schedules']) {
      await get(path, null).expect(401);
      await get(path, listener).expect(403);
      await get(path, artist).expect(403);
    }
    const { body } = await get(`/api/jobs?queue=${FLAKY}`).expect(200);
    await as(null, request(t.http).post(`/api/jobs/${body.results[0].id}/retry`)).expect(401);
    await as(listener, request(t.http).post(`/api/jobs/${body.results[0].id}/retry`)).expect(403);
    await get(`/api/jobs/${body.results[0].id}`, null).expect(401);
    await get(`/api/jobs/${body.results[0].id}`, listener).expect(404);
  });

  it('names each bad filter in a 400', async () => {
    expect((await get('/api/jobs?state=bogus').expect(400)).body.message).toBe('state must be one of created, retry, active, completed, cancelled, failed');
    expect((await get('/api/jobs?page_size=500&page=0').expect(400)).body.message).toMatch(
      /^page must not be less than 1; page_size must not be greater than 100$/,
    );
    expect((await get('/api/jobs?sort=id').expect(400)).body.message).toBe('sort is not an allowed field');
  });

  it('pages the listing newest first', async () => {
    const { body: all } = await get('/api/jobs?page_size=100').expect(200);
    expect(all.count).toBeGreaterThanOrEqual(2);
    const created = (all.results as JobBody[]).map((entry) => Date.parse(entry.created_on));
    expect(created).toEqual([...created].sort((a, b) => b - a));
    const { body: second } = await get('/api/jobs?page=2&page_size=1').expect(200);
    expect(second).toMatchObject({ count: all.count, page: 2, page_size: 1, previous: '/api/jobs?page=1&page_size=1' });
    expect(second.results[0].id).toBe(all.results[1].id);
    expect((all.results as JobBody[]).every((entry) => !entry.queue.startsWith('__pgboss__'))).toBe(true);
  });

  it('brings an existing queue’s settings up to date when an instance starts with new ones', async () => {
    const settings = () =>
      t.prisma.$queryRawUnsafe<unknown[]>(`SELECT retry_limit, retry_delay, retry_backoff, expire_seconds FROM ${JOBS_SCHEMA}.queue WHERE name = $1`, FLAKY);
    expect(await settings()).toEqual([{ retry_limit: 2, retry_delay: 1, retry_backoff: true, expire_seconds: 30 }]);
    // A restart after a deploy that changed the definition: a second instance on the same database.
    const restarted = await createTestApp({ GENRE_TRAIN_CRON: 'off', JOB_SCHEDULES: `${AUTH_CLEANUP_QUEUE}=off` }, t);
    try {
      const jobs = restarted.app.get(JobQueueService);
      jobs.define({ queue: FLAKY, schedule: null, expireInSeconds: 45, retryLimit: 5, retryDelaySeconds: 7, retryBackoff: false, handler: async () => ({}) });
      await jobs.start();
      expect(await settings()).toEqual([{ retry_limit: 5, retry_delay: 7, retry_backoff: false, expire_seconds: 45 }]);
    } finally {
      await restarted.close();
    }
  });
});
