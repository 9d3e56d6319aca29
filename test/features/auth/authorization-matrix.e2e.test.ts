import { createHash } from 'node:crypto';
import request from 'supertest';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { AUTH_CLEANUP_QUEUE } from '../../../src/features/auth/auth-cleanup.job.js';
import { JOBS_SCHEMA, JobQueueService } from '../../../src/platform/jobs/job-queue.service.js';
import { createAccount, type TestAccount } from '../../support/accounts.js';
import { onePixelPng, toneWav } from '../../support/audio-files.js';
import { uploadSong } from '../../support/catalog.js';
import { createDatasetSong, createPrediction } from '../../support/dataset-rows.js';
import { FakeSpotify } from '../../support/fake-spotify.js';
import { createTestApp, type TestApp } from '../../support/test-app.js';

const CALLERS = ['anonymous', 'user', 'other artist', 'owner', 'admin'] as const;
type Caller = (typeof CALLERS)[number];

/** What a row's request may use, made fresh for each cell: the owner's song, album and public playlist, and admin-only rows. */
interface Fixture {
  songId: string;
  albumId: string;
  artistId: string;
  playlistId: string;
  playlistItemId: number;
  datasetSongId: number;
  predictionId: number;
  victimUserId: string;
  victimUsername: string;
  /** An alert on the owner's artist. */
  alertId: string;
  /** A failed job of a real queue (retrying it runs that queue's job). */
  failedJobId: string;
  unique: string;
}

interface Row {
  endpoint: string;
  /** Expected status per caller, in CALLERS order. */
  expected: [number, number, number, number, number];
  /** Puts the calling account in the state the row needs (e.g. with or without a subscription). */
  prepare?(t: TestApp, account: TestAccount): Promise<unknown>;
  send(http: TestApp['http'], fixture: Fixture): request.Test;
}

const month = () => ({ currentPeriodStart: new Date(), currentPeriodEnd: new Date(Date.now() + 30 * 86_400_000) });

let cell = 0;
/** The refresh token of a second login of the account the logout row's cell signs out. */
let spareLogin: string | undefined;
/** Spotify for import-spotify: each cell imports an artist of its own (a fresh 22-character id). */
const spotify = new FakeSpotify();
const spotifyArtistFor = (unique: string) =>
  spotify.addArtist({ id: createHash('sha256').update(unique).digest('hex').slice(0, 22), name: `Spotify ${unique}` }).id;

/**
 * Every write endpoint × (anonymous, a listener, another artist, the owner, an admin). "Owner" is
 * the artist owning the song, album or artist written to; for a listener's own actions (likes,
 * follows, profile) it is simply another signed-in account.
 */
const ROWS: Row[] = [
  {
    endpoint: 'POST /api/songs',
    expected: [401, 403, 403, 201, 201],
    send: (http, f) => request(http).post('/api/songs').field('title', 'New').field('artist_id', f.artistId).attach('audio', toneWav(1), 'a.wav'),
  },
  {
    endpoint: 'PUT /api/songs/:id',
    expected: [401, 403, 403, 200, 200],
    send: (http, f) => request(http).put(`/api/songs/${f.songId}`).send({ title: 'Renamed' }),
  },
  { endpoint: 'DELETE /api/songs/:id', expected: [401, 403, 403, 204, 204], send: (http, f) => request(http).delete(`/api/songs/${f.songId}`) },
  { endpoint: 'POST /api/songs/:id/like', expected: [401, 200, 200, 200, 200], send: (http, f) => request(http).post(`/api/songs/${f.songId}/like`) },
  { endpoint: 'POST /api/songs/:id/unlike', expected: [401, 200, 200, 200, 200], send: (http, f) => request(http).post(`/api/songs/${f.songId}/unlike`) },
  { endpoint: 'POST /api/songs/:id/play', expected: [401, 200, 200, 200, 200], send: (http, f) => request(http).post(`/api/songs/${f.songId}/play`) },
  { endpoint: 'POST /api/songs/:id/favorite', expected: [401, 200, 200, 200, 200], send: (http, f) => request(http).post(`/api/songs/${f.songId}/favorite`) },
  {
    endpoint: 'DELETE /api/songs/:id/favorite',
    expected: [401, 200, 200, 200, 200],
    send: (http, f) => request(http).delete(`/api/songs/${f.songId}/favorite`),
  },
  {
    endpoint: 'POST /api/albums',
    expected: [401, 403, 403, 201, 201],
    send: (http, f) => request(http).post('/api/albums').field('title', 'New Album').field('artist_id', f.artistId).attach('cover', onePixelPng, 'c.png'),
  },
  {
    endpoint: 'PUT /api/albums/:id',
    expected: [401, 403, 403, 200, 200],
    send: (http, f) => request(http).put(`/api/albums/${f.albumId}`).send({ description: 'Liner notes' }),
  },
  { endpoint: 'DELETE /api/albums/:id', expected: [401, 403, 403, 204, 204], send: (http, f) => request(http).delete(`/api/albums/${f.albumId}`) },
  {
    endpoint: 'POST /api/albums/:id/favorite',
    expected: [401, 200, 200, 200, 200],
    send: (http, f) => request(http).post(`/api/albums/${f.albumId}/favorite`),
  },
  {
    endpoint: 'DELETE /api/albums/:id/favorite',
    expected: [401, 200, 200, 200, 200],
    send: (http, f) => request(http).delete(`/api/albums/${f.albumId}/favorite`),
  },
  {
    endpoint: 'PUT /api/artists/:id',
    expected: [401, 403, 403, 200, 200],
    send: (http, f) => request(http).put(`/api/artists/${f.artistId}`).send({ bio: 'New bio' }),
  },
  { endpoint: 'POST /api/artists/:id/follow', expected: [401, 200, 200, 403, 200], send: (http, f) => request(http).post(`/api/artists/${f.artistId}/follow`) },
  {
    endpoint: 'POST /api/artists/:id/unfollow',
    expected: [401, 200, 200, 200, 200],
    send: (http, f) => request(http).post(`/api/artists/${f.artistId}/unfollow`),
  },
  {
    endpoint: 'POST /api/genres',
    expected: [401, 403, 201, 201, 201],
    send: (http, f) =>
      request(http)
        .post('/api/genres')
        .send({ name: `Genre ${f.unique}` }),
  },
  { endpoint: 'POST /api/playlists', expected: [401, 201, 201, 201, 201], send: (http) => request(http).post('/api/playlists').send({ name: 'Mine' }) },
  {
    endpoint: 'PUT /api/playlists/:id',
    expected: [401, 403, 403, 200, 200],
    send: (http, f) => request(http).put(`/api/playlists/${f.playlistId}`).send({ name: 'Renamed' }),
  },
  { endpoint: 'DELETE /api/playlists/:id', expected: [401, 403, 403, 204, 204], send: (http, f) => request(http).delete(`/api/playlists/${f.playlistId}`) },
  {
    endpoint: 'POST /api/playlists/:id/songs',
    expected: [401, 403, 403, 201, 201],
    send: (http, f) => request(http).post(`/api/playlists/${f.playlistId}/songs`).send({ song_id: f.songId }),
  },
  {
    endpoint: 'DELETE /api/playlists/:id/songs/:itemId',
    expected: [401, 403, 403, 204, 204],
    send: (http, f) => request(http).delete(`/api/playlists/${f.playlistId}/songs/${f.playlistItemId}`),
  },
  {
    endpoint: 'POST /api/playlists/:id/reorder',
    expected: [401, 403, 403, 200, 200],
    send: (http, f) => request(http).post(`/api/playlists/${f.playlistId}/reorder`).send({ item_id: f.playlistItemId, position: 0 }),
  },
  {
    endpoint: 'POST /api/playlists/:id/share/reset',
    expected: [401, 403, 403, 200, 200],
    send: (http, f) => request(http).post(`/api/playlists/${f.playlistId}/share/reset`),
  },
  {
    endpoint: 'POST /api/subscriptions/subscribe',
    expected: [401, 200, 200, 200, 200],
    prepare: (t, account) => t.prisma.subscription.deleteMany({ where: { ownerId: account.id } }),
    send: (http) => request(http).post('/api/subscriptions/subscribe').send({ plan: 'premium' }),
  },
  {
    endpoint: 'POST /api/subscriptions/cancel',
    expected: [401, 200, 200, 200, 200],
    prepare: (t, account) =>
      t.prisma.subscription.upsert({
        where: { ownerId: account.id },
        create: { ownerId: account.id, plan: 'premium', status: 'active', provider: 'manual', ...month() },
        update: { status: 'active', cancelAtPeriodEnd: false, ...month() },
      }),
    send: (http) => request(http).post('/api/subscriptions/cancel'),
  },
  {
    endpoint: 'POST /api/player/skip',
    expected: [401, 200, 200, 200, 200],
    send: (http, f) => request(http).post('/api/player/skip').send({ song_id: f.songId }),
  },
  {
    endpoint: 'PATCH /api/admin/songs/:id',
    expected: [401, 403, 403, 403, 200],
    send: (http, f) => request(http).patch(`/api/admin/songs/${f.datasetSongId}`).send({ popularity: 70 }),
  },
  {
    endpoint: 'DELETE /api/admin/songs/:id',
    expected: [401, 403, 403, 403, 204],
    send: (http, f) => request(http).delete(`/api/admin/songs/${f.datasetSongId}`),
  },
  {
    endpoint: 'PATCH /api/admin/predictions/:id',
    expected: [401, 403, 403, 403, 200],
    send: (http, f) => request(http).patch(`/api/admin/predictions/${f.predictionId}`).send({ is_hit: false }),
  },
  {
    endpoint: 'DELETE /api/admin/predictions/:id',
    expected: [401, 403, 403, 403, 204],
    send: (http, f) => request(http).delete(`/api/admin/predictions/${f.predictionId}`),
  },
  {
    endpoint: 'PATCH /api/admin/users/:id',
    expected: [401, 403, 403, 403, 200],
    send: (http, f) => request(http).patch(`/api/admin/users/${f.victimUserId}`).send({ display_name: 'Renamed' }),
  },
  {
    endpoint: 'DELETE /api/admin/users/:id',
    expected: [401, 403, 403, 403, 204],
    send: (http, f) => request(http).delete(`/api/admin/users/${f.victimUserId}`),
  },
  { endpoint: 'PUT /api/profile', expected: [401, 200, 200, 200, 200], send: (http) => request(http).put('/api/profile').send({ audio_quality: 'low' }) },
  { endpoint: 'POST /api/genre/train', expected: [401, 403, 403, 403, 202], send: (http) => request(http).post('/api/genre/train') },
  { endpoint: 'POST /api/jobs/:id/retry', expected: [401, 403, 403, 403, 202], send: (http, f) => request(http).post(`/api/jobs/${f.failedJobId}/retry`) },
  {
    endpoint: 'POST /api/analytics/artists/import-spotify',
    expected: [401, 403, 201, 201, 201],
    send: (http, f) =>
      request(http)
        .post('/api/analytics/artists/import-spotify')
        .send({ spotify: spotifyArtistFor(f.unique) }),
  },
  {
    endpoint: 'POST /api/analytics/spotify/disconnect',
    expected: [401, 403, 403, 200, 200],
    send: (http, f) => request(http).post('/api/analytics/spotify/disconnect').send({ artist_id: f.artistId }),
  },
  {
    endpoint: 'POST /api/analytics/artists/:id/metrics',
    expected: [401, 403, 403, 200, 200],
    send: (http, f) =>
      request(http)
        .post(`/api/analytics/artists/${f.artistId}/metrics`)
        .send({ metrics: [{ platform: 'spotify', date: new Date(Date.now() - 86_400_000).toISOString().slice(0, 10), followers: 10 }] }),
  },
  {
    endpoint: 'POST /api/analytics/artists/:id/metrics/csv',
    expected: [401, 403, 403, 200, 200],
    send: (http, f) =>
      request(http)
        .post(`/api/analytics/artists/${f.artistId}/metrics/csv`)
        .attach('file', Buffer.from(`platform,date,views\ntiktok,${new Date(Date.now() - 86_400_000).toISOString().slice(0, 10)},3\n`), 'm.csv'),
  },
  {
    endpoint: 'POST /api/analytics/artists/:id/posts',
    expected: [401, 403, 403, 200, 200],
    send: (http, f) =>
      request(http)
        .post(`/api/analytics/artists/${f.artistId}/posts`)
        .send({ posts: [{ platform: 'instagram', external_id: f.unique, posted_at: '2026-01-01T10:00:00Z' }] }),
  },
  {
    endpoint: 'POST /api/analytics/artists/:id/fan-events',
    expected: [401, 403, 403, 200, 200],
    send: (http, f) =>
      request(http)
        .post(`/api/analytics/artists/${f.artistId}/fan-events`)
        .send({ events: [{ fan_id: f.unique, occurred_at: '2026-01-01T10:00:00Z' }] }),
  },
  {
    endpoint: 'POST /api/analytics/artists/:id/team',
    expected: [401, 403, 403, 200, 200],
    send: (http, f) => request(http).post(`/api/analytics/artists/${f.artistId}/team`).send({ login: f.victimUsername }),
  },
  {
    endpoint: 'POST /api/analytics/alerts/:id/acknowledge',
    expected: [401, 403, 403, 200, 200],
    send: (http, f) => request(http).post(`/api/analytics/alerts/${f.alertId}/acknowledge`),
  },
  {
    endpoint: 'PUT /api/leads/artists/:id/outreach',
    expected: [401, 403, 403, 403, 200],
    send: (http, f) => request(http).put(`/api/leads/artists/${f.artistId}/outreach`).send({ status: 'contacted', notes: 'Matrix' }),
  },
  { endpoint: 'POST /api/leads/export', expected: [401, 403, 403, 403, 200], send: (http) => request(http).post('/api/leads/export').send({ format: 'json' }) },
  {
    endpoint: 'POST /api/leads/analyze-isrc',
    expected: [401, 403, 403, 403, 400],
    send: (http) => request(http).post('/api/leads/analyze-isrc').send({ isrc: 'not-an-isrc' }),
  },
  {
    endpoint: 'POST /api/logout',
    expected: [401, 204, 204, 204, 204],
    // Logs out a second login of the caller's: logging out the one its token belongs to would end that token, which later cells still use.
    prepare: async (t, account) => {
      spareLogin = (await request(t.http).post('/api/login').send({ login: account.email, password: account.password }).expect(200)).body.refresh_token;
    },
    send: (http) =>
      request(http)
        .post('/api/logout')
        .send({ refresh_token: spareLogin ?? 'none' }),
  },
];

describe('authorization matrix of the write endpoints', () => {
  let t: TestApp;
  let accounts: Record<Exclude<Caller, 'anonymous'>, TestAccount>;

  beforeAll(async () => {
    spotify.start();
    t = await createTestApp({ GENRE_TRAIN_CRON: 'off', ...spotify.env });
    await t.app.get(JobQueueService).start();
    const [user, otherArtist, owner, admin] = await Promise.all([
      createAccount(t, 'user'),
      createAccount(t, 'artist'),
      createAccount(t, 'artist'),
      createAccount(t, 'admin'),
    ]);
    accounts = { user, 'other artist': otherArtist, owner, admin };
  });
  afterAll(async () => {
    await t.close();
    spotify.stop();
  });

  const fixture = async (): Promise<Fixture> => {
    const owner = accounts.owner;
    const song = await uploadSong(t, owner, { title: `Song ${++cell}` });
    const album = await request(t.http)
      .post('/api/albums')
      .set('authorization', owner.bearer)
      .send({ title: `Album ${cell}` })
      .expect(201);
    const playlist = await request(t.http)
      .post('/api/playlists')
      .set('authorization', owner.bearer)
      .send({ name: `Playlist ${cell}`, visibility: 'public' })
      .expect(201);
    const item = await request(t.http)
      .post(`/api/playlists/${playlist.body.id}/songs`)
      .set('authorization', owner.bearer)
      .send({ song_id: song.id })
      .expect(201);
    const datasetSong = await createDatasetSong(t, `Dataset Song ${cell}`, 'Someone');
    const prediction = await createPrediction(t, datasetSong.id);
    const victim = await t.prisma.user.create({
      data: { email: `victim${cell}@example.com`, username: `victim${cell}`, passwordHash: 'not-a-login', displayName: 'Victim' },
    });
    const [failedJob] = await t.prisma.$queryRawUnsafe<Array<{ id: string }>>(
      `INSERT INTO ${JOBS_SCHEMA}.job (name, state, data, output, started_on, completed_on, retry_limit, policy)
       VALUES ($1, 'failed', '{}', '{"message": "failed for the matrix"}', now(), now(), 0, 'stately') RETURNING id::text`,
      AUTH_CLEANUP_QUEUE,
    );
    const alert = await t.prisma.analyticsAlert.create({
      data: { artistId: owner.artistId!, type: 'viral_spike', dedupeKey: `matrix-${cell}`, severity: 'medium', message: 'A spike' },
    });
    // The owner's artist as an A&R lead: leads are label staff's, not the artist's.
    await t.prisma.leadProfile.upsert({ where: { artistId: owner.artistId! }, create: { artistId: owner.artistId! }, update: {} });
    return {
      songId: song.id,
      albumId: album.body.id,
      artistId: owner.artistId!,
      playlistId: playlist.body.id,
      playlistItemId: item.body.id,
      datasetSongId: datasetSong.id,
      predictionId: prediction.id,
      victimUserId: victim.id,
      victimUsername: victim.username,
      alertId: alert.id,
      failedJobId: failedJob!.id,
      unique: `${cell}-${Date.now()}`,
    };
  };

  it.each(ROWS)('$endpoint', async (row) => {
    const statuses: Record<string, number> = {};
    for (const caller of CALLERS) {
      const made = await fixture();
      if (caller !== 'anonymous') await row.prepare?.(t, accounts[caller]);
      const call = row.send(t.http, made);
      if (caller !== 'anonymous') call.set('authorization', accounts[caller].bearer);
      statuses[caller] = (await call).status;
    }
    expect(statuses).toEqual(Object.fromEntries(CALLERS.map((caller, i) => [caller, row.expected[i]])));
  });
});
