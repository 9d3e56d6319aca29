import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { loadConfig } from '../../../src/platform/config/app-config.js';
import { SpotifyClient, SpotifyUnavailableError } from '../../../src/features/spotify/spotify-client.js';
import { FakeSpotify } from '../../support/fake-spotify.js';

const ID = '4uLU6hMCjMI75M1A2tKUQC';
const OTHER = '0VjIjW4GlUZAMYd2vXMi3b';

describe('SpotifyClient against a fake Spotify', () => {
  let spotify: FakeSpotify;
  const clientWith = (env: NodeJS.ProcessEnv = {}) => new SpotifyClient(loadConfig({ NODE_ENV: 'test', ...spotify.env, ...env }));

  beforeEach(() => {
    spotify = new FakeSpotify().start();
    spotify.addTrack({ id: ID, name: 'Never Gonna Give You Up' }, { energy: 0.9 });
    spotify.addTrack({ id: OTHER, name: 'Blinding Lights' }, { energy: 0.73 });
  });
  afterEach(() => spotify.stop());

  it('gets a track with a client-credentials token', async () => {
    const track = await clientWith().getTrack(ID);
    expect(track).toMatchObject({ id: ID, title: 'Never Gonna Give You Up', artist: 'Fake Artist', popularity: 64 });
    expect(spotify.apiRequests('/v1/tracks')[0]!.authorization).toBe('Bearer fake-token-1');
  });

  it('asks for one token for many concurrent requests and reuses it', async () => {
    const client = clientWith();
    await Promise.all(Array.from({ length: 20 }, (_, i) => client.getTrack(i % 2 ? ID : OTHER)));
    await client.getTrack(ID);
    expect(spotify.tokenRequests).toBe(1);
  });

  it('gets a new token before the current one expires', async () => {
    spotify.tokenLifetimeSeconds = 30; // inside the one-minute margin: too close to expiry to use
    const client = clientWith();
    await client.getTrack(ID);
    await client.getTrack(ID);
    expect(spotify.tokenRequests).toBe(2);
  });

  it('gets a new token and retries when Spotify answers 401 to an expired one', async () => {
    const client = clientWith();
    await client.getTrack(ID);
    spotify.expireTokens();
    expect(await client.getTrack(OTHER)).toMatchObject({ id: OTHER });
    expect(spotify.tokenRequests).toBe(2);
  });

  it('retries 5xx answers and network errors with backoff until Spotify answers', async () => {
    spotify.script('/v1/tracks', { status: 502, body: '<html>Bad gateway</html>' }, { networkError: 'ECONNRESET' });
    expect(await clientWith().getTrack(ID)).toMatchObject({ id: ID });
    expect(spotify.apiRequests('/v1/tracks')).toHaveLength(3);
  });

  it('gives up with SpotifyUnavailableError when 5xx answers outlast the retries', async () => {
    spotify.script('/v1/tracks', ...Array.from({ length: 3 }, () => ({ status: 503, body: { error: { status: 503, message: 'Service unavailable' } } })));
    await expect(clientWith({ SPOTIFY_MAX_RETRIES: '2' }).getTrack(ID)).rejects.toThrow(/after 3 attempt\(s\): HTTP 503/);
    expect(spotify.apiRequests('/v1/tracks')).toHaveLength(3);
  });

  it('waits the Retry-After of a 429 before retrying', async () => {
    spotify.script('/v1/search', { status: 429, headers: { 'Retry-After': '1' }, body: { error: { status: 429, message: 'API rate limit exceeded' } } });
    const started = Date.now();
    expect(await clientWith().searchTracks('blinding')).toHaveLength(1);
    expect(Date.now() - started).toBeGreaterThanOrEqual(1000);
  });

  it('counts a request that does not answer in time as failed and retries it', async () => {
    spotify.script('/v1/tracks', { delayMs: 400 });
    expect(await clientWith({ SPOTIFY_TIMEOUT_MS: '100' }).getTrack(ID)).toMatchObject({ id: ID });
    expect(spotify.apiRequests('/v1/tracks')).toHaveLength(2);
  });

  it('answers null for a track Spotify does not have', async () => {
    expect(await clientWith().getTrack('7777777777777777777777')).toBeNull();
  });

  it('finds tracks by title and artist filters', async () => {
    const tracks = await clientWith().searchTracks('track:"blinding lights" artist:"fake artist"');
    expect(tracks.map((track) => track.id)).toEqual([OTHER]);
  });

  it('gets an album with its label, copyrights and release date; null for one Spotify does not have', async () => {
    spotify.addAlbum({
      id: '2noRn2Aes5aoNVsU6iWThc',
      name: 'Glass Skyline',
      label: 'Brightline',
      copyrights: [
        { text: '© 2025 Summit Avenue Music', type: 'C' },
        { text: '℗ 2025 Summit Avenue Music, a Universal Music Group company', type: 'P' },
      ],
      release_date: '2025-02',
      release_date_precision: 'month',
      total_tracks: 11,
      album_type: 'album',
    });
    expect(await clientWith().getAlbum('2noRn2Aes5aoNVsU6iWThc')).toEqual({
      id: '2noRn2Aes5aoNVsU6iWThc',
      name: 'Glass Skyline',
      albumType: 'album',
      label: 'Brightline',
      copyrights: [
        { text: '© 2025 Summit Avenue Music', type: 'C' },
        { text: '℗ 2025 Summit Avenue Music, a Universal Music Group company', type: 'P' },
      ],
      releaseDate: '2025-02',
      releaseDatePrecision: 'month',
      totalTracks: 11,
      spotifyUrl: 'https://open.spotify.com/album/2noRn2Aes5aoNVsU6iWThc',
    });
    expect(await clientWith().getAlbum('0000000000000000000000')).toBeNull();
  });

  it('reads an album whose label Spotify withholds (Development Mode) as having none', async () => {
    const album = spotify.addAlbum({ id: '4aawyAB9vmqN3uQ7FjRGTy', name: 'Island Time' });
    delete (album as Partial<SpotifyApi.AlbumObjectFull>).label;
    expect(await clientWith().getAlbum('4aawyAB9vmqN3uQ7FjRGTy')).toMatchObject({ label: null, copyrights: [{ type: 'C' }, { type: 'P' }] });
  });

  it('returns audio features', async () => {
    expect(await clientWith().getAudioFeatures(ID)).toMatchObject({ energy: 0.9, durationMs: 255_349, timeSignature: 4 });
  });

  it('treats a 403 from audio features as unavailable and stops asking', async () => {
    spotify.audioFeaturesForbidden = true;
    const client = clientWith();
    expect(await client.getAudioFeatures(ID)).toBeNull();
    expect(await client.getAudioFeatures(OTHER)).toBeNull();
    expect(spotify.apiRequests('/v1/audio-features')).toHaveLength(1);
    expect(client.audioFeaturesAvailable).toBe(false);
  });

  it('treats out-of-range audio features as unavailable rather than use them', async () => {
    spotify.addTrack({ id: ID, name: 'Broken' }, { tempo: -5 });
    expect(await clientWith().getAudioFeatures(ID)).toBeNull();
  });

  it('gets many artists 50 at a time, leaving out the ids Spotify does not know', async () => {
    const ids = Array.from({ length: 60 }, (_, i) => `Artist${String(i).padStart(16, '0')}`);
    for (const id of ids.slice(0, 59)) spotify.addArtist({ id, name: `Name ${id}`, genres: ['folk'] });
    const artists = await clientWith().getArtists(ids);
    expect(artists).toHaveLength(59);
    expect(artists[0]).toMatchObject({ id: ids[0], genres: ['folk'] });
    expect(
      spotify.apiRequests('/v1/artists?ids=').map((call) => new URL(call.path, 'https://api.spotify.com').searchParams.get('ids')!.split(',').length),
    ).toEqual([50, 10]);
  });

  it("reads new releases and album search results from Spotify's Simplified Album objects", async () => {
    const album = spotify.addAlbum({
      id: '2up3OPMp9Tb4dAKM2erWXQ',
      name: 'Fresh Single',
      release_date: new Date().toISOString().slice(0, 10),
      release_date_precision: 'day',
    });
    spotify.newReleases.push(album.id);
    const client = clientWith();
    const [listed] = await client.getNewReleases();
    expect(listed).toEqual({
      id: album.id,
      name: 'Fresh Single',
      albumType: 'single',
      artists: [],
      releaseDate: album.release_date,
      releaseDatePrecision: 'day',
      totalTracks: 1,
      image: `https://i.scdn.co/image/${album.id}-640`,
      spotifyUrl: `https://open.spotify.com/album/${album.id}`,
    });
    expect(new URL(spotify.apiRequests('/v1/browse/new-releases')[0]!.path, 'https://api.spotify.com').searchParams.get('country')).toBe('US');
    expect(await client.searchAlbums('tag:new')).toEqual([listed]);
    spotify.script('/v1/browse/new-releases', { status: 200, body: { albums: { items: 'none' } } });
    await expect(client.getNewReleases()).rejects.toThrow(/new releases \(offset 0\): malformed response \(albums.items is not an array\)/);
  });

  it('reports a malformed body as Spotify being unavailable', async () => {
    spotify.script('/v1/tracks', { status: 200, body: '<html>maintenance</html>', headers: { 'Content-Type': 'text/html' } });
    await expect(clientWith().getTrack(ID)).rejects.toThrow(/malformed response/);
  });

  it('says so when Spotify rejects the app credentials', async () => {
    const client = clientWith({ SPOTIFY_CLIENT_SECRET: 'wrong' });
    await expect(client.getTrack(ID)).rejects.toThrow(/rejected the app credentials/);
  });

  it('sends nothing without credentials', async () => {
    const client = new SpotifyClient(loadConfig({ NODE_ENV: 'test' }));
    await expect(client.getTrack(ID)).rejects.toBeInstanceOf(SpotifyUnavailableError);
    expect(spotify.requests).toHaveLength(0);
  });
});
