import request from 'supertest';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { Song } from '../../../src/generated/prisma/client.js';
import { HitModelTrainerService } from '../../../src/features/hit-prediction/model/hit-model-trainer.service.js';
import { HitPredictorService } from '../../../src/features/hit-prediction/model/hit-predictor.service.js';
import { DemoSongsService } from '../../../src/features/dataset/demo/demo-songs.service.js';
import { artists, FakeSpotify } from '../../support/fake-spotify.js';
import { createTestApp, type TestApp } from '../../support/test-app.js';

const NEW_TRACK = '0VjIjW4GlUZAMYd2vXMi3b';
const SEARCHED_TRACK = '7qiZfU4dY1lWllzX7mPBI3';
const NO_FEATURES_TRACK = '3n3Ppam7vgaVa1iaRUc9Lp';
const REISSUE_TRACK = '6rqhFgbbKwnb9MLmUQDhG6';
const NOT_FOUND = 'Song not found. Please provide a valid Spotify link or song title + artist.';

describe('POST /api/predict/spotify/ for songs only Spotify knows', () => {
  const spotify = new FakeSpotify();
  let t: TestApp;
  let datasetSong: Song;

  beforeAll(async () => {
    spotify.start();
    t = await createTestApp({ ...spotify.env, SPOTIFY_MAX_RETRIES: '1' });
    await t.app.get(DemoSongsService).import(1500);
    await t.app.get(HitModelTrainerService).train({ trees: 10 });
    await t.app.get(HitPredictorService).reload();
    datasetSong = (await t.prisma.song.findFirst({ where: { trackName: { not: { contains: ',' } } }, orderBy: { id: 'desc' } }))!;
    spotify.addTrack({ id: NEW_TRACK, name: 'Blinding Lights', artists: artists('The Weeknd'), popularity: 91 }, { energy: 0.73, tempo: 171.005 });
    spotify.addTrack({ id: SEARCHED_TRACK, name: 'Quiet Harbour Lights', artists: artists('Mara Vell', 'Otto Quist'), popularity: 12 }, {});
    spotify.addTrack({ id: NO_FEATURES_TRACK, name: 'Unheard Of', artists: artists('Nobody Knows') });
    spotify.addTrack({ id: REISSUE_TRACK, name: `${datasetSong.trackName}`, artists: artists(datasetSong.artists.split(';')[0]!) });
    spotify.addTrack({ id: datasetSong.trackId!, name: datasetSong.trackName });
  });
  afterAll(async () => {
    await t.close();
    spotify.stop();
  });

  const predict = (body: object) => request(t.http).post('/api/predict/spotify/').send(body);

  it('looks up a track and its audio features on Spotify, stores the song as source spotify, and predicts it', async () => {
    const { body } = await predict({ url: `https://open.spotify.com/track/${NEW_TRACK}?si=x` }).expect(200);
    expect(body).toMatchObject({
      in_dataset: false,
      adjusted_by_dataset: false,
      song: {
        title: 'Blinding Lights',
        artist: 'The Weeknd',
        album: 'Fake Album',
        popularity: 91,
        track_id: NEW_TRACK,
        album_image: expect.stringContaining('-640'),
        preview_url: `https://p.scdn.co/mp3-preview/${NEW_TRACK}`,
      },
      features: { energy: 0.73, tempo: 171.005, duration_ms: 255_349 },
    });
    const song = await t.prisma.song.findUniqueOrThrow({ where: { trackId: NEW_TRACK }, include: { predictions: { include: { auditLogs: true } } } });
    expect(song).toMatchObject({ source: 'spotify', dataset: null, isHit: true, hitSource: 'popularity', decade: 2020, energy: 0.73 });
    expect(song.predictions.map((prediction) => prediction.id)).toEqual([body.prediction_id]);
    expect(song.predictions[0]!.auditLogs[0]).toMatchObject({ request: { url: expect.any(String) }, response: body });
  });

  it('finds a track by title and artist through Spotify search', async () => {
    const { body } = await predict({ title: 'Quiet Harbour Lights', artist: 'Mara Vell' }).expect(200);
    expect(body.song).toMatchObject({ track_id: SEARCHED_TRACK, artist: 'Mara Vell;Otto Quist', popularity: 12 });
    expect(spotify.apiRequests('/v1/search')[0]!.path).toContain(encodeURIComponent('track:"Quiet Harbour Lights" artist:"Mara Vell"'));
  });

  it('asks Spotify nothing for a song it already stored', async () => {
    const before = spotify.requests.length;
    const { body } = await predict({ track_id: NEW_TRACK }).expect(200);
    expect(body.song.title).toBe('Blinding Lights');
    expect(spotify.requests).toHaveLength(before);
  });

  it('adds Spotify’s cover to a dataset song once', async () => {
    const { body } = await predict({ track_id: datasetSong.trackId }).expect(200);
    expect(body).toMatchObject({ in_dataset: true, song: { album_image: expect.stringContaining('https://i.scdn.co/image/') } });
    const before = spotify.requests.length;
    await predict({ track_id: datasetSong.trackId }).expect(200);
    expect(spotify.requests).toHaveLength(before);
  });

  it('answers 404 in the original shape when Spotify has no such track', async () => {
    const { body } = await predict({ track_id: '7777777777777777777777' }).expect(404);
    expect(body).toEqual({ statusCode: 404, error: NOT_FOUND, message: NOT_FOUND });
    await predict({ title: 'Nothing Like This', artist: 'Nobody At All' }).expect(404);
  });

  it('answers 503 naming Spotify when it keeps failing, and stores nothing', async () => {
    spotify.script('/v1/tracks', { status: 503 }, { status: 503 });
    const { body } = await predict({ track_id: '5ghIJDpPoe3CfHMGu71E6T' }).expect(503);
    expect(body.message).toContain('Spotify is not answering');
    expect(await t.prisma.song.findUnique({ where: { trackId: '5ghIJDpPoe3CfHMGu71E6T' } })).toBeNull();
  });

  it('says the audio features are unavailable when Spotify answers 403 for them, inventing nothing', async () => {
    spotify.audioFeaturesForbidden = true;
    const { body } = await predict({ track_id: NO_FEATURES_TRACK }).expect(422);
    expect(body).toMatchObject({ statusCode: 422, error: 'Audio features unavailable', features_available: false });
    expect(body.message).toContain('"Unheard Of" by Nobody Knows');
    expect(await t.prisma.song.findUnique({ where: { trackId: NO_FEATURES_TRACK } })).toBeNull();
  });

  it('falls back to the dataset song of the same title and artist when audio features are forbidden', async () => {
    const { body } = await predict({ track_id: REISSUE_TRACK }).expect(200);
    expect(body).toMatchObject({ song_id: datasetSong.id, in_dataset: true, adjusted_by_dataset: true });
    expect(spotify.apiRequests('/v1/audio-features')).toHaveLength(3);
  });
});
