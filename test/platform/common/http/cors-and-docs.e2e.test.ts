import request from 'supertest';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { createTestApp, type TestApp } from '../../../support/test-app.js';

describe('same-origin default', () => {
  let t: TestApp;
  beforeAll(async () => {
    t = await createTestApp();
  });
  afterAll(() => t.close());

  it('sends no CORS headers to another origin', async () => {
    const response = await request(t.http).get('/api/health/').set('origin', 'https://elsewhere.example').expect(200);
    expect(response.headers['access-control-allow-origin']).toBeUndefined();
  });

  it('serves the OpenAPI document generated from the code, and its UI', async () => {
    const document = await request(t.http).get('/api/docs-json').expect(200);
    expect(document.body.info.title).toBe('Encore API');
    expect(Object.keys(document.body.paths)).toContain('/api/health');
    const ui = await request(t.http).get('/api/docs').redirects(1).expect(200);
    expect(ui.text).toContain('swagger-ui');
  });
});

describe('CORS_ORIGINS', () => {
  let t: TestApp;
  beforeAll(async () => {
    t = await createTestApp({ CORS_ORIGINS: 'https://label-tool.example' });
  });
  afterAll(() => t.close());

  it('lets a listed origin call the API', async () => {
    const response = await request(t.http)
      .options('/api/health/')
      .set('origin', 'https://label-tool.example')
      .set('access-control-request-method', 'GET')
      .expect(204);
    expect(response.headers['access-control-allow-origin']).toBe('https://label-tool.example');
  });

  it('does not let an unlisted origin in', async () => {
    const response = await request(t.http).get('/api/health/').set('origin', 'https://elsewhere.example').expect(200);
    expect(response.headers['access-control-allow-origin']).toBeUndefined();
  });
});
