import request from 'supertest';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { DemoAnalyticsService } from '../../src/analytics/demo/demo-analytics.service.js';
import { AnalyticsScoringJobs } from '../../src/analytics/jobs/analytics-scoring.jobs.js';
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
});
