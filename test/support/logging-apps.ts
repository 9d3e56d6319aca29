import type { INestApplication } from '@nestjs/common';
import type { App } from 'supertest/types.js';
import { createApp } from '../../src/app.js';
import { loadConfig } from '../../src/platform/config/app-config.js';
import { createLogger } from '../../src/platform/logging/create-logger.js';
import { createTestDatabase, type TestDatabase } from './test-database.js';

/** A stream pino writes JSON lines to, and what it got as lines. */
export function captureLines() {
  let text = '';
  // pino calls write(string) on its destination.
  const destination = { write: (line: string) => void (text += line) };
  return { destination, lines: () => text.split('\n').filter(Boolean) };
}

/**
 * HTTP apps on one test database of their own, each logging at `level` in the format asked for:
 * JSON lines to `destination` when given, else to stdout. close() stops them and drops the database.
 */
export function loggingApps() {
  let database: TestDatabase | undefined;
  const apps: INestApplication[] = [];
  return {
    async start(format: 'json' | 'pretty', destination?: { write(line: string): void }, level: 'log' | 'debug' = 'log'): Promise<App> {
      database ??= await createTestDatabase();
      const config = loadConfig({
        NODE_ENV: 'test',
        RATE_LIMIT_ENABLED: 'false',
        LOG_LEVEL: level,
        LOG_FORMAT: format,
        GENRE_TRAIN_CRON: 'off',
        DATABASE_URL: database.url,
      });
      const app = await createApp(config, database.url, undefined, createLogger(level, { format, destination }));
      await app.init();
      apps.push(app);
      return app.getHttpServer() as App;
    },
    async close(): Promise<void> {
      for (const app of apps) await app.close();
      await database?.drop();
    },
  };
}
