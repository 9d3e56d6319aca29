import request from 'supertest';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { utcDay, addDays } from '../../../../src/features/analytics/ingestion/metric-rows.js';
import { createAccount, type TestAccount } from '../../../support/accounts.js';
import { createTestApp, type TestApp } from '../../../support/test-app.js';

describe('analytics ingestion: daily metrics (JSON and CSV), posts and fan events', () => {
  let t: TestApp;
  let owner: TestAccount;
  let otherArtist: TestAccount;
  let admin: TestAccount;
  let artistId: string;
  const yesterday = addDays(utcDay(), -1);
  const dayBefore = addDays(utcDay(), -2);

  beforeAll(async () => {
    t = await createTestApp();
    [owner, otherArtist, admin] = await Promise.all([createAccount(t, 'artist'), createAccount(t, 'artist'), createAccount(t, 'admin')]);
    artistId = owner.artistId!;
  });
  afterAll(() => t.close());

  const post = (path: string, account: TestAccount, body: object) =>
    request(t.http).post(`/api/analytics/artists/${artistId}/${path}`).set('authorization', account.bearer).send(body);
  const stored = () => t.prisma.artistMetricDaily.findMany({ where: { artistId }, orderBy: [{ date: 'asc' }, { platform: 'asc' }] });

  it('stores a batch once however often it is sent: the second time updates the same platform-days', async () => {
    const metrics = [
      { platform: 'spotify', date: dayBefore, followers: 1000, streams: 5000, saves: 40 },
      { platform: 'spotify', date: yesterday, followers: 1010, streams: 5200, saves: 42 },
      { platform: 'instagram', date: yesterday, followers: 800, likes: 90, comments: 4 },
    ];
    expect((await post('metrics', owner, { metrics }).expect(200)).body).toEqual({ inserted: 3, updated: 0, first_date: dayBefore, last_date: yesterday });
    expect((await post('metrics', owner, { metrics }).expect(200)).body).toEqual({ inserted: 0, updated: 3, first_date: dayBefore, last_date: yesterday });
    expect(await stored()).toHaveLength(3);
  });

  it('keeps the fields a row leaves out: a followers-only row does not zero the streams', async () => {
    await post('metrics', owner, { metrics: [{ platform: 'spotify', date: yesterday, followers: 1015 }] }).expect(200);
    const row = (await stored()).find((r) => r.platform === 'spotify' && r.date.toISOString().startsWith(yesterday))!;
    expect(row).toMatchObject({ followers: 1015, streams: 5200, saves: 42 });
  });

  it('names every bad row and field, and stores nothing from a bad batch', async () => {
    const before = await stored();
    const { body } = await post('metrics', owner, {
      metrics: [
        { platform: 'myspace', date: yesterday },
        { platform: 'spotify', date: '2026-02-30', followers: -1 },
        { platform: 'tiktok', date: addDays(utcDay(), 2), views: 3 },
        { platform: 'youtube', date: yesterday, views: 1 },
        { platform: 'youtube', date: yesterday, views: 2 },
      ],
    }).expect(400);
    expect(body.message).toContain('metrics.0.platform must be one of spotify, instagram, tiktok, youtube, apple_music');
    expect(body.message).toContain('metrics.1.followers must not be less than 0');
    expect(await stored()).toEqual(before);
    const days = await post('metrics', owner, {
      metrics: [
        { platform: 'spotify', date: '2026-02-30' },
        { platform: 'tiktok', date: addDays(utcDay(), 2) },
        { platform: 'youtube', date: yesterday },
        { platform: 'youtube', date: yesterday },
      ],
    }).expect(400);
    expect(days.body.message).toBe(
      `metrics[0].date: 2026-02-30 is not a calendar day; metrics[1].date: ${addDays(utcDay(), 2)} is in the future; metrics[3]: youtube on ${yesterday} is also in metrics[2]`,
    );
  });

  it('reads the same rows from a CSV, naming bad lines by number', async () => {
    const csv = `Platform,Date,Followers,Streams,Playlist Adds\nspotify,${dayBefore},1001,5100,7\ntiktok,${yesterday},300,,\n`;
    const { body } = await request(t.http)
      .post(`/api/analytics/artists/${artistId}/metrics/csv`)
      .set('authorization', owner.bearer)
      .attach('file', Buffer.from(csv), 'metrics.csv')
      .expect(200);
    expect(body).toEqual({ inserted: 1, updated: 1, first_date: dayBefore, last_date: yesterday });
    expect((await stored()).find((r) => r.platform === 'spotify' && r.date.toISOString().startsWith(dayBefore))).toMatchObject({
      followers: 1001,
      streams: 5100,
      playlistAdds: 7,
      saves: 40,
    });

    const bad = await request(t.http)
      .post(`/api/analytics/artists/${artistId}/metrics/csv`)
      .set('authorization', owner.bearer)
      .attach('file', Buffer.from(`platform,date,followers\nspotify,${yesterday},many\n`), 'metrics.csv')
      .expect(400);
    expect(bad.body.message).toBe('line 2.followers must be an integer number');
    const unknown = await request(t.http)
      .post(`/api/analytics/artists/${artistId}/metrics/csv`)
      .set('authorization', owner.bearer)
      .attach('file', Buffer.from(`platform,date,follwers\nspotify,${yesterday},5\n`), 'metrics.csv')
      .expect(400);
    expect(unknown.body.message).toMatch(/^file: unknown column\(s\) follwers; known columns are platform, date, followers/);
    const empty = await request(t.http)
      .post(`/api/analytics/artists/${artistId}/metrics/csv`)
      .set('authorization', owner.bearer)
      .attach('file', Buffer.from(''), 'metrics.csv')
      .expect(400);
    expect(empty.body.message).toMatch(/^file: the CSV is empty/);
    await request(t.http)
      .post(`/api/analytics/artists/${artistId}/metrics/csv`)
      .set('authorization', owner.bearer)
      .expect(400, /file is required/);
  });

  it('updates a post sent again by its platform id', async () => {
    const posts = [{ platform: 'instagram', external_id: 'C1x', posted_at: `${yesterday}T10:00:00Z`, likes: 10 }];
    expect((await post('posts', owner, { posts }).expect(200)).body).toEqual({ inserted: 1, updated: 0 });
    expect((await post('posts', owner, { posts: [{ ...posts[0], likes: 25 }] }).expect(200)).body).toEqual({ inserted: 0, updated: 1 });
    expect(await t.prisma.artistPost.findMany({ where: { artistId }, select: { likes: true } })).toEqual([{ likes: 25 }]);
  });

  it('stores a fan event once, and refuses events in the future', async () => {
    const events = [
      { fan_id: 'fan-1', occurred_at: `${yesterday}T20:00:00Z`, streams: 3 },
      { fan_id: 'fan-2', occurred_at: `${yesterday}T21:00:00+02:00`, saves: 1 },
    ];
    expect((await post('fan-events', owner, { events }).expect(200)).body).toEqual({ inserted: 2, updated: 0 });
    expect((await post('fan-events', owner, { events }).expect(200)).body).toEqual({ inserted: 0, updated: 0 });
    const future = await post('fan-events', owner, { events: [{ fan_id: 'fan-3', occurred_at: `${addDays(utcDay(), 3)}T00:00:00Z` }] }).expect(400);
    expect(future.body.message).toBe('events[0].occurred_at is in the future');
  });

  it("lets only the artist's team and admins write, and a team member joins by membership", async () => {
    const row = { metrics: [{ platform: 'youtube', date: yesterday, views: 5 }] };
    await request(t.http).post(`/api/analytics/artists/${artistId}/metrics`).send(row).expect(401);
    expect((await post('metrics', otherArtist, row).expect(403)).body.message).toBe("Only the artist's team (or an admin) may use this artist's analytics.");
    await post('metrics', admin, row).expect(200);
    const manager = await createAccount(t, 'user');
    await post('metrics', manager, row).expect(403);
    await t.prisma.artistTeamMember.create({ data: { artistId, userId: manager.id } });
    await post('metrics', manager, row).expect(200);
    await request(t.http).post('/api/analytics/artists/6f1c1b7e-0000-4000-8000-000000000000/metrics').set('authorization', admin.bearer).send(row).expect(404);
  });
});
