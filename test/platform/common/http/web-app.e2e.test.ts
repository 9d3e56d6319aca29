import { readdirSync } from 'node:fs';
import { join } from 'node:path';
import request from 'supertest';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { WEB_DIST } from '../../../../src/platform/common/http/web-app.js';
import { createTestApp, type TestApp } from '../../../support/test-app.js';

describe('the web app served by the API', () => {
  let t: TestApp;
  beforeAll(async () => {
    t = await createTestApp();
  });
  afterAll(() => t.close());

  it('serves the SPA at /, not cached, so a new build shows at once', async () => {
    const response = await request(t.http).get('/').set('accept', 'text/html').expect(200);
    expect(response.headers['content-type']).toContain('text/html');
    expect(response.headers['cache-control']).toBe('no-cache');
    expect(response.text).toContain('<div id="app">');
  });

  it('answers a page path with the SPA, so links into the app survive a reload', async () => {
    const response = await request(t.http).get('/model').set('accept', 'text/html').expect(200);
    expect(response.text).toContain('<div id="app">');
  });

  it('caches hashed assets for a year', async () => {
    const asset = readdirSync(join(WEB_DIST, 'assets')).find((name) => name.endsWith('.js'))!;
    const response = await request(t.http).get(`/assets/${asset}`).expect(200);
    expect(response.headers['cache-control']).toBe('public, max-age=31536000, immutable');
  });

  it('keeps unknown API paths as JSON 404s', async () => {
    const { body } = await request(t.http).get('/api/nothing-here').set('accept', 'text/html').expect(404);
    expect(body).toMatchObject({ statusCode: 404, error: 'Not Found' });
  });
});
