import { mkdtemp, rm } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { DemoSongsService } from '../../../src/features/dataset/demo/demo-songs.service.js';
import { HitModelTrainerService } from '../../../src/features/hit-prediction/model/hit-model-trainer.service.js';
import { modelFileName } from '../../../src/platform/models/model-card.js';
import { sha256Hex } from '../../../src/platform/models/model-file-cache.js';
import { FakeS3 } from '../../support/fake-s3.js';
import { servedHitVersion } from '../../support/hit-song-features.js';
import { createTestApp, type TestApp } from '../../support/test-app.js';


/** With STORAGE_DRIVER=s3 a version's files go to the bucket, beside the uploads; the database keeps their SHA-256. */
describe('model files in the object storage', () => {
  let s3: FakeS3;
  let a: TestApp;
  let b: TestApp;
  let cache: string;
  let version: string;

  beforeAll(async () => {
    s3 = await FakeS3.start('encore-media');
    const env = s3.appEnv();
    a = await createTestApp(env);
    await a.app.get(DemoSongsService).import(1000);
    version = (await a.app.get(HitModelTrainerService).train({ trees: 3, seed: 1 })).card.version;
    cache = await mkdtemp(join(tmpdir(), 'encore-models-cache-'));
    b = await createTestApp({ ...env, MODELS_DIR: cache }, a);
  }, 60_000);

  afterAll(async () => {
    await b?.close();
    await a?.close();
    await s3?.stop();
    if (cache) await rm(cache, { recursive: true, force: true });
  });

  it('puts the files in the bucket under models/, and only their SHA-256 in the database', async () => {
    const stored = await a.prisma.modelFile.findMany({ where: { model: { modelVersion: version } }, orderBy: { fileName: 'asc' } });
    expect(stored.map((file) => [file.fileName, file.content])).toEqual([
      [modelFileName('hit', version, 'json'), null],
      [modelFileName('hit', version, 'onnx'), null],
    ]);
    for (const file of stored) expect(sha256Hex(s3.objects.get(`models/${file.fileName}`)!.body)).toBe(file.sha256);
  });

  it('serves the version on an instance that started with an empty models folder', async () => {
    expect(await servedHitVersion(b)).toBe(version);
  });
});
