import request from 'supertest';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { DemoAnalyticsService } from '../../src/features/analytics/demo/demo-analytics.service.js';
import { AnalyticsScoringJobs } from '../../src/features/analytics/jobs/analytics-scoring.jobs.js';
import { createAccount, type TestAccount } from '../support/accounts.js';
import { shapeDifferences } from '../support/documented-shape.js';
import { createTestApp, type TestApp } from '../support/test-app.js';

/** What FanPulse's document (../shared/seeds/003) says each score call returns. */
const FVS = { fvs: 78.5, breakdown: {} };
const MOMENTUM = { momentum_index: 7.8, status: 'rapid_growth' };
const BREAKOUT = { prediction: 'high', probability: 0.85 };
const MOMENTUM_STATUSES = ['declining', 'stable', 'growing', 'rapid_growth', 'viral'];

/** FanPulse's clients (document 003) replayed against Encore. */
describe('clients of FanPulse', () => {
  let t: TestApp;
  let admin: TestAccount;
  let artistId: string;

  beforeAll(async () => {
    t = await createTestApp();
    admin = await createAccount(t, 'admin');
    await t.app.get(DemoAnalyticsService).import();
    await t.app.get(AnalyticsScoringJobs).scoreEverything();
    artistId = (await t.prisma.artist.findFirstOrThrow({ where: { name: 'Marama Bay' } })).id;
  }, 120_000);
  afterAll(() => t.close());

  const get = (path: string) => request(t.http).get(`/api${path}`).set('authorization', admin.bearer).expect(200);

  it('GET /api/analytics/{artist_id}/fvs answers fvs on 0–100 and its breakdown', async () => {
    const { body } = await get(`/analytics/${artistId}/fvs`);
    expect(shapeDifferences(body, FVS)).toEqual([]);
    expect(body.fvs).toBeGreaterThanOrEqual(0);
    expect(body.fvs).toBeLessThanOrEqual(100);
    expect(Object.keys(body.breakdown).sort()).toEqual(['conversion', 'engagement', 'growth', 'reach']);
  });

  it('GET /api/analytics/{artist_id}/momentum answers momentum_index on 0–10 and one of the documented statuses', async () => {
    const { body } = await get(`/analytics/${artistId}/momentum`);
    expect(shapeDifferences(body, MOMENTUM)).toEqual([]);
    expect(body.momentum_index).toBeGreaterThanOrEqual(0);
    expect(body.momentum_index).toBeLessThanOrEqual(10);
    expect(MOMENTUM_STATUSES).toContain(body.status);
  });

  it('GET /api/analytics/{artist_id}/breakout-prediction answers a prediction level and a probability on 0–1', async () => {
    const { body } = await get(`/analytics/${artistId}/breakout-prediction`);
    expect(shapeDifferences(body, BREAKOUT)).toEqual([]);
    expect(['low', 'medium', 'high']).toContain(body.prediction);
    expect(body.probability).toBeGreaterThanOrEqual(0);
    expect(body.probability).toBeLessThanOrEqual(1);
  });

  it('POST /api/auth/register with email and password, then POST /api/auth/login as JSON or as an OAuth2 form, and GET /api/auth/me', async () => {
    const account = { email: 'fan.pulse@example.com', password: 'Pulse-2026-fans' };
    const registered = await request(t.http).post('/api/auth/register').send(account).expect(201);
    expect(registered.body).toMatchObject({ access_token: expect.any(String), token_type: 'bearer', user: { email: account.email, username: 'fan.pulse' } });
    const json = await request(t.http).post('/api/auth/login').send(account).expect(200);
    const form = await request(t.http).post('/api/auth/login').type('form').send({ username: account.email, password: account.password }).expect(200);
    for (const { body } of [json, form]) {
      expect(body).toMatchObject({ access_token: expect.any(String), token_type: 'bearer' });
      const me = await request(t.http).get('/api/auth/me').set('authorization', `Bearer ${body.access_token}`).expect(200);
      expect(me.body.email).toBe(account.email);
    }
  });

  it('GET /api/analytics/{artist_id}/superfans answers the fan segments', async () => {
    const { body } = await get(`/analytics/${artistId}/superfans`);
    expect(Object.keys(body.segments).sort()).toEqual(['casual', 'dormant', 'engaged', 'superfan']);
  });

  it('GET /api/spotify/callback is served: without Spotify’s code and state it says what is missing', async () => {
    const response = await request(t.http).get('/api/spotify/callback');
    expect(response.status).toBeGreaterThanOrEqual(300);
    expect(response.status).not.toBe(404);
    expect(response.status).toBeLessThan(500);
  });

  it('GET /api/dashboard/stats and /top-performers answer the analytics dashboard', async () => {
    const stats = await get('/dashboard/stats');
    expect(stats.body).toEqual((await get('/analytics/dashboard/stats')).body);
    const top = await get('/dashboard/top-performers?by=momentum&limit=1');
    expect(top.body.results[0]).toMatchObject({ id: artistId });
  });

  it.each([
    ['post', '/api/artists/import-spotify'],
    ['get', '/api/spotify/authorize'],
    ['get', '/api/spotify/disconnect'],
  ] as const)('%s %s is served (it asks for a signed-in caller)', async (method, path) => {
    await request(t.http)[method](path).expect(401);
  });
});
