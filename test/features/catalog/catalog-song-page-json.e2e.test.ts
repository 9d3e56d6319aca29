import request from 'supertest';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { withPageLinks } from '../../../src/platform/common/http/page-links.js';
import { createAccount, type TestAccount } from '../../support/accounts.js';
import { uploadSong } from '../../support/catalog.js';
import { createTestApp, type TestApp } from '../../support/test-app.js';

/**
 * The listings write their songs' JSON in SQL (catalogSongPageSql). Their answers must be the bytes
 * Express wrote when Node built the page: each song exactly as GET /api/songs/:id writes it (Prisma
 * and JSON.stringify), the page around them as PageLinksInterceptor and JSON.stringify make it.
 */
describe('song listings written as JSON text by PostgreSQL', () => {
  let t: TestApp;
  let artist: TestAccount;
  let albumId: string;

  /** The answer as Node would have written it, from the songs' own answers. */
  const expectedBody = async (raw: string, url: string, caller?: TestAccount) => {
    const page = JSON.parse(raw) as { count: number; page: number; page_size: number; results: { id: string }[] };
    const songs = await Promise.all(
      page.results.map(async ({ id }) => {
        const call = request(t.http).get(`/api/songs/${id}`);
        if (caller) call.set('authorization', caller.bearer);
        return JSON.parse((await call.expect(200)).text) as unknown;
      }),
    );
    return JSON.stringify(withPageLinks({ count: page.count, page: page.page, page_size: page.page_size, results: songs }, url));
  };

  const get = (url: string, caller?: TestAccount) => {
    const call = request(t.http).get(url);
    if (caller) call.set('authorization', caller.bearer);
    return call.expect(200);
  };

  beforeAll(async () => {
    t = await createTestApp();
    artist = await createAccount(t, 'artist');
    const album = await request(t.http).post('/api/albums').set('authorization', artist.bearer).field('title', 'Quotes "and" \\ slashes').expect(201);
    albumId = album.body.id;
    await uploadSong(t, artist, {
      title: 'Tab\there, newline\nthere, é and 😀 and \u0001',
      genres: ['Zydeco', 'Ambient'],
      album_id: albumId,
      release_date: '2024-02-29',
    });
    await uploadSong(t, artist, { title: 'Private </script> song', visibility: 'private' });
    for (let i = 0; i < 5; i++) await uploadSong(t, artist, { title: `Plain ${i}`, genres: i % 2 ? ['Rock'] : [] });
  });
  afterAll(() => t.close());

  it('answers a page of songs with the bytes Node wrote, links and all, for each caller and filter', async () => {
    const urls = [
      '/api/songs',
      '/api/songs?page_size=2&page=2&ordering=title',
      `/api/songs?artist=${artist.artistId}&ordering=-release_date`,
      '/api/songs?search=plain&page_size=3',
      '/api/songs?genre=rock',
    ];
    for (const url of urls) {
      for (const caller of [undefined, artist]) {
        const response = await get(url, caller);
        expect(response.headers['content-type']).toBe('application/json; charset=utf-8');
        expect(response.text).toBe(await expectedBody(response.text, url, caller));
      }
    }
  });

  it('answers the artist and album pages with the same bytes as Node wrote', async () => {
    for (const url of [`/api/artists/${artist.artistId}/songs?page_size=4`, `/api/albums/${albumId}/songs`]) {
      const response = await get(url, artist);
      expect(response.text).toBe(await expectedBody(response.text, url, artist));
    }
  });

  it("answers 304 to a request holding the page's ETag, for each listing", async () => {
    for (const url of ['/api/songs?page_size=3', `/api/artists/${artist.artistId}/songs`, `/api/albums/${albumId}/songs`]) {
      const { headers } = await get(url, artist);
      expect(headers.etag).toMatch(/^W\/".+"$/);
      await request(t.http).get(url).set('authorization', artist.bearer).set('if-none-match', headers.etag!).expect(304);
    }
  });

  it('gives another ETag for another page, another URL of the same page, another caller and a changed song', async () => {
    const etag = async (url: string, caller?: TestAccount) => (await get(url, caller)).headers.etag;
    const first = await etag('/api/songs?page_size=3', artist);
    expect(await etag('/api/songs?page_size=3', artist)).toBe(first);
    expect(await etag('/api/songs?page_size=3&page=2', artist)).not.toBe(first);
    // The same songs, other links.
    expect(await etag('/api/songs?page_size=3&search=', artist)).not.toBe(first);
    expect(await etag('/api/songs?page_size=3')).not.toBe(first);
    const { body } = await get('/api/songs?page_size=3', artist);
    await request(t.http).put(`/api/songs/${body.results[0].id}`).set('authorization', artist.bearer).send({ title: 'Renamed' }).expect(200);
    expect(await etag('/api/songs?page_size=3', artist)).not.toBe(first);
  });

  it('answers a page past the last with the count on all pages and no songs', async () => {
    const { body } = await get('/api/songs?page=50&page_size=5', artist);
    expect(body).toMatchObject({ page: 50, next: null, results: [] });
    expect(body.count).toBeGreaterThanOrEqual(7);
    expect(body.previous).toBe(`/api/songs?page=${Math.ceil(body.count / 5)}&page_size=5`);
  });
});
