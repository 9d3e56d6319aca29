import { setTimeout as sleep } from 'node:timers/promises';
import request from 'supertest';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { ANALYTICS_SYNC_QUEUE, AnalyticsSyncJob } from '../../../../src/features/analytics/connectors/analytics-sync.job.js';
import { utcDay } from '../../../../src/features/analytics/ingestion/metric-rows.js';
import { JobQueueService } from '../../../../src/platform/jobs/job-queue.service.js';
import { createAccount, type TestAccount } from '../../../support/accounts.js';
import { FakeSpotify } from '../../../support/fake-spotify.js';
import { createTestApp, type TestApp } from '../../../support/test-app.js';

const IDS = ['1WgXqy2Dd70QQOU7Ay074N', '3TVXtAsR1Inumwj472S9r4', '6qqNVTkY8uBg9cP3Jd7DAH'] as const;

describe('the analytics-sync job and the connector registry', () => {
  const spotify = new FakeSpotify();
  let t: TestApp;
  let artists: TestAccount[];

  beforeAll(async () => {
    spotify.start();
    t = await createTestApp({ ...spotify.env, SPOTIFY_MAX_RETRIES: '0', GENRE_TRAIN_CRON: 'off' });
    artists = await Promise.all(IDS.map(() => createAccount(t, 'artist')));
    for (const [index, id] of IDS.entries()) {
      spotify.addArtist({ id, name: `Artist ${index}`, followers: { href: null, total: 1000 * (index + 1) }, popularity: 10 * (index + 1) });
      await request(t.http).post('/api/analytics/artists/import-spotify').set('authorization', artists[index]!.bearer).send({ spotify: id }).expect(201);
    }
    // An Instagram account: ingestion-only, so the job skips it.
    await t.prisma.artistPlatformAccount.create({ data: { artistId: artists[0]!.artistId!, platform: 'instagram', externalId: 'aurora.insta' } });
  });
  afterAll(async () => {
    await t?.close();
    spotify.stop();
  });

  const todaysFollowers = async (artistId: string) =>
    (
      await t.prisma.artistMetricDaily.findUnique({
        where: { artistId_platform_date: { artistId, platform: 'spotify', date: new Date(`${utcDay()}T00:00:00Z`) } },
      })
    )?.followers;

  it('lists every platform as synced by a connector or ingestion-only', async () => {
    const { body } = await request(t.http).get('/api/analytics/connectors').set('authorization', artists[0]!.bearer).expect(200);
    expect(body).toEqual([
      { platform: 'spotify', mode: 'connector', configured: true, note: expect.stringContaining('every 6 hours') },
      ...['instagram', 'tiktok', 'youtube', 'apple_music'].map((platform) => ({
        platform,
        mode: 'ingestion_only',
        configured: false,
        note: expect.stringContaining('JSON or CSV'),
      })),
    ]);
    await request(t.http).get('/api/analytics/connectors').expect(401);
  });

  it('syncs every linked Spotify artist through the queue and reports {synced, failed, skipped}', async () => {
    for (const [index, id] of IDS.entries())
      spotify.addArtist({ id, name: `Artist ${index}`, followers: { href: null, total: 2000 * (index + 1) }, popularity: 50 });
    const before = await t.prisma.artistPlatformAccount.findMany({ where: { platform: 'spotify' } });
    const jobs = t.app.get(JobQueueService);
    await jobs.start();
    const id = (await jobs.send(ANALYTICS_SYNC_QUEUE, {}))!;
    let job = await jobs.find(id);
    for (const deadline = Date.now() + 30_000; job?.state !== 'completed' && job?.state !== 'failed' && Date.now() < deadline; job = await jobs.find(id))
      await sleep(200);
    expect(job).toMatchObject({ state: 'completed', output: { synced: 3, failed: 0, skipped: 1, errors: [] } });
    for (const [index, artist] of artists.entries()) expect(await todaysFollowers(artist.artistId!)).toBe(2000 * (index + 1));
    const after = await t.prisma.artistPlatformAccount.findMany({ where: { platform: 'spotify' } });
    for (const account of after) {
      expect(account.lastSyncAt!.getTime()).toBeGreaterThan(before.find((b) => b.artistId === account.artistId)!.lastSyncAt!.getTime());
    }
    // One row per artist and day, however often it runs.
    expect(await t.prisma.artistMetricDaily.count({ where: { platform: 'spotify' } })).toBe(3);
  });

  it('counts an artist Spotify no longer has as failed and still syncs the others', async () => {
    spotify.artists.delete(IDS[1]);
    try {
      const result = await t.app.get(AnalyticsSyncJob).run();
      expect(result).toMatchObject({
        synced: 2,
        failed: 1,
        skipped: 1,
        errors: [{ artist_id: artists[1]!.artistId, platform: 'spotify', external_id: IDS[1], error: `Spotify has no artist ${IDS[1]}` }],
      });
    } finally {
      spotify.addArtist({ id: IDS[1], name: 'Artist 1' });
    }
  });

  it('fails the job only when Spotify is unavailable for every account', async () => {
    spotify.script('/v1/artists', ...IDS.map(() => ({ status: 503, body: { error: { status: 503, message: 'Service unavailable' } } })));
    await expect(t.app.get(AnalyticsSyncJob).run()).rejects.toThrow(/all 3 account\(s\) failed, the platform is unavailable/);
    // One answer among the outages: a partial run, reported, not thrown.
    spotify.script('/v1/artists', ...IDS.slice(1).map(() => ({ status: 503, body: { error: { status: 503, message: 'Service unavailable' } } })));
    expect(await t.app.get(AnalyticsSyncJob).run()).toMatchObject({ synced: 1, failed: 2, skipped: 1 });
  });
});
