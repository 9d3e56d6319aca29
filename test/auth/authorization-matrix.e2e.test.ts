import request from 'supertest';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { JobQueueService } from '../../src/jobs/job-queue.service.js';
import { createAccount, type TestAccount } from '../support/accounts.js';
import { onePixelPng, toneWav } from '../support/audio-files.js';
import { uploadSong } from '../support/catalog.js';
import { createTestApp, type TestApp } from '../support/test-app.js';

const CALLERS = ['anonymous', 'user', 'other artist', 'owner', 'admin'] as const;
type Caller = (typeof CALLERS)[number];

/** What a row's request may use: a fresh song and album of the owner, made for each cell. */
interface Fixture {
  songId: string;
  albumId: string;
  artistId: string;
  unique: string;
}

interface Row {
  endpoint: string;
  /** Expected status per caller, in CALLERS order. */
  expected: [number, number, number, number, number];
  send(http: TestApp['http'], fixture: Fixture): request.Test;
}

let cell = 0;

/**
 * Every write endpoint × (anonymous, a listener, another artist, the owner, an admin). "Owner" is
 * the artist owning the song, album or artist written to; for a listener's own actions (likes,
 * follows, profile) it is simply another signed-in account.
 */
const ROWS: Row[] = [
  { endpoint: 'POST /api/songs', expected: [401, 403, 403, 201, 201], send: (http, f) => request(http).post('/api/songs').field('title', 'New').field('artist_id', f.artistId).attach('audio', toneWav(1), 'a.wav') },
  { endpoint: 'PUT /api/songs/:id', expected: [401, 403, 403, 200, 200], send: (http, f) => request(http).put(`/api/songs/${f.songId}`).send({ title: 'Renamed' }) },
  { endpoint: 'DELETE /api/songs/:id', expected: [401, 403, 403, 204, 204], send: (http, f) => request(http).delete(`/api/songs/${f.songId}`) },
  { endpoint: 'POST /api/songs/:id/like', expected: [401, 200, 200, 200, 200], send: (http, f) => request(http).post(`/api/songs/${f.songId}/like`) },
  { endpoint: 'POST /api/songs/:id/unlike', expected: [401, 200, 200, 200, 200], send: (http, f) => request(http).post(`/api/songs/${f.songId}/unlike`) },
  { endpoint: 'POST /api/songs/:id/play', expected: [401, 200, 200, 200, 200], send: (http, f) => request(http).post(`/api/songs/${f.songId}/play`) },
  { endpoint: 'POST /api/songs/:id/favorite', expected: [401, 200, 200, 200, 200], send: (http, f) => request(http).post(`/api/songs/${f.songId}/favorite`) },
  { endpoint: 'DELETE /api/songs/:id/favorite', expected: [401, 200, 200, 200, 200], send: (http, f) => request(http).delete(`/api/songs/${f.songId}/favorite`) },
  { endpoint: 'POST /api/albums', expected: [401, 403, 403, 201, 201], send: (http, f) => request(http).post('/api/albums').field('title', 'New Album').field('artist_id', f.artistId).attach('cover', onePixelPng, 'c.png') },
  { endpoint: 'PUT /api/albums/:id', expected: [401, 403, 403, 200, 200], send: (http, f) => request(http).put(`/api/albums/${f.albumId}`).send({ description: 'Liner notes' }) },
  { endpoint: 'DELETE /api/albums/:id', expected: [401, 403, 403, 204, 204], send: (http, f) => request(http).delete(`/api/albums/${f.albumId}`) },
  { endpoint: 'POST /api/albums/:id/favorite', expected: [401, 200, 200, 200, 200], send: (http, f) => request(http).post(`/api/albums/${f.albumId}/favorite`) },
  { endpoint: 'DELETE /api/albums/:id/favorite', expected: [401, 200, 200, 200, 200], send: (http, f) => request(http).delete(`/api/albums/${f.albumId}/favorite`) },
  { endpoint: 'PUT /api/artists/:id', expected: [401, 403, 403, 200, 200], send: (http, f) => request(http).put(`/api/artists/${f.artistId}`).send({ bio: 'New bio' }) },
  { endpoint: 'POST /api/artists/:id/follow', expected: [401, 200, 200, 403, 200], send: (http, f) => request(http).post(`/api/artists/${f.artistId}/follow`) },
  { endpoint: 'POST /api/artists/:id/unfollow', expected: [401, 200, 200, 200, 200], send: (http, f) => request(http).post(`/api/artists/${f.artistId}/unfollow`) },
  { endpoint: 'POST /api/genres', expected: [401, 403, 201, 201, 201], send: (http, f) => request(http).post('/api/genres').send({ name: `Genre ${f.unique}` }) },
  { endpoint: 'PUT /api/profile', expected: [401, 200, 200, 200, 200], send: (http) => request(http).put('/api/profile').send({ audio_quality: 'low' }) },
  { endpoint: 'POST /api/genre/train', expected: [401, 403, 403, 403, 202], send: (http) => request(http).post('/api/genre/train') },
];

describe('authorization matrix of the write endpoints', () => {
  let t: TestApp;
  let accounts: Record<Exclude<Caller, 'anonymous'>, TestAccount>;

  beforeAll(async () => {
    t = await createTestApp({ GENRE_TRAIN_CRON: 'off' });
    await t.app.get(JobQueueService).start();
    const [user, otherArtist, owner, admin] = await Promise.all([createAccount(t, 'user'), createAccount(t, 'artist'), createAccount(t, 'artist'), createAccount(t, 'admin')]);
    accounts = { user, 'other artist': otherArtist, owner, admin };
  });
  afterAll(() => t.close());

  const fixture = async (): Promise<Fixture> => {
    const owner = accounts.owner;
    const song = await uploadSong(t, owner, { title: `Song ${++cell}` });
    const album = await request(t.http).post('/api/albums').set('authorization', owner.bearer).send({ title: `Album ${cell}` }).expect(201);
    return { songId: song.id, albumId: album.body.id, artistId: owner.artistId!, unique: `${cell}-${Date.now()}` };
  };

  it.each(ROWS)('$endpoint', async (row) => {
    const statuses: Record<string, number> = {};
    for (const caller of CALLERS) {
      const call = row.send(t.http, await fixture());
      if (caller !== 'anonymous') call.set('authorization', accounts[caller].bearer);
      statuses[caller] = (await call).status;
    }
    expect(statuses).toEqual(Object.fromEntries(CALLERS.map((caller, i) => [caller, row.expected[i]])));
  });
});
