import request from 'supertest';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { loadConfig } from '../../../src/platform/config/app-config.js';
import { featureRow } from '../../support/dataset-rows.js';
import { createTestApp, type TestApp } from '../../support/test-app.js';

const defaults = loadConfig({});
/** How many expensive requests the shipped budget of one address holds. */
const expensiveRequestsPerAddress = Math.floor(defaults.RATE_LIMIT_PER_IP / defaults.RATE_LIMIT_EXPENSIVE_COST);

/**
 * Findings 2 and 9 of issue 20: anyone could loop POST /api/predict/batch (six clients stalled
 * every user), and registration had no limit. With the shipped budgets (windows of an hour here,
 * so a test never straddles two) one address is refused after its share of expensive requests.
 */
describe('expensive requests from one address, with the shipped request limits', () => {
  let t: TestApp;
  let nextAddress = 0;
  const freshAddress = () => `203.0.113.${++nextAddress}`;

  beforeAll(async () => {
    t = await createTestApp({ RATE_LIMIT_ENABLED: 'true', RATE_LIMIT_WINDOW_SECONDS: '3600', TRUST_PROXY: 'loopback', GENRE_TRAIN_CRON: 'off' });
  });
  afterAll(() => t?.close());

  it('refuses an anonymous client looping batch predictions, with Retry-After', async () => {
    const address = freshAddress();
    const batch = () =>
      request(t.http)
        .post('/api/predict/batch')
        .set('x-forwarded-for', address)
        .send({ rows: [featureRow] });
    for (let i = 0; i < expensiveRequestsPerAddress; i++) expect((await batch()).status).not.toBe(429);
    const refused = await batch().expect(429);
    expect(refused.headers['retry-after']).toMatch(/^\d+$/);
  });

  it('refuses an address registering account after account', async () => {
    const address = freshAddress();
    const register = (n: number) =>
      request(t.http)
        .post('/api/users')
        .set('x-forwarded-for', address)
        .send({ email: `many${n}@example.com`, username: `many${n}`, password: `Tunes-${n}-pass9`, display_name: `Many ${n}` });
    for (let n = 0; n < expensiveRequestsPerAddress; n++) await register(n).expect(201);
    await register(expensiveRequestsPerAddress).expect(429);
    expect(await t.prisma.user.count({ where: { username: { startsWith: 'many' } } })).toBe(expensiveRequestsPerAddress);
  });
});
