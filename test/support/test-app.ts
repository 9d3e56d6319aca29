import type { INestApplication } from '@nestjs/common';
import { mkdtemp, rm } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import type { App } from 'supertest/types.js';
import { createApp } from '../../src/app.js';
import { loadConfig } from '../../src/platform/config/app-config.js';
import { PrismaService } from '../../src/platform/database/prisma.service.js';
import { createTestDatabase, type TestDatabase } from './test-database.js';

export interface TestApp {
  app: INestApplication;
  http: App;
  prisma: PrismaService;
  database: TestDatabase;
  modelsDir: string;
  mediaDir: string;
  close(): Promise<void>;
}

/** What instances of one deployment share: the database, models and media folders. */
export type SharedDeployment = Pick<TestApp, 'database' | 'modelsDir' | 'mediaDir'>;

/**
 * The real Nest app on a database of its own, ready for supertest; or, given `shareWith` (a test
 * app, or a browser test's app process), another instance on its database, models and media
 * folders (closing it leaves them to their owner).
 */
export async function createTestApp(env: NodeJS.ProcessEnv = {}, shareWith?: SharedDeployment): Promise<TestApp> {
  const database = shareWith?.database ?? (await createTestDatabase());
  const modelsDir = shareWith?.modelsDir ?? (await mkdtemp(join(tmpdir(), 'encore-models-')));
  const mediaDir = shareWith?.mediaDir ?? (await mkdtemp(join(tmpdir(), 'encore-media-')));
  // Request limits are off, but for the tests of the limits themselves, which turn them on.
  const config = loadConfig({
    NODE_ENV: 'test',
    LOG_LEVEL: 'warn',
    RATE_LIMIT_ENABLED: 'false',
    MODELS_DIR: modelsDir,
    MEDIA_DIR: mediaDir,
    ...env,
    DATABASE_URL: database.url,
  });
  const app = await createApp(config, database.url);
  await app.init();
  return {
    app,
    http: app.getHttpServer() as App,
    prisma: app.get(PrismaService),
    database,
    modelsDir,
    mediaDir,
    async close() {
      await app.close();
      if (shareWith) return;
      await database.drop();
      await rm(modelsDir, { recursive: true, force: true });
      await rm(mediaDir, { recursive: true, force: true });
    },
  };
}
