import request from 'supertest';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { createAccount, type TestAccount } from '../../support/accounts.js';
import { addPlays, uploadSong } from '../../support/catalog.js';
import { createTestApp, type TestApp } from '../../support/test-app.js';

const titles = (songs: { title: string }[]) => songs.map((song) => song.title);

/**
 * Seeded so every ordering is known. Trending scores (plays + 3 × likes):
 *   Midnight City   10 plays 8 days ago             week 0  month 10  all 10
 *   Neon Rain        4 plays today + 1 like          week 7  month 7   all 7
 *   Midnight Train   6 plays today                   week 6  month 6   all 6
 *   Desert Road      2 likes today                   week 6  month 6   all 6  (fewer plays than Midnight Train)
 *   Ocean Eyes       2 plays 40 days ago             week 0  month 0   all 2
 *   Midnight Secret  private, 100 plays today        only its artist sees it
 */
describe('catalog discovery on seeded songs', () => {
  let t: TestApp;
  let nova: TestAccount;
  let dust: TestAccount;
  const ids: Record<string, string> = {};

  beforeAll(async () => {
    t = await createTestApp();
    nova = await createAccount(t, 'artist', 'novalights');
    dust = await createAccount(t, 'artist', 'dustriders');
    const album = await request(t.http)
      .post('/api/albums')
      .set('authorization', nova.bearer)
      .send({ title: 'City Nights', release_date: '2023-03-01' })
      .expect(201);
    const songs: [TestAccount, string, string[], string, string?][] = [
      [nova, 'Midnight City', ['Synthwave'], '2023-03-01', album.body.id],
      [nova, 'Neon Rain', ['Synthwave'], '2024-06-10', album.body.id],
      [nova, 'Ocean Eyes', ['Dream Pop'], '2021-01-15'],
      [dust, 'Midnight Train', ['Blues'], '2022-08-20'],
      [dust, 'Desert Road', ['Blues', 'Rock'], '2020-11-02'],
    ];
    for (const [artist, title, genres, release_date, album_id] of songs) {
      ids[title] = (await uploadSong(t, artist, { title, genres, release_date, ...(album_id && { album_id }) })).id;
    }
    ids['Midnight Secret'] = (await uploadSong(t, nova, { title: 'Midnight Secret', genres: ['Synthwave'], visibility: 'private' })).id;
    await addPlays(t, ids['Midnight City']!, 10, { daysAgo: 8 });
    await addPlays(t, ids['Neon Rain']!, 4);
    await addPlays(t, ids['Midnight Train']!, 6);
    await addPlays(t, ids['Ocean Eyes']!, 2, { daysAgo: 40 });
    await addPlays(t, ids['Midnight Secret']!, 100);
    const [fanA, fanB] = [await createAccount(t), await createAccount(t)];
    await request(t.http).post(`/api/songs/${ids['Neon Rain']}/like`).set('authorization', fanA.bearer).expect(200);
    await request(t.http).post(`/api/songs/${ids['Desert Road']}/like`).set('authorization', fanA.bearer).expect(200);
    await request(t.http).post(`/api/songs/${ids['Desert Road']}/like`).set('authorization', fanB.bearer).expect(200);
  }, 60_000);
  afterAll(() => t.close());

  const trending = async (range: string, bearer?: string) => {
    const call = request(t.http).get(`/api/songs/trending?time_range=${range}`);
    return (await (bearer ? call.set('authorization', bearer) : call).expect(200)).body;
  };

  it('ranks this week by plays + 3 × likes in the week, ties by plays', async () => {
    const body = await trending('week');
    expect(titles(body.results)).toEqual(['Neon Rain', 'Midnight Train', 'Desert Road']);
    expect(body.results[0].trending).toEqual({ score: 7, plays: 4, likes: 1 });
  });

  it('ranks the month and all time over their own windows', async () => {
    expect(titles((await trending('month')).results)).toEqual(['Midnight City', 'Neon Rain', 'Midnight Train', 'Desert Road']);
    expect(titles((await trending('all')).results)).toEqual(['Midnight City', 'Neon Rain', 'Midnight Train', 'Desert Road', 'Ocean Eyes']);
  });

  it('counts private songs only for their artist', async () => {
    expect(titles((await trending('week', nova.bearer)).results)[0]).toBe('Midnight Secret');
    expect(titles((await trending('week', dust.bearer)).results)).not.toContain('Midnight Secret');
  });

  it('pages trending with next and previous links', async () => {
    const { body } = await request(t.http).get('/api/songs/trending?time_range=all&page=2&page_size=2').expect(200);
    expect(body).toMatchObject({
      count: 5,
      next: '/api/songs/trending?time_range=all&page=3&page_size=2',
      previous: '/api/songs/trending?time_range=all&page=1&page_size=2',
    });
    expect(titles(body.results)).toEqual(['Midnight Train', 'Desert Road']);
  });

  it('refuses an unknown time range', async () => {
    expect((await request(t.http).get('/api/songs/trending?time_range=year').expect(400)).body.message).toBe('time_range must be all, week or month');
  });

  it('searches songs by every word as a prefix, ranked, then by plays', async () => {
    const { body } = await request(t.http).get('/api/songs/search?q=midnight').expect(200);
    expect(titles(body.songs)).toEqual(['Midnight City', 'Midnight Train']);
    expect(titles((await request(t.http).get('/api/songs/search?q=neon%20ra').expect(200)).body.songs)).toEqual(['Neon Rain']);
  });

  it('finds songs despite a typo, through trigram similarity', async () => {
    const { body } = await request(t.http).get('/api/songs/search?q=desert%20raod').expect(200);
    expect(titles(body.songs)[0]).toBe('Desert Road');
  });

  it('finds albums, artists and genres in the same search', async () => {
    const { body } = await request(t.http).get('/api/songs/search?q=city').expect(200);
    expect(body.albums.map((album: { title: string }) => album.title)).toEqual(['City Nights']);
    // Neon Rain is on City Nights: songs are found by their album's title too.
    expect(titles(body.songs)).toEqual(['Midnight City', 'Neon Rain']);
    expect((await request(t.http).get('/api/songs/search?q=dustriders').expect(200)).body.artists.map((artist: { name: string }) => artist.name)).toEqual([
      'The dustriders',
    ]);
    expect((await request(t.http).get('/api/songs/search?q=synth').expect(200)).body.genres.map((genre: { name: string }) => genre.name)).toEqual([
      'Synthwave',
    ]);
  });

  it('shows a private song in search only to its artist', async () => {
    expect(titles((await request(t.http).get('/api/songs/search?q=secret').expect(200)).body.songs)).toEqual([]);
    expect(titles((await request(t.http).get('/api/songs/search?q=secret').set('authorization', nova.bearer).expect(200)).body.songs)).toEqual([
      'Midnight Secret',
    ]);
  });

  it('refuses an empty query', async () => {
    expect((await request(t.http).get('/api/songs/search?q=%20').expect(400)).body.message).toBe('q must not be empty');
  });

  it('recommends unheard songs by genre and artist taste, excluding what the listener knows', async () => {
    const fan = await createAccount(t);
    await request(t.http).post(`/api/songs/${ids['Neon Rain']}/play`).set('authorization', fan.bearer).expect(200);
    const { body } = await request(t.http).get('/api/songs/recommendations').set('authorization', fan.bearer).expect(200);
    // Midnight City shares the genre and the artist; Ocean Eyes only the artist; Dust Riders' songs neither.
    expect(body.source).toBe('history');
    expect(titles(body.results)).toEqual(['Midnight City', 'Ocean Eyes']);
  });

  it("recommends this week's trending to a new listener", async () => {
    const fan = await createAccount(t);
    const { body } = await request(t.http).get('/api/songs/recommendations').set('authorization', fan.bearer).expect(200);
    expect(body.source).toBe('trending');
    expect(titles(body.results)).toEqual(['Neon Rain', 'Midnight Train', 'Desert Road']);
  });

  it('picks random songs among the visible ones', async () => {
    const { body } = await request(t.http).get('/api/songs/random?limit=50').expect(200);
    expect(titles(body.results).sort()).toEqual(['Desert Road', 'Midnight City', 'Midnight Train', 'Neon Rain', 'Ocean Eyes']);
  });

  it('filters by genre, artist, album and release dates, ordered as asked', async () => {
    const list = async (query: string) => titles((await request(t.http).get(`/api/songs?${query}`).expect(200)).body.results);
    expect(await list('genre=SYNTHWAVE&ordering=-plays')).toEqual(['Midnight City', 'Neon Rain']);
    expect(await list(`artist=${dust.artistId}&ordering=title`)).toEqual(['Desert Road', 'Midnight Train']);
    expect(await list(`album=${(await t.prisma.album.findFirstOrThrow()).id}&ordering=release_date`)).toEqual(['Midnight City', 'Neon Rain']);
    expect(await list('released_after=2021-01-01&released_before=2023-12-31&ordering=-release_date')).toEqual([
      'Midnight City',
      'Midnight Train',
      'Ocean Eyes',
    ]);
    expect(await list('ordering=-likes&page_size=2')).toEqual(['Desert Road', 'Neon Rain']);
  });

  it('filters the list by ?search= as the original did: every word in the title, artist, album or a genre', async () => {
    const list = async (search: string) =>
      titles(
        (
          await request(t.http)
            .get(`/api/songs?search=${encodeURIComponent(search)}&ordering=title`)
            .expect(200)
        ).body.results,
      );
    expect(await list('midnight')).toEqual(['Midnight City', 'Midnight Train']);
    expect(await list('midnight blues')).toEqual(['Midnight Train']);
    expect(await list('city nights')).toEqual(['Midnight City', 'Neon Rain']);
    expect(await list('DUSTRIDERS rock')).toEqual(['Desert Road']);
    expect(await list('100%_')).toEqual([]);
  });

  it('pages the song list, with next and previous links and counts', async () => {
    const { body } = await request(t.http).get('/api/songs?ordering=title&page=1&page_size=2').expect(200);
    expect(body).toMatchObject({ count: 5, previous: null, next: '/api/songs?ordering=title&page=2&page_size=2' });
    const last = (await request(t.http).get('/api/songs?ordering=title&page=3&page_size=2').expect(200)).body;
    expect(last).toMatchObject({ next: null, previous: '/api/songs?ordering=title&page=2&page_size=2' });
    expect(titles(last.results)).toEqual(['Ocean Eyes']);
  });

  it('names a bad filter', async () => {
    expect((await request(t.http).get('/api/songs?artist=nova').expect(400)).body.message).toBe('artist must be an artist id (UUID)');
    expect((await request(t.http).get('/api/songs?ordering=loudness').expect(400)).body.message).toContain('ordering must be one of');
  });
});
