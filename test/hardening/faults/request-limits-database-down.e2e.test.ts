import type { INestApplication } from '@nestjs/common';
import { join } from 'node:path';
import request from 'supertest';
import type { App } from 'supertest/types.js';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { createApp } from '../../../src/app.js';
import { loadConfig } from '../../../src/platform/config/app-config.js';
import { RequestCounter } from '../../../src/platform/request-limits/request-counter.service.js';
import { startOwnPostgres, type OwnPostgres } from '../../support/own-postgres.js';

/** The request limits while PostgreSQL is down: the instance limits on its own counts and shares them once it is back. */
describe('request limits through a database outage', () => {
  let db: OwnPostgres;
  let app: INestApplication;
  let http: App;

  beforeAll(async () => {
    db = await startOwnPostgres();
    const config = loadConfig({
      NODE_ENV: 'test',
      LOG_LEVEL: 'error',
      DATABASE_URL: db.url,
      DATABASE_TIMEOUT_MS: '1000',
      GENRE_TRAIN_CRON: 'off',
      MODELS_DIR: join(db.root, 'models'),
      MEDIA_DIR: join(db.root, 'media'),
      RATE_LIMIT_ENABLED: 'true',
      RATE_LIMIT_WINDOW_SECONDS: '3600',
      RATE_LIMIT_PER_IP: '5',
      RATE_LIMIT_PER_ACCOUNT: '5',
      RATE_LIMIT_EXPENSIVE_COST: '5',
      RATE_LIMIT_SYNC_MS: '60000',
    });
    app = await createApp(config, db.url);
    await app.init();
    http = app.getHttpServer() as App;
  }, 60_000);

  afterAll(async () => {
    await app?.close();
    await db?.close();
  });

  it('keeps refusing a client over budget while PostgreSQL is down, and shares its counts once it is back', async () => {
    // GET /api/models/active reads no table: it answers (404 here, no model) with the database down.
    for (let i = 0; i < 5; i++) expect((await request(http).get('/api/models/active')).status).toBe(404);
    await db.server.stop('fast');
    await request(http).get('/api/models/active').expect(429);
    await app.get(RequestCounter).sync();
    await db.server.start();
    await app.get(RequestCounter).sync();
    expect(await db.query<{ count: number }>("SELECT count FROM request_counts WHERE bucket = 'ip:127.0.0.1'")).toEqual([{ count: 5 }]);
  });
});
