import request from 'supertest';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { addDays, utcDay } from '../../../../src/features/analytics/ingestion/metric-rows.js';
import { ReleaseScoresService } from '../../../../src/features/analytics/releases/release-scores.service.js';
import { createAccount, type TestAccount } from '../../../support/accounts.js';
import { uploadSong } from '../../../support/catalog.js';
import { createTestApp, type TestApp } from '../../../support/test-app.js';

const DAY_MS = 86_400_000;

describe('release scores', () => {
  let t: TestApp;
  let artist: TestAccount;
  let other: TestAccount;
  let admin: TestAccount;
  let member: TestAccount;
  let likers: string[];
  const ids = new Map<string, string>();
  // Scored at noon today (UTC), so the days of a young release's first week are exact.
  const today = utcDay();
  const now = new Date(`${today}T12:00:00Z`);
  const released = (daysAgo: number) => addDays(today, -daysAgo);
  /** `days` days after the song's release date's midnight. */
  const at = (releaseDaysAgo: number, days: number) => new Date(Date.parse(`${released(releaseDaysAgo)}T00:00:00Z`) + days * DAY_MS);

  const song = async (account: TestAccount, title: string, daysAgo: number, visibility: 'public' | 'private' = 'public') => {
    const { id } = await uploadSong(t, account, { title, release_date: released(daysAgo), visibility });
    ids.set(title, id);
    return id;
  };
  const plays = (songId: string, count: number, playedAt: Date) =>
    t.prisma.songPlay.createMany({ data: Array.from({ length: count }, () => ({ songId, playedAt })) });
  let nextLiker = 0;
  const likes = (songId: string, count: number, createdAt: Date) =>
    t.prisma.songLike.createMany({ data: Array.from({ length: count }, () => ({ songId, userId: likers[nextLiker++ % likers.length]!, createdAt })) });

  beforeAll(async () => {
    t = await createTestApp();
    [artist, other, admin, member] = await Promise.all([
      createAccount(t, 'artist'),
      createAccount(t, 'artist'),
      createAccount(t, 'admin'),
      createAccount(t, 'user'),
    ]);
    await t.prisma.artistTeamMember.create({ data: { artistId: artist.artistId!, userId: member.id } });
    await t.prisma.user.createMany({
      data: Array.from({ length: 20 }, (_, i) => ({
        email: `liker${i}-${process.pid}@example.com`,
        username: `liker${i}x${process.pid}`,
        passwordHash: 'unused',
        displayName: `Liker ${i}`,
      })),
    });
    likers = (await t.prisma.user.findMany({ where: { username: { startsWith: 'liker' } }, select: { id: true } })).map((user) => user.id);

    // The artist's earlier releases, first weeks of 40, 60 and 100 plays (plays after the first week do not count).
    await plays(await song(artist, 'Old One', 100), 40, at(100, 1.5)).then(() => plays(ids.get('Old One')!, 10, at(100, 30)));
    await plays(await song(artist, 'Old Two', 80), 60, at(80, 6.9));
    await plays(await song(artist, 'Old Three', 70), 100, at(70, 0.1));
    // Released 20 days ago: 120 first-week plays and 6 likes; 30 plays and 2 likes later on.
    const fresh = await song(artist, 'Fresh', 20);
    await plays(fresh, 120, at(20, 2));
    await plays(fresh, 30, at(20, 10));
    await likes(fresh, 6, at(20, 3));
    await likes(fresh, 2, at(20, 12));
    // Released 3 days ago, scored 3.5 days in: 28 plays and 7 likes so far.
    const newest = await song(artist, 'Newest', 3);
    await plays(newest, 28, at(3, 1));
    await likes(newest, 7, at(3, 2));
    // Private songs are not releases.
    await plays(await song(artist, 'Demo Take', 5, 'private'), 50, at(5, 1));
    // Another artist's first release: 9 plays, no likes.
    await plays(await song(other, 'Debut', 10), 9, at(10, 1));
  }, 120_000);
  afterAll(() => t?.close());

  const get = (artistId: string, account?: TestAccount) => {
    const call = request(t.http).get(`/api/analytics/${artistId}/releases`);
    return account ? call.set('authorization', account.bearer) : call;
  };

  it('scores the releases of the last 56 days as documented', async () => {
    expect(await t.app.get(ReleaseScoresService).scoreRecentReleases(now)).toEqual({ songs: 3, artists: 2 });

    const { body } = await get(artist.artistId!, artist).expect(200);
    expect(body).toMatchObject({ artist: { id: artist.artistId }, count: 2, page: 1, next: null });
    expect(body.results).toEqual([
      // 28 plays in 3.5 days → 56 projected; earlier first weeks 40, 60, 100, 120 → median 80, relative 0.7.
      // P = log10(57)/4 = 0.43897, R = 0.7/2 = 0.35, L = min(1, (7/28)/0.1) = 1
      // 100 × (0.5 × 0.43897 + 0.3 × 0.35 + 0.2 × 1) = 52.45
      {
        song_id: ids.get('Newest'),
        title: 'Newest',
        release_date: released(3),
        plays: 28,
        likes: 7,
        relative_to_artist: 0.7,
        score: 52.4,
        first_week_complete: false,
        computed_at: now.toISOString(),
      },
      // 120 plays; earlier first weeks 40, 60, 100 → median 60, relative 2.
      // P = log10(121)/4 = 0.52070, R = 1, L = (6/120)/0.1 = 0.5 → 100 × (0.26035 + 0.3 + 0.1) = 66.03
      {
        song_id: ids.get('Fresh'),
        title: 'Fresh',
        release_date: released(20),
        plays: 120,
        likes: 6,
        relative_to_artist: 2,
        score: 66,
        first_week_complete: true,
        computed_at: now.toISOString(),
      },
    ]);

    // A first release: no relative, the neutral part. P = log10(10)/4 = 0.25 → 100 × (0.125 + 0.15 + 0) = 27.5
    const debut = await get(other.artistId!, other).expect(200);
    expect(debut.body.results).toEqual([expect.objectContaining({ title: 'Debut', plays: 9, likes: 0, relative_to_artist: null, score: 27.5 })]);
  });

  it('replaces the scores when the job runs again', async () => {
    await plays(ids.get('Newest')!, 28, at(3, 3));
    await t.app.get(ReleaseScoresService).scoreRecentReleases(now);
    expect(await t.prisma.releaseScore.count()).toBe(3);
    // 56 plays → 112 projected, relative 112/80 = 1.4: 100 × (0.5 × log10(113)/4 + 0.3 × 0.7 + 0.2 × min(1, (7/56)/0.1)) = 66.66
    expect(await t.prisma.releaseScore.findUniqueOrThrow({ where: { songId: ids.get('Newest')! } })).toMatchObject({
      plays: 56,
      relativeToArtist: 1.4,
      score: 66.7,
    });
  });

  it("is for the artist's team and admins", async () => {
    await get(artist.artistId!).expect(401);
    await get(artist.artistId!, other).expect(403);
    expect((await get(artist.artistId!, member).expect(200)).body.count).toBe(2);
    expect((await get(artist.artistId!, admin).expect(200)).body.count).toBe(2);
    await get('00000000-0000-4000-8000-000000000000', admin).expect(404);
    await get('not-a-uuid', admin).expect(400, /artistId must be a UUID/);
    expect((await get(artist.artistId!, artist).query({ page_size: 1 }).expect(200)).body).toMatchObject({
      count: 2,
      next: `/api/analytics/${artist.artistId}/releases?page_size=1&page=2`,
      results: [{ title: 'Newest' }],
    });
  });
});
