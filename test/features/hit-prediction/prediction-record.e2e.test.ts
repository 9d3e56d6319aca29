import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { DATASET_VERSION } from '../../../src/features/dataset/dataset-version.js';
import { DemoSongsService } from '../../../src/features/dataset/demo/demo-songs.service.js';
import { storePredictions, type PredictionToStore } from '../../../src/features/hit-prediction/prediction-record.js';
import { createTestApp, type TestApp } from '../../support/test-app.js';

describe('storing predictions of songs kept at a version', () => {
  let t: TestApp;
  let songIds: number[];
  beforeAll(async () => {
    t = await createTestApp();
    await t.app.get(DemoSongsService).import(3);
    songIds = (await t.prisma.song.findMany({ orderBy: { id: 'asc' } })).map((song) => song.id);
  });
  afterAll(() => t.close());

  const songsVersion = async () => (await t.prisma.pool.query<{ version: string }>(`SELECT ${DATASET_VERSION} AS version`)).rows[0]!.version;
  const prediction = (songId: number, songKeptAt: string | null): PredictionToStore => ({
    values: {
      songId,
      isHit: true,
      confidence: 70,
      modelPrediction: true,
      modelConfidence: 70,
      modelVersion: 'v1',
      inDataset: true,
      adjustedByDataset: false,
      datasetLabel: true,
      datasetPopularity: 50,
    },
    audit: { endpoint: 'POST /api/predict/spotify/', requestId: `song-${songId}`, request: { songId }, response: { songId } },
    songKeptAt,
  });

  it('stores the predictions read now and those kept at the current version, and none kept at an older one', async () => {
    const kept = await songsVersion();
    const before = await t.prisma.prediction.count();
    const ids = await storePredictions(t.prisma.pool, [prediction(songIds[0]!, null), prediction(songIds[1]!, kept), prediction(songIds[2]!, `${kept}0`)]);

    expect(ids[2]).toBeNull();
    const stored = await t.prisma.prediction.findMany({ where: { id: { in: ids.filter((id) => id !== null) } }, include: { auditLogs: true } });
    expect(stored.map((row) => [row.id, row.songId, row.auditLogs[0]?.response])).toEqual([
      [ids[0], songIds[0], { songId: songIds[0], prediction_id: ids[0] }],
      [ids[1], songIds[1], { songId: songIds[1], prediction_id: ids[1] }],
    ]);
    expect(await t.prisma.prediction.count()).toBe(before + 2);
  });

  it('stores no prediction of a song kept before the songs changed', async () => {
    const kept = await songsVersion();
    await t.prisma.song.update({ where: { id: songIds[0]! }, data: { popularity: 51 } });
    const before = await t.prisma.predictionAuditLog.count();

    expect(await storePredictions(t.prisma.pool, [prediction(songIds[0]!, kept)])).toEqual([null]);
    expect(await t.prisma.predictionAuditLog.count()).toBe(before);
  });
});
