import pg from 'pg';
import request from 'supertest';
import { afterAll, beforeAll, beforeEach, describe, expect, it } from 'vitest';
import { createAccount, type TestAccount } from '../../support/accounts.js';
import { uploadSong } from '../../support/catalog.js';
import { createTestApp, type TestApp } from '../../support/test-app.js';

interface Page {
  count: number;
  results: { id: string; title: string; artist: { name: string }; genres: string[]; play_count: number; like_count: number }[];
}

/**
 * Each server keeps the listings' pages it read, by the catalog's version (CatalogSongsService).
 * A change committed through another instance, or by any other writer of the database, must show
 * in the very next listing of every instance.
 */
describe('song listings kept by the catalog version, with two instances on one database', () => {
  let a: TestApp;
  let b: TestApp;
  let artist: TestAccount;
  let listener: TestAccount;
  let song: { id: string };

  /** Instance B's first page of songs, newest first. */
  const listOnB = async () => (await request(b.http).get('/api/songs').expect(200)).body as Page;
  const songOnB = async () => (await listOnB()).results.find((row) => row.id === song.id);

  beforeAll(async () => {
    a = await createTestApp();
    b = await createTestApp({}, a);
    artist = await createAccount(a, 'artist');
    listener = await createAccount(a, 'user');
  });
  afterAll(async () => {
    await b.close();
    await a.close();
  });
  beforeEach(async () => {
    song = await uploadSong(a, artist, { title: 'Kept song', genres: ['Folk'] });
    // Read twice: the second answer comes from B's cache.
    await listOnB();
    expect(await songOnB()).toMatchObject({ title: 'Kept song', play_count: 0 });
  });

  it('shows a play counted through the other instance', async () => {
    await request(a.http).post(`/api/songs/${song.id}/play`).set('authorization', listener.bearer).expect(200);
    expect((await songOnB())!.play_count).toBe(1);
  });

  it('shows a like given through the other instance', async () => {
    await request(a.http).post(`/api/songs/${song.id}/like`).set('authorization', listener.bearer).expect(200);
    expect((await songOnB())!.like_count).toBe(1);
  });

  it('shows a new song published through the other instance, and the new count', async () => {
    const before = (await listOnB()).count;
    const added = await uploadSong(a, artist, { title: 'Newer song' });
    const page = await listOnB();
    expect(page.count).toBe(before + 1);
    expect(page.results[0]!.id).toBe(added.id);
  });

  it('leaves out a song deleted through the other instance', async () => {
    await request(a.http).delete(`/api/songs/${song.id}`).set('authorization', artist.bearer).expect(204);
    expect(await songOnB()).toBeUndefined();
  });

  it("shows the artist's new name, given through the other instance", async () => {
    await request(a.http).put(`/api/artists/${artist.artistId}`).set('authorization', artist.bearer).send({ name: 'Renamed Artist' }).expect(200);
    expect((await songOnB())!.artist.name).toBe('Renamed Artist');
  });

  it('shows a genre renamed by another writer of the database', async () => {
    const client = new pg.Client({ connectionString: a.database.url });
    await client.connect();
    try {
      await client.query(`UPDATE genres SET name = 'Folk Music' WHERE name = 'Folk'`);
    } finally {
      await client.end();
    }
    expect((await songOnB())!.genres).toEqual(['Folk Music']);
    await b.prisma.genre.updateMany({ where: { name: 'Folk Music' }, data: { name: 'Folk' } });
  });
});
