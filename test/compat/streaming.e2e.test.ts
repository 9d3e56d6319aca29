import request from 'supertest';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { createAccount, type TestAccount } from '../support/accounts.js';
import { uploadSong } from '../support/catalog.js';
import { createTestApp, type TestApp } from '../support/test-app.js';

/**
 * Clients of the Spotify-clone streaming backend (document 002) replayed against Encore: every
 * endpoint its API list names, called as its clients call it. The document shows no response
 * bodies, so each check is the path, the method, the status and the fields its features name.
 */
describe('clients of the streaming backend', () => {
  let t: TestApp;
  let listener: TestAccount;
  let artist: TestAccount;
  let songId: string;
  let albumId: string;

  beforeAll(async () => {
    t = await createTestApp();
    [listener, artist] = await Promise.all([createAccount(t, 'user', 'clonefan'), createAccount(t, 'artist', 'clonestar')]);
    albumId = (
      await request(t.http).post('/api/albums').set('authorization', artist.bearer).send({ title: 'Clone Album', release_date: '2024-05-01' }).expect(201)
    ).body.id;
    songId = (await uploadSong(t, artist, { title: 'Clone Song', genres: ['Synth Pop'], album_id: albumId })).id;
  });
  afterAll(() => t.close());

  const as = (account: TestAccount | null) => ({
    get: (path: string) => (account ? request(t.http).get(path).set('authorization', account.bearer) : request(t.http).get(path)),
    post: (path: string, body?: object) => request(t.http).post(path).set('authorization', account!.bearer).send(body),
    put: (path: string, body: object) => request(t.http).put(path).set('authorization', account!.bearer).send(body),
    delete: (path: string) => request(t.http).delete(path).set('authorization', account!.bearer),
  });

  describe('authentication', () => {
    it('POST /api/users registers and POST /api/login signs in with the original’s username or email fields', async () => {
      const account = { email: 'clone.user@example.com', username: 'cloneuser', password: 'Streaming-42-tunes' };
      await request(t.http).post('/api/users').send(account).expect(201);
      for (const body of [{ username: account.username }, { email: account.email }, { login: account.email }]) {
        const { body: session } = await request(t.http)
          .post('/api/login')
          .send({ ...body, password: account.password })
          .expect(200);
        expect(session).toMatchObject({ token: expect.any(String), user: { username: 'cloneuser' } });
      }
    });

    it('GET and PUT /api/profile read and change the audio quality (Low/Medium/High) and offline mode', async () => {
      const { body } = await as(listener).put('/api/profile', { audio_quality: 'Medium' }).expect(200);
      expect(body).toMatchObject({ audio_quality: 'normal', offline_mode: false });
      expect((await as(listener).get('/api/profile').expect(200)).body).toMatchObject({ username: listener.username, audio_quality: 'normal' });
    });
  });

  describe('music', () => {
    it('GET /api/songs lists with search, filter and ordering; GET /api/songs/{id} shows one', async () => {
      const { body } = await as(null).get('/api/songs?search=clone&genre=synth%20pop&ordering=-plays').expect(200);
      expect(body.results.map((song: { id: string }) => song.id)).toEqual([songId]);
      expect((await as(null).get(`/api/songs/${songId}`).expect(200)).body).toMatchObject({ id: songId, title: 'Clone Song' });
    });

    it('PUT and DELETE /api/songs/{id} are the owning artist’s', async () => {
      const own = await uploadSong(t, artist, { title: 'Short Lived' });
      await as(listener).put(`/api/songs/${own.id}`, { title: 'Stolen' }).expect(403);
      expect((await as(artist).put(`/api/songs/${own.id}`, { title: 'Renamed' }).expect(200)).body.title).toBe('Renamed');
      await as(artist).delete(`/api/songs/${own.id}`).expect(204);
    });

    it('POST /api/songs/{id}/like and /unlike, /play, POST and DELETE /favorite count per listener', async () => {
      await as(listener).post(`/api/songs/${songId}/like`).expect(200);
      await as(listener).post(`/api/songs/${songId}/unlike`).expect(200);
      await as(listener).post(`/api/songs/${songId}/play`).expect(200);
      await as(listener).post(`/api/songs/${songId}/favorite`).expect(200);
      expect((await as(listener).get('/api/songs/favorites').expect(200)).body.results.map((song: { id: string }) => song.id)).toContain(songId);
      await as(listener).delete(`/api/songs/${songId}/favorite`).expect(200);
      expect((await as(listener).get('/api/songs/recently_played').expect(200)).body.results[0]).toMatchObject({ id: songId });
    });

    it.each(['all', 'week', 'month'])('GET /api/songs/trending?time_range=%s ranks songs', async (range) => {
      expect((await as(null).get(`/api/songs/trending?time_range=${range}`).expect(200)).body).toMatchObject({ time_range: range, results: expect.any(Array) });
    });

    it('GET /api/songs/search finds songs, albums and artists; /random and /recommendations answer songs', async () => {
      const { body } = await as(null).get('/api/songs/search?q=clone').expect(200);
      expect(body).toMatchObject({ songs: expect.any(Array), albums: expect.any(Array), artists: expect.any(Array) });
      expect((await as(null).get('/api/songs/random').expect(200)).body.results).toEqual(expect.any(Array));
      expect((await as(listener).get('/api/songs/recommendations').expect(200)).body.results).toEqual(expect.any(Array));
    });

    it('GET and POST /api/genres, /api/albums; album favourites and its songs', async () => {
      expect((await as(null).get('/api/genres').expect(200)).body.results.map((genre: { name: string }) => genre.name)).toContain('Synth Pop');
      await as(artist).post('/api/genres', { name: 'Clone Wave' }).expect(201);
      expect((await as(null).get('/api/albums?search=clone').expect(200)).body.results[0]).toMatchObject({ id: albumId });
      await as(listener).post(`/api/albums/${albumId}/favorite`).expect(200);
      expect((await as(listener).get('/api/albums/favorites').expect(200)).body.results[0]).toMatchObject({ id: albumId });
      await as(listener).delete(`/api/albums/${albumId}/favorite`).expect(200);
      expect((await as(null).get(`/api/albums/${albumId}/songs`).expect(200)).body.results[0]).toMatchObject({ id: songId });
    });
  });

  describe('subscriptions', () => {
    it('GET /api/subscriptions lists the plans; POST /subscribe and /cancel change the caller’s', async () => {
      const plans = (await as(null).get('/api/subscriptions').expect(200)).body;
      expect(JSON.stringify(plans)).toContain('premium');
      await as(listener).post('/api/subscriptions/subscribe', { plan: 'premium' }).expect(200);
      await as(listener).post('/api/subscriptions/cancel').expect(200);
    });
  });

  describe('artists and social', () => {
    it('GET /api/artists lists with search; POST and DELETE /api/artists/{id}/follow; following and followers', async () => {
      expect((await as(null).get('/api/artists?search=clonestar').expect(200)).body.results[0]).toMatchObject({ id: artist.artistId });
      await as(listener).post(`/api/artists/${artist.artistId}/follow`).expect(200);
      expect((await as(listener).get('/api/artists/following').expect(200)).body.results[0]).toMatchObject({ id: artist.artistId });
      expect((await as(artist).get('/api/artists/followers').expect(200)).body.results[0]).toMatchObject({ id: listener.id });
      expect((await as(listener).delete(`/api/artists/${artist.artistId}/follow`).expect(200)).body).toMatchObject({ following: false });
    });

    it('GET /api/artists/{id}/profile has the statistics; /songs the artist’s songs', async () => {
      const { body } = await as(null).get(`/api/artists/${artist.artistId}/profile`).expect(200);
      expect(body).toMatchObject({
        song_count: expect.any(Number),
        album_count: expect.any(Number),
        follower_count: expect.any(Number),
        total_plays: expect.any(Number),
        total_likes: expect.any(Number),
      });
      expect((await as(null).get(`/api/artists/${artist.artistId}/songs`).expect(200)).body.results.map((song: { id: string }) => song.id)).toContain(songId);
    });
  });
});
