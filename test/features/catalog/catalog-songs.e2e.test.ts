import { readdir } from 'node:fs/promises';
import { join } from 'node:path';
import request from 'supertest';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { createAccount, type TestAccount } from '../../support/accounts.js';
import { onePixelPng, silentMp3, toneWav } from '../../support/audio-files.js';
import { binaryBody, uploadSong } from '../../support/catalog.js';
import { createTestApp, type TestApp } from '../../support/test-app.js';

/** Every stored audio file, to prove uploads leave nothing behind when refused or deleted. */
const audioFiles = async (t: TestApp) => readdir(join(t.mediaDir, 'audio')).catch(() => [] as string[]);

describe('catalog songs: upload, read, change, delete, stream', () => {
  let t: TestApp;
  let artist: TestAccount;
  let otherArtist: TestAccount;
  let listener: TestAccount;
  const mp3 = silentMp3(5);

  beforeAll(async () => {
    t = await createTestApp();
    [artist, otherArtist, listener] = await Promise.all([createAccount(t, 'artist'), createAccount(t, 'artist'), createAccount(t, 'user')]);
  });
  afterAll(() => t.close());

  it('publishes an uploaded MP3, reading its format, duration and bitrate from the file', async () => {
    const song = await uploadSong(
      t,
      artist,
      { title: 'Silent Night Drive', genres: ['Synthwave', 'Electronic'], release_date: '2024-05-17' },
      { data: mp3, name: 'drive.mp3' },
    );
    expect(song).toMatchObject({
      id: expect.stringMatching(/^[0-9a-f-]{36}$/),
      title: 'Silent Night Drive',
      artist: { id: artist.artistId },
      album: null,
      genres: ['Electronic', 'Synthwave'],
      release_date: '2024-05-17',
      visibility: 'public',
      format: 'mp3',
      mime_type: 'audio/mpeg',
      size_bytes: mp3.length,
      bitrate_kbps: 128,
      play_count: 0,
      like_count: 0,
      stream_url: `/api/songs/${song.id}/stream`,
    });
    expect(song.duration_ms).toBeGreaterThan(4900);
    expect(song.duration_ms).toBeLessThan(5100);
    await request(t.http).get(`/api/songs/${song.id}`).expect(200);
  });

  it('streams an MP3 range with 206, Content-Range and exactly those bytes', async () => {
    const song = await uploadSong(t, artist, { title: 'Range Test' }, { data: mp3, name: 'range.mp3' });
    const response = await request(t.http).get(`/api/songs/${song.id}/stream`).set('range', 'bytes=1000-1999').buffer(true).parse(binaryBody).expect(206);
    expect(response.headers['content-range']).toBe(`bytes 1000-1999/${mp3.length}`);
    expect(response.headers['accept-ranges']).toBe('bytes');
    expect(response.headers['content-type']).toBe('audio/mpeg');
    expect(response.headers['content-length']).toBe('1000');
    expect(Buffer.compare(response.body as Buffer, mp3.subarray(1000, 2000))).toBe(0);
  });

  it('streams the whole file without a range, and refuses a range past the end with 416', async () => {
    const song = await uploadSong(t, artist, { title: 'Whole File' }, { data: mp3, name: 'whole.mp3' });
    const whole = await request(t.http).get(`/api/songs/${song.id}/stream`).buffer(true).parse(binaryBody).expect(200);
    expect((whole.body as Buffer).length).toBe(mp3.length);
    const past = await request(t.http).get(`/api/songs/${song.id}/stream`).set('range', `bytes=${mp3.length}-`).expect(416);
    expect(past.headers['content-range']).toBe(`bytes */${mp3.length}`);
  });

  it('refuses a text file renamed to .mp3 as audio, storing nothing', async () => {
    const before = await audioFiles(t);
    const rows = await t.prisma.catalogSong.count();
    const { body } = await request(t.http)
      .post('/api/songs')
      .set('authorization', artist.bearer)
      .field('title', 'Not Music')
      .attach('audio', Buffer.from('This is a plain text file pretending to be a song.\n'.repeat(50)), { filename: 'hit.mp3', contentType: 'audio/mpeg' })
      .expect(415);
    expect(body.message).toBe('audio must be an audio file (mp3, wav, m4a, flac, ogg, aac); its content is not a known media format');
    expect(await t.prisma.catalogSong.count()).toBe(rows);
    expect(await audioFiles(t)).toEqual(before);
  });

  it('refuses an image sent as audio, naming what it is', async () => {
    const { body } = await request(t.http)
      .post('/api/songs')
      .set('authorization', artist.bearer)
      .field('title', 'Picture')
      .attach('audio', onePixelPng, 'cover.mp3')
      .expect(415);
    expect(body.message).toContain('its content is image/png');
  });

  it('refuses an upload over 50 MB with 413', async () => {
    const { body } = await request(t.http)
      .post('/api/songs')
      .set('authorization', artist.bearer)
      .field('title', 'Too Long')
      .attach('audio', Buffer.alloc(50 * 1024 * 1024 + 1), 'long.wav')
      .expect(413);
    expect(body.message).toBe('audio is too large: at most 50 MB');
  });

  it('names each bad field, and asks for the audio file when it is missing', async () => {
    const bad = await request(t.http)
      .post('/api/songs')
      .set('authorization', artist.bearer)
      .field('title', '')
      .field('visibility', 'secret')
      .field('release_date', '17/05/2024')
      .attach('audio', toneWav(1), 'a.wav')
      .expect(400);
    expect(bad.body.message).toContain('title must not be empty');
    expect(bad.body.message).toContain('visibility must be public or private');
    expect(bad.body.message).toContain('release_date must be a date such as 2024-05-17');
    const missing = await request(t.http).post('/api/songs').set('authorization', artist.bearer).field('title', 'No File').expect(400);
    expect(missing.body.message).toBe('audio is required: send the song file as the multipart field "audio"');
  });

  it('shows a private song only to its artist (and admins); for others it does not exist', async () => {
    const song = await uploadSong(t, artist, { title: 'Demo Take 3', visibility: 'private' });
    await request(t.http).get(`/api/songs/${song.id}`).set('authorization', artist.bearer).expect(200);
    await request(t.http).get(`/api/songs/${song.id}`).set('authorization', listener.bearer).expect(404);
    await request(t.http).get(`/api/songs/${song.id}`).expect(404);
    await request(t.http).get(`/api/songs/${song.id}/stream`).set('authorization', otherArtist.bearer).expect(404);
    const admin = await createAccount(t, 'admin');
    await request(t.http).get(`/api/songs/${song.id}`).set('authorization', admin.bearer).expect(200);
    const own = await request(t.http).get(`/api/songs?artist=${artist.artistId}&page_size=100`).set('authorization', artist.bearer).expect(200);
    expect(own.body.results.map((s: { id: string }) => s.id)).toContain(song.id);
    const theirs = await request(t.http).get(`/api/songs?artist=${artist.artistId}&page_size=100`).expect(200);
    expect(theirs.body.results.map((s: { id: string }) => s.id)).not.toContain(song.id);
  });

  it('lets a private song be streamed by its artist with ?access_token= (as an <audio> element does)', async () => {
    const song = await uploadSong(t, artist, { title: 'Private Stream', visibility: 'private' });
    await request(t.http).get(`/api/songs/${song.id}/stream?access_token=${artist.token}`).expect(200);
    await request(t.http).get(`/api/songs/${song.id}?access_token=${artist.token}`).expect(404);
  });

  it('changes details, genres and album, and replaces the audio, deleting the old file', async () => {
    const song = await uploadSong(t, artist, { title: 'First Draft', genres: ['Pop'] });
    const album = await request(t.http).post('/api/albums').set('authorization', artist.bearer).send({ title: 'Drafts' }).expect(201);
    const stored = await audioFiles(t);
    const { body } = await request(t.http)
      .put(`/api/songs/${song.id}`)
      .set('authorization', artist.bearer)
      .field('title', 'Final Mix')
      .field('genres', 'Indie Pop, Dream Pop')
      .field('album_id', album.body.id)
      .attach('audio', mp3, 'final.mp3')
      .expect(200);
    expect(body).toMatchObject({ title: 'Final Mix', genres: ['Dream Pop', 'Indie Pop'], album: { id: album.body.id, title: 'Drafts' }, format: 'mp3' });
    const after = await audioFiles(t);
    expect(after.length).toBe(stored.length);
    expect(after.filter((name) => name.endsWith('.mp3')).length).toBe(stored.filter((name) => name.endsWith('.mp3')).length + 1);
  });

  it('refuses an album of another artist', async () => {
    const song = await uploadSong(t, artist, { title: 'Loyal Song' });
    const album = await request(t.http).post('/api/albums').set('authorization', otherArtist.bearer).send({ title: 'Not Yours' }).expect(201);
    const { body } = await request(t.http).put(`/api/songs/${song.id}`).set('authorization', artist.bearer).send({ album_id: album.body.id }).expect(400);
    expect(body.message).toBe('album_id: the album belongs to another artist');
  });

  it('deletes a song and its stored audio', async () => {
    const song = await uploadSong(t, artist, { title: 'Short Lived' });
    const before = await audioFiles(t);
    await request(t.http).delete(`/api/songs/${song.id}`).set('authorization', artist.bearer).expect(204);
    await request(t.http).get(`/api/songs/${song.id}`).expect(404);
    expect((await audioFiles(t)).length).toBe(before.length - 1);
  });

  it('answers 400 for an id that is not a UUID', async () => {
    expect((await request(t.http).get('/api/songs/12abc').expect(400)).body.message).toBe('id must be a UUID');
  });

  it('counts likes once per listener and unlikes back', async () => {
    const song = await uploadSong(t, artist, { title: 'Likeable' });
    const like = () => request(t.http).post(`/api/songs/${song.id}/like`).set('authorization', listener.bearer).expect(200);
    await like();
    expect((await like()).body).toEqual({ song_id: song.id, liked: true, like_count: 1 });
    const other = await createAccount(t);
    expect((await request(t.http).post(`/api/songs/${song.id}/like`).set('authorization', other.bearer).expect(200)).body.like_count).toBe(2);
    expect((await request(t.http).post(`/api/songs/${song.id}/unlike`).set('authorization', listener.bearer).expect(200)).body).toEqual({
      song_id: song.id,
      liked: false,
      like_count: 1,
    });
    expect((await request(t.http).post(`/api/songs/${song.id}/unlike`).set('authorization', listener.bearer).expect(200)).body.like_count).toBe(1);
  });

  it('counts plays and keeps recently played, each song once, latest first', async () => {
    const [a, b] = [await uploadSong(t, artist, { title: 'Play A' }), await uploadSong(t, artist, { title: 'Play B' })];
    const fan = await createAccount(t);
    const play = (id: string) => request(t.http).post(`/api/songs/${id}/play`).set('authorization', fan.bearer).expect(200);
    await play(a.id);
    await play(b.id);
    expect((await play(a.id)).body).toEqual({ song_id: a.id, play_count: 2 });
    const { body } = await request(t.http).get('/api/songs/recently_played').set('authorization', fan.bearer).expect(200);
    expect(body.results.map((song: { title: string }) => song.title)).toEqual(['Play A', 'Play B']);
    expect(body.results[0].played_at).toEqual(expect.any(String));
  });

  it('keeps favourites per listener, latest first', async () => {
    const [a, b] = [await uploadSong(t, artist, { title: 'Fav A' }), await uploadSong(t, artist, { title: 'Fav B' })];
    const fan = await createAccount(t);
    await request(t.http).post(`/api/songs/${a.id}/favorite`).set('authorization', fan.bearer).expect(200);
    await request(t.http).post(`/api/songs/${b.id}/favorite`).set('authorization', fan.bearer).expect(200);
    await request(t.http).post(`/api/songs/${b.id}/favorite`).set('authorization', fan.bearer).expect(200);
    const { body } = await request(t.http).get('/api/songs/favorites').set('authorization', fan.bearer).expect(200);
    expect(body).toMatchObject({ count: 2, next: null, previous: null });
    expect(body.results.map((song: { title: string }) => song.title)).toEqual(['Fav B', 'Fav A']);
    await request(t.http).delete(`/api/songs/${b.id}/favorite`).set('authorization', fan.bearer).expect(200);
    expect((await request(t.http).get('/api/songs/favorites').set('authorization', fan.bearer).expect(200)).body.count).toBe(1);
  });

  it('reports the stream tier of the listener: Free caps at 160 kbps, Premium gives 320 when preferred', async () => {
    const song = await uploadSong(t, artist, { title: 'Quality Check' });
    const fan = await createAccount(t);
    await t.prisma.user.update({ where: { id: fan.id }, data: { audioQuality: 'high' } });
    const free = await request(t.http).get(`/api/songs/${song.id}/stream`).set('authorization', fan.bearer).expect(200);
    expect(free.headers['x-audio-quality']).toBe('normal');
    expect(free.headers['x-audio-bitrate-kbps']).toBe('160');
    const now = Date.now();
    await t.prisma.subscription.create({
      data: {
        ownerId: fan.id,
        plan: 'premium',
        status: 'active',
        provider: 'manual',
        currentPeriodStart: new Date(now),
        currentPeriodEnd: new Date(now + 30 * 86_400_000),
      },
    });
    const premium = await request(t.http).get(`/api/songs/${song.id}/stream`).set('authorization', fan.bearer).expect(200);
    expect(premium.headers['x-audio-bitrate-kbps']).toBe('320');
    const anonymous = await request(t.http).get(`/api/songs/${song.id}/stream`).expect(200);
    expect(anonymous.headers['x-audio-bitrate-kbps']).toBe('160');
  });
});
