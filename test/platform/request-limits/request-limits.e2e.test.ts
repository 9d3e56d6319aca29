import request from 'supertest';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { RequestCounter } from '../../../src/platform/request-limits/request-counter.service.js';
import { createAccount, type TestAccount } from '../../support/accounts.js';
import { featureRow } from '../../support/dataset-rows.js';
import { createTestApp, type TestApp } from '../../support/test-app.js';

/**
 * Small budgets, windows of an hour (a test never straddles two), syncs only when a test asks
 * (RATE_LIMIT_SYNC_MS at its maximum), and client addresses from X-Forwarded-For, so each test
 * counts as clients of its own.
 */
const LIMITS = {
  RATE_LIMIT_ENABLED: 'true',
  RATE_LIMIT_WINDOW_SECONDS: '3600',
  RATE_LIMIT_PER_IP: '30',
  RATE_LIMIT_PER_ACCOUNT: '20',
  RATE_LIMIT_EXPENSIVE_COST: '10',
  RATE_LIMIT_SYNC_MS: '60000',
  TRUST_PROXY: 'loopback',
  GENRE_TRAIN_CRON: 'off',
};

describe('request limits', () => {
  let t: TestApp;
  let account: TestAccount;
  let nextAddress = 0;
  /** An address no other test uses. */
  const freshAddress = () => `198.51.100.${++nextAddress}`;

  beforeAll(async () => {
    t = await createTestApp(LIMITS);
    account = await createAccount(t);
  });
  afterAll(() => t?.close());

  const songsFrom = (app: TestApp, address: string) => request(app.http).get('/api/songs').set('x-forwarded-for', address);
  const spend = async (app: TestApp, address: string, requests: number) => {
    for (let i = 0; i < requests; i++) expect((await songsFrom(app, address)).status).toBe(200);
  };

  it('answers 429 in the error shape with Retry-After once an address has spent its budget', async () => {
    const address = freshAddress();
    await spend(t, address, 30);
    const refused = await songsFrom(t, address).expect(429);
    expect(refused.body).toMatchObject({
      statusCode: 429,
      error: 'Too Many Requests',
      message: expect.stringMatching(/^Too many requests from this address: try again in \d+ second\(s\)\.$/),
    });
    expect(refused.headers['retry-after']).toBe(String(refused.body.retry_after));
    expect(refused.body.retry_after).toBeGreaterThanOrEqual(1);
    expect(refused.body.retry_after).toBeLessThanOrEqual(3600);
  });

  it('lets other addresses through while one is refused', async () => {
    const refused = freshAddress();
    await spend(t, refused, 30);
    await songsFrom(t, refused).expect(429);
    await songsFrom(t, freshAddress()).expect(200);
  });

  it('charges a batch prediction as ten ordinary requests: three of them spend the budget of an address', async () => {
    const address = freshAddress();
    for (let i = 0; i < 3; i++) {
      expect(
        (
          await request(t.http)
            .post('/api/predict/batch')
            .set('x-forwarded-for', address)
            .send({ rows: [featureRow] })
        ).status,
      ).not.toBe(429);
    }
    await songsFrom(t, address).expect(429);
  });

  it("counts a signed-in account's requests from every address together", async () => {
    for (let i = 0; i < 20; i++)
      await request(t.http).get('/api/profile').set('authorization', account.bearer).set('x-forwarded-for', freshAddress()).expect(200);
    const refused = await request(t.http).get('/api/profile').set('authorization', account.bearer).set('x-forwarded-for', freshAddress()).expect(429);
    expect(refused.body.message).toMatch(/^Too many requests for this account/);
    expect(refused.headers['retry-after']).toBeDefined();
  });

  it('counts refusals in /api/metrics by the limit that refused', async () => {
    const refusals = async () =>
      Number(/^encore_request_limit_refusals_total\{limit="ip"\} (\d+)$/m.exec((await request(t.http).get('/api/metrics').expect(200)).text)?.[1] ?? 0);
    const before = await refusals();
    const address = freshAddress();
    await spend(t, address, 30);
    await songsFrom(t, address).expect(429);
    await songsFrom(t, address).expect(429);
    expect(await refusals()).toBe(before + 2);
  });

  it('never refuses the health check, which monitors poll', async () => {
    const address = freshAddress();
    await spend(t, address, 30);
    await songsFrom(t, address).expect(429);
    await request(t.http).get('/api/health').set('x-forwarded-for', address).expect(200);
  });

  it('refuses at one instance a client that spent most of its budget at another, once each has synced', async () => {
    const other = await createTestApp(LIMITS, t);
    try {
      const address = freshAddress();
      await spend(t, address, 28);
      await t.app.get(RequestCounter).sync();
      // The other instance has not heard of this client yet: it allows and learns the shared total at its sync.
      await spend(other, address, 1);
      await other.app.get(RequestCounter).sync();
      await spend(other, address, 1);
      await songsFrom(other, address).expect(429);
    } finally {
      await other.close();
    }
  });

  it('keeps the shared counts in PostgreSQL, one row per client and window', async () => {
    const address = freshAddress();
    await spend(t, address, 3);
    await t.app.get(RequestCounter).sync();
    const rows = await t.prisma.requestCount.findMany({ where: { bucket: `ip:${address}` } });
    expect(rows.map((r) => r.count)).toEqual([3]);
  });
});
