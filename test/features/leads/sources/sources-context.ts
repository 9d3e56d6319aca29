import type { INestApplicationContext, Type } from '@nestjs/common';
import { NestFactory } from '@nestjs/core';
import { afterAll, beforeAll, beforeEach } from 'vitest';
import { createLogger } from '../../../../src/app.js';
import { loadConfig, type AppConfig } from '../../../../src/platform/config/app-config.js';
import { ConfigModule } from '../../../../src/platform/config/config.module.js';
import { DatabaseModule } from '../../../../src/platform/database/database.module.js';
import { PrismaService } from '../../../../src/platform/database/prisma.service.js';
import { MusicBrainzClient } from '../../../../src/features/leads/sources/musicbrainz.client.js';
import { SourceRateLimiter } from '../../../../src/features/leads/sources/rate-limiter.js';
import { SourceCache } from '../../../../src/features/leads/sources/source-cache.js';
import { SourcesModule } from '../../../../src/features/leads/sources/sources.module.js';
import { SettingsModule } from '../../../../src/platform/settings/settings.module.js';
import { SourceUsage } from '../../../../src/features/leads/sources/source-usage.js';
import { createTestDatabase, type TestDatabase } from '../../../support/test-database.js';

/** SourcesModule wired as the app wires it (config, database, settings, its providers), without HTTP. */
export interface SourcesContext {
  context: INestApplicationContext;
  config: AppConfig;
  database: TestDatabase;
  prisma: PrismaService;
  musicBrainz: MusicBrainzClient;
  limiter: SourceRateLimiter;
  cache: SourceCache;
  usage: SourceUsage;
  close(): Promise<void>;
}

/**
 * A Nest application context of SourcesModule on a database of its own; or, given `shareWith`,
 * a second one on that database, with its own pool and providers, as another instance of the app
 * (closing it leaves the database to its owner).
 */
export async function createSourcesContext(env: NodeJS.ProcessEnv = {}, shareWith?: SourcesContext): Promise<SourcesContext> {
  const database = shareWith?.database ?? (await createTestDatabase());
  const config = loadConfig({ NODE_ENV: 'test', LOG_LEVEL: 'error', ...env, DATABASE_URL: database.url });
  const context = await NestFactory.createApplicationContext(
    { module: class SourcesTestModule {}, imports: [ConfigModule.forRoot(config), DatabaseModule.forRoot(database.url), SettingsModule, SourcesModule] },
    { logger: createLogger(config.LOG_LEVEL) },
  );
  return {
    context,
    config,
    database,
    prisma: context.get(PrismaService),
    musicBrainz: context.get(MusicBrainzClient),
    limiter: context.get(SourceRateLimiter),
    cache: context.get(SourceCache),
    usage: context.get(SourceUsage),
    async close() {
      await context.close();
      if (!shareWith) await database.drop();
    },
  };
}

/** Empties the cache, the rate-limit schedule and the usage counts. */
export async function resetSources(prisma: PrismaService): Promise<void> {
  await prisma.$executeRaw`TRUNCATE source_cache, source_rate_limits, source_usage`;
}

/** What a client test needs of a fake source (FakeLastfm, FakeYoutube). */
export interface FakeSource {
  start(): Promise<unknown>;
  stop(): Promise<void>;
  /** Forgets scripted faults and the request log. */
  reset(): void;
  addRealisticFixtures(): unknown;
  /** Configuration for a client of the fake. */
  env(overrides?: NodeJS.ProcessEnv): NodeJS.ProcessEnv;
}

/**
 * The hooks of a test of one source client against its fake: before all, the fake started with
 * its realistic fixtures and a SourcesContext on it, handed to `ready` with its `Client`; before
 * each, the fake reset and the source tables emptied; after all, everything closed. Returns
 * `clientWith(env)`: another client on the same database with other settings (closed after all).
 */
export function useFakeSourceClient<T>(
  fake: FakeSource,
  Client: Type<T>,
  ready: (started: { sources: SourcesContext; client: T }) => void,
): (env: NodeJS.ProcessEnv) => Promise<T> {
  let sources: SourcesContext | undefined;
  const extra: SourcesContext[] = [];

  beforeAll(async () => {
    await fake.start();
    fake.addRealisticFixtures();
    sources = await createSourcesContext(fake.env());
    ready({ sources, client: sources.context.get(Client) });
  });
  afterAll(async () => {
    for (const context of extra) await context.close();
    await sources?.close();
    await fake.stop();
  });
  beforeEach(async () => {
    fake.reset();
    await resetSources(sources!.prisma);
  });

  return async (env) => {
    const context = await createSourcesContext(env, sources);
    extra.push(context);
    return context.context.get(Client);
  };
}
