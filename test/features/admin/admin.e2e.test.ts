import request from 'supertest';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { Prisma } from '../../../src/generated/prisma/client.js';
import { DemoSongsService } from '../../../src/features/dataset/demo/demo-songs.service.js';
import { createAccount, type TestAccount } from '../../support/accounts.js';
import { createDatasetSong, createPrediction as createPredictionRow } from '../../support/dataset-rows.js';
import { createTestApp, type TestApp } from '../../support/test-app.js';

const DEMO_SONGS = 60;
const SOME_UUID = '00000000-0000-4000-8000-000000000000';

/** Every admin route, with a body where one is needed; ids need not exist (auth comes first). */
const ROUTES: Array<[method: 'get' | 'post' | 'patch' | 'delete', path: string, body?: object]> = [
  ['get', '/api/admin/stats'],
  ['get', '/api/admin/songs'],
  ['get', '/api/admin/songs/1'],
  ['patch', '/api/admin/songs/1', { track_name: 'Nope' }],
  ['delete', '/api/admin/songs/1'],
  ['get', '/api/admin/predictions'],
  ['get', '/api/admin/predictions/1'],
  ['patch', '/api/admin/predictions/1', { is_hit: true }],
  ['delete', '/api/admin/predictions/1'],
  ['get', '/api/admin/users'],
  ['get', `/api/admin/users/${SOME_UUID}`],
  ['patch', `/api/admin/users/${SOME_UUID}`, { role: 'admin' }],
  ['delete', `/api/admin/users/${SOME_UUID}`],
  ['post', '/api/admin/models/hit/20261123-072401-349/activate'],
];

describe('admin API', () => {
  let t: TestApp;
  let admin: TestAccount;
  let listener: TestAccount;
  let artist: TestAccount;

  const createSong = (trackName: string, artists: string, fields: Partial<Prisma.SongCreateInput> = {}) => createDatasetSong(t, trackName, artists, fields);
  const createPrediction = (songId: number, fields: Partial<Prisma.PredictionUncheckedCreateInput> = {}) => createPredictionRow(t, songId, fields);

  const as = (account: TestAccount) => ({
    get: (path: string) => request(t.http).get(path).set('authorization', account.bearer),
    patch: (path: string, body: object) => request(t.http).patch(path).set('authorization', account.bearer).send(body),
    delete: (path: string) => request(t.http).delete(path).set('authorization', account.bearer),
  });

  beforeAll(async () => {
    t = await createTestApp();
    await t.app.get(DemoSongsService).import(DEMO_SONGS, 7);
    [admin, listener, artist] = await Promise.all([createAccount(t, 'admin'), createAccount(t, 'user'), createAccount(t, 'artist')]);
  }, 120_000);
  afterAll(() => t.close());

  describe('access', () => {
    it.each(ROUTES)('%s %s: 401 anonymous, 403 for listeners and artists', async (method, path, body) => {
      const call = (account?: TestAccount) => {
        const test = request(t.http)[method](path);
        if (account) test.set('authorization', account.bearer);
        return body ? test.send(body) : test;
      };
      await call().expect(401);
      await call(listener).expect(403);
      await call(artist).expect(403);
    });

    it('is documented in OpenAPI under the admin tag', async () => {
      const { body } = await request(t.http).get('/api/docs-json').expect(200);
      for (const path of [
        '/api/admin/songs',
        '/api/admin/songs/{id}',
        '/api/admin/predictions',
        '/api/admin/predictions/{id}',
        '/api/admin/users',
        '/api/admin/users/{id}',
        '/api/admin/stats',
        '/api/admin/models/{name}/{version}/activate',
      ]) {
        const operations = Object.values(body.paths[path] as Record<string, { tags: string[]; security: unknown[] }>);
        expect(operations.length, path).toBeGreaterThan(0);
        for (const operation of operations) expect(operation).toMatchObject({ tags: ['admin'], security: [{ bearer: [] }] });
      }
    });
  });

  describe('songs', () => {
    it('filters on is_hit, is_acoustic, is_instrumental and explicit, counting like the table', async () => {
      const { body } = await as(admin).get('/api/admin/songs?is_hit=true&explicit=false&is_acoustic=false&page_size=100').expect(200);
      const expected = await t.prisma.song.count({ where: { isHit: true, explicit: false, isAcoustic: false } });
      expect(body.count).toBe(expected);
      expect(body.results).toHaveLength(expected);
      for (const song of body.results) expect(song).toMatchObject({ is_hit: true, explicit: false, is_acoustic: false });
      const instrumental = await as(admin).get('/api/admin/songs?is_instrumental=true').expect(200);
      expect(instrumental.body.count).toBe(await t.prisma.song.count({ where: { isInstrumental: true } }));
    });

    it("lists the admin columns with each song's prediction count", async () => {
      const song = await createSong('Counted Tune', 'Tally Band', { popularity: 33, isAcoustic: true, dataset: 'demo' });
      await createPrediction(song.id);
      await createPrediction(song.id);
      const { body } = await as(admin).get('/api/admin/songs?search=counted%20tune').expect(200);
      expect(body.results).toEqual([
        expect.objectContaining({
          id: song.id,
          track_name: 'Counted Tune',
          artists: 'Tally Band',
          popularity: 33,
          is_hit: false,
          is_acoustic: true,
          is_instrumental: false,
          explicit: false,
          source: 'user',
          dataset: 'demo',
          created_at: song.createdAt.toISOString(),
          prediction_count: 2,
        }),
      ]);
      const one = await as(admin).get(`/api/admin/songs/${song.id}`).expect(200);
      expect(one.body).toEqual(body.results[0]);
    });

    it('searches title and artists whatever the case and accents', async () => {
      await createSong('Ça Plane Pour Moi', 'Plastic Bertrand');
      const { body } = await as(admin).get('/api/admin/songs?search=PLASTIC%20ca%20plane').expect(200);
      expect(body.results.map((song: { track_name: string }) => song.track_name)).toEqual(['Ça Plane Pour Moi']);
    });

    it('finds a song by its Spotify track id, as the original admin searched', async () => {
      await createSong('Track Id Tune', 'Ident', { trackId: '4uLU6hMCjMI75M1A2tKUQC' });
      const { body } = await as(admin).get('/api/admin/songs?search=4uLU6hMCjMI75M1A2tKUQC').expect(200);
      expect(body.results.map((song: { track_name: string }) => song.track_name)).toEqual(['Track Id Tune']);
      expect((await as(admin).get('/api/admin/songs?search=4ulu6hmcjmi75m1a2tkuqc').expect(200)).body.count).toBe(0);
    });

    it('filters on created_at, from created_after (inclusive) to created_before (exclusive)', async () => {
      const old = await createSong('Old Tape', 'Archive', { createdAt: new Date('2020-03-01T00:00:00Z') });
      await createSong('Older Tape', 'Archive', { createdAt: new Date('2020-01-15T00:00:00Z') });
      await createSong('Later Tape', 'Archive', { createdAt: new Date('2020-04-01T00:00:00Z') });
      const { body } = await as(admin).get('/api/admin/songs?created_after=2020-03-01&created_before=2020-04-01').expect(200);
      expect(body.results.map((song: { id: number }) => song.id)).toEqual([old.id]);
    });

    it('orders by popularity (songs without one last) and by title, and pages with next/previous links', async () => {
      await createSong('No Popularity', 'Unknown', { popularity: null });
      const { body } = await as(admin).get('/api/admin/songs?ordering=-popularity&page_size=100').expect(200);
      const popularity = body.results.map((song: { popularity: number | null }) => song.popularity);
      const known = popularity.filter((value: number | null) => value !== null);
      expect(known).toEqual([...known].sort((a, b) => b - a));
      expect(popularity.indexOf(null)).toBe(known.length);

      const url = '/api/admin/songs?ordering=track_name&page=2&page_size=5';
      const page = await as(admin).get(url).expect(200);
      expect(page.body).toMatchObject({
        count: await t.prisma.song.count(),
        page: 2,
        page_size: 5,
        next: '/api/admin/songs?ordering=track_name&page=3&page_size=5',
        previous: '/api/admin/songs?ordering=track_name&page=1&page_size=5',
      });
      const firstTen = await t.prisma.song.findMany({ orderBy: [{ trackName: 'asc' }, { id: 'asc' }], take: 10 });
      expect(page.body.results.map((song: { id: number }) => song.id)).toEqual(firstTen.slice(5).map((song) => song.id));
    });

    it.each([
      ['is_hit=maybe', 'is_hit must be true or false'],
      ['explicit=1', 'explicit must be true or false'],
      ['created_after=soon', 'created_after must be a date'],
      ['created_before=0', 'created_before must be a date'],
      ['ordering=decade', 'ordering must be one of'],
      ['page_size=500', 'page_size must not be greater than 100'],
      ['bogus=1', 'bogus is not an allowed field'],
    ])('refuses ?%s with 400 naming the field', async (query, message) => {
      const { body } = await as(admin).get(`/api/admin/songs?${query}`).expect(400);
      expect(body.message).toContain(message);
    });

    it('edits a song and recomputes its search columns: the dataset search finds the new title', async () => {
      const song = await createSong('Working Title', 'Garage Four');
      const { body } = await as(admin)
        .patch(`/api/admin/songs/${song.id}`, { track_name: '  Zephyr Élan  ', album_name: 'First', track_genre: 'indie' })
        .expect(200);
      expect(body).toMatchObject({ id: song.id, track_name: 'Zephyr Élan', artists: 'Garage Four', album_name: 'First', track_genre: 'indie' });
      expect(await t.prisma.song.findUniqueOrThrow({ where: { id: song.id } })).toMatchObject({
        searchText: 'zephyr elan garage four',
        searchTitle: 'zephyr elan',
      });
      const found = await request(t.http).get('/api/dataset/search?q=zephyr%20elan').expect(200);
      expect(found.body.songs[0]).toMatchObject({ id: song.id, match: 'exact' });
      const renamed = await as(admin).patch(`/api/admin/songs/${song.id}`, { artists: 'Quartet Nova' }).expect(200);
      expect(renamed.body.artists).toBe('Quartet Nova');
      const byArtist = await request(t.http).get('/api/dataset/search?q=quartet%20nova').expect(200);
      expect(byArtist.body.songs[0]).toMatchObject({ id: song.id });
      const old = await as(admin).get('/api/admin/songs?search=garage%20four').expect(200);
      expect(old.body.count).toBe(0);
    });

    it("makes a hit set by hand a 'label', and decides a popularity-based hit again from a new popularity", async () => {
      const song = await createSong('Borderline', 'Edge Case', { popularity: 10, isHit: false, hitSource: 'popularity' });
      const rescored = await as(admin).patch(`/api/admin/songs/${song.id}`, { popularity: 75 }).expect(200);
      expect(rescored.body).toMatchObject({ popularity: 75, is_hit: true, hit_source: 'popularity' });
      const labelled = await as(admin)
        .patch(`/api/admin/songs/${song.id}`, { is_hit: false, explicit: true, is_acoustic: true, is_instrumental: true })
        .expect(200);
      expect(labelled.body).toMatchObject({
        is_hit: false,
        hit_source: 'label',
        explicit: true,
        explicit_known: true,
        is_acoustic: true,
        is_instrumental: true,
      });
      const kept = await as(admin).patch(`/api/admin/songs/${song.id}`, { popularity: 90 }).expect(200);
      expect(kept.body).toMatchObject({ popularity: 90, is_hit: false, hit_source: 'label' });
    });

    it('edits audio features, deriving the acoustic and instrumental flags, and names each one out of range', async () => {
      const song = await createSong('Remastered', 'Feature Set', { acousticness: 0.1, isAcoustic: false });
      const { body } = await as(admin)
        .patch(`/api/admin/songs/${song.id}`, { acousticness: 0.9, tempo: 98.5, key: 7, time_signature: 3, duration_ms: 181_000 })
        .expect(200);
      expect(body).toMatchObject({ acousticness: 0.9, is_acoustic: true, tempo: 98.5, key: 7, time_signature: 3, duration_ms: 181_000 });
      const bad = await as(admin).patch(`/api/admin/songs/${song.id}`, { energy: 1.5, loudness: 'loud', key: 12, duration_ms: 1.5, mode: null }).expect(400);
      expect(bad.body.message).toContain('energy must not be greater than 1');
      expect(bad.body.message).toContain('loudness must be a number');
      expect(bad.body.message).toContain('key must not be greater than 11');
      expect(bad.body.message).toContain('duration_ms must be a whole number from 1 to 21600000');
      // null for a feature, which cannot be cleared (the wording is the shared validation pipe's).
      expect(bad.body.message).toMatch(/mode (must be a whole number from 0 to 1|is required)/);
      expect(await t.prisma.song.findUniqueOrThrow({ where: { id: song.id } })).toMatchObject({ energy: 0.5, key: 7 });
    });

    it('names every bad field of an edit, and refuses null for a required one', async () => {
      const song = await createSong('Validated', 'Strict');
      const { body } = await as(admin)
        .patch(`/api/admin/songs/${song.id}`, { track_name: '   ', popularity: 101, is_hit: 'yes', explicit: null, hit_source: 'label' })
        .expect(400);
      expect(body.message).toContain('track_name must not be empty');
      expect(body.message).toContain('popularity must not be greater than 100');
      expect(body.message).toContain('is_hit must be true or false');
      // null for a field that cannot be cleared (the wording is the shared validation pipe's).
      expect(body.message).toMatch(/explicit (must be true or false|is required)/);
      expect(body.message).toContain('hit_source is not an allowed field');
      const fraction = await as(admin).patch(`/api/admin/songs/${song.id}`, { popularity: 5.5, artists: null }).expect(400);
      expect(fraction.body.message).toContain('popularity must be a whole number from 0 to 100');
      expect(fraction.body.message).toMatch(/artists (must be a string|is required)/);
      expect(await t.prisma.song.findUniqueOrThrow({ where: { id: song.id } })).toMatchObject({ trackName: 'Validated', popularity: null });
    });

    it('answers 404 for an unknown song and 400 for an id that is no number', async () => {
      expect((await as(admin).get('/api/admin/songs/99999999').expect(404)).body.message).toBe('Song 99999999 not found');
      await as(admin).patch('/api/admin/songs/99999999', { track_name: 'X' }).expect(404);
      await as(admin).delete('/api/admin/songs/99999999').expect(404);
      await as(admin).get('/api/admin/songs/abc').expect(400);
    });

    it('deletes a song with its predictions and their audit logs', async () => {
      const song = await createSong('Doomed', 'Short Lived');
      const other = await createSong('Survivor', 'Long Lived');
      const [first, second, kept] = await Promise.all([createPrediction(song.id), createPrediction(song.id), createPrediction(other.id)]);
      await as(admin).delete(`/api/admin/songs/${song.id}`).expect(204);
      expect(await t.prisma.song.findUnique({ where: { id: song.id } })).toBeNull();
      expect(await t.prisma.prediction.count({ where: { id: { in: [first.id, second.id] } } })).toBe(0);
      expect(await t.prisma.predictionAuditLog.count({ where: { predictionId: { in: [first.id, second.id] } } })).toBe(0);
      expect(await t.prisma.predictionAuditLog.count({ where: { predictionId: kept.id } })).toBe(1);
      await as(admin).delete(`/api/admin/songs/${song.id}`).expect(404);
    });
  });

  describe('predictions', () => {
    let hitSong: number;
    let ids: Record<'early' | 'adjusted' | 'flop', number>;

    beforeAll(async () => {
      const song = await createSong('Prophecy Song', 'Oracle Crew');
      const other = await createSong('Other Verse', 'Elsewhere');
      hitSong = song.id;
      const early = await createPrediction(song.id, { confidence: 55, createdAt: new Date('2021-05-01T10:00:00Z') });
      const adjusted = await createPrediction(song.id, {
        isHit: false,
        confidence: 95,
        modelPrediction: true,
        adjustedByDataset: true,
        inDataset: true,
        createdAt: new Date('2021-05-02T10:00:00Z'),
      });
      const flop = await createPrediction(other.id, { isHit: false, confidence: 70, modelPrediction: false, createdAt: new Date('2021-05-03T10:00:00Z') });
      ids = { early: early.id, adjusted: adjusted.id, flop: flop.id };
    });

    const listIds = async (query: string) => {
      const { body } = await as(admin).get(`/api/admin/predictions?${query}`).expect(200);
      return body.results.map((prediction: { id: number }) => prediction.id);
    };

    it('lists predictions with their song and the admin columns, newest first', async () => {
      const { body } = await as(admin).get('/api/admin/predictions?created_after=2021-05-01&created_before=2021-05-04').expect(200);
      expect(body.count).toBe(3);
      expect(body.results.map((prediction: { id: number }) => prediction.id)).toEqual([ids.flop, ids.adjusted, ids.early]);
      expect(body.results[1]).toEqual({
        id: ids.adjusted,
        song: { id: hitSong, track_name: 'Prophecy Song', artists: 'Oracle Crew', demo: false },
        is_hit: false,
        confidence: 95,
        model_prediction: true,
        model_confidence: 80,
        model_version: 'v1',
        in_dataset: true,
        adjusted_by_dataset: true,
        created_at: '2021-05-02T10:00:00.000Z',
      });
    });

    it('filters on is_hit, model_prediction, adjusted_by_dataset and created_at, and searches the song', async () => {
      const range = 'created_after=2021-05-01&created_before=2021-05-04';
      expect(await listIds(`${range}&is_hit=false`)).toEqual([ids.flop, ids.adjusted]);
      expect(await listIds(`${range}&model_prediction=true`)).toEqual([ids.adjusted, ids.early]);
      expect(await listIds(`${range}&adjusted_by_dataset=true`)).toEqual([ids.adjusted]);
      expect(await listIds('created_before=2021-05-02')).toEqual([ids.early]);
      expect(await listIds('search=ORACLE%20prophecy')).toEqual([ids.adjusted, ids.early]);
    });

    it('orders by confidence either way', async () => {
      const range = 'created_after=2021-05-01&created_before=2021-05-04';
      expect(await listIds(`${range}&ordering=confidence`)).toEqual([ids.early, ids.flop, ids.adjusted]);
      expect(await listIds(`${range}&ordering=-confidence`)).toEqual([ids.adjusted, ids.flop, ids.early]);
    });

    it('refuses bad filters naming them', async () => {
      const { body } = await as(admin).get('/api/admin/predictions?model_prediction=HIT&ordering=popularity').expect(400);
      expect(body.message).toContain('model_prediction must be true or false');
      expect(body.message).toContain('ordering must be one of');
    });

    it('corrects a prediction, keeping what the model said, and logs who corrected it', async () => {
      const { body } = await as(admin).patch(`/api/admin/predictions/${ids.flop}`, { is_hit: true }).expect(200);
      expect(body).toMatchObject({ id: ids.flop, is_hit: true, model_prediction: false, confidence: 70 });
      expect((await as(admin).get(`/api/admin/predictions/${ids.flop}`).expect(200)).body).toEqual(body);
      const logs = await t.prisma.predictionAuditLog.findMany({ where: { predictionId: ids.flop }, orderBy: { id: 'asc' } });
      expect(logs).toHaveLength(2);
      expect(logs[1]).toMatchObject({
        endpoint: 'PATCH /api/admin/predictions/:id',
        request: { is_hit: true, admin_id: admin.id, admin_username: admin.username },
        response: { previous_is_hit: false, is_hit: true },
      });
      const missing = await as(admin).patch(`/api/admin/predictions/${ids.flop}`, {}).expect(400);
      expect(missing.body.message).toMatch(/is_hit (must be true or false|is required)/);
      await as(admin).patch('/api/admin/predictions/99999999', { is_hit: true }).expect(404);
    });

    it('deletes a prediction with its audit logs', async () => {
      const song = await createSong('Brief Forecast', 'Weather Folk');
      const prediction = await createPrediction(song.id);
      await as(admin).delete(`/api/admin/predictions/${prediction.id}`).expect(204);
      expect(await t.prisma.prediction.findUnique({ where: { id: prediction.id } })).toBeNull();
      expect(await t.prisma.predictionAuditLog.count({ where: { predictionId: prediction.id } })).toBe(0);
      expect(await t.prisma.song.findUnique({ where: { id: song.id } })).not.toBeNull();
      await as(admin).delete(`/api/admin/predictions/${prediction.id}`).expect(404);
    });
  });

  describe('users', () => {
    it('lists accounts without password hashes, searching email, username and display name, filtering on role', async () => {
      const { body } = await as(admin).get(`/api/admin/users?search=${listener.username.toUpperCase()}`).expect(200);
      expect(body.results).toEqual([
        expect.objectContaining({ id: listener.id, email: listener.email, role: 'user', display_name: `The ${listener.username}` }),
      ]);
      expect(JSON.stringify(body)).not.toMatch(/password/i);
      const byDisplayName = await as(admin).get(`/api/admin/users?search=the%20${artist.username}`).expect(200);
      expect(byDisplayName.body.results.map((user: { id: string }) => user.id)).toEqual([artist.id]);
      const artists = await as(admin).get('/api/admin/users?role=artist').expect(200);
      expect(artists.body.results.every((user: { role: string }) => user.role === 'artist')).toBe(true);
      expect(artists.body.count).toBe(await t.prisma.user.count({ where: { role: 'artist' } }));
      const bad = await as(admin).get('/api/admin/users?role=owner').expect(400);
      expect(bad.body.message).toContain('role must be user, artist or admin');
    });

    it('shows one account, 404 for an unknown id and 400 for a malformed one', async () => {
      const { body } = await as(admin).get(`/api/admin/users/${artist.id}`).expect(200);
      expect(body).toMatchObject({ id: artist.id, role: 'artist', artist_id: artist.artistId });
      await as(admin).get(`/api/admin/users/${SOME_UUID}`).expect(404);
      await as(admin).get('/api/admin/users/not-a-uuid').expect(400);
    });

    it('promotes a listener to artist: creates their artist, and the role applies to their next request without signing them out', async () => {
      const account = await createAccount(t, 'user');
      const { body } = await as(admin).patch(`/api/admin/users/${account.id}`, { role: 'artist', display_name: 'Nova Écho' }).expect(200);
      expect(body).toMatchObject({ role: 'artist', display_name: 'Nova Écho', artist_id: expect.any(String) });
      expect(await t.prisma.artist.findUniqueOrThrow({ where: { id: body.artist_id } })).toMatchObject({
        userId: account.id,
        name: 'Nova Écho',
        searchText: 'nova echo',
      });
      expect((await request(t.http).get('/api/auth/me').set('authorization', account.bearer).expect(200)).body).toMatchObject({
        role: 'artist',
        artist_id: body.artist_id,
      });
      const refreshed = await request(t.http).post('/api/auth/refresh').send({ refresh_token: account.refreshToken }).expect(200);
      expect(refreshed.body.user).toMatchObject({ role: 'artist', artist_id: body.artist_id });

      // Back to listener and artist again: the artist is kept, not duplicated.
      await as(admin).patch(`/api/admin/users/${account.id}`, { role: 'user' }).expect(200);
      const again = await as(admin).patch(`/api/admin/users/${account.id}`, { role: 'artist' }).expect(200);
      expect(again.body.artist_id).toBe(body.artist_id);
      expect(await t.prisma.artist.count({ where: { userId: account.id } })).toBe(1);
    });

    it('keeps the sessions of an account whose role does not change', async () => {
      const account = await createAccount(t, 'user');
      await as(admin).patch(`/api/admin/users/${account.id}`, { display_name: 'Renamed Listener', role: 'user' }).expect(200);
      await request(t.http).post('/api/auth/refresh').send({ refresh_token: account.refreshToken }).expect(200);
    });

    it('refuses to let an admin demote or delete themselves, with 409', async () => {
      const demote = await as(admin).patch(`/api/admin/users/${admin.id}`, { role: 'user' }).expect(409);
      expect(demote.body.message).toBe('You cannot remove your own admin role: another admin has to do it.');
      const remove = await as(admin).delete(`/api/admin/users/${admin.id}`).expect(409);
      expect(remove.body.message).toBe('You cannot delete your own account: another admin has to do it.');
      expect((await t.prisma.user.findUniqueOrThrow({ where: { id: admin.id } })).role).toBe('admin');
      await as(admin).patch(`/api/admin/users/${admin.id}`, { display_name: 'Chief' }).expect(200);
    });

    it('lets an admin demote another admin', async () => {
      const other = await createAccount(t, 'admin');
      const { body } = await as(admin).patch(`/api/admin/users/${other.id}`, { role: 'user' }).expect(200);
      expect(body.role).toBe('user');
      await request(t.http).get('/api/admin/users').set('authorization', other.bearer).expect(403);
    });

    it('names every bad field of an account edit', async () => {
      const { body } = await as(admin).patch(`/api/admin/users/${listener.id}`, { role: 'owner', display_name: '', email: 'x@example.com' }).expect(400);
      expect(body.message).toContain('role must be user, artist or admin');
      expect(body.message).toContain('display_name must not be empty');
      expect(body.message).toContain('email is not an allowed field');
    });

    it('deletes another account, leaving the artist it published as', async () => {
      const doomed = await createAccount(t, 'artist');
      await as(admin).delete(`/api/admin/users/${doomed.id}`).expect(204);
      expect(await t.prisma.user.findUnique({ where: { id: doomed.id } })).toBeNull();
      expect(await t.prisma.refreshToken.count({ where: { userId: doomed.id } })).toBe(0);
      expect(await t.prisma.loginSession.count({ where: { userId: doomed.id } })).toBe(0);
      expect(await t.prisma.artist.findUniqueOrThrow({ where: { id: doomed.artistId! } })).toMatchObject({ userId: null });
      await as(admin).delete(`/api/admin/users/${doomed.id}`).expect(404);
      await request(t.http).post('/api/login').send({ login: doomed.email, password: doomed.password }).expect(401);
    });
  });

  it('counts songs, predictions, users by role and catalog songs for the dashboard', async () => {
    const { body } = await as(admin).get('/api/admin/stats').expect(200);
    const [songs, hits, predictions, users, admins, artists] = await Promise.all([
      t.prisma.song.count(),
      t.prisma.song.count({ where: { isHit: true } }),
      t.prisma.prediction.count(),
      t.prisma.user.count(),
      t.prisma.user.count({ where: { role: 'admin' } }),
      t.prisma.artist.count(),
    ]);
    expect(songs).toBeGreaterThan(DEMO_SONGS);
    expect(body).toEqual({
      songs,
      song_hits: hits,
      predictions,
      artists,
      catalog_songs: 0,
      users: { total: users, admin: admins, artist: expect.any(Number), user: expect.any(Number) },
    });
    expect(body.users.user + body.users.artist + body.users.admin).toBe(users);
  });

  it('refuses to activate a model version that does not exist, naming it', async () => {
    const { body } = await request(t.http).post('/api/admin/models/hit/20000101-000000-000/activate').set('authorization', admin.bearer).expect(404);
    expect(body.message).toBe('No hit model version 20000101-000000-000; see "models list".');
  });
});
