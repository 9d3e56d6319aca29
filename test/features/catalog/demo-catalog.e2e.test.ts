import request from 'supertest';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { DemoCatalogService } from '../../../src/features/catalog/demo/demo-catalog.service.js';
import { DEMO_ARTISTS } from '../../../src/features/catalog/demo/demo-catalog.js';
import { binaryBody } from '../../support/catalog.js';
import { createTestApp, type TestApp } from '../../support/test-app.js';

const DEMO_SONGS = DEMO_ARTISTS.flatMap((artist) => artist.albums.flatMap((album) => album.songs)).length;

describe('the demo catalog', () => {
  let t: TestApp;
  beforeAll(async () => {
    t = await createTestApp();
    expect(await t.app.get(DemoCatalogService).importIfEmpty()).toBe(DEMO_SONGS);
  }, 60_000);
  afterAll(() => t.close());

  it('is added once: a catalog with songs is left alone', async () => {
    expect(await t.app.get(DemoCatalogService).importIfEmpty()).toBeUndefined();
    expect(await t.prisma.catalogSong.count()).toBe(DEMO_SONGS);
  });

  it('has playable 15-second songs whose audio passes the upload checks', async () => {
    const { body } = await request(t.http).get('/api/songs?page_size=100').expect(200);
    expect(body.count).toBe(DEMO_SONGS);
    for (const song of body.results) expect(song).toMatchObject({ format: 'wav', duration_ms: 15_000 });
    const audio = await request(t.http).get(body.results[0].stream_url).set('range', 'bytes=0-43').buffer(true).parse(binaryBody).expect(206);
    expect((audio.body as Buffer).subarray(0, 4).toString()).toBe('RIFF');
  });

  it('gives every album a PNG cover', async () => {
    const { body } = await request(t.http).get('/api/albums?page_size=100').expect(200);
    expect(body.results.length).toBe(DEMO_ARTISTS.flatMap((artist) => artist.albums).length);
    const cover = await request(t.http).get(body.results[0].cover_url).buffer(true).parse(binaryBody).expect(200);
    expect(cover.headers['content-type']).toBe('image/png');
  });

  it('has listens over the last weeks, so trending ranks something', async () => {
    const { body } = await request(t.http).get('/api/songs/trending?time_range=month').expect(200);
    expect(body.count).toBeGreaterThan(0);
  });
});
