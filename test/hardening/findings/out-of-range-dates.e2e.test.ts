import request from 'supertest';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { isBadDateTimeInput } from '../../../src/platform/common/http/database-errors.js';
import { createAccount, type TestAccount } from '../../support/accounts.js';
import { fetchOpenApiDocument, operationsOf } from '../../support/openapi-operations.js';
import { createTestApp, type TestApp } from '../../support/test-app.js';

/** Issue 20, finding 8: a year-0000 date in a query filter reached PostgreSQL, which refused it (22008), and the API answered 500. */
describe('date filters outside years 1 to 9999', () => {
  let t: TestApp;
  let admin: TestAccount;

  beforeAll(async () => {
    t = await createTestApp();
    admin = await createAccount(t, 'admin');
  });
  afterAll(() => t?.close());

  it('answers 400 naming from to an anonymous GET /api/predictions?from=0000-01-01', async () => {
    const { body } = await request(t.http).get('/api/predictions?from=0000-01-01').expect(400);
    expect(body.message).toBe('from must be between 0001-01-01 and 9999-12-31 (UTC)');
  });

  it('answers 400 naming created_after to GET /api/admin/users?created_after=0000-01-01', async () => {
    const { body } = await request(t.http).get('/api/admin/users?created_after=0000-01-01').set('authorization', admin.bearer).expect(400);
    expect(body.message).toBe('created_after must be between 0001-01-01 and 9999-12-31 (UTC)');
  });

  it('refuses a date that falls into year 0 only through its offset, and accepts the first and last instants of the range', async () => {
    await request(t.http)
      .get(`/api/predictions?to=${encodeURIComponent('0001-01-01T00:00+01:00')}`)
      .expect(400);
    await request(t.http).get('/api/predictions?from=0001-01-01&to=9999-12-31T23:59:59.999Z').expect(200);
  });

  it('bounds every documented date query parameter the same way, as admin', async () => {
    const operations = operationsOf(await fetchOpenApiDocument(t.http)).filter((op) => op.method === 'get' && !op.path.includes('{'));
    const dated = operations.flatMap((op) =>
      op.parameters.filter((p) => p.in === 'query' && (p.schema as { format?: string } | undefined)?.format === 'date-time').map((p) => ({ op, name: p.name })),
    );
    expect(dated.length).toBeGreaterThanOrEqual(8);
    for (const { op, name } of dated) {
      const response = await request(t.http).get(`${op.path}?${name}=0000-01-01`).set('authorization', admin.bearer);
      expect([response.status, response.body.message], `${op.name}?${name}`).toEqual([400, `${name} must be between 0001-01-01 and 9999-12-31 (UTC)`]);
    }
  });

  it("recognises PostgreSQL's refusal of a date (22008) or of its format (22007), as Prisma raises it, as bad input", async () => {
    const refusal = (sql: string) =>
      t.prisma.$queryRawUnsafe(sql).then(
        () => undefined,
        (error: unknown) => error,
      );
    expect(isBadDateTimeInput(await refusal("SELECT '0000-01-01'::timestamptz"))).toBe(true);
    expect(isBadDateTimeInput(await refusal("SELECT 'not a date'::timestamptz"))).toBe(true);
    expect(isBadDateTimeInput(await refusal('SELECT 1/0'))).toBe(false);
  });
});
