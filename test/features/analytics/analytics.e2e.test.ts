import request from 'supertest';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { DemoAnalyticsService } from '../../../src/features/analytics/demo/demo-analytics.service.js';
import { AnalyticsScoringJobs } from '../../../src/features/analytics/jobs/analytics-scoring.jobs.js';
import { createAccount, type TestAccount } from '../../support/accounts.js';
import { createTestApp, type TestApp } from '../../support/test-app.js';

describe('fan analytics on the demo label', () => {
  let t: TestApp;
  let admin: TestAccount;
  const ids = new Map<string, string>();

  beforeAll(async () => {
    t = await createTestApp();
    admin = await createAccount(t, 'admin');
    await t.app.get(DemoAnalyticsService).import();
    await t.app.get(AnalyticsScoringJobs).scoreEverything();
    for (const artist of await t.prisma.artist.findMany({ select: { id: true, name: true } })) ids.set(artist.name, artist.id);
  }, 120_000);
  afterAll(() => t.close());

  const get = (path: string, account = admin) => request(t.http).get(`/api/analytics${path}`).set('authorization', account.bearer);

  it('gives the viral artist a viral spike alert', async () => {
    const { body } = await get(`/alerts?artist_id=${ids.get('Marama Bay')}&type=viral_spike`).expect(200);
    expect(body.count).toBeGreaterThanOrEqual(1);
    expect(body.results[0]).toMatchObject({ artist_name: 'Marama Bay', type: 'viral_spike', acknowledged_at: null, details: { z_score: expect.any(Number) } });
  });

  it('alerts on the viral momentum and the likely breakout, once each this week', async () => {
    const { body } = await get(`/alerts?artist_id=${ids.get('Marama Bay')}`).expect(200);
    const types = body.results.map((alert: { type: string }) => alert.type);
    expect(types.filter((type: string) => type === 'viral_momentum')).toHaveLength(1);
    expect(types.filter((type: string) => type === 'breakout')).toHaveLength(1);
    const others = await t.prisma.analyticsAlert.count({ where: { artistId: { not: ids.get('Marama Bay') } } });
    expect(others).toBe(0);
  });

  it('ranks the viral artist first by momentum, and calls the declining artist declining', async () => {
    const momenta = new Map<string, { index: number; status: string }>();
    for (const [name, id] of ids) momenta.set(name, (await get(`/${id}/momentum`).expect(200)).body);
    const viral = momenta.get('Marama Bay')!.index;
    for (const [name, momentum] of momenta) if (name !== 'Marama Bay') expect(momentum.index, name).toBeLessThan(viral);
    expect(momenta.get('Marama Bay')!.status).toBe('viral');
    expect(momenta.get('The Dust Riders')!.status).toBe('declining');
    const top = await get('/dashboard/top-performers?by=momentum&limit=3').expect(200);
    expect(top.body.results[0]).toMatchObject({ name: 'Marama Bay', scores: { momentum: viral } });
  });

  it('answers the Fan Value Score with its four weighted components', async () => {
    const { body } = await get(`/${ids.get('Harbour Lights')}/fvs?days=30`).expect(200);
    expect(body).toMatchObject({ artist: { name: 'Harbour Lights' }, window_days: 30, score: expect.any(Number) });
    expect(Object.fromEntries(Object.entries(body.components).map(([name, part]) => [name, (part as { weight: number }).weight]))).toEqual({
      engagement: 0.4,
      growth: 0.3,
      reach: 0.2,
      conversion: 0.1,
    });
  });

  it('predicts a breakout for the viral artist and says which model answered', async () => {
    const viral = (await get(`/${ids.get('Marama Bay')}/breakout-prediction`).expect(200)).body;
    const plateau = (await get(`/${ids.get('Kōwhai')}/breakout-prediction`).expect(200)).body;
    expect(viral).toMatchObject({ label: 'high', model: expect.stringMatching(/^(random_forest|logistic)$/), horizon_days: 90, factor: 2 });
    expect(viral.probability).toBeGreaterThan(plateau.probability);
    expect(plateau.label).toBe('low');
  });

  it('segments fans into superfans, engaged, casual and dormant', async () => {
    const { body } = await get(`/${ids.get('Harbour Lights')}/superfans?top=5`).expect(200);
    expect(Object.keys(body.segments).sort()).toEqual(['casual', 'dormant', 'engaged', 'superfan']);
    expect(body.segments.superfan.count).toBeGreaterThan(0);
    expect(body.top_superfans.length).toBeLessThanOrEqual(5);
  });

  it('lists the artists with their latest scores and the dashboard totals', async () => {
    const list = await get('/artists').expect(200);
    expect(list.body.count).toBe(5);
    expect(list.body.results.find((a: { name: string }) => a.name === 'The Dust Riders')).toMatchObject({
      platforms: ['instagram', 'spotify', 'tiktok', 'youtube'],
      scores: { momentum_status: 'declining' },
    });
    const stats = await get('/dashboard/stats').expect(200);
    expect(stats.body).toMatchObject({ artists: 5, total_followers: expect.any(Number), momentum_statuses: { declining: expect.any(Number) } });
    const detail = await get(`/artists/${ids.get('Marama Bay')}?days=60`).expect(200);
    expect(detail.body.series).toHaveLength(60);
    expect(detail.body.spikes.length).toBeGreaterThanOrEqual(1);
  });

  it('shows an artist account its own artist only', async () => {
    const artist = await createAccount(t, 'artist');
    expect((await get('/artists', artist).expect(200)).body.results.map((a: { id: string }) => a.id)).toEqual([artist.artistId]);
    await get(`/${ids.get('Marama Bay')}/fvs`, artist).expect(403);
    await get(`/alerts?artist_id=${ids.get('Marama Bay')}`, artist).expect(200, /"count":0/);
  });

  it('acknowledges an alert once, for its team', async () => {
    const [alert] = (await get('/alerts?acknowledged=false').expect(200)).body.results;
    const listener = await createAccount(t, 'user');
    await request(t.http).post(`/api/analytics/alerts/${alert.id}/acknowledge`).set('authorization', listener.bearer).expect(403);
    const first = await request(t.http).post(`/api/analytics/alerts/${alert.id}/acknowledge`).set('authorization', admin.bearer).expect(200);
    expect(first.body.acknowledged_at).not.toBeNull();
    const again = await request(t.http).post(`/api/analytics/alerts/${alert.id}/acknowledge`).set('authorization', admin.bearer).expect(200);
    expect(again.body.acknowledged_at).toBe(first.body.acknowledged_at);
  });

  it('runs the detections again without repeating an alert', async () => {
    const before = await t.prisma.analyticsAlert.count();
    await t.app.get(AnalyticsScoringJobs).scoreEverything();
    expect(await t.prisma.analyticsAlert.count()).toBe(before);
  });

  it('refuses bad query parameters by name', async () => {
    expect((await get(`/${ids.get('Kōwhai')}/fvs?days=0`).expect(400)).body.message).toBe('days must not be less than 1');
    expect((await get('/dashboard/top-performers?by=likes').expect(400)).body.message).toBe('by must be fvs or momentum');
    expect((await get('/not-a-uuid/momentum').expect(400)).body.message).toBe('artistId must be a UUID');
  });
});
