import request from 'supertest';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { HitModelTrainerService } from '../../src/features/hit-prediction/model/hit-model-trainer.service.js';
import { HitPredictorService } from '../../src/features/hit-prediction/model/hit-predictor.service.js';
import { DemoSongsService } from '../../src/features/dataset/demo/demo-songs.service.js';
import { createDatasetSong } from '../support/dataset-rows.js';
import { shapeDifferences } from '../support/documented-shape.js';
import { artists, FakeSpotify } from '../support/fake-spotify.js';
import { createTestApp, type TestApp } from '../support/test-app.js';

/** The track every example of the hit predictor's document (../shared/seeds/000) uses. */
const TRACK = '5SuOikwiRyPMVoIQDJUgSV';
const FEATURES = {
  duration_ms: 230666,
  danceability: 0.676,
  energy: 0.561,
  valence: 0.652,
  acousticness: 0.525,
  instrumentalness: 0.0,
  explicit: 0,
  loudness: -8.761,
  tempo: 87.917,
  mode: 1,
};

/** The document's response examples, as written there. */
const PREDICTION = {
  prediction: 'HIT',
  confidence: 62.3,
  song: {
    title: 'Comedy',
    artist: 'Gen Hoshino',
    album: 'Comedy',
    album_image: 'https://i.scdn.co/image/...',
    spotify_url: 'https://open.spotify.com/track/...',
    preview_url: 'https://p.scdn.co/mp3-preview/...',
    popularity: 75,
    track_id: TRACK,
  },
  features: FEATURES,
  prediction_id: 123,
  song_id: 456,
  in_dataset: true,
  model_prediction: 'HIT',
  model_confidence: 62.3,
};
const SPOTIFY_SEARCH = {
  tracks: [
    {
      id: TRACK,
      title: 'Comedy',
      artist: 'Gen Hoshino',
      album: 'Comedy',
      album_image: 'https://...',
      duration_ms: 230666,
      explicit: false,
      preview_url: 'https://...',
      spotify_url: 'https://...',
      popularity: 73,
      in_dataset: true,
    },
  ],
  query: 'Comedy Gen Hoshino',
};
const DATASET_SEARCH = { songs: [{ track_name: 'Comedy', artists: 'Gen Hoshino', popularity: 75, is_hit: true }] };
const MANUAL = { prediction: 'HIT', confidence: 62.3 };
const HEALTH = {
  status: 'ok',
  service: 'hit-song-predictor',
  endpoints: {
    predict_spotify: '/api/predict/spotify/',
    search_spotify: '/api/spotify/search/',
    search_dataset: '/api/dataset/search/',
    predict_manual: '/api/predict/manual/',
    health: '/api/health/',
  },
};
const NOT_FOUND = 'Song not found. Please provide a valid Spotify link or song title + artist.';

/** The hit predictor's clients (document 000) replayed against Encore: every request example, every documented response field. */
describe('clients of the Hit Song Predictor', () => {
  const spotify = new FakeSpotify();
  let t: TestApp;

  beforeAll(async () => {
    spotify.start();
    t = await createTestApp({ ...spotify.env, SPOTIFY_MAX_RETRIES: '0' });
    await t.app.get(DemoSongsService).import(1500);
    await t.app.get(HitModelTrainerService).train({ trees: 10 });
    await t.app.get(HitPredictorService).reload();
    const { explicit, ...features } = FEATURES;
    await createDatasetSong(t, 'Comedy', 'Gen Hoshino', {
      trackId: TRACK,
      popularity: 75,
      isHit: true,
      hitSource: 'label',
      source: 'dataset',
      dataset: 'hit-predictor',
      explicit: explicit === 1,
      ...toColumns(features),
    });
    spotify.addTrack({ id: TRACK, name: 'Comedy', artists: artists('Gen Hoshino'), duration_ms: 230666, explicit: false, popularity: 73 });
  });
  afterAll(async () => {
    await t.close();
    spotify.stop();
  });

  it.each([{ track_id: TRACK }, { url: `https://open.spotify.com/track/${TRACK}` }, { title: 'Comedy', artist: 'Gen Hoshino' }])(
    'POST /api/predict/spotify/ with %j answers every documented field, confidences 0–100',
    async (body) => {
      const { body: answer } = await request(t.http).post('/api/predict/spotify/').send(body).expect(200);
      expect(shapeDifferences(answer, PREDICTION)).toEqual([]);
      expect(answer.song.track_id).toBe(TRACK);
      expect(answer.prediction).toMatch(/^(HIT|FLOP)$/);
      for (const confidence of [answer.confidence, answer.model_confidence]) {
        expect(confidence).toBeGreaterThanOrEqual(50);
        expect(confidence).toBeLessThanOrEqual(100);
      }
      expect(answer.features).toEqual(FEATURES);
    },
  );

  it('POST /api/predict/spotify/ for an unknown song answers 404 with the documented error sentence', async () => {
    const { body } = await request(t.http).post('/api/predict/spotify/').send({ title: 'Qwxzv Plomb', artist: 'Zzyzx Unheard' }).expect(404);
    expect(body.error).toBe(NOT_FOUND);
  });

  it.each([
    ['GET', () => request(t.http).get('/api/spotify/search/?q=Comedy+Gen+Hoshino')],
    ['POST', () => request(t.http).post('/api/spotify/search/').send({ query: 'Comedy Gen Hoshino' })],
  ])('%s /api/spotify/search/ answers the documented tracks and query', async (_method, send) => {
    const { body } = await send().expect(200);
    expect(shapeDifferences(body, SPOTIFY_SEARCH)).toEqual([]);
    expect(body.query).toBe('Comedy Gen Hoshino');
    expect(body.tracks[0]).toMatchObject({ id: TRACK, in_dataset: true });
  });

  it('POST /api/dataset/search/ answers the documented songs', async () => {
    const { body } = await request(t.http).post('/api/dataset/search/').send({ query: 'Comedy' }).expect(200);
    expect(shapeDifferences(body, DATASET_SEARCH)).toEqual([]);
    expect(body.songs[0]).toMatchObject(DATASET_SEARCH.songs[0]!);
  });

  it('POST /api/predict/manual/ answers the documented prediction, confidence 0–100', async () => {
    const { body } = await request(t.http).post('/api/predict/manual/').send(FEATURES).expect(200);
    expect(shapeDifferences(body, MANUAL)).toEqual([]);
    expect(body.confidence).toBeGreaterThanOrEqual(50);
    expect(body.confidence).toBeLessThanOrEqual(100);
  });

  it('GET /api/health/ answers the documented status and endpoints', async () => {
    const { body } = await request(t.http).get('/api/health/').expect(200);
    expect(shapeDifferences(body, HEALTH)).toEqual([]);
    expect(body.status).toBe('ok');
    expect(body.endpoints).toMatchObject(HEALTH.endpoints);
  });
});

/** The document's snake_case features as the songs table's columns. */
function toColumns(features: Omit<typeof FEATURES, 'explicit'>) {
  return {
    durationMs: features.duration_ms,
    danceability: features.danceability,
    energy: features.energy,
    valence: features.valence,
    acousticness: features.acousticness,
    instrumentalness: features.instrumentalness,
    loudness: features.loudness,
    tempo: features.tempo,
    mode: features.mode,
  };
}
