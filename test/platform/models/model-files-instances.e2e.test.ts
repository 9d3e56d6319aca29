import { randomBytes } from 'node:crypto';
import { mkdtemp, readdir, readFile, rm, writeFile } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import request from 'supertest';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { DemoSongsService } from '../../../src/features/dataset/demo/demo-songs.service.js';
import { HitModelTrainerService } from '../../../src/features/hit-prediction/model/hit-model-trainer.service.js';
import { modelFileName } from '../../../src/platform/models/model-card.js';
import { ModelRegistryService } from '../../../src/platform/models/model-registry.service.js';
import { sha256Hex } from '../../../src/platform/models/model-file-cache.js';
import { createAccount, type TestAccount } from '../../support/accounts.js';
import { eventually } from '../../support/eventually.js';
import { servedHitVersion } from '../../support/hit-song-features.js';
import { createTestApp, type TestApp } from '../../support/test-app.js';


/** Activation reaches every instance within this (the bound); the poll fails after it. */
const SWITCH_MS = 5000;

/** Instances on one database, each with a models folder of its own, empty at its start: no shared folder. */
describe('model versions served by instances with separate models folders', () => {
  let a: TestApp;
  let b: TestApp;
  const folders: string[] = [];
  const started: TestApp[] = [];
  let admin: TestAccount;
  let first: string;

  /** Another instance on A's database, with an empty models folder (or `modelsDir`). */
  async function startInstance(modelsDir?: string): Promise<TestApp> {
    const dir = modelsDir ?? (await mkdtemp(join(tmpdir(), 'encore-models-cache-')));
    if (!modelsDir) folders.push(dir);
    const t = await createTestApp({ MODELS_DIR: dir }, a);
    started.push(t);
    return { ...t, modelsDir: dir };
  }

  const train = (seed: number, activate = true) => a.app.get(HitModelTrainerService).train({ trees: 3, seed, activate });

  beforeAll(async () => {
    a = await createTestApp();
    await a.app.get(DemoSongsService).import(1000);
    first = (await train(1)).card.version;
    b = await startInstance();
    admin = await createAccount(a, 'admin');
  }, 60_000);

  afterAll(async () => {
    for (const t of started.reverse()) await t.close();
    await a?.close();
    for (const dir of folders) await rm(dir, { recursive: true, force: true });
  });

  it('serves the active version on an instance that started with an empty models folder', async () => {
    expect(await servedHitVersion(b)).toBe(first);
    expect((await readdir(b.modelsDir)).sort()).toEqual([modelFileName('hit', first, 'json'), modelFileName('hit', first, 'onnx')]);
  });

  it('caches exactly the stored bytes', async () => {
    const stored = await a.prisma.modelFile.findMany({ where: { model: { modelVersion: first } }, orderBy: { fileName: 'asc' } });
    expect(stored.map((file) => file.fileName)).toEqual([modelFileName('hit', first, 'json'), modelFileName('hit', first, 'onnx')]);
    for (const file of stored) expect(sha256Hex(await readFile(join(b.modelsDir, file.fileName)))).toBe(file.sha256);
  });

  it('serves a version trained through another instance within 5 s', async () => {
    const trained = (await train(2)).card.version;
    expect(await eventually('B to serve the new version', async () => (await servedHitVersion(b)) === trained, SWITCH_MS)).toBe(true);
  });

  it('serves a version activated through another instance within 5 s', async () => {
    await request(a.http).post(`/api/admin/models/hit/${first}/activate`).set('authorization', admin.bearer).expect(200);
    expect(await eventually('B to serve the activated version', async () => (await servedHitVersion(b)) === first, SWITCH_MS)).toBe(true);
  });

  it('fetches a cached file again when its bytes differ from the stored ones', async () => {
    const cached = join(b.modelsDir, modelFileName('hit', first, 'onnx'));
    await writeFile(cached, randomBytes(1000));
    const c = await startInstance(b.modelsDir);
    expect(await servedHitVersion(c)).toBe(first);
    const stored = await a.prisma.modelFile.findFirstOrThrow({ where: { fileName: modelFileName('hit', first, 'onnx') } });
    expect(sha256Hex(await readFile(cached))).toBe(stored.sha256);
  });

  it('stores at start the files of a version registered before files were stored, from its models folder', async () => {
    const legacy = (await train(3, false)).card.version;
    await a.prisma.modelFile.deleteMany({ where: { model: { modelVersion: legacy } } });
    await startInstance(a.modelsDir);
    const stored = await a.prisma.modelFile.findMany({ where: { model: { modelVersion: legacy } } });
    expect(stored.map((file) => file.fileName).sort()).toEqual([modelFileName('hit', legacy, 'json'), modelFileName('hit', legacy, 'onnx')]);
    const onnx = stored.find((file) => file.fileName.endsWith('.onnx'))!;
    expect(onnx.sha256).toBe(sha256Hex(await readFile(join(a.modelsDir, onnx.fileName))));
  });
});

describe('the shipped hit model, registered by two instances starting together on an empty database', () => {
  let a: TestApp;
  let b: TestApp;
  let cache: string;

  beforeAll(async () => {
    a = await createTestApp();
    cache = await mkdtemp(join(tmpdir(), 'encore-models-cache-'));
    b = await createTestApp({ MODELS_DIR: cache }, a);
  });

  afterAll(async () => {
    await b?.close();
    await a?.close();
    if (cache) await rm(cache, { recursive: true, force: true });
  });

  it('is registered once, and served by both', async () => {
    const [card] = await Promise.all([a, b].map((t) => t.app.get(ModelRegistryService).activateShipped('hit')));
    const rows = await a.prisma.modelMetadata.findMany({ where: { modelName: 'hit' } });
    expect(rows.map((row) => [row.modelVersion, row.isActive])).toEqual([[card!.version, true]]);
    for (const t of [a, b]) expect(await eventually('the shipped version to be served', async () => (await servedHitVersion(t)) === card!.version, SWITCH_MS)).toBe(true);
  });
});
