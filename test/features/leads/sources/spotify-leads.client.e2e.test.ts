import { afterAll, beforeAll, beforeEach, describe, expect, it } from 'vitest';
import { SourceResponseError, SourceUnavailableError } from '../../../../src/features/leads/sources/http-source.js';
import { SourceConfigurationError } from '../../../../src/features/leads/sources/lead-source.js';
import { SpotifyLeadsClient } from '../../../../src/features/leads/sources/spotify-leads.client.js';
import { FakeSpotify } from '../../../support/fake-spotify.js';
import { createSourcesContext, resetSources, type SourcesContext } from './sources-context.js';

/** Made-up Spotify ids (22 characters) for the REALISTIC artists of fake-musicbrainz. */
const ids = {
  glassSkyline: '3GlassSkyline0riginal1',
  glassSkylineHits: '3GlassSkylineOnHits001',
  otherIsrc: '3SomethingElseEntirely',
  islandTime: '5IslandTimeLagiSingle1',
  glassAlbum: '2GlassSkylineAlbum0001',
  hitsAlbum: '2SummerHits2025Compila',
  islandAlbum: '2IslandTimeSingle00001',
  marlowe: '0MarloweVanceFakeId001',
  lagi: '0LagiFaatasiFakeId0001',
};
const isrcs = { glassSkyline: 'USBL12501234', islandTime: 'QZES82400417' };

function artistRef(id: string, name: string): SpotifyApi.ArtistObjectSimplified {
  return { id, name, type: 'artist', uri: `spotify:artist:${id}`, href: '', external_urls: { spotify: `https://open.spotify.com/artist/${id}` } };
}

function albumRef(id: string, name: string, release_date: string): SpotifyApi.AlbumObjectSimplified {
  return {
    id,
    name,
    release_date,
    release_date_precision: 'day',
    album_type: 'album',
    artists: [],
    available_markets: ['US'],
    external_urls: { spotify: '' },
    href: '',
    images: [],
    type: 'album',
    uri: '',
    total_tracks: 1,
  } as SpotifyApi.AlbumObjectSimplified;
}

function addCatalog(spotify: FakeSpotify): void {
  // Glass Skyline: the original (popular) and a compilation copy share the ISRC.
  spotify.addTrack({
    id: ids.glassSkylineHits,
    name: 'Glass Skyline',
    popularity: 40,
    external_ids: { isrc: isrcs.glassSkyline },
    album: albumRef(ids.hitsAlbum, 'Summer Hits 2025', '2025-06-01'),
    artists: [artistRef(ids.marlowe, 'Marlowe Vance')],
  });
  spotify.addTrack({
    id: ids.glassSkyline,
    name: 'Glass Skyline',
    popularity: 71,
    external_ids: { isrc: isrcs.glassSkyline },
    album: albumRef(ids.glassAlbum, 'Glass Skyline', '2025-02-14'),
    artists: [artistRef(ids.marlowe, 'Marlowe Vance'), artistRef('0TuiHarbourFakeId00001', 'Tui Harbour')],
  });
  spotify.addTrack({
    id: ids.otherIsrc,
    name: 'Glass Skyline (Remix)',
    popularity: 90,
    external_ids: { isrc: 'USBL12509999' },
    album: albumRef(ids.glassAlbum, 'Glass Skyline', '2025-02-14'),
    artists: [artistRef(ids.marlowe, 'Marlowe Vance')],
  });
  spotify.addAlbum({
    id: ids.glassAlbum,
    name: 'Glass Skyline',
    label: 'Brightline',
    copyrights: [
      { text: '© 2025 Summit Avenue Music', type: 'C' },
      { text: '℗ 2025 Summit Avenue Music, a Universal Music Group company', type: 'P' },
    ],
    release_date: '2025-02-14',
  });
  spotify.addAlbum({ id: ids.hitsAlbum, name: 'Summer Hits 2025', label: 'Hits Compilations', release_date: '2025-06-01' });
  spotify.addArtist({
    id: ids.marlowe,
    name: 'Marlowe Vance',
    followers: { href: null, total: 2_310_000 },
    popularity: 74,
    genres: ['pop', 'contemporary r&b'],
  });

  // Island Time: as Spotify answers apps in Development Mode, without popularity, label or followers.
  spotify.addTrack({
    id: ids.islandTime,
    name: 'Island Time',
    external_ids: { isrc: isrcs.islandTime },
    album: albumRef(ids.islandAlbum, 'Island Time', '2024-11-08'),
    artists: [artistRef(ids.lagi, 'Lagi Faʻatasi')],
  });
  delete (spotify.tracks.get(ids.islandTime) as Partial<SpotifyApi.TrackObjectFull>).popularity;
  const album = spotify.addAlbum({
    id: ids.islandAlbum,
    name: 'Island Time',
    copyrights: [{ text: '℗ 2024 Lagi Faʻatasi under exclusive license to DistroKid', type: 'P' }],
    release_date: '2024-11-08',
  });
  delete (album as Partial<SpotifyApi.AlbumObjectFull>).label;
  const lagi = spotify.addArtist({ id: ids.lagi, name: 'Lagi Faʻatasi', genres: [] });
  delete (lagi as Partial<SpotifyApi.ArtistObjectFull>).followers;
  delete (lagi as Partial<SpotifyApi.ArtistObjectFull>).popularity;
}

describe('SpotifyLeadsClient against a fake Spotify', () => {
  const spotify = new FakeSpotify();
  let sources: SourcesContext;
  let client: SpotifyLeadsClient;
  const extra: SourcesContext[] = [];
  const clientWith = async (env: NodeJS.ProcessEnv) => {
    const context = await createSourcesContext(env, sources);
    extra.push(context);
    return context.context.get(SpotifyLeadsClient);
  };
  const apiCalls = () => spotify.requests.filter((request) => request.path.startsWith('/v1/')).map((request) => request.path.split('?')[0]!.replace(/\/$/, ''));

  beforeAll(async () => {
    spotify.start();
    addCatalog(spotify);
    sources = await createSourcesContext(spotify.env);
    client = sources.context.get(SpotifyLeadsClient);
  });
  afterAll(async () => {
    for (const context of extra) await context.close();
    await sources?.close();
    spotify.stop();
  });
  beforeEach(async () => {
    spotify.requests.length = 0;
    await resetSources(sources.prisma);
  });

  it("looks an ISRC up: the most popular track, its album's label and copyrights, its primary artist", async () => {
    expect(await client.lookupIsrc(isrcs.glassSkyline)).toEqual({
      isrc: isrcs.glassSkyline,
      candidates: 2,
      track: {
        id: ids.glassSkyline,
        name: 'Glass Skyline',
        popularity: 71,
        isrc: isrcs.glassSkyline,
        album: { id: ids.glassAlbum, name: 'Glass Skyline', releaseDate: '2025-02-14' },
        artists: [
          { id: ids.marlowe, name: 'Marlowe Vance' },
          { id: '0TuiHarbourFakeId00001', name: 'Tui Harbour' },
        ],
      },
      album: {
        id: ids.glassAlbum,
        name: 'Glass Skyline',
        label: 'Brightline',
        copyrights: [
          { text: '© 2025 Summit Avenue Music', type: 'C' },
          { text: '℗ 2025 Summit Avenue Music, a Universal Music Group company', type: 'P' },
        ],
        releaseDate: '2025-02-14',
      },
      artist: { id: ids.marlowe, name: 'Marlowe Vance', followers: 2_310_000, popularity: 74, genres: ['pop', 'contemporary r&b'] },
    });
    const search = new URL(spotify.apiRequests('/v1/search')[0]!.path, 'https://api.spotify.com');
    expect(Object.fromEntries(search.searchParams)).toMatchObject({ q: `isrc:${isrcs.glassSkyline}`, type: 'track', limit: '5' });
    expect(apiCalls().sort()).toEqual([`/v1/albums/${ids.glassAlbum}`, `/v1/artists/${ids.marlowe}`, '/v1/search']);
    expect(await sources.usage.today('spotify')).toMatchObject({ requests: 3, errors: 0, units: 0 });
  });

  it('reads what Development Mode withholds as null, and the ℗ line naming the distributor', async () => {
    expect(await client.lookupIsrc('qz-es8-24-00417')).toMatchObject({
      isrc: isrcs.islandTime,
      track: { id: ids.islandTime, popularity: null },
      album: { label: null, copyrights: [{ text: '℗ 2024 Lagi Faʻatasi under exclusive license to DistroKid', type: 'P' }] },
      artist: { id: ids.lagi, followers: null, popularity: null, genres: [] },
    });
  });

  it('answers null for an ISRC Spotify has no track for, keeps that, and refuses what is not an ISRC', async () => {
    expect(await client.lookupIsrc('ZZXX19900001')).toBeNull();
    expect(await client.lookupIsrc('ZZXX19900001')).toBeNull();
    await expect(client.lookupIsrc('not-an-isrc')).rejects.toThrow(RangeError);
    expect(apiCalls()).toEqual(['/v1/search']);
  });

  it('still answers when the album or the artist is gone (null for it)', async () => {
    spotify.script('/v1/albums', { status: 404, body: { error: { status: 404, message: 'Resource not found' } } });
    expect(await client.lookupIsrc(isrcs.glassSkyline)).toMatchObject({ track: { id: ids.glassSkyline }, album: null, artist: { name: 'Marlowe Vance' } });
  });

  describe('failures', () => {
    it('lets SpotifyClient retry a 503 and a slow answer', async () => {
      const hasty = await clientWith({ ...spotify.env, SPOTIFY_TIMEOUT_MS: '150' });
      spotify.script('/v1/search', { status: 503, body: { error: { status: 503, message: 'Service unavailable' } } }, { delayMs: 400 });
      expect(await hasty.lookupIsrc(isrcs.glassSkyline)).toMatchObject({ track: { id: ids.glassSkyline } });
      expect(spotify.apiRequests('/v1/search')).toHaveLength(3);
      // One request per SpotifyClient call: its retries are its own.
      expect(await sources.usage.today('spotify')).toMatchObject({ requests: 3, errors: 0 });
    });

    it('throws SourceUnavailableError (source spotify) when 5xx outlast the retries, and counts the error', async () => {
      const impatient = await clientWith({ ...spotify.env, SPOTIFY_MAX_RETRIES: '1' });
      spotify.script('/v1/search', { status: 502 }, { status: 502 });
      const error = await impatient.lookupIsrc(isrcs.glassSkyline).catch((caught: unknown) => caught);
      expect(error).toBeInstanceOf(SourceUnavailableError);
      expect(error).toMatchObject({ source: 'spotify', message: expect.stringMatching(/search "isrc:USBL12501234" failed after 2 attempt\(s\): HTTP 502/) });
      expect(await sources.usage.today('spotify')).toMatchObject({ requests: 1, errors: 1 });
      expect(await sources.cache.get('spotify', `isrc/${isrcs.glassSkyline}`)).toBeNull();
      expect(await impatient.sourceStatus()).toMatchObject({ healthy: false, lastError: { message: expect.stringContaining('HTTP 502') } });
    });

    it('throws SourceResponseError for search results in another shape, and for a 400', async () => {
      spotify.script('/v1/search', { status: 200, body: { tracks: { items: [{ id: 42, name: 'Glass Skyline' }] } } });
      const malformed = await client.lookupIsrc(isrcs.glassSkyline).catch((caught: unknown) => caught);
      expect(malformed).toBeInstanceOf(SourceResponseError);
      expect((malformed as Error).message).toBe('Spotify search isrc:USBL12501234: unexpected response (tracks.items[0].id is not a non-empty string)');
      spotify.script('/v1/search', { status: 400, body: { error: { status: 400, message: 'Bad search query' } } });
      await expect(client.lookupIsrc(isrcs.glassSkyline)).rejects.toMatchObject({ name: 'SourceResponseError', status: 400 });
      // Neither was kept: the next lookup asks again.
      await expect(client.lookupIsrc(isrcs.glassSkyline)).resolves.toMatchObject({ track: { id: ids.glassSkyline } });
    });
  });

  it('is not configured without Spotify credentials, and then asks nothing', async () => {
    const uncredentialed = await clientWith({});
    expect(uncredentialed.configured).toBe(false);
    await expect(uncredentialed.lookupIsrc(isrcs.glassSkyline)).rejects.toThrow(SourceConfigurationError);
    expect(await uncredentialed.sourceStatus()).toMatchObject({ source: 'spotify', configured: false, rateLimit: null });
    expect(spotify.requests).toHaveLength(0);
  });

  describe('cache', () => {
    it('keeps the combined answer for SPOTIFY_LEADS_CACHE_TTL_HOURS and asks again with forceRefresh', async () => {
      const first = await client.lookupIsrc(isrcs.glassSkyline);
      expect(await client.lookupIsrc(isrcs.glassSkyline)).toEqual(first);
      expect(apiCalls()).toHaveLength(3);
      const [row] = await sources.prisma.$queryRaw<Array<{ key: string; hours: number }>>`
        SELECT key, round(EXTRACT(EPOCH FROM (expires_at - fetched_at)) / 3600)::int AS hours FROM source_cache WHERE source = 'spotify'`;
      expect(row).toEqual({ key: `isrc/${isrcs.glassSkyline}`, hours: 24 });

      spotify.artists.get(ids.marlowe)!.followers.total = 2_400_000;
      expect(await client.lookupIsrc(isrcs.glassSkyline, { forceRefresh: true })).toMatchObject({ artist: { followers: 2_400_000 } });
      expect(apiCalls()).toHaveLength(6);
      expect(await client.lookupIsrc(isrcs.glassSkyline)).toMatchObject({ artist: { followers: 2_400_000 } });
      expect(apiCalls()).toHaveLength(6);
      spotify.artists.get(ids.marlowe)!.followers.total = 2_310_000;
    });

    it('shares one lookup between concurrent callers', async () => {
      await Promise.all(Array.from({ length: 4 }, () => client.lookupIsrc(isrcs.glassSkyline)));
      expect(apiCalls()).toHaveLength(3);
    });
  });

  it('reports its status', async () => {
    await client.lookupIsrc(isrcs.glassSkyline);
    expect(await client.sourceStatus()).toMatchObject({
      source: 'spotify',
      configured: true,
      healthy: true,
      baseUrl: 'https://api.spotify.com/v1',
      rateLimit: null,
      usageToday: { requests: 3 },
    });
  });
});
