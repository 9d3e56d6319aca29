import { createReadStream } from 'node:fs';
import { Readable } from 'node:stream';
import request from 'supertest';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { SongImportService } from '../../../src/features/dataset/import/song-import.service.js';
import { hitPredictorFixtures } from '../../support/sample-data.js';
import { createTestApp, type TestApp } from '../../support/test-app.js';

const KAGGLE = [
  'track_id,artists,album_name,track_name,popularity,duration_ms,explicit,danceability,energy,key,loudness,mode,speechiness,acousticness,instrumentalness,liveness,valence,tempo,time_signature,track_genre',
  '2HZLXBOnaSRhXStMLrq9fD,Beyoncé;JAY-Z,Dangerously In Love,Crazy In Love (feat. Jay-Z),86,235933,False,0.646,0.77,2,-6.596,0,0.226,0.00249,0,0.0715,0.681,99.165,4,pop',
  '0fbSADeQVjNNbeOBOdCXLm,Sigur Rós,Ágætis byrjun,Svefn-g-englar,45,604000,False,0.2,0.3,5,-15,1,0.03,0.8,0.9,0.1,0.05,70,4,ambient',
].join('\n');

describe('songs API over the imported hit-predictor fixtures and Kaggle rows', () => {
  let t: TestApp;
  beforeAll(async () => {
    t = await createTestApp();
    const importer = t.app.get(SongImportService);
    await importer.import(hitPredictorFixtures.map((path) => ({ name: path, stream: createReadStream(path) })));
    await importer.import([{ name: 'kaggle', stream: Readable.from([KAGGLE]) }], { clear: false });
  });
  afterAll(() => t.close());

  const search = (query: unknown, limit?: number) =>
    request(t.http)
      .post('/api/dataset/search/')
      .send(limit === undefined ? { query } : { query, limit });

  it('finds an artist by name, exact matches first', async () => {
    const { body } = await search('mara lintel', 5).expect(200);
    expect(body.songs).toHaveLength(5);
    expect(body.songs.every((song: { artists: string }) => song.artists === 'Mara Lintel')).toBe(true);
    expect(body.songs[0]).toMatchObject({ match: 'exact', is_hit: expect.any(Boolean), track_id: expect.any(String) });
  });

  it('finds a title despite a typo', async () => {
    const { body } = await search('harbor rivr lintel', 5).expect(200);
    expect(body.songs[0]).toMatchObject({ track_name: 'Harbour River', artists: 'Mara Lintel', match: 'fuzzy' });
  });

  it('finds an artist despite swapped letters', async () => {
    const { body } = await search('quarerl', 3).expect(200);
    expect(body.songs.map((song: { artists: string }) => song.artists)).toEqual(['Ivy Quarrel', 'Ivy Quarrel', 'Ivy Quarrel']);
  });

  it('ignores case, accents and word order', async () => {
    const { body } = await search('SIGUR ROS').expect(200);
    expect(body.songs[0]).toMatchObject({ track_name: 'Svefn-g-englar', artists: 'Sigur Rós' });
    const reordered = await search('quarrel ivy harbour river').expect(200);
    expect(reordered.body.songs[0]).toMatchObject({ track_name: 'Harbour River', artists: 'Ivy Quarrel' });
  });

  it('ranks a prefix match before a fuzzy one, then by popularity', async () => {
    const { body } = await search('beyonc').expect(200);
    expect(body.songs[0]).toMatchObject({ artists: 'Beyoncé;JAY-Z', match: 'prefix', popularity: 86 });
  });

  it('finds a fragment inside a word, as a contains match', async () => {
    const { body } = await search('yonc').expect(200);
    expect(body.songs[0]).toMatchObject({ artists: 'Beyoncé;JAY-Z', match: 'contains' });
  });

  it('finds the words of songs imported after the first import', async () => {
    const row = '3AbCdEfGhIjKlMnOpQrStU,Zephyrine Quokka,Album,Marmalade Skies,40,200000,False,0.5,0.5,1,-8,1,0.05,0.2,0,0.1,0.4,110,4,pop';
    await t.app.get(SongImportService).import([{ name: 'later', stream: Readable.from([`${KAGGLE.split('\n')[0]}\n${row}`]) }], { clear: false });
    const { body } = await search('quokk').expect(200);
    expect(body.songs).toEqual([expect.objectContaining({ track_name: 'Marmalade Skies', match: 'contains' })]);
  });

  it('corrects a typo to the closest word and ranks the corrected title first', async () => {
    const { body } = await search('harbuor river').expect(200);
    expect(body.songs[0]).toMatchObject({ track_name: 'Harbour River', match: 'fuzzy' });
  });

  it('answers the same search by GET ?q=', async () => {
    const { body } = await request(t.http).get('/api/dataset/search/?q=rain%20again%20tomorrow&limit=1').expect(200);
    expect(body.songs).toEqual([expect.objectContaining({ track_name: 'Rain, Again, Tomorrow', artists: 'Northgate Choir' })]);
  });

  it.each([
    [{ query: '   ' }, 'query must not be empty'],
    [{}, 'query is required'],
    [{ query: 'x', limit: 500 }, 'limit must not be greater than 100'],
  ])('refuses %j with 400', async (body, message) => {
    const response = await request(t.http).post('/api/dataset/search/').send(body).expect(400);
    expect(response.body.message).toContain(message);
  });

  it('lists songs with filters, ordering and pages', async () => {
    const { body } = await request(t.http).get('/api/dataset/songs?is_hit=true&decade=1970&ordering=track_name&page=2&page_size=4').expect(200);
    expect(body.count).toBe(10); // odd tracks 1-21 of the 1970s fixture but 5, whose later row gives it the 1980s
    expect(body).toMatchObject({
      page: 2,
      page_size: 4,
      next: '/api/dataset/songs?is_hit=true&decade=1970&ordering=track_name&page=3&page_size=4',
      previous: '/api/dataset/songs?is_hit=true&decade=1970&ordering=track_name&page=1&page_size=4',
    });
    expect(body.results).toHaveLength(4);
    expect(body.results.every((song: { is_hit: boolean; decade: number }) => song.is_hit && song.decade === 1970)).toBe(true);
    const names = body.results.map((song: { track_name: string }) => song.track_name);
    expect([...names].sort()).toEqual(names);
  });

  it('filters by genre, source, minimum popularity and search words', async () => {
    const { body } = await request(t.http).get('/api/dataset/songs?genre=POP&source=dataset&min_popularity=80&search=crazy').expect(200);
    expect(body.count).toBe(1);
    expect(body.results[0]).toMatchObject({ track_name: 'Crazy In Love (feat. Jay-Z)', explicit_known: true, dataset: 'kaggle' });
  });

  it.each([
    ['page_size=101', 'page_size must not be greater than 100'],
    ['is_hit=maybe', 'is_hit must be true or false'],
    ['ordering=password', 'ordering must be one of'],
    ['bogus=1', 'bogus is not an allowed field'],
  ])('refuses ?%s with 400 naming the field', async (query, message) => {
    const response = await request(t.http).get(`/api/dataset/songs?${query}`).expect(400);
    expect(response.body.message).toContain(message);
  });

  it('shows one song by id, and 404 for an unknown one', async () => {
    const { body: page } = await request(t.http).get('/api/dataset/songs?page_size=1').expect(200);
    const { body } = await request(t.http).get(`/api/dataset/songs/${page.results[0].id}`).expect(200);
    expect(body).toEqual(page.results[0]);
    const missing = await request(t.http).get('/api/dataset/songs/99999999').expect(404);
    expect(missing.body).toEqual({ statusCode: 404, error: 'Not Found', message: 'Song 99999999 not found' });
    await request(t.http).get('/api/dataset/songs/12abc').expect(400);
  });

  it('averages the model features over the hits and over the flops', async () => {
    const { body } = await request(t.http).get('/api/dataset/songs/averages').expect(200);
    const [hits, flops] = await Promise.all([t.prisma.song.count({ where: { isHit: true } }), t.prisma.song.count({ where: { isHit: false } })]);
    const energy = await t.prisma.song.aggregate({ where: { isHit: true }, _avg: { energy: true } });
    expect(body.hit.songs).toBe(hits);
    expect(body.flop.songs).toBe(flops);
    expect(body.hit.features.energy).toBeCloseTo(energy._avg.energy!, 10);
    expect(Object.keys(body.flop.features).sort()).toEqual([
      'acousticness',
      'danceability',
      'duration_ms',
      'energy',
      'explicit',
      'instrumentalness',
      'loudness',
      'mode',
      'tempo',
      'valence',
    ]);
  });
});
