import request from 'supertest';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { createTestApp, type TestApp } from '../../support/test-app.js';

describe('GET /api/health', () => {
  let t: TestApp;
  beforeAll(async () => {
    t = await createTestApp();
  });
  afterAll(() => t.close());

  it.each(['/api/health/', '/api/health'])('answers 200 with the database up at %s', async (path) => {
    const response = await request(t.http).get(path).expect(200);
    expect(response.body).toMatchObject({ status: 'ok', service: 'encore', database: 'ok' });
    expect(response.body.endpoints.health).toBe('/api/health/');
  });
});
