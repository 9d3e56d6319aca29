import request from 'supertest';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { createDatasetSong } from '../../support/dataset-rows.js';
import { createTestApp, type TestApp } from '../../support/test-app.js';

describe("the dataset search's last resort, for misses farther than one slip", () => {
  let t: TestApp;
  const search = async (query: string) => (await request(t.http).post('/api/dataset/search/').send({ query, limit: 5 }).expect(200)).body.songs;

  beforeAll(async () => {
    t = await createTestApp();
    const songs: Array<[title: string, artists: string]> = [
      ['Sweet Lullaby', 'Mara Lintel'],
      ['Sweet Home', 'Ivy Quarrel'],
      ['Fire Thunder', 'Lynx Waves'],
      ['Thunder Road', 'Harbour Choir'],
      ['Heavy Lanterns Again', 'Northgate'],
      ['Heavy Rain', 'Northgate'],
    ];
    for (const [title, artists] of songs) await createDatasetSong(t, title, artists);
  });
  afterAll(() => t.close());

  it('a word two slips away, beside a word found as it is, is found through the vocabulary words like it', async () => {
    expect((await search('sweet llulbay'))[0]).toMatchObject({ track_name: 'Sweet Lullaby', match: 'fuzzy' });
  });

  it('a single word two slips away is found through the vocabulary words like it', async () => {
    expect((await search('thudnre'))[0]).toMatchObject({ track_name: 'Fire Thunder', match: 'fuzzy' });
  });

  it('a word like no word of the vocabulary leaves the songs holding the other words as the candidates', async () => {
    expect((await search('heavy lnatenrs again northgate'))[0]).toMatchObject({ track_name: 'Heavy Lanterns Again', match: 'fuzzy' });
  });
});
