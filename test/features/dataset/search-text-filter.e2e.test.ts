import request from 'supertest';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { createAccount, type TestAccount } from '../../support/accounts.js';
import { createDatasetSong, createPrediction } from '../../support/dataset-rows.js';
import { createTestApp, type TestApp } from '../../support/test-app.js';

/** A word of 230 letters, longer than the 200 the words index and the vocabulary keep of it. */
const LONG_WORD = `${'a'.repeat(220)}zzfrag${'b'.repeat(4)}`;
/** More words holding "qk" than the vocabulary lookup takes (MAX_WORD_MATCHES), in one title. */
const QK_WORDS = Array.from({ length: 210 }, (_, i) => `qk${i.toString(36)}`).join(' ');

describe('substring searches of the song listings, served by the words index', () => {
  let t: TestApp;
  let admin: TestAccount;
  const ids: Record<string, number> = {};

  /** The ids of GET /api/dataset/songs?search=…, in its order (by id, to compare with sets). */
  const listed = async (search: string) => {
    const { body } = await request(t.http)
      .get(`/api/dataset/songs?search=${encodeURIComponent(search)}&ordering=id&page_size=100`)
      .expect(200);
    expect(body.count).toBe(body.results.length);
    return body.results.map((song: { id: number }) => song.id);
  };
  const adminListed = async (path: string, search: string) => {
    const { body } = await request(t.http)
      .get(`${path}?search=${encodeURIComponent(search)}&page_size=100`)
      .set('authorization', admin.bearer)
      .expect(200);
    expect(body.count).toBe(body.results.length);
    return body.results.map((row: { id: number }) => row.id).sort((a: number, b: number) => a - b);
  };

  beforeAll(async () => {
    t = await createTestApp();
    admin = await createAccount(t, 'admin');
    const songs: Array<[key: string, title: string, artists: string]> = [
      ['paper', 'Paper Lanterns', 'Milo Tides'],
      ['festival', 'Lantern Festival', 'Apers'],
      ['newspaper', 'Newspaper Lane', 'Terns'],
      ['percent', '100% Pure_Love', 'A_B'],
      ['long', `Long ${LONG_WORD}`, 'Tail'],
      ['qk', QK_WORDS, 'Many Words'],
      ['the1', 'The Tides', 'The Band'],
      ['the2', 'Over the Lane', 'Other'],
      ['the3', 'Then Again', 'The Others'],
    ];
    for (const [key, title, artists] of songs) ids[key] = (await createDatasetSong(t, title, artists)).id;
    // The statistics tell the filter which words are in most songs ("the").
    await t.prisma.$executeRawUnsafe('ANALYZE songs');
  });
  afterAll(() => t.close());

  it('a multi-word search spanning a space matches a word ending and the start of the next word', async () => {
    expect(await listed('per lan')).toEqual([ids.paper, ids.newspaper]);
    expect(await listed('s milo t')).toEqual([ids.paper]);
    expect(await listed('paper lanterns milo tides')).toEqual([ids.paper]);
    expect(await listed('per lantern festival')).toEqual([]);
  });

  it('a fragment inside a word finds every song holding a word that contains it', async () => {
    expect(await listed('antern')).toEqual([ids.paper, ids.festival]);
    expect(await listed('ape')).toEqual([ids.paper, ids.festival, ids.newspaper]);
  });

  it('a very common fragment (in more vocabulary words than the lookup takes) still filters exactly', async () => {
    expect(await listed('qk')).toEqual([ids.qk]);
    expect(await listed('e')).toEqual(Object.values(ids).filter((id) => id !== ids.long));
  });

  it('a word in most songs ("the") is left to the filter and still answers exactly', async () => {
    expect(await listed('the')).toEqual([ids.the1, ids.the2, ids.the3]);
    expect(await listed('the lane')).toEqual([ids.the2]);
  });

  it('LIKE metacharacters % and _ in the search are punctuation, not wildcards', async () => {
    expect(await listed('100%')).toEqual([ids.percent]);
    expect(await listed('pure_love')).toEqual([ids.percent]);
    expect(await listed('a_b')).toEqual([ids.percent]);
    expect(await listed('%_')).toHaveLength(Object.keys(ids).length);
  });

  it('a fragment past the 200 characters the words index keeps of a long word is found', async () => {
    expect(await listed('zzfrag')).toEqual([ids.long]);
    expect(await listed('zzfragbbbb tail')).toEqual([ids.long]);
  });

  it('the admin listings find songs holding every word, each anywhere, by the same filter', async () => {
    expect(await adminListed('/api/admin/songs', 'PER lan')).toEqual([ids.paper, ids.festival, ids.newspaper]);
    expect(await adminListed('/api/admin/songs', 'zzfrag tail')).toEqual([ids.long]);
    const predicted = [await createPrediction(t, ids.paper!), await createPrediction(t, ids.festival!), await createPrediction(t, ids.percent!)];
    expect(await adminListed('/api/admin/predictions', 'antern')).toEqual([predicted[0]!.id, predicted[1]!.id]);
    expect(await adminListed('/api/admin/predictions', '100% love')).toEqual([predicted[2]!.id]);
  });
});
