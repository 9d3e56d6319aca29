import request from 'supertest';
import { afterEach, describe, expect, it } from 'vitest';
import { createTestApp, type TestApp } from '../../support/test-app.js';

const PRODUCTION = { NODE_ENV: 'production', JWT_SECRET: 'metrics-finding-signing-key-32-chars', ANALYTICS_TOKEN_KEY: 'b'.repeat(64), GENRE_TRAIN_CRON: 'off' };
const TOKEN = 'metrics-finding-token-0123456789';

/**
 * Finding 9 of issue 20 (in part): GET /api/metrics was public in production unless METRICS_TOKEN
 * was set. In production it now needs the token; without one it is not there at all.
 */
describe('GET /api/metrics in production', () => {
  let t: TestApp | undefined;
  afterEach(async () => {
    await t?.close();
    t = undefined;
  });

  it('is not found without METRICS_TOKEN', async () => {
    t = await createTestApp(PRODUCTION);
    const response = await request(t.http).get('/api/metrics').expect(404);
    expect(response.body).toEqual({ statusCode: 404, error: 'Not Found', message: expect.stringContaining('METRICS_TOKEN') });
    expect(response.text).not.toContain('encore_http_requests_total');
  });

  it('answers only the bearer of METRICS_TOKEN when it is set', async () => {
    t = await createTestApp({ ...PRODUCTION, METRICS_TOKEN: TOKEN });
    await request(t.http).get('/api/metrics').expect(401);
    const allowed = await request(t.http).get('/api/metrics').set('authorization', `Bearer ${TOKEN}`).expect(200);
    expect(allowed.text).toContain('encore_http_requests_total');
  });
});
