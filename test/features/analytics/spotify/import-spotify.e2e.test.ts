import request from 'supertest';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { utcDay } from '../../../../src/features/analytics/ingestion/metric-rows.js';
import { createAccount, type TestAccount } from '../../../support/accounts.js';
import { FakeSpotify } from '../../../support/fake-spotify.js';
import { createTestApp, type TestApp } from '../../../support/test-app.js';

const AURORA = '1WgXqy2Dd70QQOU7Ay074N';
const BOREALIS = '3TVXtAsR1Inumwj472S9r4';
const CORONA = '6qqNVTkY8uBg9cP3Jd7DAH';
const UNKNOWN = '7777777777777777777777';
const IMPORT = '/api/analytics/artists/import-spotify';
const INVALID = 'spotify must be a Spotify artist id, link or URI';

describe('POST /api/analytics/artists/import-spotify', () => {
  const spotify = new FakeSpotify();
  let t: TestApp;
  let owner: TestAccount;
  let otherArtist: TestAccount;
  let admin: TestAccount;
  let listener: TestAccount;

  beforeAll(async () => {
    spotify.start();
    t = await createTestApp({ ...spotify.env, SPOTIFY_MAX_RETRIES: '0', GENRE_TRAIN_CRON: 'off' });
    [owner, otherArtist, admin, listener] = await Promise.all([
      createAccount(t, 'artist'),
      createAccount(t, 'artist'),
      createAccount(t, 'admin'),
      createAccount(t, 'user'),
    ]);
    spotify.addArtist({ id: AURORA, name: 'Aurora Lights', followers: { href: null, total: 1234 }, popularity: 48, genres: ['synthpop', 'dream pop'] });
    spotify.addArtist({ id: BOREALIS, name: 'Borealis Ñandú', followers: { href: null, total: 98_765 }, popularity: 71, genres: [] });
    spotify.addArtist({ id: CORONA, name: 'Corona', followers: { href: null, total: 5 }, popularity: 3 });
  });
  afterAll(async () => {
    await t?.close();
    spotify.stop();
  });

  const importAs = (account: TestAccount, body: object) => request(t.http).post(IMPORT).set('authorization', account.bearer).send(body);
  const todaysRow = (artistId: string) =>
    t.prisma.artistMetricDaily.findUnique({ where: { artistId_platform_date: { artistId, platform: 'spotify', date: new Date(`${utcDay()}T00:00:00Z`) } } });

  it("links an artist account's own artist by Spotify id and stores today's numbers (201)", async () => {
    const { body } = await importAs(owner, { spotify: AURORA }).expect(201);
    const artist = await t.prisma.artist.findUniqueOrThrow({ where: { id: owner.artistId! } });
    expect(body).toEqual({
      artist: { id: owner.artistId, name: artist.name },
      spotify: {
        id: AURORA,
        name: 'Aurora Lights',
        url: `https://open.spotify.com/artist/${AURORA}`,
        followers: 1234,
        popularity: 48,
        genres: ['synthpop', 'dream pop'],
        image: `https://i.scdn.co/image/${AURORA}-640`,
      },
    });
    const account = await t.prisma.artistPlatformAccount.findUniqueOrThrow({ where: { platform_externalId: { platform: 'spotify', externalId: AURORA } } });
    expect(account).toMatchObject({ artistId: owner.artistId, url: `https://open.spotify.com/artist/${AURORA}` });
    expect(account.lastSyncAt!.getTime()).toBeGreaterThan(Date.now() - 60_000);
    expect(await todaysRow(owner.artistId!)).toMatchObject({ followers: 1234, popularity: 48, streams: 0, source: 'spotify' });
  });

  it('re-imports by link and by URI idempotently: 200, the same artist, one account and one row per day, the numbers refreshed', async () => {
    spotify.addArtist({ id: AURORA, name: 'Aurora Lights', followers: { href: null, total: 1300 }, popularity: 49 });
    for (const reference of [
      `https://open.spotify.com/artist/${AURORA}?si=Xy12AbCdEf`,
      `spotify:artist:${AURORA}`,
      `https://open.spotify.com/intl-es/artist/${AURORA}`,
    ]) {
      const { body } = await importAs(owner, { spotify: reference }).expect(200);
      expect(body.artist.id).toBe(owner.artistId);
      expect(body.spotify).toMatchObject({ id: AURORA, followers: 1300, popularity: 49 });
    }
    expect(await t.prisma.artistPlatformAccount.count({ where: { artistId: owner.artistId! } })).toBe(1);
    expect(await t.prisma.artistMetricDaily.count({ where: { artistId: owner.artistId! } })).toBe(1);
    expect(await todaysRow(owner.artistId!)).toMatchObject({ followers: 1300, popularity: 49 });
    // An admin may refresh it too; it stays the owner's artist.
    expect((await importAs(admin, { spotify: AURORA }).expect(200)).body.artist.id).toBe(owner.artistId);
  });

  it('lets an admin import by URI as a new artist named as on Spotify, belonging to no account', async () => {
    const { body } = await importAs(admin, { spotify: `spotify:artist:${BOREALIS}` }).expect(201);
    expect(body.artist.name).toBe('Borealis Ñandú');
    const artist = await t.prisma.artist.findUniqueOrThrow({ where: { id: body.artist.id } });
    expect(artist).toMatchObject({ userId: null, searchText: 'borealis nandu' });
    expect(await t.prisma.artistTeamMember.count({ where: { artistId: artist.id } })).toBe(0);
    expect(await todaysRow(artist.id)).toMatchObject({ followers: 98_765, popularity: 71 });
    // Searchable in the catalog like any artist.
    const { body: found } = await request(t.http).get('/api/artists?search=borealis').expect(200);
    expect(found.results.map((result: { id: string }) => result.id)).toContain(artist.id);
    expect((await importAs(admin, { spotify: BOREALIS }).expect(200)).body.artist.id).toBe(artist.id);
  });

  it('keeps one Spotify profile per artist and one artist per profile (409)', async () => {
    // Another artist account cannot take a profile linked to someone else...
    expect((await importAs(otherArtist, { spotify: AURORA }).expect(409)).body.message).toMatch(/already linked to another Encore artist/);
    // ...and an artist already linked cannot link a second profile.
    expect((await importAs(owner, { spotify: CORONA }).expect(409)).body.message).toMatch(/already linked to Spotify artist 1WgXqy2Dd70QQOU7Ay074N/);
    expect((await importAs(admin, { spotify: CORONA, artist_id: owner.artistId }).expect(409)).body.message).toMatch(/already linked to Spotify artist/);
    expect(await t.prisma.artistPlatformAccount.count({ where: { externalId: CORONA } })).toBe(0);
  });

  it("links the artist named by artist_id for its team, and refuses others' artists", async () => {
    const target = await createAccount(t, 'artist');
    await importAs(otherArtist, { spotify: CORONA, artist_id: target.artistId }).expect(403);
    await importAs(owner, { spotify: CORONA, artist_id: '8c1f7a36-1a77-4a4e-9d65-4b1a6a5f0000' }).expect(404);
    const { body } = await importAs(admin, { spotify: CORONA, artist_id: target.artistId }).expect(201);
    expect(body.artist.id).toBe(target.artistId);
    expect(
      await t.prisma.artistPlatformAccount.findUnique({ where: { artistId_platform: { artistId: target.artistId!, platform: 'spotify' } } }),
    ).toMatchObject({ externalId: CORONA });
  });

  it('answers 404 for an artist Spotify does not have, and stores nothing', async () => {
    const artist = await createAccount(t, 'artist');
    const { body } = await importAs(artist, { spotify: UNKNOWN }).expect(404);
    expect(body.message).toBe(`Spotify has no artist ${UNKNOWN}.`);
    expect(await t.prisma.artistPlatformAccount.count({ where: { artistId: artist.artistId! } })).toBe(0);
  });

  it('answers 400 naming the field for anything that is not an artist id, link or URI', async () => {
    for (const spotifyValue of [
      'radiohead',
      `${AURORA}x`,
      `https://open.spotify.com/track/${AURORA}`,
      `spotify:album:${AURORA}`,
      'https://example.com/artist/1WgXqy2Dd70QQOU7Ay074N',
      42,
      '',
    ]) {
      expect((await importAs(owner, { spotify: spotifyValue }).expect(400)).body.message).toBe(INVALID);
    }
    expect((await importAs(owner, {}).expect(400)).body.message).toBe('spotify is required');
    expect((await importAs(owner, { spotify: AURORA, artist_id: 'x' }).expect(400)).body.message).toBe('artist_id must be a UUID');
    expect((await importAs(owner, { spotify: AURORA, extra: 1 }).expect(400)).body.message).toBe('extra is not an allowed field');
  });

  it('needs an artist or admin account', async () => {
    await request(t.http).post(IMPORT).send({ spotify: AURORA }).expect(401);
    await importAs(listener, { spotify: AURORA }).expect(403);
  });

  it('answers 503 when Spotify does not answer', async () => {
    spotify.script('/v1/artists', { status: 503, body: { error: { status: 503, message: 'Service unavailable' } } });
    const { body } = await importAs(owner, { spotify: AURORA }).expect(503);
    expect(body.message).toMatch(/Spotify is not answering/);
  });
});

describe('POST /api/analytics/artists/import-spotify without Spotify credentials', () => {
  let t: TestApp;

  beforeAll(async () => {
    t = await createTestApp({ GENRE_TRAIN_CRON: 'off' });
  });
  afterAll(() => t?.close());

  it('answers 503 naming the variables to set', async () => {
    const artist = await createAccount(t, 'artist');
    const { body } = await request(t.http).post(IMPORT).set('authorization', artist.bearer).send({ spotify: AURORA }).expect(503);
    expect(body.message).toMatch(/SPOTIFY_CLIENT_ID and SPOTIFY_CLIENT_SECRET/);
  });
});
