import type { INestApplication } from '@nestjs/common';
import { chmod, mkdtemp, rm } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import request from 'supertest';
import type { App } from 'supertest/types.js';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { createApp } from '../../../src/app.js';
import { loadConfig } from '../../../src/platform/config/app-config.js';
import { EmbeddedPostgres } from '../../../src/platform/database/embedded-postgres.js';
import { freePort } from '../../support/free-port.js';

describe('health while the database goes down and comes back', () => {
  let root: string;
  let server: EmbeddedPostgres;
  let app: INestApplication;
  let http: App;

  beforeAll(async () => {
    root = await mkdtemp(join(tmpdir(), 'encore-health-'));
    await chmod(root, 0o755);
    server = new EmbeddedPostgres({ dataDir: join(root, 'pg'), port: await freePort() });
    await server.start();
    app = await createApp(loadConfig({ LOG_LEVEL: 'error', RATE_LIMIT_ENABLED: 'false', DATABASE_URL: server.url, DATABASE_TIMEOUT_MS: '2000' }), server.url);
    await app.init();
    http = app.getHttpServer() as App;
  });

  afterAll(async () => {
    await app.close();
    await server.stop();
    await rm(root, { recursive: true, force: true });
  });

  it('answers 200, then 503 with database "down", then 200 again without a restart', async () => {
    await request(http).get('/api/health/').expect(200);

    await server.stop();
    const down = await request(http).get('/api/health/').expect(503);
    expect(down.body).toMatchObject({ status: 'degraded', service: 'encore', database: 'down' });

    await server.start();
    const up = await request(http).get('/api/health/').expect(200);
    expect(up.body).toMatchObject({ status: 'ok', database: 'ok' });
  });
});
