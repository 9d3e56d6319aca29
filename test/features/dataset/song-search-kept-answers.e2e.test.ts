import { Readable } from 'node:stream';
import request from 'supertest';
import { afterAll, beforeAll, beforeEach, describe, expect, it } from 'vitest';
import { SongImportService } from '../../../src/features/dataset/import/song-import.service.js';
import { createTestApp, type TestApp } from '../../support/test-app.js';

const KAGGLE_HEADER =
  'track_id,artists,album_name,track_name,popularity,duration_ms,explicit,danceability,energy,key,loudness,mode,speechiness,acousticness,instrumentalness,liveness,valence,tempo,time_signature,track_genre';
/** A Kaggle row of a song by the Quillfeather Owls, the artist every test here searches for. */
const owlsSong = (trackId: string, title: string, popularity: number) =>
  `${trackId},Quillfeather Owls,Album,${title},${popularity},200000,False,0.5,0.5,1,-8,1,0.05,0.2,0,0.1,0.4,110,4,pop`;

type Hit = { track_id: string; track_name: string; popularity: number };

/**
 * Each server keeps the search's answers by the songs' version (SongSearchService). A change to
 * the songs committed through another instance, or by any other writer of the database, must show
 * in the very next search of every instance.
 */
describe('dataset search answers kept by the songs version, with two instances on one database', () => {
  let a: TestApp;
  let b: TestApp;
  let imported = 0;

  const importThrough = async (app: TestApp, ...rows: string[]) =>
    app.app.get(SongImportService).import([{ name: `rows ${++imported}`, stream: Readable.from([[KAGGLE_HEADER, ...rows].join('\n')]) }], { clear: false });
  /** Instance B's answer to the artist's name, most popular first. */
  const searchOnB = async () => (await request(b.http).post('/api/dataset/search/').send({ query: 'quillfeather owls' }).expect(200)).body.songs as Hit[];

  beforeAll(async () => {
    a = await createTestApp();
    b = await createTestApp({}, a);
  });
  afterAll(async () => {
    await b.close();
    await a.close();
  });
  beforeEach(async () => {
    await a.prisma.$executeRaw`DELETE FROM songs WHERE artists = 'Quillfeather Owls'`;
    await importThrough(a, owlsSong('0OwlsKeptSongTrackId01', 'Moonlit Barn', 50), owlsSong('0OwlsKeptSongTrackId02', 'Hollow Oak', 40));
    // Asked twice: the second answer is B's kept one.
    await searchOnB();
    expect((await searchOnB()).map((hit) => hit.track_name)).toEqual(['Moonlit Barn', 'Hollow Oak']);
  });

  it('shows a song imported through the other instance', async () => {
    await importThrough(a, owlsSong('0OwlsKeptSongTrackId03', 'Feather Storm', 60));
    expect((await searchOnB()).map((hit) => hit.track_name)).toEqual(['Feather Storm', 'Moonlit Barn', 'Hollow Oak']);
  });

  it('leaves out a song deleted by a plain SQL client', async () => {
    await a.prisma.$executeRaw`DELETE FROM songs WHERE track_id = '0OwlsKeptSongTrackId01'`;
    expect((await searchOnB()).map((hit) => hit.track_name)).toEqual(['Hollow Oak']);
  });

  it('ranks again by a popularity changed by a plain SQL client', async () => {
    await a.prisma.$executeRaw`UPDATE songs SET popularity = 90 WHERE track_id = '0OwlsKeptSongTrackId02'`;
    expect((await searchOnB()).map((hit) => [hit.track_name, hit.popularity])).toEqual([
      ['Hollow Oak', 90],
      ['Moonlit Barn', 50],
    ]);
  });
});
