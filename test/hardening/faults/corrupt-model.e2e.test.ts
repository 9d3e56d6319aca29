import { randomBytes } from 'node:crypto';
import { readFile, rm, writeFile } from 'node:fs/promises';
import { basename, join } from 'node:path';
import request from 'supertest';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { HitModelTrainerService } from '../../../src/features/hit-prediction/model/hit-model-trainer.service.js';
import type { ModelFile } from '../../../src/generated/prisma/client.js';
import type { PrismaService } from '../../../src/platform/database/prisma.service.js';
import { modelFileName } from '../../../src/platform/models/model-card.js';
import { ModelRegistryService } from '../../../src/platform/models/model-registry.service.js';
import { DemoSongsService } from '../../../src/features/dataset/demo/demo-songs.service.js';
import { createAccount, type TestAccount } from '../../support/accounts.js';
import { MANUAL_SONG_FEATURES } from '../../support/hit-song-features.js';
import { createTestApp, type TestApp } from '../../support/test-app.js';

interface Damaged {
  /** The cached ONNX file, in the models folder the instance starts with. */
  path: string;
  original: Buffer;
  prisma: PrismaService;
  modelId: number;
}

/** Its stored ONNX bytes, changed behind its SHA-256; the cache is emptied, so they are fetched. */
function storedBytes(change: (original: Buffer) => Buffer) {
  return async ({ path, original, prisma, modelId }: Damaged) => {
    await prisma.modelFile.update({ where: { modelId_fileName: { modelId, fileName: basename(path) } }, data: { content: Uint8Array.from(change(original)) } });
    await rm(path);
  };
}

/** A version registered before files were stored (read from the models folder alone), whose file is then damaged. */
function fileBacked(damage: (path: string, original: Buffer) => Promise<void>) {
  return async ({ path, original, prisma, modelId }: Damaged) => {
    await prisma.modelFile.deleteMany({ where: { modelId } });
    await damage(path, original);
  };
}

/** Ways the active version's ONNX file can be found at start: its stored bytes damaged, or its only copy cut short, overwritten, gone. */
const DAMAGES: Array<[string, (damaged: Damaged) => Promise<void>]> = [
  ['stored bytes truncated', storedBytes((original) => original.subarray(0, Math.floor(original.length / 2)))],
  ['stored bytes overwritten', storedBytes((original) => randomBytes(original.length))],
  ['file-backed, truncated', fileBacked((path, original) => writeFile(path, original.subarray(0, Math.floor(original.length / 2))))],
  ['file-backed, garbage', fileBacked((path, original) => writeFile(path, randomBytes(original.length)))],
  ['file-backed, deleted', fileBacked((path) => rm(path))],
];

describe('an unusable hit model file', () => {
  let trainer: TestApp;
  let brokenVersion: string;
  let goodVersion: string;
  let brokenPath: string;
  let original: Buffer;
  let stored: ModelFile[];

  beforeAll(async () => {
    trainer = await createTestApp();
    await trainer.app.get(DemoSongsService).import(1000);
    const train = trainer.app.get(HitModelTrainerService);
    goodVersion = (await train.train({ trees: 5, seed: 1, activate: false })).card.version;
    brokenVersion = (await train.train({ trees: 5, seed: 2 })).card.version;
    brokenPath = join(trainer.modelsDir, modelFileName('hit', brokenVersion, 'onnx'));
    original = await readFile(brokenPath);
    stored = await trainer.prisma.modelFile.findMany({ where: { model: { modelVersion: brokenVersion } } });
  }, 60_000);

  afterAll(() => trainer?.close());

  describe.each(DAMAGES)('%s', (_damage, damage) => {
    let t: TestApp;
    let admin: TestAccount;

    // An instance that starts with the damaged file active (as after a crash or a bad copy).
    beforeAll(async () => {
      await trainer.app.get(ModelRegistryService).activate('hit', brokenVersion);
      await writeFile(brokenPath, original);
      await trainer.prisma.modelFile.deleteMany({ where: { modelId: stored[0]!.modelId } });
      await trainer.prisma.modelFile.createMany({ data: stored });
      await damage({ path: brokenPath, original, prisma: trainer.prisma, modelId: stored[0]!.modelId });
      t = await createTestApp({}, trainer);
      admin = await createAccount(t, 'admin');
    });

    afterAll(() => t?.close());

    it('answers 503 on the prediction endpoints, naming the version that cannot be loaded', async () => {
      const { body: song } = await request(t.http).get('/api/dataset/songs?page_size=1').expect(200);
      const answers = await Promise.all([
        request(t.http).post('/api/predict/manual/').send(MANUAL_SONG_FEATURES),
        request(t.http)
          .post('/api/predict/batch/')
          .send({ rows: [MANUAL_SONG_FEATURES] }),
        request(t.http).post('/api/predict/spotify/').send({ track_id: song.results[0].track_id }),
      ]);
      for (const answer of answers) {
        expect(answer.status).toBe(503);
        expect(answer.body).toMatchObject({ statusCode: 503, error: 'Service Unavailable' });
        expect(answer.body.message).toContain(`No hit model is available: hit model ${brokenVersion} cannot be loaded (`);
      }
    });

    it("names the file in the reason, not the server's folders", async () => {
      const { body } = await request(t.http).post('/api/predict/manual/').send(MANUAL_SONG_FEATURES).expect(503);
      expect(body.message).toContain(`hit-${brokenVersion}.onnx`);
      expect(body.message).not.toContain(trainer.modelsDir);
    });

    it('keeps the rest of the API working', async () => {
      await request(t.http).get('/api/songs').expect(200);
      const { body } = await request(t.http).get('/api/dataset/songs?page_size=1').expect(200);
      expect(body.count).toBe(1000);
    });

    it('reports the model problem in health, which stays 200 with the database up', async () => {
      const { body } = await request(t.http).get('/api/health/').expect(200);
      expect(body).toMatchObject({ status: 'ok', database: 'ok', models: { hit: { status: 'unavailable' } } });
      expect(body.models.hit.reason).toContain(`hit model ${brokenVersion} cannot be loaded (`);
    });

    it('predicts again, without a restart, once an admin activates a good version', async () => {
      const activated = await request(t.http).post(`/api/admin/models/hit/${goodVersion}/activate`).set('authorization', admin.bearer).expect(200);
      expect(activated.body).toMatchObject({ model_name: 'hit', model_version: goodVersion, is_active: true, loaded: { status: 'ok', version: goodVersion } });

      const { body } = await request(t.http).post('/api/predict/manual/').send(MANUAL_SONG_FEATURES).expect(200);
      expect(body.model_version).toBe(goodVersion);
      const health = await request(t.http).get('/api/health/').expect(200);
      expect(health.body.models.hit).toEqual({ status: 'ok', version: goodVersion });
    });
  });
});
