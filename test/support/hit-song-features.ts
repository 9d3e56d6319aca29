import request from 'supertest';
import type { TestApp } from './test-app.js';

/** A song's audio features as POST /api/predict/manual/ takes them. */
export const MANUAL_SONG_FEATURES = {
  duration_ms: 210_000,
  danceability: 0.8,
  energy: 0.7,
  valence: 0.6,
  acousticness: 0.1,
  instrumentalness: 0,
  explicit: 0,
  loudness: -5,
  tempo: 120,
  mode: 1,
};

/** The hit model version an instance predicts with; undefined while it has none it can use. */
export async function servedHitVersion(t: Pick<TestApp, 'http'>): Promise<string | undefined> {
  const answer = await request(t.http).post('/api/predict/manual/').send(MANUAL_SONG_FEATURES);
  return answer.status === 200 ? (answer.body as { model_version: string }).model_version : undefined;
}
