import request from 'supertest';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { JobQueueService } from '../../../src/platform/jobs/job-queue.service.js';
import { createAccount, type TestAccount } from '../../support/accounts.js';
import { createTestApp, type TestApp } from '../../support/test-app.js';

const QUEUE = 'test-owned';

/** Issue 20, finding 7: GET /api/jobs/:id showed any job's data and output to anyone holding its id. */
describe('job detail: admins and the account that queued the job only', () => {
  let t: TestApp;
  let admin: TestAccount;
  let owner: TestAccount;
  let stranger: TestAccount;
  let ownedJob: string;

  beforeAll(async () => {
    t = await createTestApp({ GENRE_TRAIN_CRON: 'off' });
    [admin, owner, stranger] = await Promise.all([createAccount(t, 'admin'), createAccount(t, 'user'), createAccount(t, 'user')]);
    const jobs = t.app.get(JobQueueService);
    jobs.define({
      queue: QUEUE,
      schedule: null,
      policy: 'standard',
      expireInSeconds: 30,
      retryLimit: 0,
      handler: async () => ({ secret: 'only for the owner' }),
    });
    await jobs.start();
    ownedJob = (await jobs.send(QUEUE, { note: 'private' }, { requestedBy: owner.id }))!;
  });
  afterAll(() => t?.close());

  const read = (id: string, account?: TestAccount) => {
    const call = request(t.http).get(`/api/jobs/${id}`);
    return account ? call.set('authorization', account.bearer) : call;
  };

  it('answers 401 to an anonymous caller holding a job id', async () => {
    await read(ownedJob).expect(401);
  });

  it("answers another account 404, word for word as for an id that names no job, so the id's existence is not confirmed", async () => {
    const unknown = '8c1f7a36-1a77-4a4e-9d65-4b1a6a5f0000';
    const refused = await read(ownedJob, stranger).expect(404);
    const missing = await read(unknown, stranger).expect(404);
    expect(refused.body.message).toBe(missing.body.message.replace(unknown, ownedJob));
    expect(JSON.stringify(refused.body)).not.toContain('private');
  });

  it('shows the job to the account that queued it and to an admin', async () => {
    expect((await read(ownedJob, owner).expect(200)).body).toMatchObject({ id: ownedJob, queue: QUEUE, data: { note: 'private', requested_by: owner.id } });
    expect((await read(ownedJob, admin).expect(200)).body.id).toBe(ownedJob);
  });

  it('records the admin who queues a genre training as its requester, so the job is theirs', async () => {
    const { body } = await request(t.http).post('/api/genre/train').set('authorization', admin.bearer).expect(202);
    expect((await read(body.job_id, admin).expect(200)).body.data).toMatchObject({ trigger: 'request', requested_by: admin.id });
    await read(body.job_id, owner).expect(404);
  });
});
