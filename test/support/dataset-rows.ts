import type { Prisma } from '../../src/generated/prisma/client.js';
import { searchColumns } from '../../src/vocabulary/search-text.js';
import type { TestApp } from './test-app.js';

/** A dataset song of our own, with flags and created_at chosen by the test. */
export const createDatasetSong = (t: TestApp, trackName: string, artists: string, fields: Partial<Prisma.SongCreateInput> = {}) =>
  t.prisma.song.create({
    data: {
      trackName,
      artists,
      durationMs: 200_000,
      danceability: 0.5,
      energy: 0.5,
      valence: 0.5,
      acousticness: 0.5,
      instrumentalness: 0,
      speechiness: 0.05,
      liveness: 0.1,
      loudness: -8,
      tempo: 120,
      mode: 1,
      key: 5,
      timeSignature: 4,
      isAcoustic: false,
      isInstrumental: false,
      isHit: false,
      hitSource: 'popularity',
      source: 'user',
      ...searchColumns(trackName, artists),
      ...fields,
    },
  });

/** A stored prediction of a song, with its audit log. */
export const createPrediction = (t: TestApp, songId: number, fields: Partial<Prisma.PredictionUncheckedCreateInput> = {}) =>
  t.prisma.prediction.create({
    data: {
      songId,
      isHit: true,
      confidence: 80,
      modelPrediction: true,
      modelConfidence: 80,
      modelVersion: 'v1',
      inDataset: false,
      adjustedByDataset: false,
      ...fields,
      auditLogs: { create: { endpoint: 'POST /api/predict/spotify/', request: { q: 1 }, response: { ok: true } } },
    },
  });

/** The ten features of one song, as POST /api/predict/manual and each row of /api/predict/batch take them. */
export const featureRow = {
  duration_ms: 210_000,
  danceability: 0.8,
  energy: 0.7,
  valence: 0.6,
  acousticness: 0.1,
  instrumentalness: 0,
  explicit: false,
  loudness: -5,
  tempo: 120,
  mode: 1,
};
