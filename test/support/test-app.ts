import type { INestApplication } from '@nestjs/common';
import { mkdtemp, rm } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import type { App } from 'supertest/types.js';
import { createApp } from '../../src/app.js';
import { loadConfig } from '../../src/config/app-config.js';
import { PrismaService } from '../../src/database/prisma.service.js';
import { createTestDatabase, type TestDatabase } from './test-database.js';

export interface TestApp {
  app: INestApplication;
  http: App;
  prisma: PrismaService;
  database: TestDatabase;
  close(): Promise<void>;
}

/**
 * The real Nest app on a database of its own, ready for supertest; or, given `shared`, a
 * second instance on another app's database (closing it leaves the database to its owner).
 */
export async function createTestApp(env: NodeJS.ProcessEnv = {}, shared?: TestDatabase): Promise<TestApp> {
  const database = shared ?? (await createTestDatabase());
  const modelsDir = await mkdtemp(join(tmpdir(), 'encore-models-'));
  const config = loadConfig({ NODE_ENV: 'test', LOG_LEVEL: 'warn', MODELS_DIR: modelsDir, ...env, DATABASE_URL: database.url });
  const app = await createApp(config, database.url);
  await app.init();
  return {
    app,
    http: app.getHttpServer() as App,
    prisma: app.get(PrismaService),
    database,
    async close() {
      await app.close();
      if (!shared) await database.drop();
      await rm(modelsDir, { recursive: true, force: true });
    },
  };
}
