import { readdir } from 'node:fs/promises';
import { join } from 'node:path';
import request from 'supertest';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { createAccount, type TestAccount } from '../../support/accounts.js';
import { onePixelPng, toneWav } from '../../support/audio-files.js';
import { addPlays, binaryBody, uploadSong } from '../../support/catalog.js';
import { createTestApp, type TestApp } from '../../support/test-app.js';

describe('albums, artists, genres and profiles', () => {
  let t: TestApp;
  let artist: TestAccount;
  let listener: TestAccount;

  beforeAll(async () => {
    t = await createTestApp();
    [artist, listener] = await Promise.all([createAccount(t, 'artist', 'harbourlights'), createAccount(t)]);
  });
  afterAll(() => t.close());

  it('creates an album with a cover checked by content, and serves the cover', async () => {
    const { body } = await request(t.http)
      .post('/api/albums')
      .set('authorization', artist.bearer)
      .field('title', 'Harbour Lights')
      .field('release_date', '2025-02-14')
      .attach('cover', onePixelPng, 'cover.png')
      .expect(201);
    expect(body).toMatchObject({
      title: 'Harbour Lights',
      artist: { id: artist.artistId },
      release_date: '2025-02-14',
      cover_url: `/api/albums/${body.id}/cover`,
      song_count: 0,
    });
    const cover = await request(t.http).get(body.cover_url).buffer(true).parse(binaryBody).expect(200);
    expect(cover.headers['content-type']).toBe('image/png');
    expect(Buffer.compare(cover.body as Buffer, onePixelPng)).toBe(0);
  });

  it('refuses a cover that is not an image, whatever its name', async () => {
    const { body } = await request(t.http)
      .post('/api/albums')
      .set('authorization', artist.bearer)
      .field('title', 'Bad Cover')
      .attach('cover', toneWav(1), 'cover.jpg')
      .expect(415);
    expect(body.message).toBe('cover must be a JPEG, PNG or WebP image; its content is audio/wav');
    expect(await t.prisma.album.count({ where: { title: 'Bad Cover' } })).toBe(0);
  });

  it("lists an album's songs, and keeps the songs when the album is deleted", async () => {
    const album = (await request(t.http).post('/api/albums').set('authorization', artist.bearer).send({ title: 'Short Album' }).expect(201)).body;
    const song = await uploadSong(t, artist, { title: 'Track One', album_id: album.id });
    const { body } = await request(t.http).get(`/api/albums/${album.id}/songs`).expect(200);
    expect(body.results.map((s: { id: string }) => s.id)).toEqual([song.id]);
    await request(t.http).delete(`/api/albums/${album.id}`).set('authorization', artist.bearer).expect(204);
    expect((await request(t.http).get(`/api/songs/${song.id}`).expect(200)).body.album).toBeNull();
  });

  it('keeps favourite albums per listener', async () => {
    const album = (await request(t.http).post('/api/albums').set('authorization', artist.bearer).send({ title: 'Loved Album' }).expect(201)).body;
    await request(t.http).post(`/api/albums/${album.id}/favorite`).set('authorization', listener.bearer).expect(200);
    const { body } = await request(t.http).get('/api/albums/favorites').set('authorization', listener.bearer).expect(200);
    expect(body.results.map((a: { title: string }) => a.title)).toEqual(['Loved Album']);
    await request(t.http).delete(`/api/albums/${album.id}/favorite`).set('authorization', listener.bearer).expect(200);
    expect((await request(t.http).get('/api/albums/favorites').set('authorization', listener.bearer).expect(200)).body.count).toBe(0);
  });

  it('follows and unfollows artists, and shows artists their followers', async () => {
    await request(t.http).post(`/api/artists/${artist.artistId}/follow`).set('authorization', listener.bearer).expect(200);
    const again = await request(t.http).post(`/api/artists/${artist.artistId}/follow`).set('authorization', listener.bearer).expect(200);
    expect(again.body).toEqual({ artist_id: artist.artistId, following: true, follower_count: 1 });
    const following = await request(t.http).get('/api/artists/following').set('authorization', listener.bearer).expect(200);
    expect(following.body.results.map((a: { id: string }) => a.id)).toEqual([artist.artistId]);
    const followers = await request(t.http).get('/api/artists/followers').set('authorization', artist.bearer).expect(200);
    expect(followers.body.results).toEqual([
      { id: listener.id, username: listener.username, display_name: `The ${listener.username}`, followed_at: expect.any(String) },
    ]);
    await request(t.http).get('/api/artists/followers').set('authorization', listener.bearer).expect(403);
    await request(t.http).post(`/api/artists/${artist.artistId}/unfollow`).set('authorization', listener.bearer).expect(200);
    expect((await request(t.http).get('/api/artists/following').set('authorization', listener.bearer).expect(200)).body.count).toBe(0);
  });

  it('unfollows with DELETE …/follow too, as the original system’s clients do', async () => {
    await request(t.http).post(`/api/artists/${artist.artistId}/follow`).set('authorization', listener.bearer).expect(200);
    const { body } = await request(t.http).delete(`/api/artists/${artist.artistId}/follow`).set('authorization', listener.bearer).expect(200);
    expect(body).toEqual({ artist_id: artist.artistId, following: false, follower_count: 0 });
    await request(t.http).delete(`/api/artists/${artist.artistId}/follow`).expect(401);
  });

  it("sums an artist's profile: songs, albums, followers, plays and likes of public songs", async () => {
    const solo = await createAccount(t, 'artist');
    const a = await uploadSong(t, solo, { title: 'Counted' });
    const hidden = await uploadSong(t, solo, { title: 'Uncounted', visibility: 'private' });
    await request(t.http).post('/api/albums').set('authorization', solo.bearer).send({ title: 'Only Album' }).expect(201);
    await addPlays(t, a.id, 3);
    await addPlays(t, hidden.id, 50);
    await request(t.http).post(`/api/songs/${a.id}/like`).set('authorization', listener.bearer).expect(200);
    await request(t.http).post(`/api/artists/${solo.artistId}/follow`).set('authorization', listener.bearer).expect(200);
    const { body } = await request(t.http).get(`/api/artists/${solo.artistId}/profile`).set('authorization', listener.bearer).expect(200);
    expect(body).toMatchObject({ id: solo.artistId, song_count: 1, album_count: 1, follower_count: 1, total_plays: 3, total_likes: 1, following: true });
    expect((await request(t.http).get(`/api/artists/${solo.artistId}/profile`).set('authorization', solo.bearer).expect(200)).body.song_count).toBe(2);
    const songs = await request(t.http).get(`/api/artists/${solo.artistId}/songs`).expect(200);
    expect(songs.body.results.map((s: { title: string }) => s.title)).toEqual(['Counted']);
  });

  it('finds artists by name despite a typo', async () => {
    const { body } = await request(t.http).get('/api/artists?search=harborlights').expect(200);
    expect(body.results[0]).toMatchObject({ id: artist.artistId, name: 'The harbourlights' });
  });

  it('lets artists rename themselves, renaming what search finds', async () => {
    const renamed = await createAccount(t, 'artist');
    await request(t.http)
      .put(`/api/artists/${renamed.artistId}`)
      .set('authorization', renamed.bearer)
      .send({ name: 'Velvet Static', bio: 'Noise pop from Wellington.' })
      .expect(200);
    expect((await request(t.http).get('/api/artists?search=velvet').expect(200)).body.results.map((a: { name: string }) => a.name)).toEqual(['Velvet Static']);
  });

  it('lists genres with public song counts, and creates new ones once whatever the spelling', async () => {
    await uploadSong(t, artist, { title: 'Folk Song', genres: ['Folk'] });
    await request(t.http).post('/api/genres').set('authorization', artist.bearer).send({ name: 'Hip-Hop' }).expect(201);
    const { body } = await request(t.http).post('/api/genres').set('authorization', artist.bearer).send({ name: 'hip hop' }).expect(409);
    expect(body.message).toBe('name: the genre "hip hop" already exists');
    const genres = (await request(t.http).get('/api/genres').expect(200)).body.results;
    expect(genres).toEqual(
      expect.arrayContaining([expect.objectContaining({ name: 'Folk', song_count: 1 }), expect.objectContaining({ name: 'Hip-Hop', song_count: 0 })]),
    );
  });

  it('changes the profile: display name, quality preference and picture (replacing the old one)', async () => {
    const fan = await createAccount(t);
    const first = await request(t.http)
      .put('/api/profile')
      .set('authorization', fan.bearer)
      .field('display_name', 'Night Owl')
      .field('audio_quality', 'low')
      .attach('picture', onePixelPng, 'me.png')
      .expect(200);
    expect(first.body).toMatchObject({ display_name: 'Night Owl', audio_quality: 'low', picture_url: `/api/users/${fan.id}/picture` });
    const images = async () => readdir(join(t.mediaDir, 'images'));
    const before = (await images()).length;
    await request(t.http).put('/api/profile').set('authorization', fan.bearer).attach('picture', onePixelPng, 'me-again.png').expect(200);
    expect((await images()).length).toBe(before);
    const picture = await request(t.http).get(`/api/users/${fan.id}/picture`).buffer(true).parse(binaryBody).expect(200);
    expect(picture.headers['content-type']).toBe('image/png');
    expect((await request(t.http).get('/api/profile').set('authorization', fan.bearer).expect(200)).body.display_name).toBe('Night Owl');
  });

  it('takes the original system’s audio qualities Low, Medium and High as low, normal and high', async () => {
    const fan = await createAccount(t);
    for (const [original, encore] of [
      ['Low', 'low'],
      ['Medium', 'normal'],
      ['High', 'high'],
    ]) {
      const { body } = await request(t.http).put('/api/profile').set('authorization', fan.bearer).send({ audio_quality: original }).expect(200);
      expect(body.audio_quality).toBe(encore);
    }
  });

  it('refuses offline mode on the Free plan and names bad profile fields', async () => {
    const fan = await createAccount(t);
    expect((await request(t.http).put('/api/profile').set('authorization', fan.bearer).send({ offline_mode: true }).expect(403)).body.message).toContain(
      'premium plan',
    );
    const bad = await request(t.http).put('/api/profile').set('authorization', fan.bearer).send({ audio_quality: 'ultra', display_name: '' }).expect(400);
    expect(bad.body.message).toContain('audio_quality must be low, normal or high');
    expect(bad.body.message).toContain('display_name must not be empty');
  });
});
